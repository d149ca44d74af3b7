"""What `tuneup data inspect` reports: every file of a pack, how it was taken, and any trouble.

Each placed file is read on its own (so one bad file is named, not just its source): the source
and preset it was taken as, its layout variant, period, rows and dates, the columns mapped
(canonical <- export), what was dropped and why, and the notes (assumed date order, defaults
filled). Then the files nothing recognised, the companion files, and one line per source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tuneup_tui.data.discover import discover
from tuneup_tui.data.errors import DataError
from tuneup_tui.data.plausible import implausible_values
from tuneup_tui.data.presets.registry import read_source
from tuneup_tui.data.ranges import range_note, within_one
from tuneup_tui.data.raw import SourceFile
from tuneup_tui.data.sources import SOURCES
from tuneup_tui.textsafe import visible_line

if TYPE_CHECKING:
    from tuneup_tui.data.pack import DataPack

TOP_DROPPED = 10
_DROPPED_ROW = re.compile(r"^line \d+ .*?': (.+)$")
"""A dropped row's line ("line 57 'Total: Account': totals row") and its reason."""


@dataclass(frozen=True)
class FileReport:
    """One file as read."""

    path: str
    source: str
    preset: str
    variant: str = ""
    period: str = ""
    rows: int = 0
    first_date: date | None = None
    last_date: date | None = None
    mapped: tuple[tuple[str, str], ...] = ()
    dropped: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class PackReport:
    """The whole pack."""

    root: Path
    files: tuple[FileReport, ...] = ()
    unplaced: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)
    """Per present source: "N rows, first..last" or its one-line error."""
    error: str | None = None
    """A broken datapack.toml."""
    statuses: tuple[str, ...] = ()
    """How the lead statuses seen in leads and crm are read (the status map)."""


def inspect_pack(root: Path) -> PackReport:
    """Read every file of the pack at `root` and say how each was taken."""
    from tuneup_tui.data.pack import DataPack

    found = discover(root)
    files = [inspect_file(root, f) for fs in found.files.values() for f in fs]
    pack = DataPack.open(root)
    sources: dict[str, str] = {}
    for name, summary in pack.describe().items():
        if not found.files.get(name):
            continue
        if summary.error is not None:
            sources[name] = f"error: {summary.error}"
            continue
        span = (f", {summary.first_date}..{summary.last_date}"
                if summary.first_date is not None else "")
        aside = (f"; set aside: {', '.join(line.split(':')[0] for line in summary.set_aside)}"
                 if summary.set_aside else "")
        sources[name] = f"{summary.rows} rows{span}{aside}{_money(pack, name)}"
    return PackReport(Path(root), tuple(files), found.unplaced, found.skipped, sources,
                      found.error, _statuses(root, pack))


def _statuses(root: Path, pack: DataPack) -> tuple[str, ...]:
    """Each status of the leads and the CRM with its class and count, after the pack's own
    `[statuses]` entries."""
    from tuneup_tui.data.datapack_toml import DatapackError, load_datapack
    from tuneup_tui.data.status_map import StatusMap, describe

    try:
        config = load_datapack(root)
    except DatapackError:
        config = None
    status_map = StatusMap.with_overrides(
        config.statuses if config is not None else None)  # type: ignore[arg-type]
    seen: dict[tuple[str, str], int] = {}
    for source in ("leads", "crm"):
        if pack.error(source) is not None or not pack.has(source):
            continue
        counts = pack.frame(source)["status"].dropna().astype(str).str.strip().value_counts()
        for status, count in counts.items():
            seen[(str(status), source)] = int(count)
    return tuple(describe(status_map, seen))


def _money(pack: DataPack, source: str) -> str:
    """"; money in EUR and GBP, with no rate..." for a source whose currencies cannot be added."""
    from tuneup_tui.data.currency import in_one_currency

    frame = pack.frame(source)
    if "currency" not in frame.columns or frame["currency"].isna().all():
        return ""
    money = in_one_currency(frame, ("spend",), source, pack.currencies())
    return f"; {money.error}" if money.error else ""


def inspect_file(root: Path, source_file: SourceFile) -> FileReport:
    """One file read alone, with what happened on the way."""
    from tuneup_tui.data.pack_parse import parse_table

    path = _relative(root, source_file.path)
    base = FileReport(path=path, source=source_file.source, preset=source_file.preset)
    try:
        raw = read_source(source_file)
        parsed = parse_table(raw, SOURCES[source_file.source])
    except DataError as err:
        return _with(base, error=str(err))
    except Exception as err:  # a preset bug is reported, never a crash of the command
        return _with(base, error=f"could not read ({type(err).__name__}: {err})")
    column = SOURCES[source_file.source].date_column
    first = last = None
    if column is not None and len(parsed.frame):
        dates = parsed.frame[column].dropna()
        if len(dates):
            first, last = dates.min().date(), dates.max().date()
    period = f"{raw.period.start}..{raw.period.end}" if raw.period is not None else ""
    notes = (*parsed.notes, *implausible_values(parsed.frame, raw.source))
    if raw.period is not None and column is not None:
        span = raw.period
        first = last = None  # the rows carry no dates of their own: the period line says it
        fits = [k for k in ("week", "month") if within_one(span.start, span.end, k)]
        notes = (*notes, range_note(span.start, span.end, fits))
    mapped = raw.mapped or tuple((c, c) for c in raw.frame.columns)
    if raw.period is not None and column is not None and column not in dict(mapped):
        mapped = ((column, f"(the range {raw.period.start}..{raw.period.end})"), *mapped)
    return FileReport(path=path, source=raw.source, preset=raw.preset,
                      variant=raw.variant, period=period, rows=len(parsed.frame),
                      first_date=first, last_date=last, mapped=mapped,
                      dropped=parsed.dropped, notes=notes)


def _with(base: FileReport, *, error: str) -> FileReport:
    return FileReport(path=base.path, source=base.source, preset=base.preset, error=error)


def _relative(root: Path, path: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def grouped(dropped: tuple[str, ...], top: int = TOP_DROPPED) -> list[str]:
    """The dropped lines with each reason's first `top` rows and a count of the rest: an
    "All" crawl export drops thousands of rows for one reason."""
    by_reason: dict[str, list[str]] = {}
    for line in dropped:
        match = _DROPPED_ROW.match(line)
        by_reason.setdefault(match.group(1) if match else line, []).append(line)
    out: list[str] = []
    for reason, lines in by_reason.items():
        out.extend(lines[:top])
        if len(lines) > top:
            out.append(f"... and {len(lines) - top} more row(s): {reason}")
    return out


def render(report: PackReport) -> str:
    """The report as the text `tuneup data inspect` prints."""
    out = [f"Data pack {report.root}"]
    if report.error:
        out.append(f"  datapack.toml is broken: {report.error}")
    out.append("")
    for f in report.files:
        out.append(f"{f.path}")
        taken = f.preset + (f" ({f.variant})" if f.variant and f.variant != f.preset else "")
        out.append(f"  taken as: {f.source}, preset {taken}")
        if f.error:
            out.append(f"  error: {f.error}")
            out.append("")
            continue
        if f.period:
            out.append(f"  period: {f.period}")
        span = f", dates {f.first_date}..{f.last_date}" if f.first_date else ""
        out.append(f"  rows: {f.rows}{span}")
        if f.mapped:
            out.append("  columns: " + "; ".join(f"{c} <- {e}" for c, e in f.mapped))
        out.extend(f"  dropped: {line}" for line in grouped(f.dropped))
        out.extend(f"  note: {line}" for line in f.notes)
        out.append("")
    if report.unplaced:
        out.append("Not placed:")
        out.extend(f"  {line}" for line in report.unplaced)
        out.append("")
    if report.skipped:
        out.append("Recognised, feeding no source:")
        out.extend(f"  {line}" for line in report.skipped)
        out.append("")
    if report.statuses:
        out.append("Lead statuses (accepted, rejected, working, converted, nurture):")
        out.extend(f"  {line}" for line in report.statuses)
        out.append("")
    out.append("Sources:")
    if not report.sources:
        out.append("  none found (expected <source>.csv files or recognised exports)")
    for name, line in report.sources.items():
        out.append(f"  {name}: {line}")
    # Names and values quoted from the files stay on their line and show any control
    # character as a symbol.
    return "\n".join(visible_line(line) for line in out) + "\n"
