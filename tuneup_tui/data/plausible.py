"""Numbers no export means: a negative spend or session count, an infinity, 1e308.

The readers take such values as they are (a number is a number), so a pasted formula's #NUM
turned inf, or a sign flipped in a spreadsheet, would flow into averages without a word. This
check says so, one line per column, where the data is looked at: `tuneup data inspect`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from tuneup_tui.data.sources import SOURCES

if TYPE_CHECKING:
    import pandas as pd

LARGEST = 1e12
"""Past this no count or amount of a marketing team's week is real (a trillion)."""
MAY_BE_NEGATIVE: frozenset[tuple[str, str]] = frozenset({("leads", "score"), ("seo", "value")})
"""Columns where a negative number is meant: lead scores go below zero (negative scoring), and
an SEO metric's value may be a change."""


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
