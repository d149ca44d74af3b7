"""Files dated by their range, and files set aside: the lines a panel shows about them.

A report without a date column covers the range its preamble (or Filters.csv, or datapack.toml)
names. Its rows can be placed in a review period only when the range lies inside one period of
the review's kind: a 12-month export is not a week of twelve months' sessions, and an export of
25 June to 2 July belongs to no one week. Such a file is left out, and said so in one line.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.period import PeriodKind

if TYPE_CHECKING:
    from tuneup_tui.data.pack_parse import ParsedTable


def aside_line(err: DataError) -> str:
    """A set-aside file in one line: "pages.csv row 3, column 'sessions': set aside, why"."""
    place = [f"row {err.row}"] if err.row is not None else []
    place += [f"column {err.column!r}"] if err.column is not None else []
    name = err.file.name if err.file is not None else err.source
    where = f"{name} {', '.join(place)}" if place else name
    detail = err.detail.removeprefix(f"{name} ")  # "x.csv has no date column": said once
    return f"{where}: set aside, {detail}"


def ranged_rows(tables: Iterable[ParsedTable], kind: PeriodKind, rows: int
                ) -> tuple[np.ndarray | None, list[str]]:
    """A row mask leaving out files dated only by a range longer than one `kind` period, and
    one line per file left out; (None, []) when every row stays."""
    keep = np.ones(rows, dtype=bool)
    lines: list[str] = []
    start = 0
    for table in tables:
        size = len(table.frame)
        span = table.period
        if span is not None and not within_one(span.start, span.end, kind):
            keep[start:start + size] = False
            name = table.file.name if table.file is not None else "a file"
            lines.append(range_line(name, span.start, span.end, kind))
        start += size
    return (keep if lines else None), lines


def range_line(name: str, start: date, end: date, kind: PeriodKind) -> str:
    """Why a file dated by its range is not used in a review of `kind`, in one line."""
    return (f"{name} has no date column and covers {start}..{end}, more than one {kind}: "
            f"not split into {kind}s (export it with a Date dimension to see it by {kind})")


def range_note(start: date, end: date, fits: list[str]) -> str:
    """What `data inspect` says of a file dated by its range."""
    if "week" in fits:
        return f"dated by its range {start}..{end}: used in the review of that week"
    if fits:
        return (f"dated by its range {start}..{end}: used in a monthly review; a weekly "
                "review leaves it out (more than one week; export it with a Date dimension)")
    return (f"dated by its range {start}..{end}: more than one week and more than one month, "
            "so no review uses it (export it with a Date dimension)")


def within_one(start: date, end: date, kind: PeriodKind) -> bool:
    """Whether start..end lies inside one ISO week (or one calendar month)."""
    if kind == "week":
        return start.isocalendar()[:2] == end.isocalendar()[:2]
    return (start.year, start.month) == (end.year, end.month)
