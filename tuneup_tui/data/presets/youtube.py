"""YouTube Studio advanced mode, "Table data.csv" -> social (network youtube).

`Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,
Impressions,Impressions click-through rate (%)` with a `Total` row first (dropped: the videos
add up to it). Mapping: network = "youtube"; video_views = Views; followers = Subscribers, which
is the net subscribers GAINED in the period, not the channel's total (said in a note);
engagements = Likes + Comments + Shares when the view has them, else 0 with a note; posts stay
empty. The table has no date: its rows are dated at the pack's period (datapack.toml `period`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import ClassVar

import pandas as pd

from tuneup_tui.data.presets._base import Columns, Located, Options, Preset, find
from tuneup_tui.data.presets._table import Record
from tuneup_tui.data.presets._values import constant, number_text, numbers

ENGAGEMENT_COLUMNS = ("likes", "comments added", "comments", "shares")


class YouTubeTable(Preset):
    name = "youtube-table"
    title = "YouTube Studio table data"
    sources = ("social",)
    signature = (("content",), ("video title",), ("views",))
    columns: ClassVar[Columns] = {"social": {
        "date": ("date",),
        "video_views": ("views",),
        "followers": ("subscribers", "subscribers gained"),
    }}

    def locate(self, recs: list[Record], path: Path, source: str) -> Located:
        located = super().locate(recs, path, source)
        located.notes.append("followers = Subscribers: the net subscribers gained in the "
                             "period, not the channel's total")
        return located

    def drop_reason(self, row: Mapping[str, str], rec: Record, header: Sequence[str]) -> str:
        if rec.cells and rec.cells[0].strip().casefold() == "total":
            return "Total row (the videos add up to it)"
        return ""

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        out.setdefault("network", constant(raw, "youtube"))
        located.derived.update(network="(default 'youtube')", engagements="(default '0')")
        if "engagements" in out:
            return []
        found = [n for c in ENGAGEMENT_COLUMNS if (n := find(located.header, (c,)))]
        if not found:
            out["engagements"] = constant(raw, "0")
            return ["no Likes, Comments or Shares column: engagements = 0"]
        total = sum((numbers(raw, n, source, located.path, whole=True).fillna(0)
                     for n in dict.fromkeys(found)), start=pd.Series(0.0, index=raw.index))
        out["engagements"] = number_text(total)
        located.derived["engagements"] = " + ".join(dict.fromkeys(found))
        return [f"engagements = {' + '.join(dict.fromkeys(found))}"]


PRESETS = (YouTubeTable(),)
