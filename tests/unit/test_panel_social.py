"""Social panel on a hand-made pack: period 2026-11-16..22, baseline W45 (11-02..08) + W46."""

from __future__ import annotations

import pytest

from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.registry import run_panel
from tuneup_tui.metrics.social_aliases import canonical_network, network_of_source


def _s(day: str, network: str, followers: int, engagements: int, **more: int) -> dict:
    return {"date": day, "network": network, "followers": followers,
            "engagements": engagements, **more}


SOCIAL = [
    # LinkedIn followers read each Sunday: 1000, 1100 (W45 end), 1200 (W46 end), 1300 (period)
    _s("2026-11-01", "LinkedIn", 1000, 10),
    _s("2026-11-08", "LinkedIn", 1100, 10, posts=2),
    _s("2026-11-15", "LinkedIn", 1200, 10, posts=4),
    _s("2026-11-22", "LinkedIn", 1300, 10, posts=3, video_views=50),
    # "Twitter" is the network x; only one reading, so no growth
    _s("2026-11-22", "Twitter", 10, 5),
]


def _t(day: str, source: str, sessions: int) -> dict:
    return {"date": day, "source": source, "medium": "referral", "sessions": sessions,
            "goal_completions": 0}


TRAFFIC = [
    _t("2026-11-17", "lnkd.in", 30),            # period: 30 from linkedin
    _t("2026-11-10", "linkedin.com", 200),      # W46
    _t("2026-11-04", "www.linkedin.com", 100),  # W45 -> baseline 300, mean 150
    _t("2026-11-18", "t.co", 5),                # period: 5 from x
    _t("2026-11-18", "partner.com", 999),       # not social
    {"date": "2026-11-18", "source": "linkedin", "medium": "cpc", "sessions": 500,
     "goal_completions": 0},                    # a campaign tag, not an alias (an ad)
]


def _run(**options: object):
    return run_panel("social", pack_of(social=SOCIAL, traffic=TRAFFIC), period(),
                     settings(**options))


def test_aliases() -> None:
    assert network_of_source("L.Facebook.com") == "facebook"
    assert network_of_source("lnkd.in") == "linkedin"
    assert network_of_source("youtu.be") == "youtube"
    assert network_of_source("t.co") == "x"
    assert network_of_source("google") is None
    assert network_of_source("business.facebook.com") == "facebook"  # a subdomain
    assert network_of_source("linkedin") is None  # a bare tag: only through `aliases`
    assert network_of_source("notfacebook.com") is None
    assert canonical_network(" Twitter ") == "x"


def test_network_rows() -> None:
    r = _run()
    assert r.error is None
    rows = {row["network"]: row for row in r.tables["networks"].rows}
    li = rows["linkedin"]
    assert li["followers"] == pytest.approx(1300)
    assert li["follower_growth"] == pytest.approx(100)       # 1300 - 1200
    assert li["avg_follower_growth"] == pytest.approx(100)   # (1100-1000 + 1200-1100) / 2
    assert li["engagements"] == pytest.approx(10)
    assert li["avg_engagements"] == pytest.approx(10)        # (10 + 10) / 2
    assert li["posts"] == pytest.approx(3)
    assert li["video_views"] == pytest.approx(50)
    assert li["referral_sessions"] == pytest.approx(30)
    assert li["avg_referral_sessions"] == pytest.approx(150)  # (100 + 200) / 2
    assert li["sessions_per_1000_followers"] == pytest.approx(30 / 1300 * 1000)
    # mean baseline level (1100 + 1200) / 2 = 1150
    assert li["avg_sessions_per_1000_followers"] == pytest.approx(150 / 1150 * 1000)
    x = rows["x"]
    assert x["follower_growth"] is None  # no reading before the period
    assert x["referral_sessions"] == pytest.approx(5)


def test_totals() -> None:
    f, b = _run().figures, _run().baseline_figures
    assert f["followers"] == pytest.approx(1310)
    assert f["follower_growth"] == pytest.approx(100)
    assert f["engagements"] == pytest.approx(15)
    assert f["referral_sessions"] == pytest.approx(35)
    assert f["sessions_per_1000_followers"] == pytest.approx(35 / 1310 * 1000)
    assert b["followers"] == pytest.approx(1150)
    assert b["referral_sessions"] == pytest.approx(150)
    assert b["engagements"] == pytest.approx(10)
    assert b["posts"] == pytest.approx(3)  # (2 + 4) / 2
    assert set(f) == set(b)


def test_followers_not_traffic_finding() -> None:
    found = {f.key: f for f in _run().findings}
    # +100 followers, 30 sessions against 150 (below by 80% > 25%), 150 >= 50
    assert list(found) == ["followers_not_traffic:linkedin"]
    assert found["followers_not_traffic:linkedin"].message == (
        "linkedin gained 100 followers last week but referred 30 sessions against 150 on "
        "average over 2 weeks.")
    assert {f.key for f in _run(min_sessions=150).findings} == {"followers_not_traffic:linkedin"}
    assert _run(min_sessions=151).findings == ()


def test_agenda_aliases() -> None:
    traffic = [*TRAFFIC, _t("2026-11-19", "forum.example.com", 40)]
    social = [*SOCIAL, _s("2026-11-22", "Community", 500, 1)]
    r = run_panel("social", pack_of(social=social, traffic=traffic), period(),
                  settings(aliases={"community": ["forum.example.com"]}))
    rows = {row["network"]: row for row in r.tables["networks"].rows}
    assert rows["community"]["referral_sessions"] == pytest.approx(40)


def test_without_traffic() -> None:
    r = run_panel("social", pack_of(social=SOCIAL), period(), settings())
    assert r.error is None
    assert r.figures["referral_sessions"] is None
    assert any("traffic" in n for n in r.notes)


def test_missing_social_is_the_panels_error() -> None:
    r = run_panel("social", pack_of(traffic=TRAFFIC), period(), settings())
    assert r.error is not None and "social" in r.error
