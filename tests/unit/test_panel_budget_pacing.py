"""Budget pacing: budget and spend for the month and quarter, share spent against share of the
flight gone, the straight-line projection, the day the budget runs out, launches and closes,
the calendar priced at each tactic's own rates, holiday weeks.

As of Monday 2026-11-23: the month is November, the quarter October to December, the coming
weeks 2026-11-23..12-20. Every expected value is worked out by hand in the comments.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.budget_pacing import compute
from tuneup_tui.metrics.holidays import holidays

TACTICS = [
    # spent 900 + 2 h x $50 = $1,000 over Nov 1..23 (23 of 30 days), budget $1,100
    {"tactic": "Search", "cost": 900, "internal_hours": 2, "hourly_rate": 50,
     "start": "2026-11-01", "end": "2026-11-30", "budget": 1100},
    # no budget or dates here: the calendar's (Nov 16..Dec 15, $3,000)
    {"tactic": "Webinar", "cost": 500, "internal_hours": 0, "hourly_rate": 0},
    # over: $2,000 against $1,500, its flight over
    {"tactic": "Show", "cost": 2000, "internal_hours": 0, "hourly_rate": 0,
     "start": "2026-10-01", "end": "2026-10-02", "budget": 1500},
]
CALENDAR = [
    {"start": "2026-11-01", "end": "2026-11-30", "name": "search", "kind": "Paid",
     "owner": "Mo", "expected_sessions": 500, "expected_leads": 10},
    {"start": "2026-11-16", "end": "2026-12-15", "name": "Webinar", "kind": "webinar",
     "owner": "Jo", "expected_sessions": 300, "expected_leads": 20, "budget": 3000},
    # no tactic: a flight of its own, not started
    {"start": "2026-12-01", "end": "2026-12-01", "name": "Launch X", "kind": "launch",
     "owner": "Jo", "expected_sessions": 1000, "expected_leads": 40, "budget": 800},
]


def lead(lead_id: str, program: str, created: str) -> dict:
    return {"lead_id": lead_id, "created_at": created, "program": program, "score": 70,
            "status": "Open", "sent_to_sales_at": None, "territory": "East"}


LEADS = [lead("S-1", "Search", "2026-11-02"), lead("S-2", "Search", "2026-11-03"),
         lead("S-3", "Search", "2026-11-04"), lead("S-4", "Search", "2026-11-05"),
         lead("W-1", "Webinar", "2026-11-17"), lead("W-2", "Webinar", "2026-11-17")]
OPPS = [{"opportunity_id": f"O-{i}", "lead_id": f"S-{i}", "created_at": "2026-11-10",
         "stage": "Qualification", "amount": 3000, "closed_at": None} for i in (1, 2)]
PAID = [{"date": "2026-11-10", "program": "Search", "channel": "search", "site": "g.com",
         "spend": 900, "impressions": 5000, "clicks": 200, "names": 4}]


def run() -> object:
    pack = pack_of(tactics=TACTICS, calendar=CALENDAR, leads=LEADS, opportunities=OPPS,
                   paid=PAID)
    result = compute(pack, period(), settings(holidays=["2026-12-08 Team offsite"]))
    assert result.error is None
    return result


def rows(result: object, table: str, key: str) -> dict:
    return {r[key]: r for r in result.tables[table].rows}  # type: ignore[attr-defined]


def test_a_flight_that_runs_out_early() -> None:
    search = rows(run(), "flights", "tactic")["Search"]
    # $1,000 / 23 days = $43.48 a day; x 30 days = $1,304.35, over $1,100 x 1.1
    assert search["projected_spend"] == pytest.approx(1000 / 23 * 30)
    assert search["share_spent"] == pytest.approx(1000 / 1100)
    assert search["share_elapsed"] == pytest.approx(23 / 30)
    # $1,100 / $43.48 = 25.3 days: the 26th day of the flight, Nov 26
    assert search["runs_out"].isoformat() == "2026-11-26"
    assert search["status"] == "runs out early"
    # all of it in November and in the quarter
    assert (search["budget_month"], search["spent_month"]) == (1100, 1000)
    assert search["programme"] == "paid"


def test_budget_and_dates_from_the_calendar_and_under_pace() -> None:
    web = rows(run(), "flights", "tactic")["Webinar"]
    assert (web["budget"], web["flight_start"].isoformat()) == (3000, "2026-11-16")
    # 8 of 30 days gone, $500 spent: $62.50 a day, $1,875 projected, below $3,000 x 0.9
    assert web["projected_spend"] == pytest.approx(1875)
    assert web["runs_out"] is None and web["status"] == "under pace"
    # November holds 15 of its 30 days: $1,500 of the budget; all 8 days gone are November's
    assert web["budget_month"] == pytest.approx(1500)
    assert web["spent_month"] == pytest.approx(500)


def test_over_budget_not_started_and_totals() -> None:
    result = run()
    flights = rows(result, "flights", "tactic")
    assert flights["Show"]["status"] == "over budget"
    assert flights["Show"]["budget_month"] == 0 and flights["Show"]["spent_month"] == 0
    assert (flights["Launch X"]["status"], flights["Launch X"]["spent"]) == ("not started", 0)
    f = result.figures
    # budgets 1,100 + 3,000 + 1,500 + 800; spent 1,000 + 500 + 2,000 + 0
    assert (f["budget"], f["spent"]) == (6400, 3500)
    assert f["share_spent"] == pytest.approx(3500 / 6400)
    # November: 1,100 + 1,500 + 0 + 0 budgeted, 1,000 + 500 spent
    assert (f["budget_month"], f["spent_month"]) == (2600, 1500)
    # projected: 1,304.35 + 1,875 + 2,000 (over) + none for Launch X (no days gone)
    assert f["projected_spend"] == pytest.approx(1000 / 23 * 30 + 1875 + 2000)
    assert (f["flights_running_out"], f["flights_over_budget"]) == (1, 1)


def test_the_calendar_priced_at_each_tactics_rates() -> None:
    result = run()
    priced = rows(result, "priced", "name")
    # Search: 4 leads / 200 clicks, 2 of 4 with an opportunity, $3,000 each, $250 a lead;
    # it runs in two weeks of the window (W48, and W49 by Nov 30): 20 leads -> 10
    # opportunities, $30,000, $5,000; 1,000 sessions x 0.02 = 20 leads
    s = priced["search"]
    assert (s["expected_leads"], s["opportunities"], s["pipeline"]) == (20, 10, 30000)
    assert (s["leads_from_sessions"], s["cost_at_cost_per_lead"], s["rate_from"]) == (
        20, 5000, "own history")
    # Webinar runs 4 weeks of the window: 80 leads at its own 0 of 2 -> 0 opportunities;
    # no clicks of its own or its programme's: all tactics' 6 leads / 200 clicks
    w = priced["Webinar"]
    assert (w["expected_leads"], w["opportunities"]) == (80, 0)
    assert w["leads_from_sessions"] == pytest.approx(1200 * 0.03)
    # Launch X has no history and no programme mates: all tactics' 2 of 6, $3,000, $3,500/6
    x = priced["Launch X"]
    assert x["rate_from"] == "all tactics"
    assert x["opportunities"] == pytest.approx(40 / 3)
    assert x["cost_at_cost_per_lead"] == pytest.approx(40 * 3500 / 6)
    f = result.figures
    assert f["priced_opportunities"] == pytest.approx(10 + 40 / 3)
    assert f["priced_pipeline"] == pytest.approx(30000 + 40000)
    assert f["entries_priced_on_other_rates"] == 1


def test_coming_weeks_launches_closes_and_holidays() -> None:
    result = run()
    weeks = rows(result, "weeks", "week")
    # 2026-W48 (Nov 23..29): Thanksgiving and the day after; Search's 20 / 2 + Webinar's
    # 80 / 4 leads, 10 / 2 + 0 opportunities
    w48 = weeks["2026-W48"]
    assert "Thanksgiving (Thu 26 Nov)" in w48["holidays"]
    assert (w48["expected_leads"], w48["opportunities"]) == (30, 5)
    # 2026-W49: Launch X starts and ends; Search closes on Nov 30
    assert (weeks["2026-W49"]["launches"], weeks["2026-W49"]["closes"]) == (1, 2)
    # the agenda's own day off on Dec 8
    assert weeks["2026-W50"]["holidays"] == "Team offsite (Tue 08 Dec)"
    f = result.figures
    assert (f["coming_launches"], f["coming_closes"], f["holiday_weeks"]) == (1, 3, 2)
    assert {"runs_out:Search", "over_budget:Show", "under_pace:Webinar",
            "holiday_week:2026-W48"} <= {x.key for x in result.findings}


def test_no_calendar_and_nothing_spent() -> None:
    pack = pack_of(tactics=[{"tactic": "Free", "cost": 0, "internal_hours": 0,
                             "hourly_rate": 0, "start": "2026-11-01", "end": "2026-11-30",
                             "budget": 0}])
    result = compute(pack, period(), settings())
    row = rows(result, "flights", "tactic")["Free"]
    # nothing spent: no rate, so no day the budget runs out; a zero budget shares n/a
    assert (row["share_spent"], row["runs_out"], row["projected_spend"]) == (None, None, 0)
    assert result.figures["priced_opportunities"] is None


def test_holiday_lists() -> None:
    us = holidays("US", [2026])
    gb = holidays("GB", [2027])
    # 4th Thursday of November 2026; Easter 2027 is March 28
    assert us[date(2026, 11, 26)] == "Thanksgiving"
    assert gb[date(2027, 3, 26)] == "Good Friday"
    assert holidays("FR", [2026]) == {}
