"""Meta Ads Manager campaigns export -> paid.

`"Reporting starts","Reporting ends","Campaign name",...,Results,...,Impressions,...,"Amount spent
(USD)",Ends`. Mapping: date = Reporting starts; program = Campaign name; channel = "Meta";
site = "facebook.com" (the export does not split placements); spend = Amount spent (any
currency); impressions = Impressions; clicks = "Link clicks" or "Clicks (all)" when the view has
them, else 0 with a note; names = Results. An export whose only row is "No data available." is
an empty table, not an error.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import ClassVar

import pandas as pd

from tuneup_tui.data.presets._base import Columns, Located, Options, Preset, find
from tuneup_tui.data.presets._table import Record
from tuneup_tui.data.presets._values import constant

NO_DATA = "no data available."


class MetaAdsCampaigns(Preset):
    name = "meta-ads"
    title = "Meta Ads Manager campaigns export"
    sources = ("paid",)
    signature = (("reporting starts",), ("campaign name",), ("re:^amount spent",))
    columns: ClassVar[Columns] = {"paid": {
        "date": ("reporting starts",),
        "program": ("campaign name",),
        "spend": ("re:^amount spent",),
        "impressions": ("impressions",),
        "clicks": ("link clicks", "clicks (all)", "clicks"),
        "names": ("results",),
    }}

    def recognises_text(self, head: str) -> bool:
        lines = [ln.strip().strip('"').strip(",").casefold() for ln in head.splitlines()
                 if ln.strip()]
        return lines == [NO_DATA]

    def locate(self, recs: list[Record], path: Path, source: str) -> Located:
        filled = [r for r in recs if not r.blank]
        if filled and all(_no_data(r) for r in filled):
            # The whole export is the one line: an empty table with the columns it would have.
            header = ("Reporting starts", "Campaign name", "Amount spent", "Impressions",
                      "Results")
            located = Located(header, filled[0].line, [], f"{self.title}, no data")
            located.dropped.append(f"line {filled[0].line} 'No data available.': no rows")
            return located
        return super().locate(recs, path, source)

    def drop_reason(self, row: Mapping[str, str], rec: Record, header: Sequence[str]) -> str:
        return "no rows in the export" if _no_data(rec) else ""

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        notes = []
        out.setdefault("channel", constant(raw, "Meta"))
        out.setdefault("site", constant(raw, "facebook.com"))
        located.derived.update(channel="(default 'Meta')", site="(default 'facebook.com')",
                               clicks="(default '0')")
        spent = find(located.header, ("re:^amount spent",))
        code = re.search(r"\(([A-Za-z]{3})\)", spent or "")
        if "currency" not in out and code is not None:
            # the account's currency is in the column's title: "Amount spent (GBP)"
            out["currency"] = constant(raw, code.group(1).upper())
            located.derived["currency"] = f"(from {spent!r})"
        if "clicks" not in out:
            out["clicks"] = constant(raw, "0")
            notes.append("no Link clicks or Clicks (all) column: clicks = 0 (add one of them "
                         "to the Ads Manager view)")
        return notes


def _no_data(rec: Record) -> bool:
    return rec.text.strip().strip('"').casefold() == NO_DATA


PRESETS = (MetaAdsCampaigns(),)
