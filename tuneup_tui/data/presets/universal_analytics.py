"""Universal Analytics (legacy) Source / Medium exports -> traffic.

A `#` block ("# All Web Site Data", "# 20150416-20150416") and a blank line, then
`Source / Medium,Sessions,% New Sessions,New Users,Bounce Rate,Pages / Session,Avg. Session
Duration,Goal Conversion Rate,Goal Completions,Goal Value`; with goals named, one
`<Goal name> (Goal N Completions)` column per goal, summed into goal_completions when there is no
"Goal Completions" column. Thousands are quoted ("3,215"), rates are percents. A totals row with
a blank dimension is dropped, and so is the second table ("Day Index,Sessions") after the blank
line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import ClassVar

import pandas as pd

from tuneup_tui.data.presets._base import Columns, Located, Options, Preset
from tuneup_tui.data.presets._dimension import split_dimension
from tuneup_tui.data.presets._periods import preamble_period
from tuneup_tui.data.presets._table import Record, header_key
from tuneup_tui.data.presets._values import number_text, numbers

GOAL_N = r"re:\(goal \d+ completions\)$"


class UniversalAnalytics(Preset):
    name = "universal-analytics"
    title = "Universal Analytics source / medium"
    sources = ("traffic",)
    signature = (("sessions",), ("% new sessions", "bounce rate", "pages / session"),
                 ("goal completions", GOAL_N, "goal conversion rate"))
    columns: ClassVar[Columns] = {"traffic": {
        "date": ("date", "day"),
        "sessions": ("sessions",),
        "goal_completions": ("goal completions",),
        "users": ("users",),
    }}

    def locate(self, recs: list[Record], path: Path, source: str) -> Located:
        located = super().locate(recs, path, source)
        located.period = preamble_period(r.text for r in located.preamble if r.text)
        dated = any(header_key(h) in ("date", "day") for h in located.header)
        located.variant = (f"{self.title}, {located.header[0]}, "
                           f"{'date column' if dated else 'no date column'}")
        return located

    def after_table(self, rest: Sequence[Record], located: Located) -> None:
        block = [r for r in rest if not r.blank]
        if block:
            located.dropped.append(
                f"lines {block[0].line}-{block[-1].line}: second table "
                f"({block[0].text[:40]!r}) after a blank line")

    def drop_reason(self, row: Mapping[str, str], rec: Record, header: Sequence[str]) -> str:
        if not rec.cells[0].strip():
            return "totals row (blank dimension)"
        return ""

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        notes = split_dimension(raw, located.header[0], out, set(options.columns),
                                located.derived)
        if "goal_completions" not in out:
            goals = [h for h in located.header if _is_goal(h)]
            if goals:
                total = sum((numbers(raw, g, source, located.path, whole=True).fillna(0)
                             for g in goals), start=pd.Series(0.0, index=raw.index))
                out["goal_completions"] = number_text(total)
                located.derived["goal_completions"] = " + ".join(goals)
                notes.append(f"goal_completions = the sum of {', '.join(goals)}")
        return notes


def _is_goal(name: str) -> bool:
    return re.search(GOAL_N[3:], header_key(name)) is not None


PRESETS = (UniversalAnalytics(),)
