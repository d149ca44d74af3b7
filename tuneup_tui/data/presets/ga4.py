"""Google Analytics 4 report downloads: traffic acquisition (and explorations) -> traffic.

A `#` preamble (title, account, property, "# Start date: 20261116", "# End date: 20261122", or
an exploration's "# 20261116-20261122"), then the header. The first column is the dimension,
read by position: "Session source / medium" ("google / cpc" is split), or a channel group
("Session primary channel group (Default Channel Group)"). With a "Date" dimension (20261116)
rows carry their date; without, the preamble's range is the period. "Key events" (older
properties: "Conversions") are the goal completions; "Users" / "Total users" the users.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import ClassVar

import pandas as pd

from tuneup_tui.data.presets._base import Candidates, Columns, Located, Options, Preset
from tuneup_tui.data.presets._dimension import dimension_kind, split_dimension
from tuneup_tui.data.presets._periods import preamble_period
from tuneup_tui.data.presets._table import Record, header_key

KEY_EVENTS: Candidates = ("key events", "conversions")


def first_dimension(header: Sequence[str]) -> str | None:
    """The dimension column: the first of the first two columns that is not the date."""
    for name in header[:2]:
        if header_key(name) not in ("date", "day") and dimension_kind(name):
            return name
    return None


class GA4Traffic(Preset):
    name = "ga4"
    title = "GA4 traffic acquisition"
    sources = ("traffic",)
    signature = (("sessions",), KEY_EVENTS,
                 ("engaged sessions", "engagement rate", "total users", "active users"))
    columns: ClassVar[Columns] = {"traffic": {
        "date": ("date",),
        "sessions": ("sessions",),
        "goal_completions": KEY_EVENTS,
        "users": ("total users", "users", "active users"),
    }}

    def locate(self, recs: list[Record], path: Path, source: str) -> Located:
        located = super().locate(recs, path, source)
        located.period = preamble_period(r.text for r in located.preamble if r.text)
        dimension = first_dimension(located.header)
        kind = dimension_kind(dimension) if dimension else "no dimension"
        dated = any(header_key(h) == "date" for h in located.header)
        located.variant = (f"{self.title}, {kind}, "
                           f"{'date column' if dated else 'no date column'}")
        return located

    def drop_reason(self, row: Mapping[str, str], rec: Record, header: Sequence[str]) -> str:
        dimension = first_dimension(header)
        first = (row.get(dimension, "") if dimension else "").strip()
        if len(rec.filled) > len(header) and "total" in rec.filled[-1].casefold():
            return "grand total row (label in a trailing column)"
        if first.casefold() in ("grand total", "total", "totals"):
            return "grand total row"
        if dimension and not first:
            return "totals row (blank dimension)"
        return ""

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        dimension = first_dimension(located.header)
        if dimension is None:
            return []
        return split_dimension(raw, dimension, out, set(options.columns), located.derived)


PRESETS = (GA4Traffic(),)
