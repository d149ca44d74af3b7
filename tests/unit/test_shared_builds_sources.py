"""What several panels work out once per pack (each lead once, leads joined to their CRM
row) still counts as reading its sources for every panel that uses it: each carries the
sources' notes, not only the panel that happened to build it first."""

from __future__ import annotations

from datetime import date

from tests.unit.panel_fixtures import pack_of
from tuneup_tui.data.period import review_period
from tuneup_tui.metrics.day import compute_day
from tuneup_tui.metrics.settings import DaySettings


def test_a_value_built_once_counts_its_sources_for_each_caller() -> None:
    pack = pack_of(leads=[{"lead_id": "L1", "created_at": "2026-11-17", "program": "Web",
                           "score": 50, "status": "Open", "territory": "East"}])
    period = review_period(date(2026, 11, 23), "week")
    with pack.reviewing(period) as first:
        assert pack.derived("rows", lambda: len(pack.frame("leads"))) == 1
    with pack.reviewing(period) as second:
        assert pack.derived("rows", lambda: 0) == 1  # built before: not built again
    assert first == second == {"leads"}


def test_a_later_panel_carries_the_notes_of_the_leads_it_shares() -> None:
    traffic = [{"date": f"2026-11-{d}", "source": "google", "medium": "organic",
                "sessions": 100, "goal_completions": 3} for d in range(16, 23)]
    leads = [{"lead_id": "L1", "created_at": "2026-11-17 09:00", "program": "Web",
              "score": 1e13, "status": "Open", "territory": "East"},
             {"lead_id": "L2", "created_at": "2026-11-18 09:00", "program": "Web",
              "score": 60, "status": "Open", "territory": "East"}]
    opportunities = [{"opportunity_id": "O1", "lead_id": "L2", "created_at": "2026-11-19",
                      "stage": "Proposal", "amount": 1000}]
    pack = pack_of(traffic=traffic, leads=leads, opportunities=opportunities)
    results = compute_day(pack, date(2026, 11, 23), DaySettings(), ["funnel", "lifecycle"])
    # the funnel reads the leads first and builds "each lead once"; the lifecycle uses it
    beyond = [n for n in results["funnel"].notes if "'score'" in n]
    assert beyond and "is beyond" in beyond[0]
    assert results["lifecycle"].error is None
    assert beyond[0] in results["lifecycle"].notes
