"""Screaming Frog "Response Codes: Client Error (4xx)" export -> pages_404.

`"Address","Content Type","Status Code","Status","Indexability","Indexability Status","Inlinks",
...`: every field quoted, numbers included. Mapping: url = Address; hits = Inlinks (a crawl has
no visits: the number of links pointing at the broken page is how often it is hit); rows whose
Status Code is not 4xx are dropped (an "All" export). A crawl carries no date: its rows are
dated at the pack's period (datapack.toml `period`), and without one the source asks for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import ClassVar

from tuneup_tui.data.presets._base import Columns, Located, Preset, find
from tuneup_tui.data.presets._table import Record


class ScreamingFrog4xx(Preset):
    name = "screaming-frog-4xx"
    title = "Screaming Frog client error (4xx) export"
    sources = ("pages_404",)
    signature = (("address",), ("status code",), ("inlinks",))
    columns: ClassVar[Columns] = {"pages_404": {
        "url": ("address",),
        "hits": ("inlinks", "unique inlinks"),
    }}

    def locate(self, recs: list[Record], path: Path, source: str) -> Located:
        located = super().locate(recs, path, source)
        located.notes.append("hits = Inlinks (links pointing at the page; a crawl has no visits)")
        return located

    def drop_reason(self, row: Mapping[str, str], rec: Record, header: Sequence[str]) -> str:
        status = find(header, ("status code",))
        code = (row.get(status, "") if status else "").strip()
        if code and not code.startswith("4"):
            return f"status {code}: not a client error"
        return ""


PRESETS = (ScreamingFrog4xx(),)
