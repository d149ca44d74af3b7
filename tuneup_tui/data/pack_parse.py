"""From a RawTable (text under canonical names) to a typed, validated frame, and stacking.

One RawTable per file: its required columns are checked, each schema column parsed by kind
(an unreadable cell is a DataError at its file line and column), optional columns it lacks added
all missing, and undated rows of a file that covers a known period dated at the period's start.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from tuneup_tui.data.cache_text import repeating_codes
from tuneup_tui.data.errors import BadValue, DataError
from tuneup_tui.data.parse import parse_column
from tuneup_tui.data.period import Period
from tuneup_tui.data.plausible import implausible_cells
from tuneup_tui.data.ranges import aside_line
from tuneup_tui.data.raw import RawTable
from tuneup_tui.data.read import normalise_name
from tuneup_tui.data.sources import ColumnKind, SourceSchema

IN_MEMORY = "frames"
"""The preset name of tables handed over as DataFrames (no file behind them)."""


@dataclass(frozen=True)
class ParsedTable:
    """One file's rows, typed, with what happened on the way."""

    file: Path | None
    preset: str
    frame: pd.DataFrame
    dropped: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    period: Period | None = None
    set_aside: tuple[str, ...] = ()
    """Rows of a lenient source that could not be read, one line each (file, row, why)."""
    places: tuple[str, ...] = ()
    """For a lenient source, where each row of `frame` stands: "targets.csv row 5"."""
    implausible: tuple[str, ...] = ()
    """Values no export means (a negative spend, inf, 1e308), one line per column, for the
    panels that read them (see data.plausible)."""
    coded: Mapping[str, tuple[np.ndarray, list[str]]] = field(
        default_factory=dict, compare=False, repr=False)
    """Text columns of `frame` as codes into their distinct values: those read as codes (see
    parse.ParsedColumn.coded) and ids that repeat (`cache_text.repeating_codes`), which the
    cache of parsed sources keeps as they are."""


def in_memory_table(source: str, frame: pd.DataFrame) -> RawTable:
    """A DataFrame handed to `DataPack.from_frames`, as a RawTable with normalised names."""
    renamed = frame.rename(columns=lambda c: normalise_name(str(c)))
    return RawTable(source=source, file=Path(f"<{source} frame>"), preset=IN_MEMORY,
                    frame=renamed.reset_index(drop=True))


def parse_table(raw: RawTable, schema: SourceSchema) -> ParsedTable:
    """The typed frame of one RawTable; DataError naming the file, line and column if bad."""
    file = None if raw.preset == IN_MEMORY else raw.file
    frame = raw.frame
    dated_by_period = raw.period is not None and schema.date_column is not None
    missing = [c for c in schema.required if c not in frame.columns
               and not (dated_by_period and c == schema.date_column)]
    if missing:
        found = ", ".join(str(c) for c in frame.columns) or "nothing"
        raise DataError(schema.name, f"missing column(s) {', '.join(missing)}; found: {found}",
                        file=file)
    lines = _line_numbers(raw)
    clean_text = bool(frame.attrs.get("clean_text", False))
    aside: list[str] = []
    while True:
        try:
            columns, notes, coded = _typed_columns(frame, schema, raw, clean_text)
            break
        except BadValue as bad:
            err = DataError(schema.name, f"expected {bad.expected}, found {bad.value!r}",
                            file=file, row=int(lines[bad.position]),
                            column=bad.column)
            if not schema.lenient:
                raise err from bad
            # A plan typed by hand: this row is set aside, the file's other rows stand.
            aside.append(aside_line(err))
            keep = np.ones(len(frame), dtype=bool)
            keep[bad.position] = False
            frame, lines = frame[keep], lines[keep]
    typed = pd.DataFrame(columns, copy=False)
    places: tuple[str, ...] = ()
    if schema.lenient:
        name = file.name if file is not None else f"{schema.name} frame"
        places = tuple(f"{name} row {n}" for n in lines)
    if dated_by_period and raw.period is not None and schema.date_column is not None:
        # A report without a date column covers the period its preamble names.
        dates = typed[schema.date_column]
        if dates.isna().any():
            typed[schema.date_column] = dates.fillna(pd.Timestamp(raw.period.start))
    where = schema.name if file is None else f"{schema.name} ({file})"
    return ParsedTable(file=file, preset=raw.preset, frame=typed, dropped=tuple(raw.dropped),
                       notes=tuple(notes), period=raw.period, set_aside=tuple(aside),
                       places=places,
                       implausible=tuple(implausible_cells(typed, schema.name, where, lines)),
                       coded=coded)


def _typed_columns(frame: pd.DataFrame, schema: SourceSchema, raw: RawTable, clean_text: bool
                   ) -> tuple[dict[str, pd.Series], list[str],
                              dict[str, tuple[np.ndarray, list[str]]]]:
    """Each loaded column of `schema` parsed by kind, and the text columns read as codes;
    BadValue (with its column) if a cell can't be read."""
    columns: dict[str, pd.Series] = {}
    coded: dict[str, tuple[np.ndarray, list[str]]] = {}
    notes: list[str] = list(raw.notes)
    for column in schema.loaded:
        if column.name not in frame.columns:
            columns[column.name] = empty_column(column.kind, len(frame))
            continue
        try:
            parsed = parse_column(frame[column.name], column.kind, date_order=raw.date_order,
                                  clean_text=clean_text)
        except BadValue as bad:
            bad.column = column.name
            raise
        columns[column.name] = parsed.values
        if parsed.coded is not None:
            coded[column.name] = parsed.coded
        elif column.kind == "text" and (given := repeating_codes(
                parsed.values.to_numpy(dtype=object))) is not None:
            coded[column.name] = given  # ids that repeat: their codes, worked out once
        notes.extend(f"column {column.name!r}: {note}" for note in parsed.notes)
    return columns, notes, coded


def stack(tables: Sequence[ParsedTable], schema: SourceSchema) -> pd.DataFrame:
    """The tables of one source, one under the other, in schema column order."""
    frames = [t.frame for t in tables]
    if len(frames) == 1:
        return frames[0]
    if not frames:
        return pd.DataFrame({c.name: empty_column(c.kind, 0) for c in schema.loaded})
    return pd.concat(frames, ignore_index=True)


def empty_column(kind: ColumnKind, rows: int) -> pd.Series:
    """An all-missing column of `kind` (the dtype a parsed column of that kind has)."""
    if kind in ("date", "datetime"):
        return pd.Series(np.full(rows, np.datetime64("NaT"), dtype="datetime64[us]"))
    if kind in ("number", "integer"):
        return pd.Series(np.full(rows, np.nan), dtype="float64")
    if kind == "flag":
        return pd.Series(np.zeros(rows, dtype=bool))
    return pd.Series([pd.NA] * rows, dtype="str")


def _line_numbers(raw: RawTable) -> np.ndarray:
    """The file line of each row: the frame's "line" index, or counted from the first line."""
    if raw.frame.index.name == "line":
        return np.asarray(raw.frame.index, dtype=np.int64)
    return np.arange(raw.first_data_line, raw.first_data_line + len(raw.frame))
