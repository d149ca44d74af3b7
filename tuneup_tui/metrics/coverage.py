"""Which baseline periods a source has data for, and the line a panel says about it.

A count's average is its mean per period over the baseline periods the source covers
(DESIGN.md): a period before the source's first dated row, or with no row of the source, is
left out of that source's mean. A period the source's data begins part-way through counts as
before it when more than half of its days pass before that first date: August, for data
starting on 31 August, is left out, while a week whose data begins on its Tuesday or
Wednesday counts. Counting such a period as a zero (or as its one day) would make every count
of a young data pack look like growth (a pack starting on 31 August, against a baseline of
August to October, read +50%). With no period left, the average is n/a. A count of what a
snapshot lists (keywords with a position in a period) is whole from its first row, so only
the periods without a row are left out of it.

The covered periods form a `Baseline` of their own, so a panel computes a source's baseline
sums and means over it exactly as over the whole baseline: the periods left out hold no rows
of the source (or lie before its first whole period), so a window from the first covered
period to the last adds up the covered periods only.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.data.sources import SOURCES
from tuneup_tui.metrics.common import datetimes
from tuneup_tui.metrics.day_span import by_end_of, days_mask


def source_baseline(pack: DataPack, source: str, baseline: Baseline,
                    coverage: dict[str, tuple[int, int]] | None = None,
                    column: str | None = None, snapshot: bool = False) -> Baseline:
    """The baseline periods `source` has data for (see the module's docstring), recorded in
    `coverage` when given. The source's first date is that of its dating column; a period
    has rows of it when a row is dated in it by that column or by `column`, the one the
    count reads (leads sent to sales: `sent_to_sales_at`). A `snapshot` count leaves out the
    periods without a row only. A source that cannot be read covers none."""
    first_column = SOURCES[source].date_column
    column = column or first_column
    try:
        frame = pack.frame(source)
    except DataError:
        frame = None
    if frame is None or column is None or first_column is None:
        covered = Baseline(())
    else:
        key = ("baseline_coverage", source, column, snapshot, baseline.periods)
        covered = pack.derived(key, lambda: covered_baseline(frame, column, baseline,
                                                             first_column, snapshot))
    if coverage is not None:
        before = coverage.get(source, (len(baseline), len(covered)))
        coverage[source] = (len(baseline), min(before[1], len(covered)))
    return covered


def covered_baseline(df: pd.DataFrame, column: str, baseline: Baseline,
                     first_column: str | None = None, snapshot: bool = False) -> Baseline:
    """The periods of `baseline` not mostly before the first day of `df[first_column]`
    (`column` by default; any period for a `snapshot`) that hold at least one row dated by
    either."""
    first_column = first_column or column
    if len(baseline) == 0 or len(df) == 0:
        return Baseline(())
    first = _first_day(df[first_column])
    if first is None:
        return Baseline(())
    # each column's dates inside the baseline, sorted once: a period holds a row when a
    # binary search finds one in it (not a comparison of every date per period)
    dated = [_sorted_within(df[c], baseline.start, baseline.end)
             for c in dict.fromkeys((first_column, column))]
    kept = tuple(p for p in baseline.periods
                 if (snapshot or not _mostly_before(p, first))
                 and any(_holds(s, p.start, p.end) for s in dated))
    return Baseline(kept)


def _sorted_within(values: pd.Series, start: date, end: date) -> np.ndarray:
    """The dates of a column from `start` to `end` (both included), sorted."""
    stamps = values.to_numpy()
    if stamps.dtype.kind != "M":
        stamps = _stamps(values)
    return np.sort(stamps[days_mask(stamps, start, end)], kind="stable")  # near a copy: in order


def _holds(stamps: np.ndarray, start: date, end: date) -> bool:
    """Whether the sorted `stamps` hold one on a day from `start` to `end`."""
    lo = np.datetime64(start, "D").astype(stamps.dtype)
    hi = by_end_of(end, stamps.dtype)
    first, last = np.searchsorted(stamps, [lo, hi])
    return bool(last > first)


def _mostly_before(period: Period, first: date) -> bool:
    """Whether more than half of `period`'s days pass before `first`."""
    return (first - period.start).days * 2 > period.days


def _stamps(values: pd.Series) -> np.ndarray:
    """The known dates of a column, as naive datetime64."""
    stamps = datetimes(values)
    return stamps[~np.isnat(stamps)]


def _first_day(values: pd.Series) -> date | None:
    stamps = values.to_numpy()
    if stamps.dtype.kind == "M":
        # the earliest known date in one pass (fmin passes over NaT), no copy of the dates
        first = np.fmin.reduce(stamps) if len(stamps) else np.datetime64("NaT")
        return None if np.isnat(first) else pd.Timestamp(first).date()
    known = _stamps(values)
    return pd.Timestamp(known.min()).date() if len(known) else None


def covered_spans(df: pd.DataFrame, column: str, spans: list[tuple[date, date]]
                  ) -> list[bool]:
    """For figures over a span of their own (the 4 weeks ending with a period): whether each
    span has data, by the same rule as a period (not mostly before the first day of
    `df[column]`, and holding a row of it)."""
    known = _stamps(df[column]) if len(df) else np.array([], dtype="datetime64[ns]")
    if len(known) == 0:
        return [False for _ in spans]
    first = pd.Timestamp(known.min()).date()
    return [(first - start).days * 2 <= (end - start).days + 1
            and bool(days_mask(known, start, end).any()) for start, end in spans]


def shared_baseline(*baselines: Baseline) -> Baseline:
    """The periods every one of `baselines` covers: a ratio of two sources is pooled over the
    periods both have data for."""
    if not baselines:
        return Baseline(())
    common = set(baselines[0].periods)
    for b in baselines[1:]:
        common &= set(b.periods)
    return Baseline(tuple(p for p in baselines[0].periods if p in common))
