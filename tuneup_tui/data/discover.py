"""Finding a pack's files: which file feeds which source, and as what layout (preset).

`discover(root)` maps each canonical source to the files that feed it. A file named
`<source>.csv` is taken as canonical; real exports are recognised by their headers or mapped in
`datapack.toml` (the import presets). Each `SourceFile.read()` gives a `RawTable`: the rows under
canonical column names, values still text, with what was dropped and why; `DataPack` stacks a
source's tables and parses them by column kind.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tuneup_tui.data.period import Period
from tuneup_tui.data.sources import SOURCES

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class RawTable:
    """A file's rows under canonical column names, values still text."""

    source: str
    file: Path
    preset: str
    frame: pd.DataFrame
    dropped: tuple[str, ...] = ()
    """One line per dropped row or block: "row 57 'Total: Account': totals row"."""
    period: Period | None = None
    """The period the file covers when its rows carry no date (from a preamble or the toml)."""
    date_order: str | None = None
    """"month-first" or "day-first" when the preset or datapack.toml settles it."""
    notes: tuple[str, ...] = ()
    first_data_line: int = 2
    """The file line of the first data row, so errors name real line numbers."""


@dataclass(frozen=True)
class SourceFile:
    """One file feeding one source, with how to read it."""

    source: str
    path: Path
    preset: str = "canonical"
    options: Mapping[str, Any] = field(default_factory=dict)
    """Column overrides, period, date_order from datapack.toml."""

    def read(self) -> RawTable:
        """The file's rows as a RawTable; DataError when it can't be read."""
        from tuneup_tui.data.read import read_canonical_csv

        return read_canonical_csv(self.path, self.source)


@dataclass(frozen=True)
class Discovery:
    """What a pack folder holds."""

    files: Mapping[str, tuple[SourceFile, ...]]
    unplaced: tuple[str, ...] = ()
    """One line per file that could not be placed, with the closest preset and what it lacks."""


def discover(root: Path) -> Discovery:
    """The files of the pack at `root`, by source (canonical `<source>.csv` names)."""
    files: dict[str, tuple[SourceFile, ...]] = {}
    if not root.is_dir():
        return Discovery(files)
    by_name = {p.name.casefold(): p for p in sorted(root.iterdir()) if p.is_file()}
    for source in SOURCES:
        path = by_name.get(f"{source}.csv")
        if path is not None:
            files[source] = (SourceFile(source, path),)
    return Discovery(files)
