"""Helpers every panel uses: windows of rows, per-period means, pooled rates, plain wording.

Definitions (DESIGN.md): a count's average is its mean per period over the baseline; a rate's
average is pooled (the baseline's summed numerator over its summed denominator). A zero
denominator gives None, shown as "n/a".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from tuneup_tui.data.currency import format_money
from tuneup_tui.data.errors import DataError
from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.day_span import by_end_of, days_mask, sorted_span
from tuneup_tui.metrics.result import Finding, Number, Series, Severity, clean_number, ratio

__all__ = ["ratio"]


def window_start(period: Period, baseline: Baseline) -> date:
    """The first day a panel reads: the baseline's first day, or the period's without one."""
    return baseline.start if len(baseline) else period.start


def within(df: pd.DataFrame, column: str, start: date, end: date) -> pd.DataFrame:
    """Rows whose `column` (a datetime) falls on a day from `start` to `end`, both included."""
    span = sorted_span(df[column].to_numpy(), start, end)
    if span is not None:  # dates in order (as exports list them): the rows are one run
        first, last = span
        return df if first == 0 and last == len(df) else df.iloc[first:last]
    mask = window_mask(df, column, start, end)
    if mask.all():
        return df  # the whole history asked for: no copy
    return df[mask]


def window_mask(df: pd.DataFrame, column: str, start: date, end: date) -> pd.Series:
    """Which rows `within` keeps: `column` on a day from `start` to `end` (missing: False)."""
    values = df[column]
    stamps = values.to_numpy()
    if stamps.dtype.kind == "M":
        span = sorted_span(stamps, start, end)
        if span is None:
            mask = days_mask(stamps, start, end)
        else:
            mask = np.zeros(len(stamps), dtype=bool)
            mask[span[0]:span[1]] = True
        return pd.Series(mask, index=df.index, dtype=bool)
    lo_ts = pd.Timestamp(start)
    hi_ts = pd.Timestamp(end) + pd.Timedelta(days=1)
    return ((values >= lo_ts) & (values < hi_ts)).fillna(False).astype(bool)


def count_days(stamps: np.ndarray, start: date, end: date) -> int:
    """How many of the sorted naive datetime64 `stamps` (no NaT) fall on a day from `start`
    to `end`, both included: two binary searches, where `days_mask(...).sum()` compares every
    date."""
    lo = np.datetime64(start, "D").astype(stamps.dtype)
    hi = by_end_of(end, stamps.dtype)
    first, last = np.searchsorted(stamps, [lo, hi])
    return int(last - first)


def datetimes(values: pd.Series) -> np.ndarray:
    """A date column as naive datetime64 (a missing date: NaT), as it is when it is one."""
    stamps = values.to_numpy()
    return stamps if stamps.dtype.kind == "M" else pd.to_datetime(values).to_numpy()


def up_to_day(stamps: np.ndarray, day: date) -> np.ndarray:
    """Which naive datetime64 `stamps` fall on `day` or before it (a missing date, NaT,
    compares False)."""
    return stamps < by_end_of(day, stamps.dtype)


def in_period(df: pd.DataFrame, column: str, period: Period) -> pd.DataFrame:
    """Rows of `df` dated inside the review period."""
    return within(df, column, period.start, period.end)


def in_baseline(df: pd.DataFrame, column: str, baseline: Baseline) -> pd.DataFrame:
    """Rows of `df` dated inside the baseline (empty when the baseline is empty)."""
    if len(baseline) == 0:
        return df.iloc[0:0]
    return within(df, column, baseline.start, baseline.end)


def mean_per_period(total: Number, baseline: Baseline) -> float | None:
    """A count summed over the baseline, as its mean per period."""
    value = clean_number(total)
    if value is None or len(baseline) == 0:
        return None
    return value / len(baseline)


def change(current: Number, average: Number) -> float | None:
    """Relative change of `current` against `average` (0.25 = 25% above), or None."""
    cur = clean_number(current)
    avg = clean_number(average)
    if cur is None or avg is None or avg == 0:
        return None
    return (cur - avg) / avg


def is_below(current: Number, average: Number, share: float) -> bool:
    """Whether `current` is more than `share` (a fraction) below `average`."""
    cur = clean_number(current)
    avg = clean_number(average)
    if cur is None or avg is None or avg <= 0:
        return False
    return cur < avg * (1 - share)


def weekly_totals(df: pd.DataFrame, column: str, value: str | None,
                  periods: Sequence[Period]) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """Per-period totals of `value` (or row counts when None), labelled, oldest first."""
    labels: list[str] = []
    values: list[float] = []
    if periods:
        # the rows of the whole span once, then each period's rows among them: a trend over a
        # million leads compares a million dates once, not once per period
        columns = [column] if value is None or value == column else [column, value]
        df = within(df[columns], column, min(p.start for p in periods),
                    max(p.end for p in periods))
    for p in periods:
        # the rows' mask, not the rows: a trend over a million leads needs no copies of them
        mask = window_mask(df, column, p.start, p.end)
        labels.append(p.label)
        values.append(float(mask.sum()) if value is None else float(df[value][mask].sum()))
    return tuple(labels), tuple(values)


def trend(title: str, df: pd.DataFrame, column: str, value: str | None, period: Period,
          baseline: Baseline) -> Series:
    """A trend series over the baseline periods and the review period."""
    labels, values = weekly_totals(df, column, value, [*baseline.periods, period])
    return Series(title, labels, values, "trend")


def optional_frame(pack: DataPack, source: str, notes: list[str]) -> pd.DataFrame | None:
    """A source a panel can do without: its frame, or None with a note saying why."""
    try:
        return pack.frame(source)
    except DataError as err:
        notes.append(f"without {source}: {err}")
        return None


def finding(panel: str, key: str, severity: Severity, message: str,
            evidence: Mapping[str, Any] | None = None, fact: str | None = None,
            **figures: Number) -> Finding:
    """A Finding with its numbers attached (and its evidence and fact, when it has them)."""
    return Finding(panel=panel, key=key, severity=severity, message=message,
                   figures={k: clean_number(v) for k, v in figures.items()},
                   evidence=evidence, fact=fact)


def pct(value: Number, digits: int = 1) -> str:
    """A fraction as a percentage for a sentence: 0.031 -> "3.1%"; None -> "n/a"."""
    v = clean_number(value)
    if v is None:
        return "n/a"
    return f"{v * 100:.{digits}f}%"


def num(value: Number, digits: int = 0) -> str:
    """A number for a sentence: 1234 -> "1,234"; None -> "n/a"."""
    v = clean_number(value)
    if v is None:
        return "n/a"
    return f"{v:,.{digits}f}"


def money(value: Number, currency: str | None = None) -> str:
    """Money for a sentence, as tables show it (`format_money`): 1234.5 -> "$1,235",
    48.2405 -> "$48.24" ("£1,235" in GBP); None -> "n/a"."""
    v = clean_number(value)
    if v is None:
        return "n/a"
    return format_money(v, currency)


def days_between(later: pd.Series, earlier: pd.Series) -> pd.Series:
    """Days from `earlier` to `later`, as floats (NaN where either is missing)."""
    delta = later - earlier
    return delta.dt.total_seconds() / 86400.0


def period_phrase(period: Period) -> str:
    """How a finding names the review period: "last week" or "last month"."""
    return "last week" if period.kind == "week" else "last month"


def baseline_phrase(baseline: Baseline) -> str:
    """How a finding names the baseline: "over 8 weeks", "over 1 month"."""
    n = len(baseline)
    unit = "week" if not baseline.periods or baseline.periods[0].kind == "week" else "month"
    return f"over {n} {unit}{'' if n == 1 else 's'}"


def first_of_each(df: pd.DataFrame, column: str) -> pd.DataFrame:
    """`df` with each `column` value kept once: its first row in file order.

    A lead or an opportunity is its id: an export listing it twice still holds one. Rows
    without an id are all kept (each is a record of its own).
    """
    if _strictly_increasing(df[column]):
        return df  # ids in ascending order (as many systems export them) cannot repeat
    repeated = df[column].duplicated(keep="first") & df[column].notna()
    if not repeated.any():
        return df  # the usual case: nothing to drop, no copy of a million rows
    return df[~repeated.fillna(False).astype(bool)]


def _strictly_increasing(values: pd.Series) -> bool:
    """Whether every value is there and each is above the one before (then none repeats).

    One comparison per row, far cheaper than hashing a million ids to look for repeats.
    """
    if values.dtype != "str" or len(values) < 2:
        return False
    cells = values.to_numpy(dtype=object)
    # A missing cell (NaN) is never above nor below a string: comparing them raises, and NaN
    # against NaN is False. So no test for missing cells is needed (it costs as much again).
    try:
        with np.errstate(invalid="ignore"):
            return bool((cells[1:] > cells[:-1]).all())
    except TypeError:
        return False


def folded(values: pd.Series) -> pd.Series:
    """Text keys for matching: stripped and lower-cased (case-folded); missing stays missing."""
    if values.dtype != "str":
        return values.str.strip().str.casefold()
    # Worked out once per distinct name: a million rows hold a few dozen programs or reps.
    codes, uniques = pd.factorize(values)
    keys = pd.Series(uniques, dtype="str").str.strip().str.casefold()
    return pd.Series(keys.array.take(codes, allow_fill=True), index=values.index,
                     name=values.name, copy=False)


def total(df: pd.DataFrame | None, column: str) -> float:
    """The sum of a number column (0.0 for no rows or no frame; NaN cells count as 0)."""
    if df is None or len(df) == 0:
        return 0.0
    return float(df[column].sum())
