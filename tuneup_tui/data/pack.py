"""The data pack: a folder of the team's exports, each source read once, lazily.

`DataPack.open(folder)` finds the files; `pack.frame("traffic")` reads, parses and validates a
source the first time it is asked for and caches it. A source that is missing or broken raises
`DataError` for that source only. `DataPack.from_frames` builds a pack from DataFrames (tests,
generated samples) through the same parsing and validation.

What `frame(source)` gives (see data/sources.py): every schema column, in schema order, typed
by kind; optional columns the files lack are there, all missing. Rows of a file that carries no
dates but covers a known period (a report's preamble says "Nov 16 - Nov 22") are dated at the
period's first day.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.pack_summary import SourceSummary, summarise
from tuneup_tui.data.sources import SOURCES

if TYPE_CHECKING:
    import pandas as pd

    from tuneup_tui.data.discover import Discovery, RawTable
    from tuneup_tui.data.pack_parse import ParsedTable

T = TypeVar("T")


class DataPack:
    """The team's data for one run: canonical sources by name."""

    def __init__(
        self,
        root: Path | None = None,
        *,
        frames: Mapping[str, pd.DataFrame] | None = None,
    ) -> None:
        self.root = root
        self._raw = dict(frames or {})
        self._cache: dict[str, pd.DataFrame] = {}
        self._errors: dict[str, DataError] = {}
        self._tables: dict[str, tuple[ParsedTable, ...]] = {}
        self._discovery: Discovery | None = None
        self._lock = threading.RLock()
        # One lock per source: two panels waiting on different sources read them side by side.
        self._source_locks = {name: threading.Lock() for name in SOURCES}
        self._derived: dict[Hashable, object] = {}
        self._derived_locks: dict[Hashable, threading.RLock] = {}

    @classmethod
    def open(cls, root: Path) -> DataPack:
        """A pack over the folder `root` (nothing is read yet)."""
        return cls(Path(root))

    @classmethod
    def from_frames(cls, frames: Mapping[str, pd.DataFrame]) -> DataPack:
        """A pack over in-memory frames, parsed and validated like files."""
        return cls(None, frames=frames)

    def frame(self, source: str) -> pd.DataFrame:
        """The parsed frame of `source`; raises DataError if it is missing or broken."""
        if source not in SOURCES:
            raise DataError(source, f"unknown source; known: {', '.join(SOURCES)}")
        with self._source_locks[source]:
            if source in self._cache:
                return self._cache[source]
            if source in self._errors:
                raise self._errors[source]
            try:
                df = self._load(source)
            except DataError as err:
                self._errors[source] = err
                raise
            except Exception as err:  # a reader bug stays this source's problem
                wrapped = DataError(source, f"could not read ({type(err).__name__}: {err})")
                self._errors[source] = wrapped
                raise wrapped from err
            self._cache[source] = df
            return df

    def derived(self, key: Hashable, build: Callable[[], T]) -> T:
        """What `build()` returns, built once per pack and shared by every caller of `key`.

        For what several panels work out from the same frames (each lead once, leads joined to
        their CRM row, names folded for matching): the first caller builds it, callers waiting
        on the same key get that result, and other keys are built side by side. A build that
        raises is not kept (the next caller tries again; sources keep their own errors). What is
        returned is shared: callers must not change it in place.
        """
        with self._lock:
            if key in self._derived:
                return self._derived[key]  # type: ignore[return-value]
            lock = self._derived_locks.setdefault(key, threading.RLock())
        with lock:
            with self._lock:
                if key in self._derived:
                    return self._derived[key]  # type: ignore[return-value]
            value = build()
            with self._lock:
                self._derived[key] = value
            return value

    def has(self, source: str) -> bool:
        """Whether the pack holds anything for `source` (without reading it)."""
        if self.root is None:
            return source in self._raw
        return bool(self.discovery().files.get(source))

    def discovery(self) -> Discovery:
        """Which files feed which source (found once, on first use)."""
        from tuneup_tui.data.discover import Discovery, discover

        with self._lock:
            if self._discovery is None:
                if self.root is None:
                    self._discovery = Discovery({})
                else:
                    try:
                        self._discovery = discover(self.root)
                    except Exception as err:  # a preset bug must not hide the canonical files
                        self._discovery = _canonical_only(self.root, err)
            return self._discovery

    def notes(self, source: str) -> tuple[str, ...]:
        """What was assumed while reading `source` (e.g. month-first dates); () if unread."""
        with self._lock:
            tables = self._tables.get(source, ())
        return tuple(note for t in tables for note in t.notes)

    def error(self, source: str) -> DataError | None:
        """The source's error once it has been tried and failed, else None (does not read)."""
        with self._lock:
            return self._errors.get(source)

    def errors(self) -> dict[str, str]:
        """Every present source that fails to read, with its one-line error (reads them all)."""
        failed: dict[str, str] = {}
        for source in SOURCES:
            if not self.has(source):
                continue
            try:
                self.frame(source)
            except DataError as err:
                failed[source] = str(err)
        return failed

    def describe(self) -> dict[str, SourceSummary]:
        """Per source: its files, preset, rows, dates covered, dropped lines, notes or error."""
        summaries: dict[str, SourceSummary] = {}
        for source in SOURCES:
            try:
                df = self.frame(source) if self.has(source) else None
                error = None if df is not None else str(self._missing(source))
            except DataError as err:
                df, error = None, str(err)
            with self._lock:
                tables = self._tables.get(source, ())
            files = tuple(str(f.path) for f in self.discovery().files.get(source, ()))
            summaries[source] = summarise(source, df, tables, files, error)
        return summaries

    def _load(self, source: str) -> pd.DataFrame:
        # pandas is imported here, on first read, not when the pack is opened: the console
        # draws its first frame before pandas is loaded.
        from tuneup_tui.data.pack_parse import in_memory_table, parse_table, stack

        schema = SOURCES[source]
        tables: list[ParsedTable] = []
        if self.root is None:
            if source not in self._raw:
                raise self._missing(source)
            tables.append(parse_table(in_memory_table(source, self._raw[source]), schema))
        else:
            files = self.discovery().files.get(source, ())
            if not files:
                raise self._missing(source)
            for source_file in files:
                raw: RawTable = source_file.read()
                tables.append(parse_table(raw, schema))
        with self._lock:
            self._tables[source] = tuple(tables)
        return stack(tables, schema)

    def _missing(self, source: str) -> DataError:
        if self.root is None:
            return DataError(source, f"no {source} data in this pack")
        return DataError(source, f"no {source} data: expected {source}.csv in {self.root} "
                                 "(or a recognised export)")


def _canonical_only(root: Path, err: Exception) -> Discovery:
    """The `<source>.csv` files alone, when recognising real exports failed."""
    from tuneup_tui.data.discover import Discovery, SourceFile

    files: dict[str, tuple[SourceFile, ...]] = {}
    if root.is_dir():
        by_name = {p.name.casefold(): p for p in sorted(root.iterdir()) if p.is_file()}
        for source in SOURCES:
            path = by_name.get(f"{source}.csv")
            if path is not None:
                files[source] = (SourceFile(source, path),)
    reason = f"recognising exports failed ({type(err).__name__}: {err}); read canonical files only"
    return Discovery(files, unplaced=(reason,))
