"""Numbers no export means: a negative spend or session count, an infinity, 1e308.

The readers take such values as they are (a number is a number), so a pasted formula's #NUM
turned inf, or a sign flipped in a spreadsheet, would flow into averages without a word. This
check says so, one line per column, where the data is looked at: `tuneup data inspect`, and in
every panel that reads the column (`implausible_cells`: the file, row, column and value of the
first such value).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from tuneup_tui.data.sources import SOURCES

if TYPE_CHECKING:
    import pandas as pd

LARGEST = 1e12
"""Past this no count or amount of a marketing team's week is real (a trillion)."""
MAY_BE_NEGATIVE: frozenset[tuple[str, str]] = frozenset(
    {("leads", "score"), ("seo", "value"), ("targets", "target")})
"""Columns where a negative number is meant: lead scores go below zero (negative scoring), an
SEO metric's value may be a change, and a plan may aim below zero (a ROMI still negative)."""


def implausible_values(frame: pd.DataFrame, source: str) -> list[str]:
    """One line per number column of `frame` (a `source` table) holding implausible values:
    "spend: 2 negative (e.g. -500), 1 infinite"; none when every value is plausible."""
    schema = SOURCES.get(source)
    if schema is None:
        return []
    lines = []
    for column in schema.columns:
        if column.kind not in ("number", "integer") or column.name not in frame.columns:
            continue
        values = frame[column.name].to_numpy(dtype=float, na_value=np.nan)
        found = _implausible(values, negatives=(source, column.name) not in MAY_BE_NEGATIVE)
        if found:
            lines.append(f"{column.name}: {', '.join(found)}; check the export")
    return lines


def implausible_cells(frame: pd.DataFrame, source: str, where: str,
                      rows: np.ndarray) -> list[str]:
    """One line per number column of `frame` holding implausible values, naming the first of
    them: "paid (exports/paid.csv) row 3, column 'spend': -500 is negative (1 more in the
    column); check the export". `rows` are the file's row numbers of `frame`'s rows."""
    schema = SOURCES.get(source)
    if schema is None:
        return []
    lines = []
    for column in schema.columns:
        if column.kind not in ("number", "integer") or column.name not in frame.columns:
            continue
        values = frame[column.name].to_numpy(dtype=float, na_value=np.nan)
        negatives = (source, column.name) not in MAY_BE_NEGATIVE
        bad = np.isinf(values) | (np.isfinite(values) & (np.abs(values) > LARGEST))
        if negatives:
            bad |= values < 0
        if not bad.any():
            continue
        first = int(np.flatnonzero(bad)[0])
        value = float(values[first])
        what = ("is infinite" if np.isinf(value) else
                f"is beyond {LARGEST:.0e}" if abs(value) > LARGEST else "is negative")
        more = int(bad.sum()) - 1
        also = f" ({more} more in the column)" if more else ""
        lines.append(f"{where} row {int(rows[first])}, column {column.name!r}: {value:g} {what}"
                     f"{also}; check the export")
    return lines


def _implausible(values: np.ndarray, *, negatives: bool) -> list[str]:
    found = []
    infinite = np.isinf(values)
    if infinite.any():
        found.append(f"{int(infinite.sum())} infinite")
    huge = np.isfinite(values) & (np.abs(values) > LARGEST)
    if huge.any():
        found.append(f"{int(huge.sum())} beyond {LARGEST:.0e} (e.g. {values[huge][0]:.3g})")
    if negatives:
        below = values < 0
        if below.any():
            found.append(f"{int(below.sum())} negative (e.g. {values[below][0]:g})")
    return found
