"""Google Analytics 4 report downloads: traffic acquisition (and explorations) -> traffic.

A `#` preamble (title, account, property, "# Start date: 20261116", "# End date: 20261122", or
an exploration's "# 20261116-20261122"), then the header. The first column is the dimension,
read by position: "Session source / medium" ("google / cpc" is split), or a channel group
("Session primary channel group (Default Channel Group)"). With a "Date" dimension (20261116)
rows carry their date; without, the preamble's range is the period. "Key events" (older
properties: "Conversions") are the goal completions; "Users" / "Total users" the users.

Reports by page, screen, landing page or event (Pages and screens, Events, explorations by page
path) are not traffic by source: they are recognised only to say so, and not placed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import ClassVar

import pandas as pd

from tuneup_tui.data.presets._base import Candidates, Columns, Located, Options, Preset
from tuneup_tui.data.presets._dimension import dimension_kind, split_dimension
from tuneup_tui.data.presets._periods import preamble_period
from tuneup_tui.data.presets._table import Record, header_key

KEY_EVENTS: Candidates = ("key events", "conversions")
_NOT_TRAFFIC = re.compile(r"^(page\b|landing page|event name|screen\b|content group|item )")
"""First dimensions of GA4 reports that count pages or events, not visits by source."""
GA4_METRICS: Candidates = ("views", "event count", "sessions", "key events", "conversions",
                           "active users", "total users", "users")


def not_traffic_dimension(header: Sequence[str]) -> str | None:
    """The first dimension when it is a page, screen or event (not traffic), else None."""
    for name in header[:2]:
        key = header_key(name)
        if key in ("date", "day"):
            continue
        return name if _NOT_TRAFFIC.search(key) else None
    return None


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

    def matches(self, header: Sequence[str]) -> tuple[int, list[str]]:
        hits, missing = super().matches(header)
        if not missing and not_traffic_dimension(header) is not None:
            return hits - 1, ["a traffic dimension (session source / medium, channel group)"]
        return hits, missing

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


class GA4NotTraffic(Preset):
    name = "ga4-pages-events"
    title = "GA4 report by page, screen or event"
    sources = ("traffic",)
    signature = (("re:^(page\\b|landing page|event name|screen\\b|content group|item )",),
                 GA4_METRICS)
    refuse = ("counts pages, screens or events, not visits by source, so it is not traffic: "
              "export Traffic acquisition (Session source / medium) for the traffic panel")

    def matches(self, header: Sequence[str]) -> tuple[int, list[str]]:
        hits, missing = super().matches(header)
        if not missing and not_traffic_dimension(header) is None:
            return hits - 1, ["a page, screen or event dimension first"]
        return hits, missing


PRESETS = (GA4Traffic(), GA4NotTraffic())
