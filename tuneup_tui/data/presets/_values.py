"""Cell values presets work out themselves: sums of columns, filled columns, the date order.

Numbers normally stay text for DataPack's parser; a preset that must combine columns (UA goal
completions, Mailchimp bounces, LinkedIn engagements) reads them here with the pack's own number
parser and hands the result back as text.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tuneup_tui.data.errors import DataError


def number_text(values: pd.Series) -> pd.Series:
    """Floats back to text for DataPack's parser ("12", "3.5"; NaN -> missing)."""
    return values.map(lambda v: None if pd.isna(v) else f"{v:.15g}").astype("str")


def numbers(raw: pd.DataFrame, name: str, source: str, path: Path, *, whole: bool = False
            ) -> pd.Series:
    """An export column read as numbers (for sums); DataError naming the line if bad."""
    from tuneup_tui.data.errors import BadValue
    from tuneup_tui.data.parse import parse_numbers

    try:
        out = parse_numbers(raw[name].reset_index(drop=True), whole=whole)
    except BadValue as bad:
        raise DataError(source, f"expected {bad.expected}, found {bad.value!r}", file=path,
                        row=int(raw.index[bad.position]), column=name) from bad
    out.index = raw.index
    return out


def constant(raw: pd.DataFrame, value: str) -> pd.Series:
    """A text column holding `value` on every row."""
    return pd.Series([value] * len(raw), index=raw.index, dtype="str")


_NUMERIC_DATE = r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}\b"


def settle_date_order(raw: pd.DataFrame) -> tuple[str | None, str]:
    """The day/month order the whole file shows (a part over 12 in any date column), and a
    note naming the cell that settled it; (None, "") when nothing settles it."""
    for name in raw.columns:
        parts = raw[name].astype("str").str.extract(_NUMERIC_DATE)
        if parts[0].isna().all():
            continue
        first = pd.to_numeric(parts[0], errors="coerce")
        second = pd.to_numeric(parts[1], errors="coerce")
        for mask, order in ((first > 12) & (second <= 12), "day-first"), \
                           ((second > 12) & (first <= 12), "month-first"):
            if mask.any():
                example = raw[name][mask.to_numpy()].iloc[0]
                return order, f"dates read {order} (column {name!r} has {example!r})"
    return None, ""
