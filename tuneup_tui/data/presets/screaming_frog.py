"""Screaming Frog "Response Codes: Client Error (4xx)" export -> pages_404.

`"Address","Content Type","Status Code","Status","Indexability","Indexability Status","Inlinks",
...`: every field quoted, numbers included. Mapping: url = Address; hits = 1 per URL: a crawl
has no visits, and `Inlinks` counts the pages linking to the broken one, not how often it is
hit. Rows whose Status Code is not 4xx are dropped (an "All" export), and so are addresses on
other hosts than the site's (share links to twitter.com, wa.me, directories answering 403):
those are outbound link problems, not the site's 404s. The site is the host most addresses are
on. A crawl carries no date: its rows are dated at the pack's period (datapack.toml `period`),
and without one the file asks for it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import pandas as pd

from tuneup_tui.data.presets._base import Columns, Located, Options, Preset, find
from tuneup_tui.data.presets._table import Record
from tuneup_tui.data.presets._values import constant

SHOWN_HOSTS = 5


class ScreamingFrog4xx(Preset):
    name = "screaming-frog-4xx"
    title = "Screaming Frog client error (4xx) export"
    sources = ("pages_404",)
    signature = (("address",), ("status code",), ("inlinks",))
    columns: ClassVar[Columns] = {"pages_404": {"url": ("address",)}}

    def locate(self, recs: list[Record], path: Path, source: str) -> Located:
        located = super().locate(recs, path, source)
        address = find(located.header, ("address",))
        if address is not None:
            column = located.header.index(address)
            _outbound_aside(located, column)
        return located

    def drop_reason(self, row: Mapping[str, str], rec: Record, header: Sequence[str]) -> str:
        status = find(header, ("status code",))
        code = (row.get(status, "") if status else "").strip()
        if code and not code.startswith("4"):
            return f"status {code}: not a client error"
        return ""

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        if "hits" in options.columns:
            return []
        out["hits"] = constant(raw, "1")
        located.derived["hits"] = "(1 per URL)"
        return ["hits = 1 per URL: Inlinks counts the pages linking to it, not visits"]


def host(url: str) -> str:
    """The host of an address, without "www." ("" when it has none)."""
    name = urlsplit(url.strip()).hostname or ""
    return name.removeprefix("www.")


def _outbound_aside(located: Located, column: int) -> None:
    """Rows on other hosts than the site's dropped, in one line naming the hosts."""
    hosts = [host(r.cells[column]) if len(r.cells) > column else "" for r in located.rows]
    counted = Counter(h for h in hosts if h)
    if len(counted) < 2:
        return
    site = counted.most_common(1)[0][0]
    outside = [(r, h) for r, h in zip(located.rows, hosts, strict=True) if h and h != site]
    located.rows = [r for r, h in zip(located.rows, hosts, strict=True) if not h or h == site]
    others = Counter(h for _, h in outside)
    named = ", ".join(f"{h} ({n})" for h, n in others.most_common(SHOWN_HOSTS))
    more = len(others) - SHOWN_HOSTS
    named += f" and {more} more host(s)" if more > 0 else ""
    located.dropped.append(f"{len(outside)} row(s) on other hosts than {site}: {named}: "
                           "outbound link problems, not the site's 404s")
    located.notes.append(f"the site is {site} (the host most addresses are on)")


PRESETS = (ScreamingFrog4xx(),)
