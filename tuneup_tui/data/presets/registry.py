"""Which preset a file is (recognition by header columns, scoring, the closest preset), and
reading a file as its preset (`read_source`).

Every preset module registers one or more `Preset`s here. A file is recognised when one preset's
whole signature (a header name from each group) is on one of its first lines; when several
match, the one with the longest signature (the most specific) wins. A file nothing recognises is
reported with the preset it came closest to and the columns it lacks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

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
from tuneup_tui.data.presets._base import Located, Options, Preset, read_export
from tuneup_tui.data.presets._table import (
    HEAD_BYTES,
    header_key,
    read_text,
    records,
    sniff_delimiter,
)
from tuneup_tui.data.presets._xlsx import Taken, file_kind, take_sheet
from tuneup_tui.data.raw import CANONICAL, RawTable, SourceFile
from tuneup_tui.data.sources import SOURCES

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


def read_source(source_file: SourceFile) -> RawTable:
    """The file's rows as a RawTable, read as its preset; DataError when it can't be read."""
    if source_file.error is not None:
        raise DataError(source_file.source, source_file.error, file=source_file.path)
    path = source_file.path
    workbook = file_kind(path) == "workbook"
    if source_file.preset == CANONICAL and not source_file.options and not workbook:
        from tuneup_tui.data.read import read_canonical_csv

        return read_canonical_csv(path, source_file.source)
    get = source_file.options.get
    options = Options(columns=dict(get("columns") or {}), period=get("period"),
                      date_order=get("date_order"), pack_period=get("pack_period"),
                      pack_date_order=get("pack_date_order"))
    raw = read_export(preset_named(source_file.preset), path, source_file.source, options,
                      fits=recognised)
    if not workbook:
        return raw
    # Say which sheet was read: `data inspect` shows it, and the lines are its rows.
    taken = workbook_sheet(path, source_file.source)
    others = [n for n in taken.names if n != taken.sheet.name]
    note = (f"workbook sheet {taken.sheet.name!r} read (line numbers are its rows)"
            + (f"; other sheets not read: {', '.join(map(repr, others))}" if others else ""))
    variant = f"{raw.variant}, workbook sheet {taken.sheet.name!r}".lstrip(", ")
    return replace(raw, variant=variant, notes=(note, *raw.notes))


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


def recognise(path: Path) -> Recognition:
    """The preset of the file at `path`, by its first lines (a workbook: by its sheets')."""
    kind = file_kind(path)
    if not kind and path.suffix.casefold() in SHEET_SUFFIXES:
        return Recognition(None, why=f"a spreadsheet ({path.suffix}) but not a workbook "
                                     "(.xlsx, .xls or .ods): open it and save it as .xlsx or "
                                     "CSV (UTF-8)")
    try:
        head = read_text(path, "?", head=True, fits=recognised)
    except DataError as err:
        # Recognise it anyway, so the error lands on the source it was meant for.
        lenient = None if kind else _lenient_head(path)
        if lenient is None:
            return Recognition(None, why=err.detail)
        head = lenient
    return recognise_text(head)


def workbook_sheet(path: Path, source: str) -> Taken:
    """The sheet a workbook is read as: the first a preset recognises, else the first."""
    return take_sheet(path, source, recognised)


def recognised(head: str) -> bool:
    """Whether a preset recognises a table whose first lines are `head` (a workbook's sheet)."""
    return recognise_text(head).preset is not None


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
