"""Exports that end before the review period: no zeros read as "-100% worse", but one line
saying which sources end when; worked out by hand on a few rows."""

from __future__ import annotations

from datetime import date, timedelta

from tests.unit.panel_fixtures import pack_of
from tuneup_tui.data.period import review_period
from tuneup_tui.metrics.registry import run_panel
from tuneup_tui.metrics.result import PanelSettings

LAST_DAY = date(2026, 11, 22)  # a Sunday: the pack holds week 47 (16-22 Nov) whole


def _traffic(last: date) -> list[dict]:
    start = date(2026, 10, 26)
    return [{"date": (start + timedelta(days=i)).isoformat(), "source": "google",
             "medium": "organic", "sessions": 100, "goal_completions": 4}
            for i in range((last - start).days + 1)]


def _leads(last: date) -> list[dict]:
    return [{"lead_id": "L1", "created_at": "2026-10-27 09:00", "program": "Web",
             "score": 50, "status": "Open", "sent_to_sales_at": None, "territory": "East"},
            {"lead_id": "L2", "created_at": f"{last} 10:00", "program": "Web",
             "score": 50, "status": "Open", "sent_to_sales_at": None, "territory": "East"}]


def _run(name: str, pack: object, as_of: date) -> object:
    period = review_period(as_of, "week")
    return run_panel(name, pack, period,  # type: ignore[arg-type]
                     PanelSettings(as_of=as_of, baseline_periods=4, options={}))


def test_a_pack_that_ends_before_the_week_shows_why_not_zeros() -> None:
    pack = pack_of(traffic=_traffic(LAST_DAY), leads=_leads(LAST_DAY))
    # reviewed on Monday 7 December: week 49 (30 Nov-6 Dec) lies after the last row
    result = _run("traffic", pack, date(2026, 12, 7))
    assert result.error == (
        "no data for 2026-W49 (30 Nov–06 Dec): traffic and leads end 22 Nov 2026; export the "
        "period's data, or review the last week the pack holds (--as-of 2026-11-23)")
    assert result.figures == {} and result.findings == ()
    # reviewed on Monday 23 November: week 47 is the pack's last, read as usual
    week47 = _run("traffic", pack, date(2026, 11, 23))
    assert week47.error is None
    assert week47.figures["sessions"] == 700  # 7 days of 100


def test_one_source_ending_early_is_named_first_and_the_rest_stands() -> None:
    social = [{"date": "2026-11-16", "network": "linkedin", "followers": 1000,
               "engagements": 20, "posts": 2}]
    pack = pack_of(traffic=_traffic(date(2026, 12, 6)), social=social)
    result = _run("social", pack, date(2026, 12, 7))
    assert result.error is None
    assert result.notes[0] == (
        "social ends 16 Nov 2026: nothing from it for 2026-W49 (30 Nov–06 Dec), so the "
        "figures that read it are not known (they show as 0)")


def test_a_lead_created_long_ago_and_sent_this_week_is_this_weeks_data() -> None:
    leads = [{"lead_id": "L1", "created_at": "2026-10-01 09:00", "program": "Web",
              "score": 70, "status": "Open", "sent_to_sales_at": "2026-11-17 09:00",
              "territory": "East"}]
    result = _run("handoff", pack_of(leads=leads, crm=[]), date(2026, 11, 23))
    assert result.error is None
    assert result.figures["leads_delivered"] == 1


def test_panels_over_the_whole_history_are_not_judged_by_the_week() -> None:
    pack = pack_of(leads=_leads(LAST_DAY),
                   opportunities=[{"opportunity_id": "O1", "lead_id": "L1",
                                   "created_at": "2026-11-02", "stage": "Proposal"}])
    result = _run("lifecycle", pack, date(2026, 12, 7))
    assert result.error is None
    assert not any("nothing from" in note for note in result.notes)
