"""YouTube Studio advanced mode, "Table data.csv" -> social (network youtube).

`Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,
Impressions,Impressions click-through rate (%)` with a `Total` row first. The Total row is the
channel's figure: it counts deleted and private videos too, so the video rows do not add up to
it; the video rows are dropped (one line). A table without a Total row (filtered to some
videos) is read video by video. Mapping: network = "youtube"; video_views = Views; followers =
Subscribers, which is the net subscribers GAINED in the period, not the channel's total (said
in a note); engagements = Likes + Comments + Shares when the view has them, else 0 with a note;
posts stay empty. The table has no date: its rows are dated at the pack's period (datapack.toml
`period`).
"""

from __future__ import annotations

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
        located = self._channel_total(located)
        located.notes.append("followers = Subscribers: the net subscribers gained in the "
                             "period, not the channel's total")
        return located

    @staticmethod
    def _channel_total(located: Located) -> Located:
        totals = [r for r in located.rows if r.cells and _is_total(r)]
        videos = [r for r in located.rows if not _is_total(r)]
        if totals and videos:
            located.rows = totals[:1]
            located.dropped.append(f"lines {videos[0].line}-{videos[-1].line}: {len(videos)} "
                                   "video row(s): the Total row is the channel's figure (it "
                                   "counts deleted and private videos too)")
            located.notes.append("the channel's figures from the Total row")
        return located

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


def _is_total(rec: Record) -> bool:
    return bool(rec.cells) and rec.cells[0].strip().casefold() == "total"


PRESETS = (YouTubeTable(),)
