"""Tactic economics: cost, leads, accepted, opportunities, pipeline, proposals, won deals,
revenue, cost per lead/opportunity/won deal, ROMI by window, days to opportunity and to a won
deal, weekly cohorts at 30/60/90 days, rep conversion with a Wilson interval.

As of Monday 2026-11-23: the period is 2026-11-16..22, the quarter to date 2026-10-01..11-23.
Every expected value is worked out by hand in the comments.
"""

from __future__ import annotations

import pytest

from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.tactic_economics import compute
from tuneup_tui.metrics.wilson import ranked_by_lower_bound, wilson

TACTICS = [
    # total 1,000 + 10 h x $50 = $1,500; flight to the as-of date Oct 1..Nov 23 = 54 days
    {"tactic": "Webinar", "cost": 1000, "internal_hours": 10, "hourly_rate": 50,
     "start": "2026-10-01", "end": "2026-12-31", "budget": 2000},
    # no start date: its cost cannot be placed in a window
    {"tactic": "Search", "cost": 3000, "internal_hours": 0, "hourly_rate": 0},
]


def lead(lead_id: str, program: str, created: str, sent: str | None = None) -> dict:
    return {"lead_id": lead_id, "created_at": created, "program": program, "score": 70,
            "status": "Open", "sent_to_sales_at": sent, "territory": "East"}


LEADS = [
    lead("L-1", "Webinar", "2026-10-01 09:00", "2026-10-02"),   # week 2026-W40
    lead("L-2", "webinar", "2026-10-03", "2026-10-04"),         # W40, rejected by sales
    lead("L-3", "Webinar", "2026-11-20"),                       # W47, not sent
    lead("L-4", "Webinar", "2026-11-24"),                       # after the as-of date
    lead("L-5", "Search", "2026-10-05", "2026-10-06"),          # W41
    lead("L-6", "Referral", "2026-10-05"),                      # no tactic
]
CRM = [
    {"lead_id": "L-1", "owner": "Ann", "territory": "East", "status": "Working"},
    {"lead_id": "L-2", "owner": "ann ", "territory": "East", "status": "Unqualified"},
    {"lead_id": "L-5", "owner": "Bob", "territory": "East", "status": "Working"},
]


def opp(opp_id: str, lead_id: str, created: str, stage: str, amount: float,
        closed: str | None = None) -> dict:
    return {"opportunity_id": opp_id, "lead_id": lead_id, "created_at": created,
            "stage": stage, "amount": amount, "closed_at": closed}


OPPS = [
    # 10 days after L-1; won 48 days after it, in the period
    opp("O-1", "L-1", "2026-10-11 09:00", "Closed Won", 4000, "2026-11-18 09:00"),
    opp("O-2", "L-2", "2026-10-13", "Proposal", 1000),          # 10 days after L-2
    # 40 days after L-5; won 45 days after it, in the period
    opp("O-3", "L-5", "2026-11-14", "Closed Won", 2000, "2026-11-19"),
    opp("O-4", "L-5", "2026-11-24", "Closed Won", 9000, "2026-11-24"),  # after the as-of
]


def run(**options: object) -> dict:
    pack = pack_of(tactics=TACTICS, leads=LEADS, crm=CRM, opportunities=OPPS)
    result = compute(pack, period(), settings(cohort_weeks=8, **options))
    assert result.error is None
    return {"figures": result.figures, "result": result,
            "tactics": {r["tactic"]: r for r in result.tables["tactics"].rows},
            "cohorts": {r["week"]: r for r in result.tables["cohorts"].rows}}


def test_a_tactic_row_by_hand() -> None:
    web = run()["tactics"]["Webinar"]
    # L-1, L-2, L-3 (L-4 is after the as-of date); accepted: L-1 only (L-2 Unqualified)
    assert (web["leads"], web["accepted"]) == (3, 1)
    # O-1 and O-2; both at Proposal or past it; O-1 won
    assert (web["opportunities"], web["proposals"], web["closed_won"]) == (2, 2, 1)
    assert (web["pipeline"], web["closed_won_revenue"]) == (5000, 4000)
    # $1,500 / 3 leads, / 2 opportunities, / 1 won deal
    assert (web["cost_per_lead"], web["cost_per_opportunity"],
            web["cost_per_won_deal"]) == (500, 750, 1500)
    # life: (4,000 - 1,500) / 1,500 = 1.6667
    assert web["romi_life"] == pytest.approx(2500 / 1500)
    # period: cost 1,500 x 7 / 54 = 194.44; O-1 won in it: (4,000 - 194.44) / 194.44 = 19.571
    assert web["cost_period"] == pytest.approx(194.444, abs=1e-3)
    assert web["romi_period"] == pytest.approx(19.5714, abs=1e-4)
    # quarter to date: all 54 days, so $1,500 against $4,000
    assert web["romi_qtd"] == pytest.approx(2500 / 1500)
    # days to opportunity 10 and 10; to the won deal 48
    assert (web["median_days_to_opportunity"], web["median_days_to_won"]) == (10, 48)


def test_a_tactic_without_dates_has_no_window_romi() -> None:
    out = run()
    search = out["tactics"]["Search"]
    assert search["romi_life"] == pytest.approx((2000 - 3000) / 3000)
    assert (search["romi_period"], search["romi_qtd"]) == (None, None)
    # the total of a window needs every tactic's cost in it
    assert out["figures"]["romi_period"] is None
    assert "cannot be placed in time" in " ".join(out["result"].notes)


def test_totals_by_hand() -> None:
    f = run()["figures"]
    assert (f["tactics"], f["leads"], f["accepted"], f["opportunities"]) == (2, 4, 2, 3)
    # $4,500 over 4 leads, 3 opportunities, 2 won deals; (6,000 - 4,500) / 4,500
    assert (f["cost_per_lead"], f["cost_per_opportunity"], f["cost_per_won_deal"]) == (
        1125, 1500, 2250)
    assert f["romi_life"] == pytest.approx(1 / 3)
    # days to opportunity 10, 10, 40 -> 10; to won 48 and 45 -> 46.5
    assert (f["median_days_to_opportunity"], f["median_days_to_won"]) == (10, 46.5)


def test_weekly_cohorts_and_too_young() -> None:
    out = run()
    cohorts = out["cohorts"]
    # W40 (Sep 28..Oct 4): L-1 and L-2, both with an opportunity 10 days on; Oct 4 + 30 is
    # Nov 3, old enough; + 60 is Dec 3, after the as-of date: too young
    assert (cohorts["2026-W40"]["leads"], cohorts["2026-W40"]["conversion_30d"]) == (2, 1.0)
    assert cohorts["2026-W40"]["conversion_60d"] == "too young"
    # W41: L-5's opportunity came 40 days on: 0 of 1 within 30 days
    assert cohorts["2026-W41"]["conversion_30d"] == 0.0
    # W47 (Nov 16..22) is too young for every horizon; a week without leads: n/a
    assert cohorts["2026-W47"]["conversion_30d"] == "too young"
    assert cohorts["2026-W42"]["conversion_30d"] is None
    # pooled over the cohorts old enough: (2 + 0) / (2 + 1); none is 60 days old
    assert out["figures"]["conversion_30d"] == pytest.approx(2 / 3)
    assert out["figures"]["conversion_60d"] is None


def test_reps_per_tactic_with_their_interval() -> None:
    reps = {(r["tactic"], r["rep"]): r for r in run()["result"].tables["reps"].rows}
    # Ann owns L-1 and L-2 ("ann " is Ann), both with an opportunity; L-3 has no owner
    ann = reps[("Webinar", "Ann")]
    assert (ann["leads"], ann["with_opportunity"], ann["rank"]) == (2, 2, 1)
    # Wilson, 2 of 2, z = 1.6449: z^2 = 2.7055, 1 + z^2/n = 2.3527,
    # centre = (1 + 2.7055/4) / 2.3527 = 0.71253, half = 1.6449/2.3527 x sqrt(2.7055/16)
    # = 0.69913 x 0.41121 = 0.28749: [0.42504, 1]
    assert ann["low"] == pytest.approx(0.42504, abs=1e-5) and ann["high"] == 1.0


def test_without_crm_accepted_and_reps_are_na() -> None:
    pack = pack_of(tactics=TACTICS, leads=LEADS, opportunities=OPPS)
    result = compute(pack, period(), settings())
    assert result.figures["accepted"] is None
    assert result.figures["reps_clearly_behind"] is None
    assert result.tables["reps"].rows == ()


def test_nothing_costs_nothing_divides_by_zero() -> None:
    pack = pack_of(tactics=[{"tactic": "Free", "cost": 0, "internal_hours": 0,
                             "hourly_rate": 0, "start": "2026-11-01"}],
                   leads=[], crm=[], opportunities=[])
    f = compute(pack, period(), settings()).figures
    assert (f["cost_per_lead"], f["cost_per_opportunity"], f["romi_life"], f["romi_qtd"],
            f["median_days_to_won"], f["conversion_30d"]) == (None,) * 6


def test_wilson_by_hand() -> None:
    # 1 of 4, z = 1.6449: p = 0.25, z^2/n = 0.67639, scale 1.67639;
    # centre = (0.25 + 2.70554/8) / 1.67639 = 0.58819 / 1.67639 = 0.35087
    # half = 1.64485 / 1.67639 x sqrt(0.25 x 0.75 / 4 + 2.70554 / 64)
    #      = 0.98119 x sqrt(0.046875 + 0.042274) = 0.98119 x 0.29858 = 0.29296
    low, high = wilson(1, 4)  # type: ignore[misc]
    assert low == pytest.approx(0.05791, abs=1e-5)
    assert high == pytest.approx(0.64383, abs=1e-5)
    assert wilson(0, 0) is None


def test_a_small_lucky_rep_does_not_outrank_a_big_one() -> None:
    rows = [{"tactic": "T", "rep": "Few", "leads": 4, "with_opportunity": 2},
            {"tactic": "T", "rep": "Many", "leads": 80, "with_opportunity": 24},
            {"tactic": "T", "rep": "None", "leads": 30, "with_opportunity": 0}]
    ranked = {r["rep"]: r for r in ranked_by_lower_bound(rows, "tactic")}
    # Few: 50%, [0.1824, 0.8176]; Many: 30%, [0.2234, 0.3897]; None: 0%, [0, 0.0827]
    assert (ranked["Many"]["rank"], ranked["Few"]["rank"], ranked["None"]["rank"]) == (1, 2, 3)
    # None's best case, 8.3%, is below Many's worst, 22.3%; Few overlaps Many
    assert ranked["None"]["clearly_behind"] and not ranked["Few"]["clearly_behind"]
