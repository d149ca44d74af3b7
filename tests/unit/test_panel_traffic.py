"""Traffic Study panel on a hand-made pack: period 2026-11-16..22, baseline W45 + W46."""

from __future__ import annotations

import pytest

from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.registry import run_panel


def _t(day: str, source: str, medium: str, sessions: int, goals: int) -> dict:
    return {"date": day, "source": source, "medium": medium, "sessions": sessions,
            "goal_completions": goals}


TRAFFIC = [
    # google / cpc: period 300 s, 6 g; W46 200 s, 10 g; W45 400 s, 20 g
    _t("2026-11-17", "google", "cpc", 300, 6),
    _t("2026-11-10", "google", "cpc", 200, 10),
    _t("2026-11-03", "google", "cpc", 400, 20),
    # bing / cpc: nothing in the period; 250 s, 5 g in each baseline week
    _t("2026-11-10", "bing", "cpc", 250, 5),
    _t("2026-11-03", "bing", "cpc", 250, 5),
    # (direct) / (none): small, converts worse, but under min_sessions
    _t("2026-11-20", "(direct)", "(none)", 100, 1),
    _t("2026-11-12", "(direct)", "(none)", 100, 4),
    _t("2026-11-08", "(direct)", "(none)", 100, 4),
    # before the baseline: ignored
    _t("2026-10-20", "google", "cpc", 9999, 999),
]


def _lead(i: int, sent: str | None) -> dict:
    return {"lead_id": f"L{i}", "created_at": "2026-10-01", "program": "web", "score": 50,
            "status": "open", "sent_to_sales_at": sent, "territory": "east"}


LEADS = [_lead(1, "2026-11-04 09:00"), _lead(2, "2026-11-10 10:00"),
         _lead(3, "2026-11-12 11:00"), _lead(4, "2026-11-17 12:00"),
         _lead(5, "2026-11-20 08:00"), _lead(6, "2026-10-20 08:00"), _lead(7, None)]


def _run(**options: object):
    pack = pack_of(traffic=TRAFFIC, leads=LEADS)
    return run_panel("traffic", pack, period(), settings(**options))


def test_totals_and_expected_leads() -> None:
    r = _run()
    assert r.error is None
    f, b = r.figures, r.baseline_figures
    # period: 300 + 100 = 400 sessions, 6 + 1 = 7 goals
    assert f["sessions"] == pytest.approx(400)
    assert f["goal_completions"] == pytest.approx(7)
    assert f["goal_conversion"] == pytest.approx(7 / 400)
    assert f["sources"] == pytest.approx(2)  # bing had no sessions
    # baseline: W45 400+250+100 = 750, W46 200+250+100 = 550 -> 1300, mean 650
    assert b["sessions"] == pytest.approx(650)
    # goals: W45 20+5+4 = 29, W46 10+5+4 = 19 -> 48, mean 24; pooled 48 / 1300
    assert b["goal_completions"] == pytest.approx(24)
    assert b["goal_conversion"] == pytest.approx(48 / 1300)
    assert b["sources"] == pytest.approx(3)  # 3 pairs each week
    # sent to sales: baseline L1, L2, L3 = 3 (mean 1.5); period L4, L5 = 2
    assert f["leads_sent_to_sales"] == pytest.approx(2)
    assert b["leads_sent_to_sales"] == pytest.approx(1.5)
    assert b["leads_per_goal"] == pytest.approx(3 / 48)
    # expected = 7 goals x 3/48 = 0.4375; baseline: mean goals 24 x 3/48 = 1.5
    assert f["expected_leads_to_sales"] == pytest.approx(0.4375)
    assert b["expected_leads_to_sales"] == pytest.approx(1.5)
    assert set(f) == set(b)


def test_table_by_source() -> None:
    rows = {row["source_medium"]: row for row in _run().tables["by_source"].rows}
    g = rows["google / cpc"]
    assert g["sessions"] == pytest.approx(300)
    assert g["avg_sessions"] == pytest.approx(300)  # (200 + 400) / 2
    assert g["sessions_change"] == pytest.approx(0)
    assert g["share"] == pytest.approx(300 / 400)
    assert g["goal_conversion"] == pytest.approx(6 / 300)
    assert g["avg_goal_conversion"] == pytest.approx(30 / 600)
    bing = rows["bing / cpc"]
    assert bing["goal_conversion"] is None  # 0 sessions: n/a, not a crash
    assert bing["avg_sessions"] == pytest.approx(250)
    assert bing["sessions_change"] == pytest.approx(-1)
    assert next(iter(rows)) == "google / cpc"  # by sessions


def test_findings_default() -> None:
    found = {f.key: f for f in _run().findings}
    # google / cpc 2.0% against 5.0%: 60% below the average. Its severity is the test's:
    # 6 of 300 against 30 of 600, pooled p = 36 / 900 = 0.04,
    # z = (0.02 - 0.05) / sqrt(0.04 x 0.96 x (1/300 + 1/600)) = -2.17: medium (under 2.58)
    low = found["low_conversion:google / cpc"]
    assert low.severity == "medium"
    assert low.evidence is not None
    assert (low.evidence["count"], low.evidence["of"]) == (6, 300)
    assert (low.evidence["baseline_count"], low.evidence["baseline_of"]) == (30, 600)
    assert low.evidence["z"] == pytest.approx(-0.03 / (0.04 * 0.96 * (1 / 300 + 1 / 600)) ** 0.5)
    assert low.message == ("google / cpc converted 2.0% of sessions last week against 5.0% "
                           "on average over 2 weeks.")
    # bing: 0 against 250 on average, 250 >= 200 sessions. Poisson: lambda = 500 / 3,
    # z = (0 - 250) / sqrt(500 / 3 x 1.5) = -15.8: high
    drop = found["sessions_drop:bing / cpc"]
    assert drop.severity == "high"
    assert drop.evidence is not None
    assert drop.evidence["z"] == pytest.approx(-250 / (500 / 3 * 1.5) ** 0.5)
    # (direct): 1% against 4% but only 100 sessions
    assert not any(k.endswith("(direct) / (none)") for k in found)


def test_min_sessions_threshold() -> None:
    keys = {f.key for f in _run(min_sessions=300).findings}
    assert "low_conversion:google / cpc" in keys  # 300 sessions >= 300
    keys = {f.key for f in _run(min_sessions=301).findings}
    assert "low_conversion:google / cpc" not in keys
    keys = {f.key for f in _run(min_sessions=250).findings}
    assert "sessions_drop:bing / cpc" in keys  # average 250 >= 250
    keys = {f.key for f in _run(min_sessions=251).findings}
    assert "sessions_drop:bing / cpc" not in keys


def test_without_leads_expected_is_na() -> None:
    r = run_panel("traffic", pack_of(traffic=TRAFFIC), period(), settings())
    assert r.error is None
    assert r.figures["expected_leads_to_sales"] is None
    assert r.baseline_figures["expected_leads_to_sales"] is None
    assert any("leads" in note for note in r.notes)


def test_missing_traffic_is_the_panels_error() -> None:
    r = run_panel("traffic", pack_of(leads=LEADS), period(), settings())
    assert r.error is not None and "traffic" in r.error
    assert r.figures == {}


def test_series() -> None:
    r = _run()
    trend = r.series["sessions"]
    assert trend.labels == ("2026-W45", "2026-W46", "2026-W47")
    assert trend.values == pytest.approx((750, 550, 400))
    share = r.series["share"]
    assert share.kind == "share"
    assert share.values == pytest.approx((0.75, 0.25))


def test_min_expected_goals() -> None:
    # at its average 5% google / cpc's 300 sessions would have brought 15 goals
    assert "low_conversion:google / cpc" in {f.key for f in _run(min_expected_goals=15).findings}
    assert "low_conversion:google / cpc" not in {
        f.key for f in _run(min_expected_goals=16).findings}
