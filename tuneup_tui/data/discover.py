"""Finding a pack's files: which file feeds which source, and as what layout (preset).

`discover(root)` maps each canonical source to the files that feed it. A file named
`<source>.csv` is taken as canonical; real exports are recognised by their headers (the import
presets, data/presets/) or mapped in `datapack.toml` beside them. Each file is a `SourceFile`
(data/raw.py); `presets.registry.read_source` reads it into a `RawTable`, and `DataPack` stacks a
source's tables and parses them by column kind.

A broken datapack.toml does not stop the pack: `Discovery.error` says what is wrong, the files
are still recognised by their headers, and the sources the toml names carry the error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from tuneup_tui.data.datapack_toml import (
    FILE_NAME,
    Datapack,
    DatapackError,
    load_datapack,
    resolve_files,
)
from tuneup_tui.data.presets._xlsx import file_kind
from tuneup_tui.data.presets.registry import SHEET_SUFFIXES, TABLE_SUFFIXES, recognise
from tuneup_tui.data.raw import CANONICAL, SourceFile
from tuneup_tui.data.sources import SOURCES


@dataclass(frozen=True, slots=True)
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


def place_files(root: Path, config: Datapack | None) -> Discovery:
    """Every file of the pack placed: datapack.toml's first, then canonical names, then headers.

    Raises DatapackError when a glob resolves outside the pack.
    """
    files: dict[str, list[SourceFile]] = {}
    unplaced: list[str] = []
    skipped: list[str] = []
    claimed: set[Path] = set()
    if config is not None:
        for entry in config.sources.values():
            matched = resolve_files(root, config, entry)
            if not matched:
                unplaced.append(f"{FILE_NAME} sources.{entry.source}.files: "
                                f"{', '.join(map(repr, entry.files))} matches no file")
            options = {"columns": entry.columns, "period": entry.period,
                       "date_order": entry.date_order, "pack_period": config.period,
                       "pack_date_order": config.date_order}
            for path in matched:
                claimed.add(path)
                files.setdefault(entry.source, []).append(
                    _mapped_file(entry.source, path, entry.preset, options))
    pack_options = ({"pack_period": config.period, "pack_date_order": config.date_order}
                    if config else {})
    for path in _pack_files(root):
        if path in claimed or path.name == FILE_NAME:
            continue
        rel = path.relative_to(root)
        if not _inside(root, path):
            unplaced.append(f"{rel}: links outside the pack; not read")
            continue
        stem = path.stem.casefold()
        if path.parent == root and path.suffix.casefold() == ".csv" and stem in SOURCES:
            files.setdefault(stem, []).append(SourceFile(stem, path))
            continue
        found = recognise(path)
        if found.preset is None:
            unplaced.append(f"{rel}: {found.why}")
        elif found.preset.refuse:
            unplaced.append(f"{rel}: {found.preset.title}: {found.preset.refuse}")
        elif found.preset.companion or found.source is None:
            skipped.append(f"{rel}: {found.preset.title}: {found.preset.companion}")
        elif config is not None and found.source in config.sources:
            skipped.append(f"{rel}: {found.preset.title}: not used, datapack.toml names the "
                           f"files of {found.source}")
        else:
            options = {k: v for k, v in pack_options.items() if v is not None}
            files.setdefault(found.source, []).append(
                SourceFile(found.source, path, found.preset.name, options))
    ordered = {s: tuple(files[s]) for s in SOURCES if s in files}
    return Discovery(ordered, tuple(unplaced), tuple(skipped))


def _mapped_file(source: str, path: Path, preset: str | None,
                 options: Mapping[str, object]) -> SourceFile:
    """A file datapack.toml names: its preset as given, else as recognised, else canonical."""
    if preset is not None:
        return SourceFile(source, path, preset, options)
    found = recognise(path)
    if found.preset is None:
        sheet = path.suffix.casefold() in SHEET_SUFFIXES or bool(file_kind(path))
        return SourceFile(source, path, CANONICAL, options, error=found.why if sheet else None)
    if found.preset.refuse:
        return SourceFile(source, path, found.preset.name, options,
                          error=f"{found.preset.title}: {found.preset.refuse}")
    return SourceFile(source, path, found.preset.name, options)


def _pack_files(root: Path, depth: int = 3) -> list[Path]:
    """Table and spreadsheet files of the pack, subfolders included (a Search Console zip is
    often unpacked into its own folder); hidden files and folders are left out."""
    out: list[Path] = []
    for path in sorted(root.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_dir() and depth > 1 and not path.is_symlink():
            out.extend(_pack_files(path, depth - 1))
        elif path.is_file() and path.suffix.casefold() in TABLE_SUFFIXES + SHEET_SUFFIXES:
            out.append(path)
    return out


def _inside(root: Path, path: Path) -> bool:
    base = root.resolve()
    real = path.resolve()
    return real == base or base in real.parents


def _named_sources(root: Path) -> list[str]:
    """The sources a (broken) datapack.toml names, when it is at least readable TOML."""
    import tomllib

    try:
        data = tomllib.loads((root / "datapack.toml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []
    sources = data.get("sources")
    return [s for s in sources if s in SOURCES] if isinstance(sources, dict) else []
