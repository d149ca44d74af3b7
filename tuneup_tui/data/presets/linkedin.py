"""LinkedIn page analytics, as downloaded (.xls/.xlsx workbooks) or saved as CSV -> social.

LinkedIn ships spreadsheets: _xlsx.py turns a workbook's sheet into the rows its CSV save
would hold, so this preset sees the same rows either way. Content file: one description row
(skipped), then `Date`, `Impressions (organic)`, `Impressions (sponsored)`, `Impressions
(total)`, `Unique impressions (organic)`, the same trio for Clicks, Reactions, Comments and
Reposts (older files: Shares), `Engagement rate`.
Mapping: engagements = clicks + reactions + comments + reposts (the "(total)" columns, else
organic + sponsored); followers are not in the content file: missing, with a note, unless the
followers file is in the pack too (`Date`, ..., `Total followers`: the new followers of each
day). Dates are month-first (11/16/2026), as LinkedIn writes them.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pandas as pd

from tuneup_tui.data.presets._base import Columns, Located, Options, Preset, find
from tuneup_tui.data.presets._table import Record
from tuneup_tui.data.presets._values import constant, number_text, numbers

PARTS = ("clicks", "reactions", "comments", "reposts", "shares")


class LinkedInContent(Preset):
    name = "linkedin-content"
    title = "LinkedIn page analytics, content"
    sources = ("social",)
    date_order = "month-first"
    signature = (("date",), ("impressions (total)", "impressions (organic)"),
                 ("reactions (total)", "reactions (organic)"))
    columns: ClassVar[Columns] = {"social": {"date": ("date",)}}

    def locate(self, recs: list[Record], path: Path, source: str) -> Located:
        return _described(super().locate(recs, path, source), self.title)

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        out.setdefault("network", constant(raw, "linkedin"))
        located.derived.update(network="(default 'linkedin')", followers="(none)")
        notes = []
        if "engagements" not in out:
            used: list[str] = []
            total = pd.Series(0.0, index=raw.index)
            for part in PARTS:
                names = _part_columns(located.header, part)
                for name in names:
                    total += numbers(raw, name, source, located.path, whole=True).fillna(0)
                used.extend(names)
            out["engagements"] = number_text(total)
            located.derived["engagements"] = " + ".join(used)
            notes.append(f"engagements = {' + '.join(used)}")
        if "followers" not in out:
            out["followers"] = constant(raw, "")
            notes.append("no followers in the content file: followers missing (add the "
                         "followers file)")
        return notes


def _described(located: Located, title: str) -> Located:
    """The located table with LinkedIn's description row said as dropped."""
    located.variant = title
    for rec in located.preamble:
        if not rec.blank:
            located.dropped.append(f"line {rec.line} {rec.text[:40]!r}: description row")
    return located


def _part_columns(header: tuple[str, ...], part: str) -> list[str]:
    total = find(header, (f"{part} (total)",))
    if total is not None:
        return [total]
    split = [find(header, (f"{part} (organic)",)), find(header, (f"{part} (sponsored)",))]
    found = [n for n in split if n is not None]
    if found:
        return found
    plain = find(header, (part,))
    return [plain] if plain is not None else []


class LinkedInFollowers(Preset):
    name = "linkedin-followers"
    title = "LinkedIn page analytics, new followers"
    sources = ("social",)
    date_order = "month-first"
    signature = (("date",), ("total followers",), ("organic followers", "sponsored followers"))
    columns: ClassVar[Columns] = {"social": {
        "date": ("date",), "followers": ("total followers",)}}

    def locate(self, recs: list[Record], path: Path, source: str) -> Located:
        located = _described(super().locate(recs, path, source), self.title)
        located.notes.append("followers = Total followers: the new followers of each day")
        return located

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        out.setdefault("network", constant(raw, "linkedin"))
        out.setdefault("engagements", constant(raw, "0"))
        located.derived.update(network="(default 'linkedin')", engagements="(default '0')")
        return ["engagements = 0 on follower rows (they are in the content file)"]


PRESETS = (LinkedInContent(), LinkedInFollowers())
