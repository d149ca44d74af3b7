"""What a preset is, and the one pipeline every preset's file goes through.

A preset knows one tool's download: how to recognise it (header columns, sometimes a title or
preamble line), where its header row is, which rows are not data (totals, footers, a second
table), its period when the rows carry no date, and how its columns map to a canonical source.
`read_export` runs the steps in order and hands `DataPack` a RawTable: text under canonical
names, the file line of every row, and one line per dropped row and per assumption.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import pandas as pd

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.period import Period
from tuneup_tui.data.presets._table import (
    Record,
    header_key,
    read_text_noted,
    records,
    sniff_delimiter,
)
from tuneup_tui.data.presets._values import settle_date_order
from tuneup_tui.data.raw import RawTable
from tuneup_tui.data.sources import SOURCES

Candidates = tuple[str, ...]
"""Header names (compared by `header_key`) tried in order; "re:..." is a regular expression."""
Columns = Mapping[str, Mapping[str, Candidates]]
"""Per source: canonical column -> the export headers that feed it."""


@dataclass
class Located:
    """A file's table once found: header, data rows, and what was learnt on the way."""

    header: tuple[str, ...]
    header_line: int
    rows: list[Record]
    variant: str
    dropped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    period: Period | None = None
    preamble: list[Record] = field(default_factory=list)
    path: Path = Path()
    derived: dict[str, str] = field(default_factory=dict)
    """Canonical column -> how a preset's derive() made it, for `data inspect`."""
    period_note: str = ""
    """Where the file's own period came from (or why it has none): said only when that is the
    period used, or when there is none at all."""


@dataclass
class Options:
    """What datapack.toml says about a source (all optional)."""

    columns: Mapping[str, str] = field(default_factory=dict)
    period: Period | None = None
    """The source's own `period`: over the file's."""
    date_order: str | None = None
    """The source's own `date_order`: over the preset's."""
    pack_period: Period | None = None
    """The pack-wide `period`: for files with none of their own."""
    pack_date_order: str | None = None
    """The pack-wide `date_order`: for files whose preset does not settle it."""


def find(header: Sequence[str], candidates: Candidates) -> str | None:
    """The first header (as written in the file) matching one of `candidates`."""
    keys = [header_key(h) for h in header]
    for candidate in candidates:
        if candidate.startswith("re:"):
            pattern = re.compile(candidate[3:])
            for name, key in zip(header, keys, strict=True):
                if pattern.search(key):
                    return name
        elif candidate in keys:
            return header[keys.index(candidate)]
    return None


class Preset:
    """One tool's export layout. Subclasses set the class attributes and override hooks."""

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    sources: ClassVar[tuple[str, ...]] = ()
    """The canonical sources it can feed; the first is where a recognised file goes."""
    signature: ClassVar[tuple[Candidates, ...]] = ()
    """Header groups that must all be present (one name of each) to recognise the file."""
    columns: ClassVar[Columns] = {}
    """Per source: canonical column -> export headers that feed it."""
    date_order: ClassVar[str | None] = None
    refuse: ClassVar[str] = ""
    """When set, the layout is recognised only to say why it can't be used."""
    companion: ClassVar[str] = ""
    """When set, the file only helps its siblings (e.g. a period) and feeds no source."""

    def matches(self, header: Sequence[str]) -> tuple[int, list[str]]:
        """How many signature groups the header meets, and the first name of each missing."""
        missing = [group[0].removeprefix("re:") for group in self.signature
                   if find(header, group) is None]
        return len(self.signature) - len(missing), missing

    def recognises_text(self, head: str) -> bool:
        """Recognition by something other than the header (a title line); rarely needed."""
        del head
        return False

    def locate(self, recs: list[Record], path: Path, source: str) -> Located:
        """The header (the first record meeting the signature) and the rows up to a blank line."""
        # The first record meeting the whole signature; else (a file mapped in datapack.toml
        # that lacks a column) the one meeting most of it, so the error names what is missing.
        scored = [(self.matches(rec.filled)[0], -i, i) for i, rec in enumerate(recs[:60])
                  if not rec.blank and not rec.cells[0].lstrip().startswith("#")]
        full = [i for hits, _, i in scored if hits == len(self.signature)]
        partial = max(scored, default=(0, 0, 0))
        chosen = full[0] if full else (partial[2] if partial[0] else None)
        for i, rec in enumerate(recs[:60]):
            if i == chosen:
                located = Located(rec.filled, rec.line, [], self.title, preamble=recs[:i])
                end = i + 1
                while end < len(recs) and not recs[end].blank:
                    end += 1
                located.rows = list(recs[i + 1: end])
                self.after_table(recs[end:], located)
                return located
        raise DataError(source, f"no {self.title} header found in the first lines "
                                f"(expected columns {self.expected()})", file=path)

    def after_table(self, rest: Sequence[Record], located: Located) -> None:
        """What follows the first blank line: a second table or a footer, dropped and said."""
        block = [r for r in rest if not r.blank]
        if not block:
            return
        first, last = block[0], block[-1]
        located.dropped.append(f"lines {first.line}-{last.line}: after a blank line "
                               f"({first.text[:40]!r}...): not part of the table")

    def drop_reason(self, row: Mapping[str, str], rec: Record, header: Sequence[str]) -> str:
        """Why a row is not data ("" when it is): totals rows and the like."""
        del row, rec, header
        return ""

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        """Canonical columns that need more than a rename; returns notes."""
        del source, raw, out, located, options
        return []

    def defaults(self, source: str) -> Mapping[str, tuple[str, str]]:
        """Canonical required columns the tool does not export: (value, note)."""
        del source
        return {}

    def reshape(self, frame: pd.DataFrame, raw: pd.DataFrame, located: Located
                ) -> pd.DataFrame:
        """The canonical frame, reshaped when one export row makes several (rarely needed)."""
        del raw, located
        return frame

    def no_period_help(self, located: Located) -> str:
        """What to do about a file with no dates and no period, when the preset knows better
        than setting one (an "All time" report); "" for the usual hint."""
        del located
        return ""

    def expected(self) -> str:
        return ", ".join(repr(group[0].removeprefix("re:")) for group in self.signature)


def read_export(preset: Preset, path: Path, source: str, options: Options, *,
                fits: Callable[[str], bool] | None = None) -> RawTable:
    """Read `path` as `preset`'s layout into a RawTable for `source` (a workbook: the first
    sheet whose text `fits`, else its first)."""
    if preset.refuse:
        raise DataError(source, preset.refuse, file=path)
    text, encoding = read_text_noted(path, source, fits=fits)
    recs = _records(text, path, source)
    located = preset.locate(recs, path, source)
    located.path = path
    if encoding:
        located.notes.insert(0, encoding)
    header = located.header
    kept: list[Record] = []
    width = len(header)
    for rec in located.rows:
        cells = rec.cells
        row = dict(zip(header, cells, strict=False))
        reason = preset.drop_reason(row, rec, header)
        if reason:
            label = next((c.strip() for c in rec.cells if c.strip()), "")
            located.dropped.append(f"line {rec.line} {label[:60]!r}: {reason}")
            continue
        if len(rec.filled) > width:
            raise DataError(source, f"expected {width} cells, found {len(rec.filled)} "
                                    f"(another delimiter, or a quote left open?)",
                            file=path, row=rec.line)
        if len(cells) < width:
            other = next((d for d in ";\t|" if d not in "".join(header)
                          and any(d in c for c in cells)), None)
            hint = (f"another delimiter ({other!r}) than the header's?" if other
                    else "a truncated file?")
            raise DataError(source, f"expected {width} cells, found {len(cells)} ({hint})",
                            file=path, row=rec.line)
        kept.append(rec)
    raw = pd.DataFrame([list(r.cells[:width]) for r in kept], columns=list(header),
                       dtype="str") if kept else pd.DataFrame(
        {h: pd.Series([], dtype="str") for h in header})
    lines = pd.Index([r.line for r in kept], name="line", dtype="int64")
    raw.index = lines
    out, mapped, notes = _map_columns(preset, source, raw, located, options, path)
    frame = preset.reshape(pd.DataFrame(out, index=lines), raw, located)
    date_column = SOURCES[source].date_column
    # A period only dates rows that carry no date of their own.
    period = (None if date_column is None or date_column in mapped
              else options.period or located.period or options.pack_period)
    own = period is not None and period is located.period and options.period is None
    if located.period_note and (own or period is None):
        notes.append(located.period_note)
    if date_column is not None and date_column not in frame.columns and period is None:
        why = f" ({located.period_note})" if located.period_note else ""
        raise DataError(source, f"{path.name} has no date column and no period{why}: "
                                + (preset.no_period_help(located) or _period_hint(path, source)),
                        file=path)
    date_order = options.date_order or preset.date_order or options.pack_date_order
    dated = [c for c in mapped if _is_date(source, c)]
    if date_order is None and dated:
        date_order, note = settle_date_order(raw)
        notes.extend([note] if note else [])
    return RawTable(source=source, file=path, preset=preset.name, frame=frame,
                    dropped=tuple(located.dropped), period=period, date_order=date_order,
                    notes=tuple(located.notes + notes),
                    first_data_line=kept[0].line if kept else located.header_line + 1,
                    variant=located.variant, mapped=tuple(mapped.items()))


def _records(text: str, path: Path, source: str) -> list[Record]:
    lines = [ln for ln in text.splitlines()[:60] if ln.strip() and not ln.startswith("#")]
    # The header is usually the widest of the first lines; take its delimiter.
    widest = max(lines, key=lambda ln: max(ln.count(d) for d in ",;\t|"), default="")
    try:
        return records(text, sniff_delimiter(widest))
    except ValueError as err:
        raise DataError(source, f"not a readable CSV file ({err})", file=path) from err


def _map_columns(preset: Preset, source: str, raw: pd.DataFrame, located: Located,
                 options: Options, path: Path
                 ) -> tuple[dict[str, pd.Series], dict[str, str], list[str]]:
    """Canonical columns from the export's: datapack.toml's choice, the preset's, derived,
    defaults. Returns the columns, canonical -> export header (for `data inspect`), notes."""
    schema = SOURCES[source]
    header = list(raw.columns)
    out: dict[str, pd.Series] = {}
    mapped: dict[str, str] = {}
    for canonical, export in options.columns.items():
        name = find(header, (header_key(export),))
        if name is None:
            raise DataError(source, f"datapack.toml maps {canonical} to {export!r}, which "
                                    f"{path.name} lacks; found: {', '.join(header)}", file=path)
        out[canonical], mapped[canonical] = raw[name], name
    for canonical, candidates in preset.columns.get(source, {}).items():
        if canonical in out:
            continue
        name = find(header, candidates)
        if name is not None:
            out[canonical], mapped[canonical] = raw[name], name
    before = set(out)
    notes = preset.derive(source, raw, out, located, options)
    for canonical in set(out) - before:
        mapped.setdefault(canonical, located.derived.get(canonical, "(derived)"))
    for canonical, (value, note) in preset.defaults(source).items():
        if canonical not in out and schema.column(canonical) is not None:
            out[canonical] = pd.Series([value] * len(raw), index=raw.index, dtype="str")
            mapped[canonical] = f"(default {value!r})" if value else "(none)"
            notes.append(note)
    missing = [c for c in schema.required if c not in out and c != schema.date_column]
    if missing:
        wanted = "; ".join(f"{c} from {_wanted(preset, source, c)}" for c in missing)
        raise DataError(source, f"missing column(s) for {wanted}; found: {', '.join(header)}",
                        file=path)
    order = [c.name for c in schema.columns]
    mapped = {c: mapped[c] for c in order if c in mapped}
    return {k: v for k, v in out.items() if schema.column(k) is not None}, mapped, notes


def _wanted(preset: Preset, source: str, canonical: str) -> str:
    candidates = preset.columns.get(source, {}).get(canonical, ())
    names = [repr(c.removeprefix("re:")) for c in candidates] or ["a column named in datapack.toml"]
    return " or ".join(names)


def _period_hint(path: Path, source: str) -> str:
    """Set a period: the week and the month before the file was saved are the likely ones."""
    from datetime import date

    from tuneup_tui.data.period import review_period

    try:
        saved = date.fromtimestamp(path.stat().st_mtime)
    except (OSError, ValueError, OverflowError):
        saved = date.today()
    week, month = review_period(saved, "week"), review_period(saved, "month")
    return (f"set period = \"{week.label}\" (or \"{month.label}\", the week and month before "
            f"the file was saved) in datapack.toml, for the pack or under [sources.{source}]")


def _is_date(source: str, column: str) -> bool:
    kind = getattr(SOURCES[source].column(column), "kind", "")
    return kind in ("date", "datetime")
