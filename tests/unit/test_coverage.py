"""Which baseline periods a source has data for, worked out by hand on a few dated rows."""

from __future__ import annotations

from datetime import date

import pandas as pd

from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.data.period import Period, review_period
from tuneup_tui.metrics.coverage import covered_baseline, shared_baseline
from tuneup_tui.metrics.coverage_line import coverage_line
from tuneup_tui.metrics.registry import run_panel
from tuneup_tui.metrics.report_text import panel_text

MONTHS = review_period(date(2026, 12, 7), "month").baseline(3)  # Aug, Sep, Oct 2026
WEEKS = period().baseline(3)  # W44 10-26..11-01, W45 11-02..08, W46 11-09..15


def _dates(*days: str) -> pd.DataFrame:
    return pd.DataFrame({"date": pd.to_datetime(list(days))})


def _labels(periods: tuple[Period, ...]) -> list[str]:
    return [p.label for p in periods]


def test_a_month_the_data_starts_on_its_last_day_is_left_out() -> None:
    # data from 31 August: 30 of August's 31 days pass before it
    covered = covered_baseline(_dates("2026-08-31", "2026-09-15", "2026-10-02"), "date", MONTHS)
    assert _labels(covered.periods) == ["2026-09", "2026-10"]


def test_a_month_the_data_starts_in_its_first_half_counts() -> None:
    # data from 16 August: 15 of 31 days before, not more than half
    covered = covered_baseline(_dates("2026-08-16", "2026-09-15", "2026-10-02"), "date", MONTHS)
    assert _labels(covered.periods) == ["2026-08", "2026-09", "2026-10"]
    # from 17 August: 16 of 31 before, more than half
    covered = covered_baseline(_dates("2026-08-17", "2026-09-15", "2026-10-02"), "date", MONTHS)
    assert _labels(covered.periods) == ["2026-09", "2026-10"]


def test_a_period_without_rows_is_left_out() -> None:
    # rows in W44 and W46; none in W45
    covered = covered_baseline(_dates("2026-10-26", "2026-11-10"), "date", WEEKS)
    assert _labels(covered.periods) == ["2026-W44", "2026-W46"]


def test_a_week_whose_data_begins_on_its_wednesday_counts() -> None:
    # 11-04 is W45's Wednesday: 2 of 7 days before; Friday 11-06: 4 of 7, more than half
    assert _labels(covered_baseline(_dates("2026-11-04", "2026-11-10"), "date",
                                    WEEKS).periods) == ["2026-W45", "2026-W46"]
    assert _labels(covered_baseline(_dates("2026-11-06", "2026-11-10"), "date",
                                    WEEKS).periods) == ["2026-W46"]


def test_a_snapshot_is_whole_from_its_first_row() -> None:
    # a weekly snapshot on W45's Sunday stands for W45
    frame = _dates("2026-11-08", "2026-11-15")
    assert _labels(covered_baseline(frame, "date", WEEKS).periods) == ["2026-W46"]
    assert _labels(covered_baseline(frame, "date", WEEKS, snapshot=True).periods) == [
        "2026-W45", "2026-W46"]


def test_no_rows_or_no_baseline_covers_nothing() -> None:
    assert len(covered_baseline(_dates(), "date", WEEKS)) == 0
    assert len(covered_baseline(_dates("2026-11-20"), "date", WEEKS)) == 0  # after them all
    assert len(covered_baseline(_dates("2026-11-03"), "date", WEEKS.__class__(()))) == 0


def test_shared_keeps_the_periods_both_cover() -> None:
    a = covered_baseline(_dates("2026-10-26", "2026-11-10"), "date", WEEKS)  # W44, W46
    b = covered_baseline(_dates("2026-11-03", "2026-11-10"), "date", WEEKS)  # W45, W46
    assert _labels(shared_baseline(a, b).periods) == ["2026-W46"]


def test_the_line_a_panel_says() -> None:
    assert coverage_line({"traffic": (3, 3)}, "month") is None
    assert coverage_line({}, "week") is None
    assert coverage_line({"traffic": (3, 2), "leads": (3, 2)}, "month") == (
        "baseline: 2 of 3 months have data")
    assert coverage_line({"paid": (8, 1)}, "week") == "baseline: 1 of 8 weeks has data"
    assert coverage_line({"paid": (3, 0)}, "month") == (
        "baseline: none of the 3 months has data")
    assert coverage_line({"traffic": (3, 3), "paid": (3, 2)}, "month") == (
        "baseline: 2 of 3 months have data for paid; 3 of 3 months have data for traffic")


def test_a_panel_without_baseline_data_shows_na_and_says_so() -> None:
    # the traffic starts in the review week: neither baseline week has data
    traffic = [{"date": "2026-11-17", "source": "g", "medium": "cpc", "sessions": 100,
                "goal_completions": 5}]
    r = run_panel("traffic", pack_of(traffic=traffic), period(), settings())
    assert r.baseline_coverage == {"traffic": (2, 0)}
    assert r.baseline_figures["sessions"] is None  # no average, not 0
    assert r.baseline_figures["goal_conversion"] is None
    doc = r.to_json()
    assert doc["baseline_coverage"] == {"traffic": {"periods": 2, "with_data": 0}}
    assert doc["baseline_figures"]["sessions"] is None
    text = "\n".join(panel_text("traffic", r))
    assert "   baseline: none of the 2 weeks has data" in text
    assert r.findings == ()
