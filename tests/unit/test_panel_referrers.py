"""Referrers panel on a hand-made pack: period 2026-11-16..22, baseline W45 (11-02..08) + W46."""

from __future__ import annotations

import pytest

from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.registry import run_panel


def _t(day: str, source: str, sessions: int, goals: int, medium: str = "referral") -> dict:
    return {"date": day, "source": source, "medium": medium, "sessions": sessions,
            "goal_completions": goals}


TRAFFIC = [
    # partner.com: W45 200, W46 100 (mean 150); period 50
    _t("2026-11-03", "partner.com", 200, 20), _t("2026-11-10", "partner.com", 100, 10),
    _t("2026-11-17", "partner.com", 50, 5, medium="Referral"),
    # news.com: new this period
    _t("2026-11-18", "news.com", 120, 6),
    # blog.com: 40 + 20 in the baseline (mean 30), 30 in the period
    _t("2026-11-04", "blog.com", 40, 1), _t("2026-11-11", "blog.com", 20, 1),
    _t("2026-11-19", "Blog.com", 30, 3),
    # not referrals
    _t("2026-11-17", "google", 800, 8, medium="organic"),
    _t("2026-11-03", "google", 1000, 8, medium="organic"),
    _t("2026-11-10", "google", 1000, 8, medium="organic"),
]


def _run(**options: object):
    return run_panel("referrers", pack_of(traffic=TRAFFIC), period(), settings(**options))


def test_figures() -> None:
    r = _run()
    assert r.error is None
    f, b = r.figures, r.baseline_figures
    assert f["referral_sessions"] == pytest.approx(200)  # 50 + 120 + 30
    assert f["referral_goal_completions"] == pytest.approx(14)  # 5 + 6 + 3
    assert f["referral_goal_conversion"] == pytest.approx(14 / 200)
    assert f["referral_share"] == pytest.approx(200 / 1000)
    assert f["referring_sites"] == pytest.approx(3)
    assert f["new_referrers"] == pytest.approx(1)
    # baseline: 200+40 + 100+20 = 360 sessions, 20+1+10+1 = 32 goals
    assert b["referral_sessions"] == pytest.approx(180)
    assert b["referral_goal_completions"] == pytest.approx(16)
    assert b["referral_goal_conversion"] == pytest.approx(32 / 360)
    assert b["referral_share"] == pytest.approx(360 / 2360)
    assert b["referring_sites"] == pytest.approx(2)
    assert b["new_referrers"] is None
    assert set(f) == set(b)


def test_table() -> None:
    rows = _run().tables["referrers"].rows
    assert [r["site"] for r in rows] == ["news.com", "partner.com", "blog.com"]
    partner = rows[1]
    assert partner["avg_sessions"] == pytest.approx(150)
    assert partner["sessions_change"] == pytest.approx((50 - 150) / 150)
    assert partner["share"] == pytest.approx(50 / 200)
    assert partner["goal_conversion"] == pytest.approx(0.1)
    assert partner["avg_goal_conversion"] == pytest.approx(30 / 300)
    assert rows[0]["new"] is True and rows[0]["avg_goal_conversion"] is None
    assert rows[2]["new"] is False  # Blog.com is blog.com


def test_findings_and_thresholds() -> None:
    found = {f.key: f for f in _run().findings}
    assert set(found) == {"referrer_drop:partner.com", "new_referrer:news.com"}
    assert found["referrer_drop:partner.com"].message == (
        "partner.com referred 50 sessions last week against 150 on average over 2 weeks.")
    assert found["new_referrer:news.com"].severity == "low"
    # the average 150 must reach min_sessions
    assert "referrer_drop:partner.com" in {f.key for f in _run(min_sessions=150).findings}
    assert "referrer_drop:partner.com" not in {f.key for f in _run(min_sessions=151).findings}
    # 50 < 150 x (1 - 0.6) = 60 but not < 150 x (1 - 0.7) = 45
    assert "referrer_drop:partner.com" in {f.key for f in _run(drop_share=0.6).findings}
    assert "referrer_drop:partner.com" not in {f.key for f in _run(drop_share=0.7).findings}


def test_top_option() -> None:
    r = _run(top=2)
    assert len(r.tables["referrers"].rows) == 2
    assert r.notes == ("1 smaller referrers not listed",)


def test_missing_traffic_is_the_panels_error() -> None:
    r = run_panel("referrers", pack_of(paid=[]), period(), settings())
    assert r.error is not None and "traffic" in r.error
