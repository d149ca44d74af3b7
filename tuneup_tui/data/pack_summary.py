"""What a pack holds, source by source: for `tuneup data inspect` and the console's data view."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from tuneup_tui.data.sources import SOURCES

if TYPE_CHECKING:
    import pandas as pd

    from tuneup_tui.data.pack_parse import ParsedTable


@dataclass(frozen=True)
class SourceSummary:
    """One source of a pack: where it came from, how much, which dates, and any trouble."""

    source: str
    files: tuple[str, ...] = ()
    presets: tuple[str, ...] = ()
    """How each file was taken ("canonical", or a real export's preset)."""
    rows: int = 0
    first_date: date | None = None
    last_date: date | None = None
    """The dates the rows cover (by the source's date column), None for undated sources."""
    dropped: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    error: str | None = None
    set_aside: tuple[str, ...] = ()
    """Files of the source that could not be used, one line each; the others carried on."""

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def preset(self) -> str:
        """The presets as one label ("canonical", "ga4-traffic + canonical")."""
        return " + ".join(dict.fromkeys(self.presets)) if self.presets else ""


def summarise(source: str, frame: pd.DataFrame | None, tables: Sequence[ParsedTable],
              files: Sequence[str], error: str | None,
              set_aside: Sequence[str] = ()) -> SourceSummary:
    """A SourceSummary from what `DataPack` read (or the error it met)."""
    if frame is None:
        return SourceSummary(source=source, files=tuple(files), error=error,
                             set_aside=tuple(set_aside))
    first = last = None
    column = SOURCES[source].date_column
    if column is not None and len(frame):
        # rows dated by their file's range cover the range, not its first day
        spans = [(t.period.start, t.period.end) for t in tables if t.period is not None]
        dated = [t.frame[column].dropna() for t in tables if t.period is None]
        days = [(d.min().date(), d.max().date()) for d in dated if len(d)]
        if not tables:
            dates = frame[column].dropna()
            days = [(dates.min().date(), dates.max().date())] if len(dates) else []
        if spans or days:
            first = min(a for a, _ in spans + days)
            last = max(b for _, b in spans + days)
    return SourceSummary(
        source=source,
        files=tuple(files) or tuple(str(t.file) for t in tables if t.file is not None),
        presets=tuple(t.preset for t in tables),
        rows=len(frame),
        first_date=first,
        last_date=last,
        dropped=tuple(line for t in tables for line in t.dropped),
        notes=tuple(note for t in tables for note in t.notes),
        error=error,
        set_aside=tuple(set_aside),
    )
