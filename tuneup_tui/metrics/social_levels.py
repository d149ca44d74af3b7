"""Followers as a level: the latest value on or before a day, and growth between period ends.

A network's followers are read at the end of each period (the latest row on or before that
day, summed over rows of that same day). Growth over a period is the level at its end minus the
level at the end of the period before; a period without an earlier reading has no growth (None),
and the baseline's growth is the mean over the baseline periods that have one.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from tuneup_tui.data.period import Baseline, Period


def followers_at(rows: pd.DataFrame, day: date) -> float | None:
    """The followers of the latest dated row(s) on or before `day`, or None."""
    # numpy on the two columns: called for every network and period end, where pandas'
    # per-call overhead outweighs the few rows
    dates = rows["date"].to_numpy(dtype="datetime64[us]")
    followers = rows["followers"].to_numpy(dtype="float64", na_value=np.nan)
    dated = ~np.isnat(dates) & ~np.isnan(followers) & (dates < np.datetime64(day, "D") + 1)
    if not dated.any():
        return None
    last = dates[dated].max()
    return float(followers[dated & (dates == last)].sum())


def growth_of(rows: pd.DataFrame, period: Period) -> float | None:
    """Followers at the end of `period` minus at the end of the period before, or None."""
    end = followers_at(rows, period.end)
    start = followers_at(rows, period.previous().end)
    if end is None or start is None:
        return None
    return end - start


def mean_growth(rows: pd.DataFrame, baseline: Baseline) -> float | None:
    """Mean growth per period over the baseline periods whose growth is known."""
    growths = [g for p in baseline.periods if (g := growth_of(rows, p)) is not None]
    return sum(growths) / len(growths) if growths else None
