"""Finding a pack's files: which file feeds which source, and as what layout (preset).

`discover(root)` maps each canonical source to the files that feed it. A file named
`<source>.csv` is taken as canonical; real exports are recognised by their headers (the import
presets, data/presets/) or mapped in `datapack.toml` beside them. Each `SourceFile.read()` gives a
`RawTable`: the rows under canonical column names, values still text, with what was dropped and
why; `DataPack` stacks a source's tables and parses them by column kind.

A broken datapack.toml does not stop the pack: `Discovery.error` says what is wrong, the files
are still recognised by their headers, and the sources the toml names carry the error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.period import Period
from tuneup_tui.data.sources import SOURCES

if TYPE_CHECKING:
    import pandas as pd

CANONICAL = "canonical"


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class SourceFile:
    """One file feeding one source, with how to read it."""

    source: str
    path: Path
    preset: str = CANONICAL
    options: Mapping[str, Any] = field(default_factory=dict)
    """From datapack.toml: "columns" (canonical -> export column), "period", "date_order"
    (the source's own) and "pack_period", "pack_date_order" (the pack-wide fallbacks)."""
    error: str | None = None
    """Why the file can't be read (a broken datapack.toml entry, an .xls): read() raises it."""

    def read(self) -> RawTable:
        """The file's rows as a RawTable; DataError when it can't be read."""
        if self.error is not None:
            raise DataError(self.source, self.error, file=self.path)
        from tuneup_tui.data.presets._xlsx import file_kind

        workbook = file_kind(self.path) == "workbook"
        if self.preset == CANONICAL and not self.options and not workbook:
            from tuneup_tui.data.read import read_canonical_csv

            return read_canonical_csv(self.path, self.source)
        from tuneup_tui.data.presets._base import Options, read_export
        from tuneup_tui.data.presets.registry import preset_named, workbook_sheet

        get = self.options.get
        options = Options(columns=dict(get("columns") or {}), period=get("period"),
                          date_order=get("date_order"), pack_period=get("pack_period"),
                          pack_date_order=get("pack_date_order"))
        raw = read_export(preset_named(self.preset), self.path, self.source, options)
        if not workbook:
            return raw
        # Say which sheet was read: `data inspect` shows it, and the lines are its rows.
        taken = workbook_sheet(self.path, self.source)
        others = [n for n in taken.names if n != taken.sheet.name]
        note = (f"workbook sheet {taken.sheet.name!r} read (line numbers are its rows)"
                + (f"; other sheets not read: {', '.join(map(repr, others))}" if others else ""))
        variant = f"{raw.variant}, workbook sheet {taken.sheet.name!r}".lstrip(", ")
        return replace(raw, variant=variant, notes=(note, *raw.notes))


@dataclass(frozen=True)
class Discovery:
    """What a pack folder holds."""

    files: Mapping[str, tuple[SourceFile, ...]]
    unplaced: tuple[str, ...] = ()
    """One line per file that could not be placed, with the closest preset and what it lacks."""
    skipped: tuple[str, ...] = ()
    """One line per file recognised but feeding no source (a companion file), and why."""
    error: str | None = None
    """A broken datapack.toml, in one line naming the file and the key."""


def discover(root: Path) -> Discovery:
    """The files of the pack at `root`, by source: datapack.toml's, canonical names, headers."""
    from tuneup_tui.data.datapack_toml import DatapackError, load_datapack
    from tuneup_tui.data.presets.registry import place_files

    root = Path(root)
    if not root.is_dir():
        return Discovery({})
    error = None
    try:
        found = place_files(root, load_datapack(root))
    except DatapackError as err:
        error = str(err)
        found = place_files(root, None)
    files = dict(found.files)
    if error is not None:
        for source in _named_sources(root):
            files[source] = (SourceFile(source, root / "datapack.toml", error=error),)
    return Discovery(files, found.unplaced, found.skipped, error)


def _named_sources(root: Path) -> list[str]:
    """The sources a (broken) datapack.toml names, when it is at least readable TOML."""
    import tomllib

    try:
        data = tomllib.loads((root / "datapack.toml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []
    sources = data.get("sources")
    return [s for s in sources if s in SOURCES] if isinstance(sources, dict) else []
