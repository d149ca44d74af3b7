"""Sales follow-up panel: status, opportunity and bad data rates, speed to lead, calls and emails
by rep, calling capacity.

Period 2026-11-16..22; baseline W45 (11-02..08) and W46 (11-09..15). Territories: East is Alex
Kim, West is Bea Lo; Dan Ng has activities but no territory.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.cross_check_fixtures import (
    ACTIVITIES,
    CRM,
    SENT_LEADS,
    TERRITORIES,
)
from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.follow_up import compute
from tuneup_tui.metrics.registry import run_panel


def run(**options: Any) -> Any:
    pack = pack_of(leads=SENT_LEADS, crm=CRM, territories=TERRITORIES, activities=ACTIVITIES)
    return compute(pack, period(), settings(**options))


def test_lead_figures_worked_by_hand() -> None:
    f = run().figures
    assert f["leads_delivered"] == 5
    assert f["with_opportunity"] == 1                       # L-1
    assert f["opportunity_create_rate"] == pytest.approx(1 / 5)
    assert f["bad_data_rate"] == pytest.approx(1 / 5)       # L-3
    # hours 12, 24, 72 -> median 24; within 24 h: L-1, L-2 of all 5 delivered
    assert f["median_hours_to_first_touch"] == pytest.approx(24)
    assert f["touched_within_24h"] == 2
    assert f["within_24h_share"] == pytest.approx(2 / 5)
    assert f["never_touched"] == 2                          # L-4, L-5


def test_baseline_rates_pooled_over_deliveries() -> None:
    b = run().baseline_figures
    # delivered L-6, L-7, L-8, L-9 over 2 weeks
    assert b["leads_delivered"] == pytest.approx(2.0)
    assert b["opportunity_create_rate"] == pytest.approx(2 / 4)   # L-6, L-7
    assert b["bad_data_rate"] == pytest.approx(1 / 4)             # L-7
    assert b["median_hours_to_first_touch"] == pytest.approx(10)  # of 2, 48, 10
    assert b["within_24h_share"] == pytest.approx(2 / 4)          # L-6, L-8
    assert b["never_touched"] == pytest.approx(0.5)               # L-9


def test_status_table() -> None:
    rows = [dict(r) for r in run().tables["status"].rows]
    assert rows == [
        # each status with what the status map says it means
        {"status": "Working", "means": "working", "leads": 2, "share": pytest.approx(0.4)},
        {"status": "(not in CRM)", "means": "", "leads": 1, "share": pytest.approx(0.2)},
        {"status": "Bad Data", "means": "rejected", "leads": 1, "share": pytest.approx(0.2)},
        {"status": "New", "means": "accepted", "leads": 1, "share": pytest.approx(0.2)},
    ]


def test_calls_and_emails_by_rep() -> None:
    r = run()
    rows = {row["rep"]: dict(row) for row in r.tables["by_rep"].rows}
    assert list(rows) == ["Alex Kim", "Bea Lo", "Dan Ng"]
    # Alex: calls 10 + 8 over 2 weeks = 9, emails (4 + 6) / 2 = 5
    assert rows["Alex Kim"] == {"rep": "Alex Kim", "calls": 3, "calls_avg": 9.0,
                                "emails": 5, "emails_avg": 5.0}
    assert rows["Bea Lo"] == {"rep": "Bea Lo", "calls": 6, "calls_avg": 6.0,
                              "emails": 2, "emails_avg": 0.0}
    assert (rows["Dan Ng"]["calls"], rows["Dan Ng"]["calls_avg"]) == (1, 0.0)
    assert r.figures["calls"] == 3 + 6 + 1
    assert r.figures["emails"] == 5 + 2
    assert r.baseline_figures["calls"] == pytest.approx(9 + 6 + 0)


def test_rep_far_below_average_but_within_chance() -> None:
    # Alex made 3 calls against 18 over 2 baseline weeks (9 a week): 3 <= 0.5 x 9, yet at
    # that volume it is chance. Poisson: lambda = (3 + 18) / 3 = 7;
    # z = (3 - 9) / sqrt(7 x 1.5) = -1.85, under 1.96: no finding
    found = {f.key: f for f in run().findings}
    assert "few_calls:Alex Kim" not in found
    assert not any(k.startswith(("few_calls", "few_emails")) for k in found)


def test_rep_far_below_average_with_volume() -> None:
    # ten times the calls: 30 against 180 over 2 weeks (90 a week): lambda = 210 / 3 = 70;
    # z = (30 - 90) / sqrt(70 x 1.5) = -5.86: high
    acts = [dict(a) for a in ACTIVITIES for _ in range(10)]
    r = compute(pack_of(leads=SENT_LEADS, crm=CRM, activities=acts, territories=TERRITORIES),
                period(), settings())
    found = {f.key: f for f in r.findings}
    few = found["few_calls:Alex Kim"]
    assert few.message == "Alex Kim made 30 calls last week against 90 on average"
    assert few.severity == "high"
    assert few.evidence is not None
    assert (few.evidence["count"], few.evidence["baseline_count"]) == (30, 180)
    assert few.evidence["z"] == pytest.approx(-60 / (70 * 1.5) ** 0.5)


def test_capacity_against_demand() -> None:
    f = run().figures
    # reps Alex, Bea (territories); baseline weekly calls [10, 8, 6, 6] -> sorted 6, 6, 8, 10;
    # 90th percentile at 0.9 x 3 = 2.7: 8 + 0.7 x (10 - 8) = 9.4; x 2 reps = 18.8
    assert f["reps"] == 2
    assert f["capacity_per_rep"] == pytest.approx(9.4)
    assert f["calling_capacity"] == pytest.approx(18.8)
    assert f["calls_needed"] == pytest.approx(5 * 3)
    assert "capacity_short" not in {x.key for x in run().findings}
    r = run(attempts=4)  # 5 x 4 = 20 > 18.8
    finding = {x.key: x for x in r.findings}["capacity_short"]
    assert finding.severity == "high"
    assert finding.message == (
        "The team can make about 18.8 calls a week (9.4 per rep x 2 reps) against 20 needed "
        "for 5 leads delivered x 4 attempts")


def test_reps_from_activities_without_territories() -> None:
    pack = pack_of(leads=SENT_LEADS, crm=CRM, activities=ACTIVITIES)
    f = compute(pack, period(), settings()).figures
    # Alex [10, 8], Bea [6, 6], Dan [0, 0] -> 0, 0, 6, 6, 8, 10; 0.9 x 5 = 4.5: 8 + 0.5 x 2
    assert f["reps"] == 3
    assert f["capacity_per_rep"] == pytest.approx(9.0)
    assert f["calling_capacity"] == pytest.approx(27.0)


def test_never_touched_and_bad_data_findings() -> None:
    found = {f.key: f for f in run().findings}
    assert found["never_touched"].message == (
        "2 of 5 leads sent to sales last week have no first touch in the CRM: L-4, L-5")
    assert "never_touched" in {f.key for f in run(min_never_touched=2).findings}
    assert "never_touched" not in {f.key for f in run(min_never_touched=3).findings}
    # bad data 1/5 = 0.2 against 1/4 pooled over the baseline
    assert found["bad_data"].message == (
        "1 of 5 leads sent to sales last week was flagged as bad data (20.0%, against 25.0% "
        "on average)")
    assert "bad_data" in {f.key for f in run(max_bad_data_rate=0.2).findings}
    assert "bad_data" not in {f.key for f in run(max_bad_data_rate=0.21).findings}


def test_without_activities_reps_are_na() -> None:
    r = compute(pack_of(leads=SENT_LEADS, crm=CRM), period(), settings())
    assert r.figures["calls"] is None
    assert r.figures["calling_capacity"] is None
    assert r.figures["opportunity_create_rate"] == pytest.approx(1 / 5)
    assert any("activities" in n for n in r.notes)


def test_nothing_delivered_gives_none() -> None:
    r = compute(pack_of(leads=[], crm=[], activities=[]), period(), settings())
    f = r.figures
    assert f["opportunity_create_rate"] is None
    assert f["bad_data_rate"] is None
    assert f["within_24h_share"] is None
    assert f["median_hours_to_first_touch"] is None
    assert f["calling_capacity"] is None
    assert r.findings == ()


def test_missing_leads_is_the_panels_error() -> None:
    r = run_panel("follow_up", pack_of(crm=CRM), period(), settings())
    assert r.error is not None and "leads" in r.error
