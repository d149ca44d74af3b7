"""Excel workbooks (.xlsx, and .xls files that are really .xlsx) read with the standard library.

LinkedIn and other tools ship spreadsheets, and teams will not resave them. An Office Open XML
workbook is a zip of XML parts: xl/workbook.xml names the sheets in order, its .rels part says
where each sheet lives, sharedStrings.xml holds the text cells point into, styles.xml says which
cells are dates (a date is a serial number shown with a date format). One sheet is turned into
CSV text, row N on line N, so the presets read it exactly as they read the CSV save. A file is
a workbook by its bytes (the zip magic), whatever its name; an old binary .xls (BIFF) is not
read. Sizes are bounded: a zip bomb or a huge sheet is a one-line error, not a stalled console.
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

from tuneup_tui.data.errors import DataError

ZIP_MAGIC = b"PK\x03\x04"
BIFF_MAGIC = b"\xd0\xcf\x11\xe0"
MAX_PART_BYTES = 128 * 1024 * 1024
"""The most one XML part may hold once unzipped (a year of daily rows is well under 1 MB)."""
MAX_TOTAL_BYTES = 256 * 1024 * 1024
BIFF_HELP = "an old binary Excel workbook (.xls): open it and save it as .xlsx or CSV (UTF-8)"
MAX_ROWS = 200_000
MAX_COLUMNS = 1_000
_DATE_IDS = frozenset(range(14, 23))
_TIME_ONLY_IDS = frozenset(range(18, 22))
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_LITERALS = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
_REF = re.compile(r"([A-Za-z]{1,3})(\d+)$")


class _Bad(ValueError):
    """Why a workbook can't be read (turned into a DataError naming the source and file)."""


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: tuple[tuple[str, ...], ...]
    hidden: bool = False

    def text(self) -> str:
        """The sheet as CSV text, one line per sheet row, every row as wide as the widest."""
        width = max((len(r) for r in self.rows), default=0)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for row in self.rows:
            writer.writerow(row + ("",) * (width - len(row)))
        return out.getvalue()


@dataclass(frozen=True)
class Taken:
    """The sheet a workbook is read as, and what else the workbook holds."""

    sheet: Sheet
    names: tuple[str, ...]


def file_kind(path: Path) -> str:
    """"workbook" (zip), "biff" (old binary .xls) or "" (anything else), by the first bytes."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError:
        return ""
    return "workbook" if magic == ZIP_MAGIC else "biff" if magic == BIFF_MAGIC else ""


def take_sheet(path: Path, source: str, fits: Callable[[str], bool]) -> Taken:
    """The first visible sheet whose text `fits` (a preset recognises it), else the first one."""
    try:
        stat = path.stat()
        sheets = _load(str(path), stat.st_mtime_ns, stat.st_size)
    except OSError as err:
        raise DataError(source, f"can't read the file ({err.strerror or err})", file=path) from err
    except _Bad as err:
        raise DataError(source, str(err), file=path) from err
    visible = [s for s in sheets if not s.hidden] or list(sheets)
    chosen = next((s for s in visible if s.rows and fits(s.text())), visible[0])
    return Taken(chosen, tuple(s.name for s in sheets))


@lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int, size: int) -> tuple[Sheet, ...]:
    """Every worksheet of the workbook (cached: recognition and reading both need it)."""
    del mtime_ns, size  # part of the cache key only: a changed file is read again
    try:
        with zipfile.ZipFile(path) as book:
            return _Workbook(book).sheets()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as err:
        raise _Bad(f"not a readable .xlsx workbook ({err}); save it again as .xlsx or CSV "
                   "(UTF-8)") from err
    except ElementTree.ParseError as err:
        raise _Bad(f"not a readable .xlsx workbook (broken XML: {err})") from err
    except _Bad:
        raise
    except (ValueError, KeyError) as err:
        # A number where none can be (a style index "x", a row "r" of letters).
        raise _Bad(f"not a readable .xlsx workbook (a malformed value: {err})") from err


class _Workbook:
    def __init__(self, book: zipfile.ZipFile) -> None:
        self.book = book
        self.read_bytes = 0
        names = set(book.namelist())
        root = _target("", self._rels("_rels/.rels"), "/officeDocument") or "xl/workbook.xml"
        if root not in names:
            ods = "content.xml" in names
            raise _Bad("an OpenDocument spreadsheet (.ods): open it and save it as .xlsx or "
                       "CSV (UTF-8)" if ods else "a zip file, not an Excel workbook (no "
                       "xl/workbook.xml)")
        self.root = root
        self.rels = self._rels(posixpath.join(posixpath.dirname(root), "_rels",
                                              posixpath.basename(root) + ".rels"))
        base = posixpath.dirname(root)
        self.strings = self._strings(_target(base, self.rels, "/sharedStrings"))
        self.date_styles = self._date_styles(_target(base, self.rels, "/styles"))

    def sheets(self) -> tuple[Sheet, ...]:
        base = posixpath.dirname(self.root)
        epoch = date(1899, 12, 30)
        out = []
        for el in self._parts(self.root):
            tag = _local(el.tag)
            if tag == "workbookPr" and el.get("date1904") in ("1", "true"):
                epoch = date(1904, 1, 1)
            if tag != "sheet":
                continue
            rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), "")
            kind, target = self.rels.get(rid, ("", ""))
            if not kind.endswith("/worksheet"):
                continue  # a chart sheet or a macro sheet holds no table
            rows = self._rows(_join(base, target), epoch)
            out.append(Sheet(el.get("name", ""), rows, el.get("state", "visible") != "visible"))
        if not out:
            raise _Bad("a workbook with no worksheet")
        return tuple(out)

    def _open(self, name: str) -> io.BufferedReader:
        try:
            info = self.book.getinfo(name)
        except KeyError as err:
            raise _Bad(f"a broken workbook: part {name} is missing") from err
        if info.file_size > MAX_PART_BYTES or self.read_bytes + info.file_size > MAX_TOTAL_BYTES:
            raise _Bad(f"too large: {name} unzips to {info.file_size:,} bytes (at most "
                       f"{MAX_PART_BYTES:,} per part); export a shorter date range")
        return io.BufferedReader(_Bounded(self.book.open(name), self, name))

    def _parts(self, name: str) -> Iterator[ElementTree.Element]:
        """The elements of a part as they close (memory stays small on long sheets)."""
        with self._open(name) as stream:
            for _event, el in ElementTree.iterparse(stream):
                yield el

    def _rels(self, name: str) -> dict[str, tuple[str, str]]:
        if name not in self.book.namelist():
            return {}
        return {el.get("Id", ""): (el.get("Type", ""), el.get("Target", ""))
                for el in self._parts(name) if _local(el.tag) == "Relationship"}

    def _strings(self, name: str | None) -> list[str]:
        if name is None or name not in self.book.namelist():
            return []
        return [_string(el) for el in self._parts(name) if _local(el.tag) == "si"]

    def _date_styles(self, name: str | None) -> dict[int, bool]:
        """Cell style index -> True for a date-time format, False for a date-only one."""
        if name is None or name not in self.book.namelist():
            return {}
        custom: dict[int, str] = {}
        xfs: list[int] = []
        for el in self._parts(name):
            tag = _local(el.tag)
            if tag == "numFmt":
                custom[int(el.get("numFmtId", "0"))] = el.get("formatCode", "")
            elif tag == "cellXfs":
                xfs = [int(x.get("numFmtId", "0")) for x in el if _local(x.tag) == "xf"]
        out: dict[int, bool] = {}
        for index, fmt in enumerate(xfs):
            code = _LITERALS.sub("", custom.get(fmt, "")).casefold()
            if fmt in _DATE_IDS and fmt not in custom:
                out[index] = fmt in _TIME_ONLY_IDS or fmt == 22
            elif re.search(r"[dy]", code) or ("m" in code and not re.search(r"[hs]", code)):
                out[index] = bool(re.search(r"[hs]", code))
        return out

    def _rows(self, name: str, epoch: date) -> tuple[tuple[str, ...], ...]:
        rows: list[tuple[str, ...]] = []
        for el in self._parts(name):
            if _local(el.tag) != "row":
                continue
            number = int(el.get("r") or len(rows) + 1)
            if number > MAX_ROWS:
                raise _Bad(f"sheet too long (row {number:,}; at most {MAX_ROWS:,} rows): "
                           "export a shorter date range")
            cells: dict[int, str] = {}
            for c in el:
                if _local(c.tag) != "c":
                    continue
                ref = _REF.match(c.get("r", ""))
                column = _column(ref.group(1)) if ref else max(cells, default=-1) + 1
                if column >= MAX_COLUMNS:
                    raise _Bad(f"sheet too wide (cell {c.get('r')}; at most {MAX_COLUMNS} "
                               "columns)")
                value = self._value(c, epoch)
                if value:
                    cells[column] = value
            el.clear()  # done with this row: keep memory flat
            rows.extend([()] * (number - 1 - len(rows)))
            width = max(cells, default=-1) + 1
            rows.append(tuple(cells.get(i, "") for i in range(width)))
        while rows and not any(rows[-1]):
            rows.pop()  # formatted but empty rows at the end
        return tuple(rows)

    def _value(self, cell: ElementTree.Element, epoch: date) -> str:
        kind = cell.get("t", "n")
        v = next((x.text or "" for x in cell if _local(x.tag) == "v"), None)
        if kind == "inlineStr":
            box = next((x for x in cell if _local(x.tag) == "is"), None)
            return _string(box) if box is not None else ""
        if v is None:
            return ""
        if kind == "s":
            try:
                return self.strings[int(v)]
            except (ValueError, IndexError) as err:
                raise _Bad(f"cell {cell.get('r')}: shared string {v!r} does not exist") from err
        if kind == "b":
            return "TRUE" if v.strip() == "1" else "FALSE"
        if kind in ("str", "e", "d"):
            return _unescape(v)  # a formula's text, an error like #DIV/0!, an ISO date
        try:
            number = float(v)
        except ValueError as err:
            raise _Bad(f"cell {cell.get('r')}: {v!r} is not a number") from err
        timed = self.date_styles.get(int(cell.get("s") or 0))
        if timed is not None and 0 <= number < 2_958_466:  # up to 9999-12-31
            return _serial_date(number, epoch, timed)
        return _number(number)


class _Bounded(io.RawIOBase):
    """A zip member stream that stops at the size limits, whatever the zip header claims."""

    def __init__(self, stream: IO[bytes], book: _Workbook, name: str) -> None:
        self.stream, self.book, self.name, self.seen = stream, book, name, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.stream.read(len(buffer))
        if self.seen == 0 and b"<!DOCTYPE" in data[:2048]:
            raise _Bad(f"{self.name} declares a DOCTYPE, which no Excel workbook does")
        self.seen += len(data)
        self.book.read_bytes += len(data)
        if self.seen > MAX_PART_BYTES or self.book.read_bytes > MAX_TOTAL_BYTES:
            raise _Bad(f"too large: {self.name} unzips to over {MAX_PART_BYTES:,} bytes "
                       "(a zip bomb?); export a shorter date range")
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self.stream.close()
        super().close()


def _local(tag: str) -> str:
    """A tag or attribute name without its namespace (transitional and strict OOXML alike)."""
    return tag.rsplit("}", 1)[-1]


def _string(box: ElementTree.Element) -> str:
    """A shared or inline string: its <t>, or its rich-text runs' <t>s (never phonetic runs)."""
    parts = []
    for child in box:
        tag = _local(child.tag)
        if tag == "t":
            parts.append(child.text or "")
        elif tag == "r":
            parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return _unescape("".join(parts))


def _unescape(text: str) -> str:
    """OOXML writes some characters as _xHHHH_ (a carriage return is _x000D_)."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _column(letters: str) -> int:
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index - 1


def _target(base: str, rels: dict[str, tuple[str, str]], kind: str) -> str | None:
    found = next((t for k, t in rels.values() if k.endswith(kind)), None)
    return _join(base, found) if found else None


def _join(base: str, target: str) -> str:
    """A relationship target as a zip member name (targets are relative, or absolute with /)."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base, target))


def _serial_date(serial: float, epoch: date, timed: bool) -> str:
    """An Excel serial day as ISO text. The 1900 system counts a 29 Feb 1900 that never was, so
    serials from 61 on are days since 1899-12-30 and earlier ones days since 1899-12-31."""
    days = int(serial)
    start = epoch if epoch.year == 1904 or serial >= 61 else date(1899, 12, 31)
    day = start + timedelta(days=days)
    seconds = round((serial - days) * 86400)
    if not timed:
        return day.isoformat()
    moment = datetime(day.year, day.month, day.day) + timedelta(seconds=seconds)
    if serial < 1:
        return moment.strftime("%H:%M:%S")  # a time of day alone
    return moment.isoformat(sep=" ")


def _number(value: float) -> str:
    """A number as plain text: 1500, 0.0541666, never 1e-05 nor 1500.0."""
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    text = repr(value)
    return format(Decimal(text), "f") if "e" in text else text
