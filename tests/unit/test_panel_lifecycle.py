"""Lead lifecycle panel: days to opportunity, conversion by rep per tactic, leads past their
lifetime, touches per lead.

As of 2026-11-23 with a 90-day lifetime: a lead created before 2026-08-25 is past it
(2026-08-24 is 91 days old, 2026-08-25 is 90).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.lifecycle import compute
from tuneup_tui.metrics.registry import run_panel


def lead(lead_id: str, program: str | None, created: str, status: str = "Open",
         sent: str | None = None) -> dict:
    return {"lead_id": lead_id, "created_at": created, "program": program, "score": 70,
            "status": status, "sent_to_sales_at": sent, "territory": "East"}


# Sent to sales within the 90-day lifetime (2026-08-25..2026-11-23): L-2, L-5, L-6, L-7; L-1
# was sent 91 days before, so its touches are not counted
LEADS = [
    lead("L-1", "Webinar", "2026-08-24 10:00", sent="2026-08-24 12:00"),  # 91 days: past
    lead("L-2", "Webinar", "2026-08-25 09:00", sent="2026-08-25 10:00"),  # 90 days: not past
    lead("L-3", "Webinar", "2026-07-01", "Disqualified"),  # disqualified in leads
    lead("L-4", "Webinar", "2026-07-01"),          # disqualified in the CRM
    lead("L-5", "Webinar", "2026-09-01 00:00", sent="2026-09-01 06:00"),  # opp. 10.5 days on
    lead("L-6", "Paid", "2026-10-01 00:00", sent="2026-10-01 06:00"),  # first opp. 2 days on
    lead("L-7", "paid", "2026-10-10 00:00", sent="2026-10-10 06:00"),  # opp. 6 days; "paid"
    lead("L-8", "Paid", "2026-06-01 00:00"),      # 175 days, no opportunity, not in CRM: past
    lead("L-9", None, "2026-11-20 00:00"),        # no program
    lead("L-10", "Paid", "2026-11-25 00:00"),     # after the as-of date: left out
]


def opp(opp_id: str, lead_id: str, created: str) -> dict:
    return {"opportunity_id": opp_id, "lead_id": lead_id, "created_at": created,
            "stage": "Proposal", "amount": 1000, "closed_at": None}


OPPS = [opp("O-1", "L-5", "2026-09-11 12:00"), opp("O-2", "L-6", "2026-10-05 00:00"),
        opp("O-3", "L-6", "2026-10-03 00:00"), opp("O-4", "L-7", "2026-10-16 00:00")]


def crm(lead_id: str, owner: str, status: str = "Working") -> dict:
    return {"lead_id": lead_id, "owner": owner, "territory": "East", "status": status,
            "first_touch_at": None, "opportunity_id": None, "bad_data": False}


CRM = [crm("L-1", "Alex Kim"), crm("L-2", "Bea Lo"), crm("L-3", "Alex Kim"),
       crm("L-4", "Alex Kim", "disqualified"), crm("L-5", "Bea Lo"), crm("L-6", "Alex Kim"),
       crm("L-7", "alex kim")]


def touch(lead_id: str | None, day: str) -> dict:
    return {"date": day, "rep": "Alex Kim", "type": "call", "lead_id": lead_id}


ACTIVITIES = [
    touch("L-1", "2026-08-25"), touch("L-1", "2026-08-26"),                     # 2
    touch("L-5", "2026-09-02"), touch("L-5", "2026-09-03"), touch("L-5", "2026-09-04"),
    touch("L-5", "2026-11-24"),                                                 # 3 by as-of
    touch("L-6", "2026-10-02"),                                                 # 1
    touch(None, "2026-10-02"),                                                  # no lead
    *[touch("L-10", "2026-11-25")] * 5,                                         # left out
]


def run(**options: Any) -> Any:
    pack = pack_of(leads=LEADS, opportunities=OPPS, crm=CRM, activities=ACTIVITIES)
    return compute(pack, period(), settings(**options))


def test_figures_worked_by_hand() -> None:
    f = run().figures
    assert f["leads"] == 9                               # L-1..L-9
    assert f["with_opportunity"] == 3                    # L-5, L-6, L-7
    assert f["conversion"] == pytest.approx(3 / 9)
    assert f["median_days_to_opportunity"] == pytest.approx(6)  # of 10.5, 2, 6
    assert f["past_lifetime"] == 2                       # L-1, L-8
    # touches over the leads sent within the lifetime, L-2 0, L-5 3, L-6 1, L-7 0: mean 4 / 4;
    # median of 0, 0, 1, 3 is 0.5 (L-1's 2 touches: sent before the lifetime, not counted)
    assert f["touches_per_lead"] == pytest.approx(4 / 4)
    assert f["touches_per_lead_median"] == pytest.approx(0.5)
    assert f["tactics_under_min_reps"] == 2              # Paid (1 rep), Webinar (2)


def test_tactics_table() -> None:
    rows = {r["tactic"]: dict(r) for r in run().tables["tactics"].rows}
    assert list(rows) == ["(no program)", "Paid", "Webinar"]
    paid = rows["Paid"]
    # L-6, L-7, L-8; opportunities L-6 (2 days), L-7 (6 days) -> median 4; owner Alex only
    assert (paid["leads"], paid["with_opportunity"], paid["reps"]) == (3, 2, 1)
    assert paid["conversion"] == pytest.approx(2 / 3)
    assert paid["median_days_to_opportunity"] == pytest.approx(4)
    assert paid["few_reps"] is True
    assert paid["touches_mean"] == pytest.approx(1 / 2)   # sent: L-6 1, L-7 0
    web = rows["Webinar"]
    # L-1..L-5; opportunity L-5 only (10.5 days); owners Alex, Bea
    assert (web["leads"], web["with_opportunity"], web["reps"]) == (5, 1, 2)
    assert web["conversion"] == pytest.approx(1 / 5)
    assert web["median_days_to_opportunity"] == pytest.approx(10.5)
    assert web["touches_mean"] == pytest.approx(3 / 2)    # sent: L-2 0, L-5 3
    assert web["touches_median"] == pytest.approx(1.5)
    none = rows["(no program)"]
    assert none["median_days_to_opportunity"] is None
    assert none["few_reps"] is False                     # 1 lead: too few to judge


def test_conversion_by_rep_per_tactic() -> None:
    rows = [(r["tactic"], r["rep"], r["leads"], r["with_opportunity"], r["conversion"])
            for r in run().tables["by_rep"].rows]
    # L-8 and L-9 are not in the CRM: no rep to judge, left out
    assert rows == [
        ("Paid", "Alex Kim", 2, 2, 1.0),           # L-6, and L-7 spelt "alex kim"
        ("Webinar", "Alex Kim", 3, 0, 0.0),        # L-1, L-3, L-4
        ("Webinar", "Bea Lo", 2, 1, 0.5),          # L-2, L-5
    ]


def test_past_lifetime_table_and_finding() -> None:
    r = run()
    table = r.tables["past_lifetime"]
    assert table.title == "Leads past their 90-day lifetime"
    assert [dict(row) for row in table.rows] == [
        {"lead_id": "L-8", "program": "Paid", "created_at": "2026-06-01 00:00",
         "age_days": 175, "status": "Open", "owner": None},
        {"lead_id": "L-1", "program": "Webinar", "created_at": "2026-08-24 10:00",
         "age_days": 91, "status": "Working", "owner": "Alex Kim"},
    ]
    found = {f.key: f for f in r.findings}
    assert found["past_lifetime"].message == (
        "2 leads are past the 90-day lifetime without an opportunity: recycle them into "
        "nurturing or reassign them")


def test_past_lifetime_list_is_capped_at_50() -> None:
    old = [lead(f"L-{100 + i}", "Paid", "2026-01-05") for i in range(55)]
    r = compute(pack_of(leads=old, opportunities=[]), period(), settings())
    table = r.tables["past_lifetime"]
    assert table.title == "Leads past their 90-day lifetime (first 50 of 55)"
    assert len(table.rows) == 50
    assert r.figures["past_lifetime"] == 55


def test_lifetime_option_and_finding_threshold() -> None:
    # 91 days: L-1 is 91 days old, not more: only L-8 is past
    assert run(lifetime_days=91).figures["past_lifetime"] == 1
    assert "past_lifetime" in {f.key for f in run(min_past_lifetime=2).findings}
    assert "past_lifetime" not in {f.key for f in run(min_past_lifetime=3).findings}


def test_few_reps_findings_fire_under_min_reps() -> None:
    found = {f.key: f for f in run().findings}
    assert found["few_reps:Paid"].message == (
        "The 3 leads from Paid went to 1 rep, fewer than the 3 needed to judge the tactic "
        "apart from the rep")
    assert "few_reps:Webinar" in found
    # min 2 reps: Webinar's 2 reps are enough, Paid's 1 is not
    keys = {f.key for f in run(min_reps=2).findings}
    assert "few_reps:Paid" in keys and "few_reps:Webinar" not in keys
    # tactics under 4 leads are not judged: Paid (3) drops out
    keys = {f.key for f in run(min_leads_for_reps=4).findings}
    assert "few_reps:Paid" not in keys and "few_reps:Webinar" in keys


def test_without_crm_and_activities() -> None:
    r = compute(pack_of(leads=LEADS, opportunities=OPPS), period(), settings())
    assert r.figures["touches_per_lead"] is None
    assert r.figures["tactics_under_min_reps"] is None
    # without the CRM only the leads' own status disqualifies: L-4 joins L-1 and L-8
    assert r.figures["past_lifetime"] == 3
    assert r.tables["by_rep"].rows == ()
    assert len(r.notes) >= 2


def test_no_leads_gives_none() -> None:
    r = compute(pack_of(leads=[], opportunities=[], crm=[], activities=[]), period(),
                settings())
    assert r.figures["conversion"] is None
    assert r.figures["median_days_to_opportunity"] is None
    assert r.figures["touches_per_lead"] is None
    assert r.findings == ()


def test_missing_opportunities_is_the_panels_error() -> None:
    r = run_panel("lifecycle", pack_of(leads=LEADS), period(), settings())
    assert r.error is not None and "opportunities" in r.error
