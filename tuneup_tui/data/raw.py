"""What a pack's files are before their values are typed: which file feeds which source as what
layout (`SourceFile`), and a file's rows under canonical column names (`RawTable`).

Plain records only: finding the files is `discover`, reading one is
`presets.registry.read_source`, typing the values is `pack_parse`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tuneup_tui.data.period import Period

if TYPE_CHECKING:
    import pandas as pd

CANONICAL = "canonical"
"""The preset name of a file already in the canonical layout (`<source>.csv`)."""


@dataclass(frozen=True, slots=True)
class RawTable:
    """A file's rows under canonical column names, values still text."""

    source: str
    file: Path
    preset: str
    frame: pd.DataFrame
    dropped: tuple[str, ...] = ()
    """One line per dropped row or block: "line 57 'Total: Account': totals row"."""
    period: Period | None = None
    """The period the file covers when its rows carry no date (from a preamble or the toml)."""
    date_order: str | None = None
    """"month-first" or "day-first" when the preset or datapack.toml settles it."""
    notes: tuple[str, ...] = ()
    first_data_line: int = 2
    """The file line of the first data row, so errors name real line numbers."""
    variant: str = ""
    """The layout the file was taken as ("GA4 traffic acquisition, session source / medium")."""
    mapped: tuple[tuple[str, str], ...] = ()
    """(canonical column, export column) pairs, for `tuneup data inspect`."""


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One file feeding one source, with how to read it (`presets.registry.read_source`)."""

    source: str
    path: Path
    preset: str = CANONICAL
    options: Mapping[str, Any] = field(default_factory=dict)
    """From datapack.toml: "columns" (canonical -> export column), "period", "date_order"
    (the source's own) and "pack_period", "pack_date_order" (the pack-wide fallbacks)."""
    error: str | None = None
    """Why the file can't be read (a broken datapack.toml entry, an .xls): reading raises it."""
