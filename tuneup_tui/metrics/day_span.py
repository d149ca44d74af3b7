"""Which rows of a date column fall on a run of days, worked out on the dates' integers.

Every panel cuts its frames to the review period and to each baseline period, about three
hundred cuts for a day's panels. Exports list their rows in date order (a day of traffic after
the one before, activities as they were logged), and then a run of days is one run of rows:
two binary searches find it, and the rows are taken as a slice (no copy), where comparing
every date and picking rows by a mask copied every column. A column not in order (leads by
when they were sent to sales) is compared date by date as before; both give the same rows.
"""

from __future__ import annotations

from datetime import date

import numpy as np

CHECK_FIRST = 64
"""Dates looked at before the whole column is checked for order: a column out of order shows
it within its first rows nearly always, and costs no more than that."""


def by_end_of(day: date, dtype: np.dtype) -> np.datetime64:
    """The first moment after `day`, in `dtype`: stamps before it fall on `day` or earlier."""
    return (np.datetime64(day, "D") + 1).astype(dtype)


def days_mask(stamps: np.ndarray, start: date, end: date) -> np.ndarray:
    """Which naive datetime64 `stamps` fall on a day from `start` to `end`, both included
    (a missing date, NaT, is left out)."""
    lo, hi = _bounds(stamps, start, end)
    ticks = stamps.view(np.int64)
    # NaT is the lowest integer, below any start: left out as when comparing the dates, and
    # numpy compares integers without checking each for NaT, in half the time
    return (ticks >= lo) & (ticks < hi)


def sorted_span(stamps: np.ndarray, start: date, end: date) -> tuple[int, int] | None:
    """Where the rows of `stamps` on a day from `start` to `end` (both included) lie, as
    (first, past the last), when the naive datetime64 `stamps` are in ascending order (missing
    dates, NaT, only at the top: they fall before any day); None when they are not, or are not
    naive datetime64."""
    if stamps.dtype.kind != "M" or stamps.ndim != 1 or not in_date_order(stamps):
        return None
    lo, hi = _bounds(stamps, start, end)
    first, last = np.searchsorted(stamps.view(np.int64), [lo, hi], side="left")
    return int(first), int(last)


def in_date_order(stamps: np.ndarray) -> bool:
    """Whether the naive datetime64 `stamps` never go back in time (missing dates, NaT, only
    at the top: on the integers, NaT is the lowest)."""
    ticks = stamps.view(np.int64)
    head = ticks[:CHECK_FIRST + 1]
    return bool((head[1:] >= head[:-1]).all() and (ticks[1:] >= ticks[:-1]).all())


def _bounds(stamps: np.ndarray, start: date, end: date) -> tuple[np.int64, np.int64]:
    """The first moment of `start` and the first after `end`, as integers of `stamps`' unit."""
    lo = np.datetime64(start, "D").astype(stamps.dtype)
    return lo.view(np.int64), by_end_of(end, stamps.dtype).view(np.int64)
