"""Cutting rows to a run of days: in date order by two binary searches and a slice, out of
order date by date; the same rows either way, worked out by hand."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from tuneup_tui.metrics.common import window_mask, within
from tuneup_tui.metrics.day_span import CHECK_FIRST, days_mask, sorted_span

NAT = np.datetime64("NaT")


def _stamps(*cells: str | None) -> np.ndarray:
    return np.array([NAT if c is None else np.datetime64(c) for c in cells],
                    dtype="datetime64[us]")


def test_a_run_of_days_in_order_is_found_by_its_bounds() -> None:
    stamps = _stamps("2026-11-29 23:59:59", "2026-11-30 00:00:00", "2026-12-03 12:00",
                     "2026-12-06 23:59:59.999999", "2026-12-07 00:00:00", "2026-12-09")
    # Monday 30 November to Sunday 6 December: rows 1 (the first moment) to 3 (the last)
    assert sorted_span(stamps, date(2026, 11, 30), date(2026, 12, 6)) == (1, 4)
    assert days_mask(stamps, date(2026, 11, 30), date(2026, 12, 6)).tolist() == [
        False, True, True, True, False, False]


def test_equal_dates_at_both_ends_are_all_kept() -> None:
    stamps = _stamps("2026-12-01", "2026-12-01", "2026-12-02", "2026-12-02", "2026-12-03")
    assert sorted_span(stamps, date(2026, 12, 1), date(2026, 12, 2)) == (0, 4)
    assert sorted_span(stamps, date(2026, 12, 2), date(2026, 12, 2)) == (2, 4)


def test_missing_dates_at_the_top_fall_before_any_day() -> None:
    stamps = _stamps(None, None, "2026-12-01", "2026-12-05")
    assert sorted_span(stamps, date(2026, 11, 1), date(2026, 12, 31)) == (2, 4)
    assert days_mask(stamps, date(2026, 11, 1), date(2026, 12, 31)).tolist() == [
        False, False, True, True]


def test_a_missing_date_further_down_is_out_of_order() -> None:
    stamps = _stamps("2026-12-01", None, "2026-12-05")
    assert sorted_span(stamps, date(2026, 11, 1), date(2026, 12, 31)) is None
    assert days_mask(stamps, date(2026, 11, 1), date(2026, 12, 31)).tolist() == [
        True, False, True]


def test_out_of_order_late_in_the_column_is_seen() -> None:
    days = [np.datetime64("2026-01-01") + i for i in range(CHECK_FIRST * 3)]
    days[-2], days[-1] = days[-1], days[-2]
    stamps = np.array(days, dtype="datetime64[us]")
    assert sorted_span(stamps, date(2026, 1, 1), date(2026, 12, 31)) is None


def test_only_naive_dates_have_a_span() -> None:
    assert sorted_span(np.array([1, 2, 3]), date(2026, 1, 1), date(2026, 1, 2)) is None
    assert sorted_span(_stamps(), date(2026, 1, 1), date(2026, 1, 2)) == (0, 0)


@pytest.mark.parametrize("order", ["sorted", "shuffled"])
def test_within_and_its_mask_keep_the_same_rows_either_way(order: str) -> None:
    cells = ["2026-11-29 00:00", "2026-11-30 08:00", "2026-12-02 00:00", "2026-12-06 18:30",
             "2026-12-07 00:00"]
    frame = pd.DataFrame({"date": pd.to_datetime(cells), "n": [1, 2, 3, 4, 5]},
                         index=[10, 11, 12, 13, 14])
    if order == "shuffled":
        frame = frame.iloc[[3, 0, 4, 1, 2]]
    week = (date(2026, 11, 30), date(2026, 12, 6))
    kept = within(frame, "date", *week)
    assert sorted(kept["n"].tolist()) == [2, 3, 4]
    assert kept.index.tolist() == [i for i in frame.index if i in (11, 12, 13)]
    mask = window_mask(frame, "date", *week)
    assert mask.index.tolist() == frame.index.tolist()
    assert frame[mask]["n"].tolist() == kept["n"].tolist()


def test_within_gives_the_frame_itself_when_every_row_is_in() -> None:
    frame = pd.DataFrame({"date": pd.to_datetime(["2026-12-01", "2026-12-02"])})
    assert within(frame, "date", date(2026, 11, 1), date(2026, 12, 31)) is frame
    assert within(frame, "date", date(2027, 1, 1), date(2027, 1, 31)).empty
