"""The data pack: a folder of the team's exports, each source read once, lazily.

`DataPack.open(folder)` finds the files; `pack.frame("traffic")` reads, parses and validates a
source the first time it is asked for and caches it. A source that is missing or broken raises
`DataError` for that source only. `DataPack.from_frames` builds a pack from DataFrames (tests,
generated samples) through the same parsing and validation.

What `frame(source)` gives (see data/sources.py): every schema column, in schema order, typed
by kind; optional columns the files lack are there, all missing. Rows of a file that carries no
dates but covers a known range (a report's preamble says "Nov 16 - Nov 22") are dated at the
range's first day.

A file that cannot be used is set aside with its reason and the source carries on with its other
files (`set_aside`); only when none is usable does the source fail. While a panel is computed
for a review period (`reviewing`), a file dated only by its range is used when the range lies
within one period of the review's kind (a week, a month); a longer range cannot honestly be
split into weeks, so its rows are left out and `warnings` says so in one line.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.pack_summary import SourceSummary, summarise
from tuneup_tui.data.period import Period, PeriodKind
from tuneup_tui.data.ranges import aside_line, ranged_rows
from tuneup_tui.data.sources import SOURCES, SourceSchema

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from tuneup_tui.data.currency import Currencies
    from tuneup_tui.data.discover import Discovery
    from tuneup_tui.data.pack_parse import ParsedTable
    from tuneup_tui.data.raw import RawTable, SourceFile

T = TypeVar("T")

_REVIEW: ContextVar[PeriodKind | None] = ContextVar("tuneup_review_kind", default=None)
"""The kind of review period a panel is being computed for, in this thread (see `reviewing`)."""
_USED: ContextVar[set[str] | None] = ContextVar("tuneup_sources_used", default=None)
"""The sources read while `reviewing`, so a panel can carry their warnings."""


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
        self._codes: dict[str, Mapping[str, tuple[np.ndarray, list[str]]]] = {}
        self._set_aside: dict[str, tuple[str, ...]] = {}
        self._fitted: dict[tuple[str, str], tuple[pd.DataFrame | DataError, tuple[str, ...]]] = {}
        self._discovery: Discovery | None = None
        self._lock = threading.RLock()
        # One lock per source: two panels waiting on different sources read them side by side.
        self._source_locks = {name: threading.Lock() for name in SOURCES}
        self._derived: dict[Hashable, object] = {}
        self._derived_locks: dict[Hashable, threading.RLock] = {}
        self._derived_sources: dict[Hashable, frozenset[str]] = {}

    @classmethod
    def open(cls, root: Path) -> DataPack:
        """A pack over the folder `root` (nothing is read yet)."""
        return cls(Path(root))

    @classmethod
    def from_frames(cls, frames: Mapping[str, pd.DataFrame]) -> DataPack:
        """A pack over in-memory frames, parsed and validated like files."""
        return cls(None, frames=frames)

    def frame(self, source: str) -> pd.DataFrame:
        """The parsed frame of `source`; raises DataError if it is missing or broken.

        While `reviewing` a kind of period, rows of files dated only by a range longer than
        one such period are left out (see `warnings`).
        """
        if source not in SOURCES:
            raise DataError(source, f"unknown source; known: {', '.join(SOURCES)}")
        used = _USED.get()
        if used is not None:
            used.add(source)
        full = self._full_frame(source)
        kind = _REVIEW.get()
        if kind is None:
            return full
        fitted, _ = self._fit(source, full, kind)
        if isinstance(fitted, DataError):
            raise fitted
        return fitted

    @contextmanager
    def reviewing(self, period: Period) -> Iterator[set[str]]:
        """Within this block (in this thread), frames are fitted to `period`'s kind; yields the
        set of sources read, filled as the block reads them."""
        used: set[str] = set()
        kind_token = _REVIEW.set(period.kind)
        used_token = _USED.set(used)
        try:
            yield used
        finally:
            _USED.reset(used_token)
            _REVIEW.reset(kind_token)

    def warnings(self, sources: Iterable[str], kind: PeriodKind | None = None) -> tuple[str, ...]:
        """One line per file of `sources` that was set aside, or left out of a review of
        `kind` (its range spans more than one period), and per column holding values no
        export means (data.plausible), for a panel to show."""
        lines: list[str] = []
        for source in SOURCES:
            if source not in sources:
                continue
            with self._lock:
                if source in self._errors:
                    continue  # the source's own error says it
                lines.extend(self._set_aside.get(source, ()))
                fitted, left_out = self._fitted.get((source, kind), (None, ())) \
                    if kind is not None else (None, ())
                if not isinstance(fitted, DataError):
                    lines.extend(left_out)
                lines.extend(line for table in self._tables.get(source, ())
                             for line in table.implausible)
        return tuple(dict.fromkeys(lines))

    def currencies(self) -> Currencies | None:
        """datapack.toml's `[currency]` (None without one, or when the file is broken: the
        broken file is the sources' error)."""
        from tuneup_tui.data.datapack_toml import DatapackError, load_datapack

        if self.root is None:
            return None
        try:
            config = load_datapack(self.root)
        except DatapackError:
            return None
        return config.currency if config is not None else None

    def text_codes(self, source: str, column: str, frame: pd.DataFrame
                   ) -> tuple[np.ndarray, list[str]] | None:
        """The codes the reader had for the text `column` of `source` (a big file's repeating
        text is read as codes into the values met, and the cache of parsed sources keeps it
        so), when `frame` is the source's whole frame: each row's code into the values (-1:
        missing), the column's cell being the value its code points to. The values are as
        read (two may be the same text, some may be used by no row). None when the reader
        had none or `frame` is another frame (a part, a review's fitted rows)."""
        with self._lock:
            if self._cache.get(source) is not frame:
                return None
            return self._codes.get(source, {}).get(column)

    def row_places(self, source: str) -> tuple[str, ...]:
        """For a lenient source (see sources.py) once read, where each row of its frame stands
        ("targets.csv row 5"), so a later check of a row can name it; () otherwise."""
        with self._lock:
            tables = self._tables.get(source, ())
        return tuple(place for t in tables for place in t.places)

    def set_aside(self, source: str) -> tuple[str, ...]:
        """The files of `source` that could not be used, one line each ("file: reason")."""
        with self._lock:
            return self._set_aside.get(source, ())

    def _full_frame(self, source: str) -> pd.DataFrame:
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
        returned is shared: callers must not change it in place. The sources the build read
        count as read by every caller (`reviewing`), so each panel using the value carries
        their notes (a file set aside, values no export means), not only the first.
        """
        with self._lock:
            if key in self._derived:
                return self._kept(key)  # type: ignore[return-value]
            lock = self._derived_locks.setdefault(key, threading.RLock())
        with lock:
            with self._lock:
                if key in self._derived:
                    return self._kept(key)  # type: ignore[return-value]
            read: set[str] = set()
            token = _USED.set(read)  # the sources the build reads, kept with what it makes
            try:
                value = build()
            finally:
                _USED.reset(token)
            with self._lock:
                self._derived[key] = value
                self._derived_sources[key] = frozenset(read)
            _note_read(read)
            return value

    def _kept(self, key: Hashable) -> object:
        """A value built before (the pack's lock held); its sources count as read again, so
        every panel that uses it carries their notes (a file set aside, values no export
        means), not only the first."""
        _note_read(self._derived_sources.get(key, frozenset()))
        return self._derived[key]

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
            summaries[source] = summarise(source, df, tables, files, error,
                                          self.set_aside(source))
        return summaries

    def _load(self, source: str) -> pd.DataFrame:
        # pandas is imported here, on first read, not when the pack is opened: the console
        # draws its first frame before pandas is loaded.
        from tuneup_tui.data.memory_pages import small_pages
        from tuneup_tui.data.pack_parse import in_memory_table, parse_table, stack
        from tuneup_tui.data.presets.registry import read_source
        from tuneup_tui.data.source_cache import cached_table

        small_pages()
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
            failed: list[DataError] = []
            for source_file in files:
                try:
                    tables.append(cached_table(source_file, partial(
                        _read_and_parse, source_file, read_source, parse_table, schema)))
                except DataError as err:
                    failed.append(err)
                except Exception as err:  # a preset bug sets its file aside, like a bad file
                    failed.append(DataError(source, f"could not read ({type(err).__name__}: "
                                                    f"{err})".splitlines()[0],
                                            file=source_file.path))
            with self._lock:
                self._set_aside[source] = tuple(aside_line(err) for err in failed)
            if failed and not tables:
                if len(failed) == 1:
                    raise failed[0]
                raise DataError(source, f"no usable file: {failed[0].detail} "
                                        f"(and {len(failed) - 1} more file(s) set aside)",
                                file=failed[0].file, row=failed[0].row,
                                column=failed[0].column)
        rows_aside = tuple(line for t in tables for line in t.set_aside)
        with self._lock:
            self._tables[source] = tuple(tables)
            # one file's frame is the source's frame, row for row: its codes hold
            self._codes[source] = tables[0].coded if len(tables) == 1 else {}
            if rows_aside:
                self._set_aside[source] = (*self._set_aside.get(source, ()), *rows_aside)
        return stack(tables, schema)

    def _fit(self, source: str, full: pd.DataFrame, kind: PeriodKind
             ) -> tuple[pd.DataFrame | DataError, tuple[str, ...]]:
        """`full` without the rows of files whose range spans more than one `kind` period."""
        key = (source, kind)
        with self._lock:
            if key in self._fitted:
                return self._fitted[key]
            tables = self._tables.get(source, ())
        keep, lines = ranged_rows(tables, kind, len(full))
        result: pd.DataFrame | DataError
        if keep is None:
            result = full
        elif not keep.any():
            result = DataError(source, lines[0] if len(lines) == 1 else
                               f"no usable rows: {lines[0]} (and {len(lines) - 1} more)")
        else:
            result = full[keep].reset_index(drop=True)
        with self._lock:
            self._fitted[key] = (result, tuple(lines))
        return result, tuple(lines)

    def _missing(self, source: str) -> DataError:
        if self.root is None:
            return DataError(source, f"no {source} data in this pack")
        return DataError(source, f"no {source} data: expected {source}.csv in {self.root} "
                                 "(or a recognised export)")


def _note_read(sources: Iterable[str]) -> None:
    """Count `sources` as read by the panel being computed in this thread, if any."""
    used = _USED.get()
    if used is not None:
        used.update(sources)


def _read_and_parse(source_file: SourceFile, read: Callable[[SourceFile], RawTable],
                    parse: Callable[[RawTable, SourceSchema], ParsedTable],
                    schema: SourceSchema) -> ParsedTable:
    return parse(read(source_file), schema)


def _canonical_only(root: Path, err: Exception) -> Discovery:
    """The `<source>.csv` files alone, when recognising real exports failed."""
    from tuneup_tui.data.discover import Discovery
    from tuneup_tui.data.raw import SourceFile

    files: dict[str, tuple[SourceFile, ...]] = {}
    if root.is_dir():
        by_name = {p.name.casefold(): p for p in sorted(root.iterdir()) if p.is_file()}
        for source in SOURCES:
            path = by_name.get(f"{source}.csv")
            if path is not None:
                files[source] = (SourceFile(source, path),)
    reason = f"recognising exports failed ({type(err).__name__}: {err}); read canonical files only"
    return Discovery(files, unplaced=(reason,))
