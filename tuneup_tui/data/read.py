"""Reading a canonical `<source>.csv` into a RawTable.

UTF-8 with or without a byte-order mark (UTF-16 with a BOM is accepted too), LF or CRLF, quoted
fields that hold line breaks, comma, semicolon or tab delimited (taken from the header line).
Header names are normalised (trimmed, casefolded, spaces and dashes to underscores) and matched
to the source's columns; columns the source does not know, and its reference columns (which no
figure reads), are left out, and not even converted when the file's shape can be checked
without them (see `census.py`). Cells stay text (an
empty cell is missing; "NA" stays the text "NA", a territory may be called that), except number
columns, which pandas' C parser may already read as numbers (the parser takes either), date
columns, which come as fixed-width bytes (`DATE_CELLS`) for parse_dates to read, and in a big
file the text columns that repeat a short list of values (`Column.distinct` is False), which
come as pandas categories (codes into the values met) for parse.py to turn into text. A big
file with date columns is read a block of rows at a time, its dates made block by block
(read_blocks.py); then they come as dates.

The frame's index holds each row's file line number (index name "line"), so a bad cell is
reported at the line a person sees in an editor. `frame.attrs["clean_text"]` is True when no
cell carries spaces around it, so the parser can skip trimming millions of cells.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pandas as pd

from tuneup_tui.data.census import start_census
from tuneup_tui.data.errors import DataError
from tuneup_tui.data.raw import RawTable
from tuneup_tui.data.sources import SOURCES

_DELIMITERS = (",", ";", "\t", "|")
DATE_CELLS = "S40"
"""The bytes a date cell is read into; a cell that fills them is refused (no date is that
long), since it may have been cut short."""
CODED_FROM = 1 << 20
"""Files of this many bytes or more read their repeating text columns as codes into the
values met (pandas' categories); smaller ones read every cell as text."""
_QUOTED = re.compile(r'"[^"]*"')
_FIELDS = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def read_canonical_csv(path: Path, source: str) -> RawTable:
    """The rows of the canonical file `path` for `source`; DataError when it can't be used."""
    schema = SOURCES[source]
    path = Path(path)
    data, encoding = _read_bytes(path, source)
    delimiter, names = _header(data, path, source)
    missing = [c for c in schema.required if c not in names]
    if missing:
        raise DataError(source, f"missing column(s) {', '.join(missing)}; "
                                f"found: {', '.join(n for n in names if n) or 'nothing'}",
                        file=path)
    # Our own unique names for every header cell; columns not loaded are named "_extra_N".
    labels = [n if (col := schema.column(n)) is not None and col.loaded else f"_extra_{i}"
              for i, n in enumerate(names)]
    wanted = [label for label in labels if not label.startswith("_extra_")]
    # Skipping a column is much cheaper than reading it (a million e-mail addresses are a
    # million strings), but then pandas no longer notices a row with a field too many; so
    # columns are skipped only when the raw bytes prove every row has the header's width.
    # The bytes are counted while pandas parses them (census.py): the columns are skipped
    # from the start when there are no quotes, and the file read again whole if the count
    # then shows a row of another width.
    quoted = b'"' in data
    counting = start_census(data, delimiter, quoted)
    skip = len(wanted) < len(labels) and not quoted
    # Number columns are left to the C parser's own inference (fast); everything else is
    # read as text so that ids keep their leading zeros and dates their spelling.
    dtypes: dict[str, type[str] | str] = {
        label: str for label in labels if (col := schema.column(label)) is None
        or col.kind not in ("number", "integer")}
    # Dates come as fixed-width bytes: a million date-times as Python strings cost more than
    # the whole rest of the file; parse_dates reads plain ISO straight from the bytes.
    dtypes.update({label: DATE_CELLS for label in wanted
                   if (col := schema.column(label)) is not None
                   and col.kind in ("date", "datetime")})
    if len(data) >= CODED_FROM:
        # A rep's name two million times over: the parser matches the cell bytes against the
        # few values it has met and makes one string per value, not one per cell (parse.py
        # turns the codes back into text, and the cache of parsed sources keeps them).
        dtypes.update({label: "category" for label in wanted
                       if (col := schema.column(label)) is not None
                       and col.kind == "text" and not col.distinct})
    try:
        frame: pd.DataFrame | None = _parse(data, path, source, delimiter, labels, dtypes,
                                            wanted if skip else None)
    except DataError:
        if not skip or counting.result().plain(len(labels)):
            raise
        frame = None  # a row of another width may be the cause: read whole, below
    counts = counting.result()
    if frame is None or (skip and not counts.plain(len(labels))):
        # Read whole, so that pandas names the line of a row with a field too many.
        frame = _parse(data, path, source, delimiter, labels, dtypes, None)
    frame = _as_text_where_guessed(frame, data, path, source, delimiter, labels, dtypes,
                                   wanted if skip else None)
    frame = frame[wanted]
    frame.index = _line_numbers(data, len(frame), delimiter, counts.lines)
    # Stripping millions of cells costs more than reading them; skip it when no cell can
    # end in a space (leading spaces are already dropped by the parser).
    frame.attrs["clean_text"] = not counts.padded
    return RawTable(source=source, file=path, preset="canonical", frame=frame,
                    first_data_line=2, notes=(encoding,) if encoding else ())


def _parse(data: bytes, path: Path, source: str, delimiter: str, labels: list[str],
           dtypes: dict[str, type[str] | str], usecols: list[str] | None) -> pd.DataFrame:
    """pandas' C parser over the file's bytes; its errors as DataError naming the line. A big
    file is read a block of rows at a time when it can be (read_blocks.py): its date columns
    then come as dates, not as cells of bytes."""
    options: dict[str, Any] = dict(
        sep=delimiter, header=0, names=labels, index_col=False, dtype=dtypes,
        keep_default_na=False, na_values=[""], encoding="utf-8-sig", skipinitialspace=True,
        skip_blank_lines=True, engine="c", usecols=usecols)
    dates = [label for label, dtype in dtypes.items() if dtype == DATE_CELLS]
    if dates and len(data) >= CODED_FROM:
        from tuneup_tui.data.read_blocks import read_in_blocks

        frame = read_in_blocks(data, options, dates, halves=b'"' not in data)
        if frame is not None:
            return frame
    try:
        return pd.read_csv(io.BytesIO(data), **options)
    except pd.errors.EmptyDataError as err:
        raise DataError(source, "the file is empty", file=path) from err
    except pd.errors.ParserError as err:
        raise _parser_error(source, path, err) from err
    except UnicodeDecodeError as err:
        raise _encoding_error(source, path, data) from err


def _as_text_where_guessed(frame: pd.DataFrame, data: bytes, path: Path, source: str,
                           delimiter: str, labels: list[str],
                           dtypes: dict[str, type[str] | str], usecols: list[str] | None
                           ) -> pd.DataFrame:
    """`frame`, its columns read as codes read again as text where pandas took the values
    for numbers or flags ("007" as 7): a territory called 007 stays "007"."""
    guessed = [label for label, dtype in dtypes.items() if dtype == "category"
               and label in frame.columns and len(categories := frame[label].cat.categories)
               and categories.dtype != "str"]
    if not guessed:
        return frame
    again = _parse(data, path, source, delimiter, labels,
                   {**dtypes, **dict.fromkeys(guessed, str)}, usecols)
    return frame.assign(**{label: again[label] for label in guessed})


def normalise_name(name: str) -> str:
    """A header as the schema spells it: "Goal Completions " -> "goal_completions"."""
    return re.sub(r"[\s\-]+", "_", name.strip().strip('"').casefold())


def _read_bytes(path: Path, source: str) -> tuple[bytes, str]:
    """The file's bytes as UTF-8, and a note when they were another encoding."""
    from tuneup_tui.fsutil import MAX_EXPORT_BYTES, check_readable_file

    try:
        check_readable_file(path, MAX_EXPORT_BYTES)
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise DataError(source, "file not found", file=path) from err
    except OSError as err:
        raise DataError(source, f"can't read the file ({err.strerror or err})",
                        file=path) from err
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        # Excel's "Unicode text" is UTF-16; re-encode so the C parser can read it.
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as err:
            raise DataError(source, "not readable UTF-16 text", file=path) from err
    if re.search(rb"[^\s\xef\xbb\xbf]", data) is None:  # stops at the first real byte
        raise DataError(source, "the file is empty", file=path)
    if b"\x00" in data[:4096]:
        raise DataError(source, "not a CSV text file (it holds binary data); "
                                "expected UTF-8 CSV", file=path)
    try:
        if not data.isascii():  # plain ASCII is UTF-8: no need to decode it all to know
            data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # A legacy Windows export: read it as Windows-1252, say so (the C parser reads UTF-8).
        from tuneup_tui.data.presets._table import decode_noted

        text, note = decode_noted(data, source, path)
        return text.encode("utf-8"), note
    return data, ""


def _header(data: bytes, path: Path, source: str) -> tuple[str, list[str]]:
    """The delimiter and the normalised column names, from the first line."""
    end = data.find(b"\n")
    raw = data[: end if end >= 0 else len(data)]
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise _encoding_error(source, path, data) from err
    # A lone carriage return ends the header too (old Mac line ends).
    line = (decoded.splitlines() or [""])[0]
    outside_quotes = _QUOTED.sub("", line)
    delimiter = max(_DELIMITERS, key=outside_quotes.count)
    names = [normalise_name(n) for n in next(csv.reader([line], delimiter=delimiter))]
    seen: set[str] = set()
    for name in names:
        if name and name in seen:
            raise DataError(source, f"column {name!r} appears twice in the header",
                            file=path, row=1)
        seen.add(name)
    return delimiter, names


def _line_numbers(data: bytes, rows: int, delimiter: str, lines: int) -> pd.Index:
    """Each data row's file line; plain arithmetic unless cells hold line breaks."""
    if lines == rows + 1:
        return pd.RangeIndex(2, rows + 2, name="line")
    # Quoted line breaks or blank lines: walk the file once to know where each row starts.
    text = data.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    starts: list[int] = []
    previous_end = 0
    for record in reader:
        if record and previous_end > 0:
            starts.append(previous_end + 1)
        previous_end = reader.line_num
    starts = starts[:rows] + [0] * max(0, rows - len(starts))
    return pd.Index(starts, name="line")


def _parser_error(source: str, path: Path, err: Exception) -> DataError:
    match = _FIELDS.search(str(err))
    if match:
        expected, line, saw = match.groups()
        return DataError(source, f"expected {expected} fields, found {saw}", file=path,
                         row=int(line))
    detail = str(err).splitlines()[0] if str(err) else type(err).__name__
    return DataError(source, f"not a readable CSV file ({detail})", file=path)


def _encoding_error(source: str, path: Path, data: bytes) -> DataError:
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        byte = data[err.start: err.start + 1].hex()
        if line == 1:
            return DataError(source, f"not UTF-8 text in the header line (byte 0x{byte}); save "
                                     "it as UTF-8 CSV", file=path)
        return DataError(source, f"not UTF-8 text (byte 0x{byte}); save it as UTF-8 CSV",
                         file=path, row=line)
    return DataError(source, "not UTF-8 text; save it as UTF-8 CSV", file=path)
