"""Nurturing panel: database size, 4-week turnover and attrition, CTR against email traffic.

Period 2026-11-16..22, its 4-week window 10-26..11-22. Baseline W45 (11-02..08, window
10-12..11-08) and W46 (11-09..15, window 10-19..11-15).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.cross_check_fixtures import DATABASE, EMAILS, TRAFFIC
from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.nurturing import compute
from tuneup_tui.metrics.registry import run_panel


def run(**options: Any) -> Any:
    pack = pack_of(database=DATABASE, emails=EMAILS, traffic=TRAFFIC)
    return compute(pack, period(), settings(**options))


def test_turnover_and_attrition_over_four_weeks() -> None:
    f = run().figures
    assert f["database_size"] == 1200
    # 10-26..11-22: Oct B 1000 + Nov A 1000 + Nov B 1000 + Promo 2000 + Digest 1000
    assert f["emails_sent_4w"] == 6000
    assert f["turnover_rate"] == pytest.approx(6000 / 1200)  # 5 sends per contact
    # unsubscribes 5+4+3+10+2 = 24; bounces 10+6+7+30+8 = 61; 85 / 1200
    assert (f["unsubscribes_4w"], f["bounces_4w"]) == (24, 61)
    assert f["list_attrition"] == pytest.approx(85 / 1200)


def test_ctr_and_click_to_session_in_the_period() -> None:
    f = run().figures
    # Promo + Digest: sent 3000, delivered 2900, clicks 400
    assert (f["emails_sent"], f["emails_delivered"], f["emails_clicks"]) == (3000, 2900, 400)
    assert f["email_ctr"] == pytest.approx(400 / 2900)
    # email sessions 40 + 10 = 50 for 400 clicks
    assert f["email_sessions"] == 50
    assert f["click_to_session"] == pytest.approx(50 / 400)


def test_baseline_figures() -> None:
    b = run().baseline_figures
    assert b["database_size"] == pytest.approx(1100)
    # W45 window: Oct A + Oct B + Nov A = 2500 sent; W46: Oct B + Nov A + Nov B = 3000
    assert b["emails_sent_4w"] == pytest.approx((2500 + 3000) / 2)
    assert b["turnover_rate"] == pytest.approx(5500 / 2200)
    # lost W45: (2+5+4) + (20+10+6) = 47; W46: (5+4+3) + (10+6+7) = 35
    assert b["unsubscribes_4w"] == pytest.approx((11 + 12) / 2)
    assert b["list_attrition"] == pytest.approx((47 + 35) / 2200)
    # baseline weeks hold Nov A + Nov B: clicks 100 / delivered 2000
    assert b["emails_clicks"] == pytest.approx(50)
    assert b["email_ctr"] == pytest.approx(100 / 2000)
    # sessions 30 + 60 = 90 for 100 clicks
    assert b["email_sessions"] == pytest.approx(45)
    assert b["click_to_session"] == pytest.approx(90 / 100)


def test_campaign_table() -> None:
    rows = {row["campaign"]: row for row in run().tables["campaigns"].rows}
    assert list(rows) == ["Digest", "Promo"]
    assert rows["Promo"]["ctr"] == pytest.approx(380 / 1900)
    assert rows["Digest"]["ctr"] == pytest.approx(20 / 1000)


def test_findings_worked_by_hand() -> None:
    found = {f.key: f for f in run().findings}
    # Promo CTR 20% >= 2 x 5%, and 0.125 sessions per click <= 0.75 x 0.90;
    # attrition 0.0708 >= 1.5 x 0.0373; turnover 5 is under the default 8
    assert set(found) == {"clicks_not_confirmed:Promo", "attrition_high"}
    assert found["clicks_not_confirmed:Promo"].message == (
        "Campaign Promo had a 20.0% click-through rate last week against 5.0% on average, yet "
        "email brought 0.12 sessions per click against 0.90: email clicks not confirmed by "
        "traffic")
    assert found["attrition_high"].message == (
        "Unsubscribes and bounces took 7.08% of the database in the 4 weeks to 2026-11-22 "
        "against 3.73% on average")


def test_turnover_fires_at_the_threshold_not_below() -> None:
    found = {f.key: f for f in run(max_turnover=5.0).findings}
    assert found["turnover_high"].message == (
        "6,000 emails went to a database of 1,200 in the 4 weeks to 2026-11-22: 5.0 sends per "
        "contact, at or over the 5.0 agreed")
    assert "turnover_high" not in {f.key for f in run(max_turnover=5.01).findings}


def test_attrition_above_average() -> None:
    # 85/1200 = 0.07083 against 82/2200 = 0.03727: 1.90 times the average
    assert "attrition_high" in {f.key for f in run(attrition_above=0.90).findings}
    assert "attrition_high" not in {f.key for f in run(attrition_above=0.91).findings}


def test_clicks_not_confirmed_thresholds() -> None:
    # CTR multiple: 0.20 / 0.05 = 4 exactly
    assert "clicks_not_confirmed:Promo" in {f.key for f in run(ctr_multiple=4.0).findings}
    keys = {f.key for f in run(ctr_multiple=4.01).findings}
    assert "clicks_not_confirmed:Promo" not in keys
    assert "click_to_session_low" in keys  # the ratio alone is still far below
    low = {f.key: f for f in run(ctr_multiple=4.01).findings}["click_to_session_low"]
    assert low.message == "Email brought 0.12 sessions per click last week against 0.90 on average"
    # ratio 0.125 against 0.9 x (1 - drop): drop 0.86 -> 0.126 fires; 0.87 -> 0.117 does not
    assert "clicks_not_confirmed:Promo" in {f.key for f in run(ratio_drop=0.86).findings}
    keys = {f.key for f in run(ratio_drop=0.87).findings}
    assert not any(k.startswith("click") for k in keys)


def test_email_mediums_option() -> None:
    # "cpc" counts too: 50 + 500 sessions for 400 clicks
    f = run(email_mediums=["email", "CPC"]).figures
    assert f["email_sessions"] == 550
    assert f["click_to_session"] == pytest.approx(550 / 400)


def test_one_medium_on_its_own() -> None:
    assert run(email_mediums="cpc").figures["email_sessions"] == 500


def test_without_traffic_the_ratio_is_na_with_a_note() -> None:
    r = compute(pack_of(database=DATABASE, emails=EMAILS), period(), settings())
    assert r.figures["click_to_session"] is None
    assert r.figures["email_sessions"] is None
    assert r.baseline_figures["click_to_session"] is None
    assert any("traffic" in n for n in r.notes)
    assert not any(f.key.startswith("click") for f in r.findings)


def test_empty_sources_give_none() -> None:
    r = compute(pack_of(database=[], emails=[]), period(), settings())
    assert r.figures["database_size"] is None
    assert r.figures["turnover_rate"] is None
    assert r.figures["list_attrition"] is None
    assert r.figures["email_ctr"] is None
    assert r.baseline_figures["turnover_rate"] is None
    assert r.findings == ()


def test_missing_database_is_the_panels_error() -> None:
    r = run_panel("nurturing", pack_of(emails=EMAILS), period(), settings())
    assert r.error is not None and "database" in r.error
