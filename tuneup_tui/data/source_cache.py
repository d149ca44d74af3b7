"""Parsed sources kept between runs, so reopening an unchanged pack skips parsing its files.

The facilitator opens the same pack several times (`tuneup metrics` the evening before, the
console, each resume, `tuneup summary`); parsing a million leads and two million activities
takes seconds each time. Each file's typed table is kept in the user cache directory
(`paths.cache_dir() / "sources"`), one entry per file, as two files:

- `<key>.bin`: the table's columns as raw arrays one after the other (numbers, flags and dates
  as their machine values; text as codes into its distinct values, which are one UTF-8 blob,
  or for ids as one NUL-joined UTF-8 blob: cache_text.py);
- `<key>.json`: the manifest: what the entry was made from and where each array lies.

Nothing is pickled: arrays are read back with `numpy.frombuffer` at the offsets the manifest
gives, text is decoded from UTF-8. The key names the file (its resolved path, its source, preset
and datapack.toml options). An entry is used only when all of these still hold: the reader's
code is the same (`reader_version`: a hash of the data layer's source and the numpy and pandas
versions), the file has the same size and modification time, the file's bytes hash to the same
CRC-32 (the file is always read and hashed; the stat alone is never trusted), the data file has
the length and CRC-32 the manifest says, and the manifest its own checksum. Anything else is a
miss: the file is read as if there were no cache and the entry written again. A cache that
cannot be written (a full disk, a read-only home) is no error; the pack reads its files.

The CRC guards against a file edited within the same second at the same size and against a
damaged cache; it is not a defence against someone forging files in the user's own cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import zlib
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from tuneup_tui.data.cache_text import coded_arrays, coded_text, coded_values, text_arrays
from tuneup_tui.data.cache_text import plain_text as _plain_text
from tuneup_tui.data.pack_parse import ParsedTable
from tuneup_tui.data.period import Period
from tuneup_tui.data.raw import SourceFile
from tuneup_tui.fsutil import PRIVATE_FILE, current_umask, private_folder

FORMAT = 1
"""The layout of an entry; part of `reader_version`."""
_CHUNK = 1 << 24
_ALIGN = 64
_NUMERIC = {"float64", "bool", "int64", "datetime64[us]"}
_SKIPPED_DIRS = {"sample"}
"""Data-layer packages that are not the reader (the sample generator): their changes keep
entries."""


def cached_table(source_file: SourceFile, read: Callable[[], ParsedTable],
                 folder: Path | None = None) -> ParsedTable:
    """`read()`'s table for `source_file`, from the cache when the file is unchanged; else
    read, and kept for next time."""
    path = source_file.path
    try:
        before = os.stat(path)
    except OSError:
        return read()
    entry = Entry(folder or default_folder(), source_file)
    digest = _hash_in_background(path)
    table = entry.load(before)
    if table is not None and digest.result() == entry.digest and _same(before, path):
        return table
    table = read()
    _writer().submit(_keep, entry, table, before, digest)
    return table


def wait_for_writes() -> None:
    """Return once every entry asked for so far is written (or given up). The process waits
    for them anyway when it ends; the data bench calls this so its clock counts them."""
    _writer().submit(lambda: None).result()


def default_folder() -> Path:
    from tuneup_tui.paths import cache_dir

    return cache_dir() / "sources"


@lru_cache(maxsize=1)
def reader_version() -> str:
    """A hash of the data layer's source (sample generator aside), numpy's and pandas' versions
    and the entry format: entries made by other code are not used."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"{FORMAT} {np.__version__} {pd.__version__}".encode())
    for file in sorted(root.rglob("*.py")):
        relative = file.relative_to(root)
        if relative.parts[0] in _SKIPPED_DIRS:
            continue
        digest.update(str(relative).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:24]


def file_crc(path: Path) -> int:
    """The CRC-32 of a file's bytes, read in chunks (zlib releases the GIL on large buffers)."""
    crc = 0
    buffer = bytearray(_CHUNK)
    view = memoryview(buffer)
    with open(path, "rb", buffering=0) as handle:
        while True:
            size = handle.readinto(buffer)
            if not size:
                return crc
            crc = zlib.crc32(view[:size], crc)


class Entry:
    """The cache entry of one source file: load it if it is still good, store a fresh one."""

    def __init__(self, folder: Path, source_file: SourceFile) -> None:
        self.folder = folder
        self.source_file = source_file
        self.identity = _identity(source_file)
        key = hashlib.sha256(json.dumps(self.identity).encode()).hexdigest()[:32]
        self.manifest_path = folder / f"{key}.json"
        self.data_path = folder / f"{key}.bin"
        self.digest: int | None = None
        """The file CRC-32 the entry was made from (None until a manifest is read)."""

    def load(self, stat: os.stat_result) -> ParsedTable | None:
        """The table, when the entry matches the file's identity, stat and reader version and
        its bytes are whole; None otherwise (the caller checks the file's CRC-32)."""
        try:
            manifest = json.loads(self.manifest_path.read_bytes())
            if not _manifest_ok(manifest, self.identity, stat):
                return None
            data = _read_checked(self.data_path, manifest["data"])
            if data is None:
                return None
            table = _table(manifest, data, self.source_file)
        except (OSError, ValueError, KeyError, TypeError, IndexError, UnicodeDecodeError):
            return None  # a damaged or foreign entry is a miss, never an error
        self.digest = manifest["file"]["crc32"]
        return table

    def store(self, table: ParsedTable, stat: os.stat_result, crc: int) -> None:
        """Keep `table` for the file whose stat and CRC-32 are given; a table the format can't
        hold exactly, or a cache that can't be written, is left alone."""
        columns = _columns(table.frame, table.coded)
        if columns is None or table.file != self.source_file.path:
            return
        try:
            private_folder(self.folder)
            described, data = _write_arrays(self.data_path, columns)
            manifest: dict[str, Any] = {
                "identity": self.identity,
                "file": {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "crc32": crc},
                "data": data,
                "rows": len(table.frame),
                "columns": described,
                "table": {"preset": table.preset, "dropped": list(table.dropped),
                          "notes": list(table.notes), "period": _period_json(table.period),
                          "set_aside": list(table.set_aside), "places": list(table.places)},
            }
            manifest["checksum"] = _checksum(manifest)
            _replace(self.manifest_path, json.dumps(manifest).encode())
        except OSError:
            return


def _write_arrays(path: Path, columns: list[tuple[str, str, list[np.ndarray]]]
                  ) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The columns' arrays one after the other (each at a 64-byte boundary) into `path`, through
    a temporary file and a rename; where each lies, and the file's size and CRC-32."""
    import tempfile

    described: list[dict[str, Any]] = []
    offset = crc = 0
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            for name, kind, parts in columns:
                spans = []
                for part in parts:
                    array = np.ascontiguousarray(part)
                    raw = array.view(np.uint8).reshape(-1).data
                    pad = b"\0" * (_padded_size(len(raw)) - len(raw))
                    handle.write(raw)
                    handle.write(pad)
                    crc = zlib.crc32(pad, zlib.crc32(raw, crc))
                    spans.append({"offset": offset, "dtype": array.dtype.str,
                                  "count": int(array.size)})
                    offset += len(raw) + len(pad)
                described.append({"name": name, "kind": kind, "arrays": spans})
        os.chmod(tmp, PRIVATE_FILE & ~current_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return described, {"size": offset, "crc32": crc}


def _identity(source_file: SourceFile) -> dict[str, Any]:
    return {"version": reader_version(), "path": str(Path(source_file.path).resolve()),
            "source": source_file.source, "preset": source_file.preset,
            "options": json.loads(json.dumps(dict(source_file.options), sort_keys=True,
                                             default=_plain))}


def _plain(value: object) -> object:
    if isinstance(value, Period):
        return _period_json(value)
    return repr(value)


def _period_json(period: Period | None) -> list[str] | None:
    if period is None:
        return None
    return [period.start.isoformat(), period.end.isoformat(), period.kind]


@lru_cache(maxsize=1)
def _writer() -> ThreadPoolExecutor:
    """The one thread that writes entries, while the pack reads its next file (pandas' parser
    and file writes leave the interpreter free). Python waits for its queue when it ends."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="tuneup-source-cache")


def _keep(entry: Entry, table: ParsedTable, before: os.stat_result,
          digest: Future[int | None]) -> None:
    """Store `table` once the file's CRC-32 is known, if the file did not change meanwhile."""
    content = digest.result()
    if content is not None and _same(before, entry.source_file.path):
        entry.store(table, before, content)


def _hash_in_background(path: Path) -> Future[int | None]:
    """The file's CRC-32, worked out in a thread while the cache entry is loaded or the file is
    parsed (both cores: zlib and file reads release the GIL)."""
    future: Future[int | None] = Future()

    def work() -> None:
        try:
            future.set_result(file_crc(path))
        except OSError:
            future.set_result(None)

    threading.Thread(target=work, name="tuneup-file-crc", daemon=True).start()
    return future


def _replace(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and a rename, readable by the owner only
    (the entry holds the team's data). Not synced to disk: a torn entry fails its CRC and is
    made again, which costs less than syncing every open."""
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, PRIVATE_FILE & ~current_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _same(before: os.stat_result, path: Path) -> bool:
    """Whether the file still has the size and modification time it had when reading began."""
    try:
        after = os.stat(path)
    except OSError:
        return False
    return (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def _manifest_ok(manifest: Any, identity: dict[str, Any], stat: os.stat_result) -> bool:
    if not isinstance(manifest, dict) or manifest.get("checksum") != _checksum(manifest):
        return False
    file = manifest["file"]
    return (manifest["identity"] == identity and file["size"] == stat.st_size
            and file["mtime_ns"] == stat.st_mtime_ns)


def _checksum(manifest: dict[str, Any]) -> str:
    body = {k: v for k, v in manifest.items() if k != "checksum"}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def _read_checked(path: Path, expected: dict[str, int]) -> bytearray | None:
    size = expected["size"]
    data = bytearray(size)
    with open(path, "rb", buffering=0) as handle:
        got = handle.readinto(data)
        if got != size or handle.read(1):
            return None
    return data if zlib.crc32(data) == expected["crc32"] else None


def _columns(frame: pd.DataFrame, coded: Mapping[str, tuple[np.ndarray, list[str]]] | None = None
             ) -> list[tuple[str, str, list[np.ndarray]]] | None:
    """Each column as the arrays that hold it exactly (a text column the reader had as codes,
    from those: `coded`); None when one can't be held so."""
    coded = coded or {}
    if not isinstance(frame.index, pd.RangeIndex) or frame.index.start != 0 \
            or frame.index.step != 1 or frame.attrs or not frame.columns.is_unique:
        return None
    out: list[tuple[str, str, list[np.ndarray]]] = []
    for name in frame.columns:
        column = frame[name]
        dtype = str(column.dtype)
        if dtype in _NUMERIC:
            values = column.to_numpy()
            out.append((str(name), dtype, [values.view("int64") if values.dtype.kind == "M"
                                           else values]))
        elif dtype == "str" and column.dtype == pd.StringDtype("python", na_value=np.nan):
            given = coded.get(str(name))
            parts = ("str", coded_arrays(*given)) if given is not None \
                and len(given[0]) == len(column) else text_arrays(column.to_numpy())
            if parts is None:
                return None
            out.append((str(name), parts[0], parts[1]))
        else:
            return None
    return out


def _padded_size(nbytes: int) -> int:
    return -(-nbytes // _ALIGN) * _ALIGN


def _array(data: bytearray, span: dict[str, Any]) -> np.ndarray:
    dtype = np.dtype(span["dtype"])
    if dtype.hasobject or dtype.kind not in "biufM":
        raise ValueError(f"not a plain array type: {dtype}")
    return np.frombuffer(data, dtype=dtype, count=int(span["count"]),
                         offset=int(span["offset"]))


def _table(manifest: dict[str, Any], data: bytearray, source_file: SourceFile) -> ParsedTable:
    rows = int(manifest["rows"])
    columns: dict[str, pd.Series] = {}
    coded: dict[str, tuple[np.ndarray, list[str]]] = {}
    for column in manifest["columns"]:
        kind = column["kind"]
        spans = column["arrays"]
        if kind == "str":
            codes, blob, lengths = (_array(data, s) for s in spans)
            distinct = coded_values(blob, lengths)
            columns[column["name"]] = coded_text(codes, distinct)
            coded[column["name"]] = (codes, distinct)
        elif kind == "plain":
            columns[column["name"]] = _plain_text(*(_array(data, s) for s in spans))
        elif kind == "datetime64[us]":
            columns[column["name"]] = pd.Series(_array(data, spans[0]).view("datetime64[us]"),
                                                copy=False)
        elif kind in _NUMERIC:
            values = _array(data, spans[0])
            if str(values.dtype) != kind:
                raise ValueError(f"column {column['name']!r} is {values.dtype}, not {kind}")
            columns[column["name"]] = pd.Series(values, copy=False)
        else:
            raise ValueError(f"unknown column kind {kind!r}")
        if len(columns[column["name"]]) != rows:
            raise ValueError(f"column {column['name']!r} is not {rows} rows long")
    frame = pd.DataFrame(columns, copy=False)
    if not columns:
        frame = pd.DataFrame(index=pd.RangeIndex(rows))
    info = manifest["table"]
    period = info["period"]
    return ParsedTable(
        file=source_file.path, preset=str(info["preset"]), frame=frame,
        dropped=_texts(info["dropped"]), notes=_texts(info["notes"]),
        period=None if period is None else _period(period),
        set_aside=_texts(info["set_aside"]), places=_texts(info["places"]), coded=coded)


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise ValueError("expected a list of lines")
    return tuple(value)


def _period(value: list[str]) -> Period:
    from datetime import date

    start, end, kind = value
    if kind == "week":
        return Period(date.fromisoformat(start), date.fromisoformat(end), "week")
    if kind == "month":
        return Period(date.fromisoformat(start), date.fromisoformat(end), "month")
    raise ValueError(f"unknown period kind {kind!r}")
