"""ROMI panel: cost, leads, conversion, proposals, closed-won revenue and ROMI per tactic.

As of 2026-11-23: leads and opportunities created after that day are left out.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.registry import run_panel
from tuneup_tui.metrics.romi import compute

TACTICS = [
    # internal 10 h x $50 = $500; total $1,500 against a $2,000 budget
    {"tactic": "Webinar", "cost": 1000, "internal_hours": 10, "hourly_rate": 50,
     "start": "2026-09-01", "end": "2026-12-31", "budget": 2000},
    # total $3,000 against a $2,500 budget: over
    {"tactic": "Paid Search", "cost": 3000, "internal_hours": 0, "hourly_rate": 0,
     "budget": 2500},
    # costs nothing: ROMI n/a
    {"tactic": "Trade Show", "cost": 0, "internal_hours": 0, "hourly_rate": 0},
]


def lead(lead_id: str, program: str, created: str) -> dict:
    return {"lead_id": lead_id, "created_at": created, "program": program, "score": 70,
            "status": "Open", "sent_to_sales_at": None, "territory": "East"}


LEADS = [
    lead("L-1", "Webinar", "2026-09-01"),
    lead("L-2", "webinar", "2026-10-01"),      # program in another case: still Webinar
    lead("L-3", "Webinar", "2026-11-01"),
    lead("L-4", "Webinar", "2026-11-24"),      # after the as-of date
    lead("L-5", "Paid Search", "2026-10-01"),
    lead("L-6", "Paid Search", "2026-10-02"),
    lead("L-7", "Trade Show", "2026-10-03"),
    lead("L-8", "Referral", "2026-10-04"),     # not a tactic
    lead("L-9", "Webinar", "2026-11-20"),
]


def opp(opp_id: str, lead_id: str, created: str, stage: str, amount: float) -> dict:
    return {"opportunity_id": opp_id, "lead_id": lead_id, "created_at": created,
            "stage": stage, "amount": amount, "closed_at": None}


OPPS = [
    opp("O-1", "L-1", "2026-10-01", "Closed Won", 4000),
    opp("O-2", "L-2", "2026-10-15", "Proposal", 1000),
    opp("O-3", "L-5", "2026-11-01", "closed won", 1000),
    opp("O-4", "L-5", "2026-11-05", "Closed Lost", 500),
    opp("O-5", "L-9", "2026-11-24", "Closed Won", 2000),   # after the as-of date
    opp("O-9", "L-4", "2026-11-23", "Closed Won", 9000),   # its lead is after the as-of date
]


def run(**options: Any) -> Any:
    pack = pack_of(tactics=TACTICS, leads=LEADS, opportunities=OPPS)
    return compute(pack, period(), settings(**options))


def rows() -> dict[str, dict]:
    return {r["tactic"]: dict(r) for r in run().tables["tactics"].rows}


def test_webinar_row_worked_by_hand() -> None:
    w = rows()["Webinar"]
    assert (w["cost"], w["internal_cost"], w["total_cost"]) == (1000, 500, 1500)
    assert (w["start"], w["end"], w["budget"]) == ("2026-09-01", "2026-12-31", 2000)
    assert w["share_of_budget"] == pytest.approx(1500 / 2000)
    # leads L-1, L-2, L-3, L-9 (L-4 is after the as-of date); opportunities O-1, O-2
    assert (w["leads"], w["with_opportunity"], w["opportunities"]) == (4, 2, 2)
    assert w["conversion"] == pytest.approx(2 / 4)
    # reached Proposal: O-2 (at Proposal) and O-1 (Closed Won passed through it)
    assert (w["proposals"], w["closed_won"], w["closed_won_revenue"]) == (2, 1, 4000)
    # pipeline: all their amounts 4000 + 1000; still open: O-2's 1000
    assert (w["pipeline"], w["open_pipeline"]) == (5000, 1000)
    # cost per opportunity 1500 / 2; per won deal 1500 / 1
    assert (w["cost_per_opportunity"], w["cost_per_won_deal"]) == (750, 1500)
    assert w["romi"] == pytest.approx((4000 - 1500) / 1500)


def test_paid_search_and_trade_show_rows() -> None:
    r = rows()
    p = r["Paid Search"]
    # L-5 with two opportunities (won 1000, lost 500), L-6 none
    assert (p["leads"], p["with_opportunity"], p["opportunities"]) == (2, 1, 2)
    assert p["conversion"] == pytest.approx(1 / 2)
    # O-3 won (so past Proposal); O-4 lost, and no stage history says it reached Proposal
    assert (p["proposals"], p["closed_won"], p["closed_won_revenue"]) == (1, 1, 1000)
    assert (p["pipeline"], p["open_pipeline"]) == (1500, 0)
    assert p["romi"] == pytest.approx((1000 - 3000) / 3000)
    assert p["share_of_budget"] == pytest.approx(3000 / 2500)
    t = r["Trade Show"]
    assert (t["leads"], t["with_opportunity"], t["total_cost"]) == (1, 0, 0)
    assert t["conversion"] == pytest.approx(0.0)
    assert t["romi"] is None
    assert t["budget"] is None and t["share_of_budget"] is None


def test_totals_row_and_figures() -> None:
    r = run()
    total = dict(r.tables["tactics"].rows[-1])
    assert total["tactic"] == "Total"
    # cost 1000 + 3000 + 0; internal 500; leads 4 + 2 + 1; with opportunity 2 + 1
    assert (total["cost"], total["internal_cost"], total["total_cost"]) == (4000, 500, 4500)
    assert (total["leads"], total["with_opportunity"]) == (7, 3)
    assert total["conversion"] == pytest.approx(3 / 7)
    assert total["closed_won_revenue"] == 5000
    assert total["romi"] == pytest.approx((5000 - 4500) / 4500)
    # budgets of the tactics that have one: 2000 + 2500
    assert total["share_of_budget"] == pytest.approx(4500 / 4500)
    f = r.figures
    assert f["tactics"] == 3
    assert f["total_cost"] == 4500
    assert f["romi"] == pytest.approx(500 / 4500)
    assert f["proposals"] == 2 + 1
    assert (f["pipeline"], f["open_pipeline"]) == (6500, 1000)
    assert any("1 lead from programs that are not in tactics" in n for n in r.notes)


def test_findings() -> None:
    found = {f.key: f for f in run().findings}
    assert set(found) == {"negative_romi:Paid Search", "no_opportunities:Trade Show",
                          "over_budget:Paid Search"}
    assert found["negative_romi:Paid Search"].severity == "high"
    assert found["negative_romi:Paid Search"].message == (
        "Paid Search returned -67% on its $3,000 total cost: $1,000 closed-won "
        "revenue so far")
    assert found["no_opportunities:Trade Show"].message == (
        "Trade Show brought 1 lead and not one opportunity")
    assert found["over_budget:Paid Search"].message == (
        "Paid Search cost $3,000 against a budget of $2,500 (120% of it)")


def test_no_opportunities_fires_at_min_leads() -> None:
    assert "no_opportunities:Trade Show" in {f.key for f in run(min_leads=1).findings}
    assert "no_opportunities:Trade Show" not in {f.key for f in run(min_leads=2).findings}


def test_break_even_is_not_negative() -> None:
    # revenue 1000 against a total cost of 1000: ROMI 0, no finding
    pack = pack_of(
        tactics=[{"tactic": "Email", "cost": 600, "internal_hours": 8, "hourly_rate": 50}],
        leads=[lead("L-1", "Email", "2026-10-01")],
        opportunities=[opp("O-1", "L-1", "2026-10-10", "Closed Won", 1000)],
    )
    r = compute(pack, period(), settings())
    assert r.figures["romi"] == pytest.approx(0.0)
    assert r.findings == ()


def test_empty_tactics_give_none() -> None:
    r = compute(pack_of(tactics=[], leads=[], opportunities=[]), period(), settings())
    assert r.figures["tactics"] == 0
    assert r.figures["romi"] is None
    assert r.figures["conversion"] is None
    assert r.findings == ()


def test_missing_opportunities_is_the_panels_error() -> None:
    r = run_panel("romi", pack_of(tactics=TACTICS, leads=LEADS), period(), settings())
    assert r.error is not None and "opportunities" in r.error
