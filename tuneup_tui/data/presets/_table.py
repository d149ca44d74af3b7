"""A generic reader of the text tables tools export: decoding, records with line numbers, headers.

Real exports are not clean CSV: a `#` preamble or a title line comes first, a blank line ends
the table and a second table or a footer follows, Excel re-saves add trailing empty cells. This
module reads a file's text with the csv module (so quoted cells may hold line breaks) into
records that remember the file line they start on; presets then say which record is the header
and which rows are not data. Nothing here knows any tool.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tuneup_tui.data.errors import DataError

DELIMITERS = (",", ";", "\t", "|")
_QUOTED = re.compile(r'"[^"]*"')
HEAD_BYTES = 65536
"""How much of a file recognition looks at."""


@dataclass(frozen=True)
class Record:
    """One CSV record and the file line it starts on (1-based)."""

    line: int
    cells: tuple[str, ...]

    @property
    def blank(self) -> bool:
        return not any(c.strip() for c in self.cells)

    @property
    def filled(self) -> tuple[str, ...]:
        """The cells without the empty ones Excel re-saves add at the end."""
        cells = list(self.cells)
        while cells and not cells[-1].strip():
            cells.pop()
        return tuple(cells)

    @property
    def text(self) -> str:
        return ",".join(self.filled)


def header_key(name: str) -> str:
    """A header as compared: trimmed, casefolded, inner spaces single, BOM and quotes gone."""
    return " ".join(name.replace("\ufeff", "").strip().strip('"').casefold().split())


def decode(data: bytes, source: str, path: Path) -> str:
    """The file's text: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252."""
    return decode_noted(data, source, path)[0]


def decode_noted(data: bytes, source: str, path: Path) -> tuple[str, str]:
    """The file's text and a note when it was not UTF-8 ("" when it was).

    UTF-8 (BOM or not) and UTF-16 with a BOM are read as they are. Anything else is read as
    Windows-1252 (cp1252): legacy Facebook and Excel exports are, with city names in the
    header; the note names the first byte that is not UTF-8 so the reader can check the names.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16"), ""
        except UnicodeDecodeError as err:
            raise DataError(source, "not readable UTF-16 text", file=path) from err
    if b"\x00" in data[:4096]:
        raise DataError(source, "not a CSV text file (it holds NUL bytes: UTF-16 without a "
                                "byte-order mark, or binary); save it as UTF-8 CSV", file=path)
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as err:
        first = err
    line = data.count(b"\n", 0, first.start) + 1
    byte = data[first.start: first.start + 1].hex()
    where = "the header line" if line == 1 else f"line {line}"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise DataError(source, f"not UTF-8 or Windows-1252 text (byte 0x{byte} in {where}); "
                                "save it as UTF-8 CSV", file=path) from err
    return text, (f"not UTF-8 (byte 0x{byte} in {where}): read as Windows-1252 (cp1252), "
                  "the legacy Windows encoding; check accented names")


def read_text(path: Path, source: str, *, head: bool = False,
              fits: Callable[[str], bool] | None = None) -> str:
    """The decoded text of `path` (its first HEAD_BYTES with `head`); DataError if unreadable.

    An Excel workbook (known by its bytes, whatever its name) gives a sheet as CSV text: the
    first whose text `fits` (the registry passes "a preset recognises it"), else the first.
    """
    return read_text_noted(path, source, head=head, fits=fits)[0]


def read_text_noted(path: Path, source: str, *, head: bool = False,
                    fits: Callable[[str], bool] | None = None) -> tuple[str, str]:
    """`read_text` and the note on its encoding ("" when UTF-8 or a workbook)."""
    from tuneup_tui.data.presets._xlsx import file_kind, take_sheet
    from tuneup_tui.fsutil import MAX_EXPORT_BYTES, check_readable_file

    try:
        check_readable_file(path, MAX_EXPORT_BYTES)
    except OSError as err:
        raise DataError(source, f"can't read the file ({err.strerror or err})", file=path) from err
    kind = file_kind(path)
    if kind == "workbook":
        return take_sheet(path, source, fits or _no_preference).sheet.text(), ""
    try:
        with path.open("rb") as handle:
            data = handle.read(HEAD_BYTES) if head else handle.read()
    except OSError as err:
        raise DataError(source, f"can't read the file ({err.strerror or err})", file=path) from err
    if head and len(data) == HEAD_BYTES:
        # Cut at the last line break so a multi-byte character is never split.
        data = data[: data.rfind(b"\n") + 1] or data
    return decode_noted(data, source, path)


def sniff_delimiter(line: str) -> str:
    """The delimiter a header line uses (the most frequent one outside quotes)."""
    outside = _QUOTED.sub("", line)
    return max(DELIMITERS, key=outside.count)


def records(text: str, delimiter: str = ",", limit: int | None = None) -> list[Record]:
    """The text's records with their starting lines; a blank line is an empty record."""
    out: list[Record] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    try:
        for cells in reader:
            out.append(Record(line, tuple(cells)))
            line = reader.line_num + 1
            if limit is not None and len(out) >= limit:
                break
    except csv.Error as err:
        raise ValueError(f"line {line}: {err}") from err
    return out


def _no_preference(text: str) -> bool:
    """Any sheet will do (take_sheet then takes the first visible one)."""
    del text
    return False
