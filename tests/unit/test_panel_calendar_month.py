"""Calendar panel after a monthly review: the period is November 2026, the baseline August to
October, and the paid export starts on Monday 31 August (as the sample's does)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.unit.panel_fixtures import pack_of
from tuneup_tui.data.period import review_period
from tuneup_tui.metrics.calendar import coming_weeks
from tuneup_tui.metrics.registry import run_panel
from tuneup_tui.metrics.result import PanelSettings

AS_OF = date(2026, 12, 7)
MONTH = review_period(AS_OF, "month")  # 2026-11-01..2026-11-30

# $100 of paid spend every day from 31 August to 31 October: 62 days
PAID = [{"date": (date(2026, 8, 31) + timedelta(days=i)).isoformat(), "program": "Search",
         "channel": "cpc", "site": "g.com", "spend": 100, "impressions": 10, "clicks": 1,
         "names": 0} for i in range(62)]
# the paid programme planned across the coming month: 30 November to 3 January, 35 days, $3,000
CALENDAR = [{"start": "2026-11-30", "end": "2027-01-03", "name": "Search", "kind": "paid",
             "owner": "Mo", "budget": 3000}]


def _run(**options: object):
    settings = PanelSettings(as_of=AS_OF, baseline_periods=3, period_kind="month",
                             options=options)
    return run_panel("calendar", pack_of(calendar=CALENDAR, paid=PAID), MONTH, settings)


def test_the_coming_month_is_its_iso_weeks_labelled_as_such() -> None:
    weeks = coming_weeks(MONTH, 4)
    # every ISO week with a day in December 2026: W49 starts on Monday 30 November, W53 ends
    # on Sunday 3 January
    assert [w.label for w in weeks] == ["2026-W49", "2026-W50", "2026-W51", "2026-W52",
                                        "2026-W53"]
    assert weeks[0].start == date(2026, 11, 30) and weeks[-1].end == date(2027, 1, 3)
    for w in weeks:
        year, number, weekday = w.start.isocalendar()
        assert weekday == 1 and w.label == f"{year}-W{number:02d}" and w.days == 7
    rows = _run().tables["weeks"].rows
    first = rows[0]
    assert (first["week"], str(first["start"]), str(first["end"])) == (
        "2026-W49", "2026-11-30", "2026-12-06")


def test_a_weekly_review_looks_at_the_weeks_that_follow_it() -> None:
    week = review_period(AS_OF)  # 2026-W49
    assert [w.label for w in coming_weeks(week, 4)] == ["2026-W50", "2026-W51", "2026-W52",
                                                        "2026-W53"]


def test_budget_against_spend_has_the_sign_of_the_real_gap() -> None:
    r = _run()
    f = r.figures
    # August is left out of the spend's mean: 30 of its 31 days pass before the export starts.
    # September and October: 61 days x $100 = $6,100, i.e. $700 a week; the 5 coming weeks at
    # that pace: $3,500. (Counting August as a month of data gave $6,200 over 92 days = $471.74
    # a week, $2,358.70 over 5 weeks: the $3,000 budget read 27% ABOVE the spend.)
    assert r.baseline_coverage == {"paid": (3, 2)}
    assert f["expected_spend"] == pytest.approx(3500)
    assert f["paid_budget"] == pytest.approx(3000)  # the whole entry lies in the window
    assert f["budget_to_spend"] == pytest.approx(3000 / 3500)
    found = {x.key: x for x in _run(budget_share=0.1).findings}
    # 1 - 3000 / 3500 = 14.3% below
    assert found["budget_vs_spend"].message == (
        "The calendar budgets $3,000 for the coming 5 weeks, 14% below the $3,500 "
        "paid spend runs at.")


def test_no_baseline_month_with_data_leaves_the_spend_na() -> None:
    late = [{**row, "date": "2026-11-10"} for row in PAID[:1]]
    settings = PanelSettings(as_of=AS_OF, baseline_periods=3, period_kind="month",
                             options={"budget_share": 0.0})
    r = run_panel("calendar", pack_of(calendar=CALENDAR, paid=late), MONTH, settings)
    assert r.baseline_coverage == {"paid": (3, 0)}
    assert r.figures["expected_spend"] is None and r.figures["budget_to_spend"] is None
    assert "budget_vs_spend" not in {x.key for x in r.findings}


def test_period_labels_say_what_the_window_is() -> None:
    from tuneup_tui.data.period import parse_period

    # a calendar month is labelled as the month
    assert MONTH.label == "2026-11" and (MONTH.start, MONTH.end) == (date(2026, 11, 1),
                                                                     date(2026, 11, 30))
    # an ISO week by its ISO year and number: 2026-W49 is Monday 30 November to 6 December
    week = review_period(AS_OF)
    assert week.label == "2026-W49" and week.start == date(2026, 11, 30)
    # the first days of January can belong to the last ISO week of the year before
    assert parse_period("2026-W53").label == "2026-W53"
    assert parse_period("2026-W53").end == date(2027, 1, 3)
    assert review_period(date(2027, 1, 4)).label == "2026-W53"
    assert review_period(date(2027, 1, 11), "month").label == "2026-12"
