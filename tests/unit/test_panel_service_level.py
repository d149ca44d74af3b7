"""Follow-up service level: connect rate per rep, attempts in a lead's first 7 days, leads sent
with no logged activity, capacity per territory with the leads being worked, reassignments.

As of Monday 2026-11-23 with 2 baseline weeks: the period is 2026-11-16..22, the baseline
2026-11-02..15, the first-week cohort the leads sent 2026-11-09..15. Expected values are worked
out by hand in the comments.
"""

from __future__ import annotations

import pytest

from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.service_level import compute

TERRITORIES = [{"territory": "East", "rep": "Ann"}, {"territory": "East", "rep": "Bob"},
               {"territory": "West", "rep": "Cy"}, {"territory": "West", "rep": "Dee"}]


def act(when: str, rep: str, kind: str, lead: str | None = None, outcome: str | None = None
        ) -> dict:
    return {"date": when, "rep": rep, "type": kind, "lead_id": lead, "outcome": outcome}


def baseline_calls() -> list[dict]:
    rows = []
    for week in ("2026-11-03", "2026-11-10"):
        # Ann 10 calls a week (over both weeks 5 connected of 20), Bob 2 unanswered, Cy and
        # Dee 2 each without an outcome
        rows += [act(f"{week} 10:00", "Ann", "call", outcome="Connected" if i < 2 or
                     (week == "2026-11-10" and i == 2) else "No answer") for i in range(10)]
        rows += [act(f"{week} 11:00", "Bob", "call", outcome="No answer") for _ in range(2)]
        rows += [act(f"{week} 12:00", rep, "call") for rep in ("Cy", "Dee") for _ in range(2)]
    return rows


ACTIVITIES = [
    *baseline_calls(),
    # the period's calls: Ann 1 of 2 with an outcome connected (a blank one left out),
    # Bob's "Spoke" is a connect
    act("2026-11-17 10:00", "Ann", "call", outcome="Connected"),
    act("2026-11-17 11:00", "Ann", "call", outcome="No answer"),
    act("2026-11-17 12:00", "Ann", "call"),
    act("2026-11-18 10:00", "Bob", "call", outcome=" spoke "),
    # L-1, sent 11-10 09:00: three emails within 7 days (the last at exactly 7 days), one
    # a minute too late, and a meeting (not an attempt)
    act("2026-11-10 10:00", "Ann", "email", "L-1"),
    act("2026-11-12 10:00", "Ann", "email", "L-1"),
    act("2026-11-17 09:00", "Ann", "email", "L-1"),
    act("2026-11-17 09:01", "Ann", "email", "L-1"),
    act("2026-11-11 10:00", "Ann", "meeting", "L-1"),
    # L-2, sent 11-12 09:00: one attempt
    act("2026-11-12 10:00", "Cy", "email", "L-2"),
    # L-3 is worked after it was sent; L-4's only activity is before it was sent
    act("2026-11-16 12:00", "Ann", "email", "L-3"),
    act("2026-11-17 08:00", "Ann", "email", "L-4"),
]


def lead(lead_id: str, sent: str, territory: str) -> dict:
    return {"lead_id": lead_id, "created_at": sent, "program": "Web", "score": 70,
            "status": "Open", "sent_to_sales_at": sent, "territory": territory}


LEADS = [
    lead("L-1", "2026-11-10 09:00", "East"), lead("L-2", "2026-11-12 09:00", "West"),
    lead("L-3", "2026-11-16 09:00", "East"), lead("L-4", "2026-11-17 09:00", "East"),
    lead("L-5", "2026-11-18 09:00", "East"), lead("L-6", "2026-11-19 09:00", "East"),
    lead("L-7", "2026-11-20 09:00", "West"),
    lead("L-8", "2026-11-01 09:00", "East"),   # working, but has an opportunity
    lead("L-9", "2026-10-01 09:00", "East"),   # working, sent more than 30 days before
]


def crm(lead_id: str, owner: str, status: str, opp: str | None = None) -> dict:
    return {"lead_id": lead_id, "owner": owner, "territory": "East", "status": status,
            "opportunity_id": opp}


CRM = [crm("L-1", "Ann", "Working"), crm("L-2", "Cy", "Converted"),
       crm("L-3", "Ann", "New"), crm("L-4", "Bob", "New"), crm("L-5", "Ann", "New"),
       crm("L-6", "Bob", "New"), crm("L-7", "Dee", "New"),
       crm("L-8", "Ann", "Working", "O-8"), crm("L-9", "Ann", "Working")]


def run(**options: object) -> object:
    pack = pack_of(activities=ACTIVITIES, leads=LEADS, crm=CRM, territories=TERRITORIES)
    result = compute(pack, period(), settings(worked_calls=10, **options))
    assert result.error is None
    return result


def test_connect_rate_per_rep_and_in_total() -> None:
    result = run()
    reps = {r["rep"]: r for r in result.tables["connects"].rows}
    # Ann: 3 calls, 2 with an outcome, 1 connected; baseline 5 of 20
    assert (reps["Ann"]["calls"], reps["Ann"]["with_outcome"], reps["Ann"]["connects"]) == (
        3, 2, 1)
    assert reps["Ann"]["connect_rate"] == 0.5 and reps["Ann"]["connect_rate_avg"] == 0.25
    # Bob: "spoke" is a connect (case and spaces aside); baseline 0 of 4
    assert (reps["Bob"]["connect_rate"], reps["Bob"]["connect_rate_avg"]) == (1.0, 0.0)
    f = result.figures
    # 2 connects of 3 calls with an outcome; 4 calls in all
    assert (f["calls"], f["calls_with_outcome"], f["connects"]) == (4, 3, 2)
    assert f["connect_rate"] == pytest.approx(2 / 3)
    # baseline: 5 of 24 (Cy's and Dee's calls have no outcome)
    assert result.baseline_figures["connect_rate"] == pytest.approx(5 / 24)


def test_attempts_in_the_first_seven_days() -> None:
    f = run().figures
    # L-1: 3 attempts (the 4th is a minute late, the meeting is no attempt); L-2: 1
    assert f["first_week_leads"] == 2
    assert f["attempts_first_7d"] == 2.0
    # 1 of the 2 got the 3 attempts needed
    assert f["reached_attempts_7d"] == 0.5


def test_leads_sent_with_no_activity() -> None:
    result = run()
    f = result.figures
    # sent in the period: L-3..L-7; only L-3 has an activity after it was sent
    assert (f["leads_delivered"], f["sent_without_activity"]) == (5, 4)
    assert f["sent_without_activity_share"] == 0.8
    listed = [r["lead_id"] for r in result.tables["no_activity"].rows]
    assert listed == ["L-4", "L-5", "L-6", "L-7"]


def test_capacity_per_territory_counts_leads_being_worked() -> None:
    result = run()
    rows = {r["territory"]: r for r in result.tables["territories"].rows}
    # calls per rep per baseline week: Ann 10, 10; Bob, Cy, Dee 2, 2: sorted
    # [2,2,2,2,2,2,10,10], the 90th percentile at 0.9 x 7 = 6.3 -> 10
    assert result.figures["capacity_per_rep"] == 10
    east, west = rows["East"], rows["West"]
    # East: new L-3..L-6 x 3 + L-1 being worked x 10 = 22 against 2 reps x 10
    assert (east["new_leads"], east["worked_leads"], east["calls_demanded"]) == (4, 1, 22)
    assert east["calling_capacity"] == 20 and east["over_capacity"]
    assert east["utilisation"] == pytest.approx(1.1)
    # West: L-7 x 3 = 3 (L-2 is converted, not being worked) against 20
    assert (west["calls_demanded"], west["over_capacity"]) == (3, False)
    assert result.figures["territories_over_capacity"] == 1


def test_reassignment_rule() -> None:
    result = run()
    moves = result.tables["reassign"].rows
    # East is 2 calls over: ceil(2 / 3) = 1 lead, the untouched one waiting longest (L-4,
    # Bob's); West spares 17 calls, 8.5 a rep: the tie goes to Cy, first in the file
    assert [(m["lead_id"], m["from_rep"], m["to_rep"], m["to_territory"]) for m in moves] == [
        ("L-4", "Bob", "Cy", "West")]
    assert (result.figures["proposed_reassignments"], result.figures["reassignments_short"]) \
        == (1, 0)
    keys = {f.key for f in result.findings}
    assert {"over_capacity:East", "sent_without_activity", "few_attempts"} <= keys


def test_every_territory_over_capacity_is_one_finding() -> None:
    # 21 attempts a new lead: East 4 x 21 + 1 x 10 = 94 > 20, West 1 x 21 = 21 > 20
    result = run(attempts=21)
    keys = [f.key for f in result.findings]
    assert "all_over_capacity" in keys and not any(k.startswith("over_capacity:")
                                                   for k in keys)
    # nowhere to move: East's ceil((94 - 20) / 21) = 4 leads and West's ceil(1 / 21) = 1
    assert result.figures["proposed_reassignments"] == 0
    assert result.figures["reassignments_short"] == 5


def test_without_outcomes_territories_or_crm() -> None:
    bare = [{**a, "outcome": None} for a in ACTIVITIES]
    result = compute(pack_of(activities=bare, leads=LEADS), period(), settings())
    f = result.figures
    assert f["connect_rate"] is None and f["calls_with_outcome"] == 0
    assert f["capacity_per_rep"] is None and f["territories_over_capacity"] is None
    assert f["proposed_reassignments"] is None
    assert any("no call outcome" in n for n in result.notes)


def test_nothing_sent_is_na_not_an_error() -> None:
    result = compute(pack_of(activities=[], leads=[], crm=[], territories=TERRITORIES),
                     period(), settings())
    f = result.figures
    assert (f["connect_rate"], f["attempts_first_7d"], f["reached_attempts_7d"],
            f["sent_without_activity_share"]) == (None, None, None, None)
