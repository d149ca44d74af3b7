"""Period and baseline sums by a key (source / medium, referrer, program): the shared shape of
the marketing panels' tables.

`by_key` gives one row per key seen in the period or the baseline, with each value column summed
over the period (`<col>`) and over the whole baseline (`<col>_base`); a panel turns those into
counts, per-period means and pooled rates.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.common import in_baseline, in_period


def by_key(df: pd.DataFrame, keys: str | Sequence[str], date_column: str,
           columns: Sequence[str], period: Period, baseline: Baseline) -> pd.DataFrame:
    """Sums of `columns` by `keys` in the period and over the baseline, keys as columns."""
    key_list = [keys] if isinstance(keys, str) else list(keys)
    now = _sums(in_period(df, date_column, period), key_list, columns)
    base = _sums(in_baseline(df, date_column, baseline), key_list, columns)
    base.columns = [f"{c}_base" for c in base.columns]
    out = now.join(base, how="outer")
    out = out.fillna(0.0)
    return out.reset_index()


def _sums(df: pd.DataFrame, keys: list[str], columns: Sequence[str]) -> pd.DataFrame:
    rows = df.dropna(subset=keys)
    sums = rows.groupby(keys, sort=True)[list(columns)].sum()
    return sums.astype("float64")


def key_text(df: pd.DataFrame, left: str, right: str, sep: str = " / ") -> pd.Series:
    """"google / cpc" from two text columns (missing parts read "(none)")."""
    a = df[left].astype("object").where(df[left].notna(), "(none)").astype(str)
    b = df[right].astype("object").where(df[right].notna(), "(none)").astype(str)
    return a + sep + b


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of `df` as plain dicts keyed by column name."""
    return [{str(k): v for k, v in row.items()} for row in df.to_dict("records")]
