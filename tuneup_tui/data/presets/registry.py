"""Which preset a file is: recognition by header columns, scoring, and the closest preset.

Every preset module registers one or more `Preset`s here. A file is recognised when one preset's
whole signature (a header name from each group) is on one of its first lines; when several
match, the one with the longest signature (the most specific) wins. A file nothing recognises is
reported with the preset it came closest to and the columns it lacks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from tuneup_tui.data.discover import CANONICAL, SourceFile
from tuneup_tui.data.errors import DataError
from tuneup_tui.data.presets import (
    facebook,
    ga4,
    google_ads,
    hubspot,
    linkedin,
    mailchimp,
    meta_ads,
    salesforce,
    screaming_frog,
    search_console,
    universal_analytics,
    youtube,
)
from tuneup_tui.data.presets._base import Located, Options, Preset
from tuneup_tui.data.presets._table import (
    HEAD_BYTES,
    header_key,
    read_text,
    records,
    sniff_delimiter,
)
from tuneup_tui.data.presets._xlsx import Taken, file_kind, take_sheet
from tuneup_tui.data.sources import SOURCES

if TYPE_CHECKING:
    from tuneup_tui.data.datapack_toml import Datapack

PRESETS: tuple[Preset, ...] = (
    *ga4.PRESETS, *universal_analytics.PRESETS, *google_ads.PRESETS, *meta_ads.PRESETS,
    *salesforce.PRESETS, *hubspot.PRESETS, *mailchimp.PRESETS, *search_console.PRESETS,
    *screaming_frog.PRESETS, *youtube.PRESETS, *linkedin.PRESETS, *facebook.PRESETS,
)
PRESET_NAMES: tuple[str, ...] = (CANONICAL, *(p.name for p in PRESETS))
TABLE_SUFFIXES = (".csv", ".tsv", ".txt")
SHEET_SUFFIXES = (".xls", ".xlsx", ".xlsm", ".ods")
_COMMON = frozenset({"date", "day", "type", "clicks", "impressions", "views", "value", "status",
                     "position", "ctr", "cost", "url", "content", "stage", "amount", "sessions"})
"""Header names many tools share: matching one says little about which tool wrote a file."""


class _Canonical(Preset):
    """A canonical table under another file name (or mapped in datapack.toml)."""

    name = CANONICAL
    title = "canonical columns"
    sources = tuple(SOURCES)

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        for name in located.header:
            canonical = re.sub(r"[\s\-]+", "_", header_key(name))
            if SOURCES[source].column(canonical) is not None and canonical not in out:
                out[canonical] = raw[name]
        return []


def preset_named(name: str) -> Preset:
    """The preset called `name` (KeyError if none)."""
    if name == CANONICAL:
        return _Canonical()
    for preset in PRESETS:
        if preset.name == name:
            return preset
    raise KeyError(name)


@dataclass(frozen=True)
class Recognition:
    """What a file was recognised as (preset None: not recognised; `why` says what it lacks)."""

    preset: Preset | None
    source: str | None = None
    why: str = ""


@dataclass(frozen=True)
class Placed:
    files: Mapping[str, tuple[SourceFile, ...]]
    unplaced: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()


def recognise(path: Path) -> Recognition:
    """The preset of the file at `path`, by its first lines (a workbook: by its sheets')."""
    kind = file_kind(path)
    if not kind and path.suffix.casefold() in SHEET_SUFFIXES:
        return Recognition(None, why=f"a spreadsheet ({path.suffix}) but not a workbook "
                                     "(.xlsx, .xls or .ods): open it and save it as .xlsx or "
                                     "CSV (UTF-8)")
    try:
        head = read_text(path, "?", head=True)
    except DataError as err:
        # Recognise it anyway, so the error lands on the source it was meant for.
        lenient = None if kind else _lenient_head(path)
        if lenient is None:
            return Recognition(None, why=err.detail)
        head = lenient
    return recognise_text(head)


def workbook_sheet(path: Path, source: str) -> Taken:
    """The sheet a workbook is read as: the first a preset recognises, else the first."""
    return take_sheet(path, source, lambda text: recognise_text(text).preset is not None)


def recognise_text(head: str) -> Recognition:
    """The preset of a file whose first lines are `head`."""
    for preset in PRESETS:
        if preset.recognises_text(head):
            return Recognition(preset, preset.sources[0] if preset.sources else None)
    lines = [ln for ln in head.splitlines()[:40] if ln.strip() and not ln.startswith("#")]
    try:
        recs = records(head, sniff_delimiter(max(lines, key=len, default="")), limit=40)
    except ValueError as err:
        return Recognition(None, why=f"not a readable CSV file ({err})")
    # The closest preset: one with a telling column there ("Post ID") beats one that only
    # shares common names ("Type", "Date"), then the share of its signature met.
    best: tuple[int, int, int, Preset | None, list[str]] = (0, 0, 0, None, [])
    for rec in recs:
        header = rec.filled
        if rec.blank or header[0].lstrip().startswith("#"):
            continue
        full = [p for p in PRESETS if p.signature and not p.matches(header)[1]]
        if full:
            preset = max(full, key=lambda p: len(p.signature))
            return Recognition(preset, preset.sources[0] if preset.sources else None)
        for preset in (p for p in PRESETS if p.signature):
            hits, missing = preset.matches(header)
            ratio = hits * 100 // len(preset.signature)
            identified = int(any(g[0] not in _COMMON and g[0].removeprefix("re:") not in missing
                                 for g in preset.signature))
            if hits and (identified, ratio, hits) > best[:3]:
                best = (identified, ratio, hits, preset, missing)
        source = _canonical_source(header)
        if source is not None:
            return Recognition(_Canonical(), source)
    _identified, _ratio, _hits, closest, missing = best
    if closest is None:
        return Recognition(None, why="no known export layout or canonical header")
    return Recognition(None, why=f"closest preset {closest.name} ({closest.title}), "
                                 f"missing column(s) {', '.join(map(repr, missing))}")


def _lenient_head(path: Path) -> str | None:
    """The first lines of a file in the wrong encoding (UTF-16 without BOM, Windows-1252),
    for recognition only: reading it still fails, with the reason."""
    try:
        with path.open("rb") as handle:
            data = handle.read(HEAD_BYTES)
    except OSError:
        return None
    if data[1:400:2].count(0) > 100 or data[0:400:2].count(0) > 100:
        return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be", "replace")
    return data.decode("cp1252", "replace")


def _canonical_source(header: Sequence[str]) -> str | None:
    """The source whose required columns a header names (canonical form under another name)."""
    keys = {re.sub(r"[\s\-]+", "_", header_key(h)) for h in header}
    fits = [s for s in SOURCES.values() if set(s.required) <= keys]
    return max(fits, key=lambda s: len(s.required)).name if fits else None


def place_files(root: Path, config: Datapack | None) -> Placed:
    """Every file of the pack placed: datapack.toml's first, then canonical names, then headers.

    Raises DatapackError when a glob resolves outside the pack.
    """
    from tuneup_tui.data.datapack_toml import FILE_NAME, resolve_files

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
    return Placed(ordered, tuple(unplaced), tuple(skipped))


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
