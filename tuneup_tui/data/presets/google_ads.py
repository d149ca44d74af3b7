"""Google Ads campaign report downloaded from the UI -> paid.

Line 1 the report name ("Campaign report"), line 2 the range ("November 16, 2026 - November 22,
2026", or "All time": no period), line 3 the header. `Total: Campaigns`, `Total: Account`,
`Total: Search`... rows at the bottom are dropped; ` --` is empty; impressions and clicks carry
quoted thousands ("1,024,071").

Mapping: program = Campaign; channel = Campaign type ("Google Ads" when the view lacks it);
site = the Network column when the view has one, else the campaign type (a campaign report has
no placements); spend = Cost; impressions = Impr.; clicks = Clicks (Video and Demand Gen
reports: Interactions); names = Conversions (rounded
to whole names: data-driven attribution gives fractions). The rows are dated at the range's
start (a "Day" or "Week" column, when segmented, dates them instead).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import ClassVar

import pandas as pd

from tuneup_tui.data.presets._base import Columns, Located, Options, Preset, find
from tuneup_tui.data.presets._periods import parse_range
from tuneup_tui.data.presets._table import Record
from tuneup_tui.data.presets._values import constant, number_text, numbers


class GoogleAdsCampaigns(Preset):
    name = "google-ads"
    title = "Google Ads campaign report"
    sources = ("paid",)
    signature = (("campaign",), ("impr.", "impressions"), ("cost",), ("clicks", "interactions"))
    columns: ClassVar[Columns] = {"paid": {
        "date": ("day", "date", "week"),
        "program": ("campaign",),
        "channel": ("campaign type", "advertising channel"),
        "spend": ("cost",),
        "impressions": ("impr.", "impressions"),
        "clicks": ("clicks", "interactions"),
        "currency": ("currency code", "currency"),
    }}

    def locate(self, recs: list[Record], path: Path, source: str) -> Located:
        located = super().locate(recs, path, source)
        lines = [r.text for r in located.preamble if not r.blank]
        for line in lines:
            period = parse_range(line.strip('"'))
            if period is not None:
                located.period = period
                located.variant += f", {line.strip(chr(34))}"
            elif line.casefold().strip('"') == "all time":
                located.variant += ", all time (no period)"
        return located

    def no_period_help(self, located: Located) -> str:
        if "all time" in located.variant:
            return ("the report covers All time, which no review period can use: download it "
                    "for one week or month (or segmented by Day)")
        return ""

    def drop_reason(self, row: Mapping[str, str], rec: Record, header: Sequence[str]) -> str:
        first = next((c.strip() for c in rec.cells if c.strip()), "")
        if first.casefold().startswith("total:"):
            return "totals row"
        return ""

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        notes: list[str] = []
        fixed = set(options.columns)
        if find(located.header, ("clicks",)) is None and "clicks" not in fixed:
            notes.append("clicks = Interactions (a Video or Demand Gen report has no Clicks: "
                         "views and engagements count as interactions)")
        if "channel" not in out:
            out["channel"] = constant(raw, "Google Ads")
            located.derived["channel"] = "(default 'Google Ads')"
            notes.append("no Campaign type column: channel = 'Google Ads'")
        if "site" not in fixed:
            network = find(located.header, ("network", "network (with search partners)"))
            out["site"] = raw[network] if network else out["channel"]
            located.derived["site"] = network or located.derived.get("channel", "Campaign type")
            if network is None and "channel" in located.derived:
                notes.append("site = 'Google Ads' (no Campaign type column; a campaign report "
                             "has no placements)")
            elif network is None:
                notes.append("site = the campaign type (a campaign report has no placements)")
        conversions = find(located.header, ("conversions", "conv."))
        if "names" not in fixed and conversions is not None:
            values = numbers(raw, conversions, source, located.path)
            rounded = values.round()
            if ((values - rounded).abs() > 1e-9).any():
                notes.append("Conversions rounded to whole names (fractional conversions)")
            out["names"] = number_text(rounded)
            located.derived["names"] = f"{conversions} (rounded)"
        return notes


PRESETS = (GoogleAdsCampaigns(),)
