"""Calendar panel: the 4 weeks after the period 2026-11-16..22 (11-23 to 12-20), against a
baseline of W45 (11-02..08) + W46 (11-09..15), 14 days."""

from __future__ import annotations

import pytest

from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.registry import run_panel

CALENDAR = [
    # 14 days over W48 and W49: its 1400 sessions in each week it runs, half its budget
    {"start": "2026-11-23", "end": "2026-12-06", "name": "Winter nurture", "kind": "nurture",
     "owner": "Ana", "expected_sessions": 1400, "budget": 2000},
    # one day in W49
    {"start": "2026-12-01", "end": "2026-12-01", "name": "Ops webinar", "kind": "Webinar",
     "owner": "Bo", "budget": 500},
    # no end: its start day, in W50
    {"start": "2026-12-08", "end": None, "name": "Launch X", "kind": "Product launch",
     "owner": "Cy", "expected_leads": 30},
    # in the baseline: 3 days, all inside it
    {"start": "2026-11-03", "end": "2026-11-05", "name": "Old push", "kind": "campaign",
     "owner": "Ana", "budget": 300},
]
TRAFFIC = [{"date": "2026-11-10", "source": "g", "medium": "cpc", "sessions": 700,
            "goal_completions": 1}]
LEADS = [{"lead_id": f"L{i}", "created_at": "2026-11-04", "program": "p", "score": 1,
          "status": "open", "sent_to_sales_at": None, "territory": "t"} for i in range(2)]
PAID = [{"date": "2026-11-10", "program": "p", "channel": "c", "site": "s", "spend": 1400,
         "impressions": 1, "clicks": 1, "names": 1}]


def _run(**options: object):
    pack = pack_of(calendar=CALENDAR, traffic=TRAFFIC, leads=LEADS, paid=PAID)
    return run_panel("calendar", pack, period(), settings(**options))


def test_weeks() -> None:
    r = _run()
    assert r.error is None
    rows = r.tables["weeks"].rows
    assert [row["week"] for row in rows] == ["2026-W48", "2026-W49", "2026-W50", "2026-W51"]
    w48, w49, w50, w51 = rows
    assert str(w48["start"]) == "2026-11-23" and str(w51["end"]) == "2026-12-20"
    # 700 sessions over 14 baseline days = 350 a week; 2 leads = 1 a week
    assert w48["avg_sessions"] == pytest.approx(350)
    assert w48["avg_leads"] == pytest.approx(1)
    assert w48["expected_sessions"] == pytest.approx(1400)  # per week it runs
    assert w48["budget"] == pytest.approx(1000)            # 2000 x 7/14
    assert (w49["campaigns"], w49["events"], w49["launches"]) == (1, 1, 0)
    assert w49["budget"] == pytest.approx(1500)            # 1000 + 500
    assert w49["entries"] == "Winter nurture; Ops webinar"
    assert w50["launches"] == 1 and w50["expected_leads"] == pytest.approx(30)
    assert w50["expected_sessions"] is None  # nothing planned says how many
    assert w51["entries"] == ""


def test_figures() -> None:
    f, b = _run().figures, _run().baseline_figures
    assert f["planned_entries"] == 3
    assert (f["campaigns"], f["launches"], f["events"]) == (1, 1, 1)
    assert f["empty_weeks"] == 1
    assert f["expected_sessions"] == pytest.approx(2800)  # 1400 in W48 and in W49
    assert f["expected_leads"] == pytest.approx(30)
    assert f["budget"] == pytest.approx(2500)
    assert f["expected_spend"] == pytest.approx(2800)  # 1400 / 14 days x 7 x 4 weeks
    assert f["paid_budget"] is None  # no entry named like the paid program "p"
    assert f["budget_to_spend"] == pytest.approx(2500 / 2800)
    # the baseline scaled to 4 weeks: x 28/14 = 2
    assert b["planned_entries"] == pytest.approx(2)  # "Old push"
    assert b["campaigns"] == pytest.approx(2)
    assert b["expected_sessions"] == pytest.approx(1400)  # 350 x 4
    assert b["expected_leads"] == pytest.approx(4)        # 1 x 4
    assert b["budget"] == pytest.approx(600)              # 300 x 2
    assert b["expected_spend"] == pytest.approx(2800)
    assert b["empty_weeks"] is None
    assert set(f) == set(b)


def test_findings() -> None:
    found = {f.key: f for f in _run().findings}
    # budget 2500 vs 2800 is 10.7% below: inside the 25% default
    assert set(found) == {"empty_week:2026-W51"}
    assert found["empty_week:2026-W51"].message == (
        "Nothing is planned for the week of 2026-12-14 (2026-W51).")
    found = {f.key: f for f in _run(budget_share=0.1).findings}
    assert "budget_vs_spend" in found
    assert found["budget_vs_spend"].message == (
        "The calendar budgets $2,500 for the coming 4 weeks, 11% below the $2,800 "
        "paid spend runs at.")
    assert "budget_vs_spend" not in {f.key for f in _run(budget_share=0.11).findings}


def test_expected_per_entry() -> None:
    r = _run(expected_per="entry")
    # 1400 over 14 days: 700 in W48, 700 in W49
    assert [row["expected_sessions"] for row in r.tables["weeks"].rows] == pytest.approx(
        [700, 700, None, None])
    assert r.figures["expected_sessions"] == pytest.approx(1400)


def test_budget_of_paid_programs_against_spend() -> None:
    # "Display" is a paid program; its calendar entry runs 56 days, 11-09..01-03, $5,600
    display = {"start": "2026-11-09", "end": "2027-01-03", "name": "display ", "kind": "paid",
               "owner": "Mo", "budget": 5600}
    paid = [*PAID, {**PAID[0], "program": "Display", "spend": 0}]
    pack = pack_of(calendar=[*CALENDAR, display], paid=paid)
    r = run_panel("calendar", pack, period(), settings())
    # window 11-23..12-20 is 28 of its 56 days: $2,800 against spend 1400/14 x 28 = $2,800
    assert r.figures["paid_budget"] == pytest.approx(2800)
    assert r.figures["budget"] == pytest.approx(2500 + 2800)
    assert r.figures["budget_to_spend"] == pytest.approx(1.0)
    # baseline: 11-09..11-15 is 7 of its 56 days = $700, scaled x 2 = $1,400
    assert r.baseline_figures["paid_budget"] == pytest.approx(1400)
    assert r.baseline_figures["budget_to_spend"] == pytest.approx(1400 / 2800)


def test_weeks_option() -> None:
    rows = _run(weeks=2).tables["weeks"].rows
    assert [row["week"] for row in rows] == ["2026-W48", "2026-W49"]


def test_without_traffic_leads_paid() -> None:
    r = run_panel("calendar", pack_of(calendar=CALENDAR), period(), settings())
    assert r.error is None
    assert r.figures["expected_spend"] is None and r.figures["budget_to_spend"] is None
    assert r.tables["weeks"].rows[0]["avg_sessions"] is None
    assert any("traffic" in n for n in r.notes)


def test_missing_calendar_is_the_panels_error() -> None:
    r = run_panel("calendar", pack_of(traffic=TRAFFIC), period(), settings())
    assert r.error is not None and "calendar" in r.error
