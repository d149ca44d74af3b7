"""The connection plumbing every part of `RunStore` shares: open, migrate, lock, write, read.

One store object holds one connection guarded by a re-entrant lock, so the console may call it
from its UI thread and from worker threads alike (sqlite3's `check_same_thread` is off for that
reason; the lock is what makes it safe).

The store is an SQLite file, or a PostgreSQL database when its address is a
`postgresql://` one (see `store.pg`); the same SQL serves both. The shared store's code is
read only when a shared store is opened: the console opens its store before its first frame.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from tuneup_tui.paths import is_shared_address
from tuneup_tui.store.connection import StoreBusy, connect, run_write, run_write_at_once
from tuneup_tui.store.errors import StoreError
from tuneup_tui.store.health import (
    NotAStore,
    backup_before_migration,
    kept,
    read_only,
    read_only_advice,
    refuse_if_not_a_store,
)
from tuneup_tui.store.models import ACTION_STATUSES
from tuneup_tui.store.schema import SchemaTooNew, migrate

if TYPE_CHECKING:
    from tuneup_tui.store.pg import PgConnection

T = TypeVar("T")


class StoreBase:
    """An open, migrated store file and the helpers to read and write it."""

    def __init__(self, path: Path | str, *,
                 now: Callable[[], datetime] = datetime.now, checked: bool = False) -> None:
        self._now = now
        """Where created_at/updated_at come from (tests pass a fixed clock)."""
        self._lock = threading.RLock()
        self._at_once = threading.local()
        """Per thread: whether writes refuse at once rather than wait (`without_waiting`)."""
        self._closed = True
        self.shared = is_shared_address(path)
        """Whether the store is PostgreSQL (a shared store) rather than an SQLite file."""
        if self.shared:
            self.address = str(path)
            self.path = Path()
            self._open_shared()
            return
        self.path = Path(path)
        self.address = str(self.path)
        try:
            if not checked:
                # Read with Python's own file calls, which must not touch a store this process
                # has open already: closing that file drops SQLite's locks on it (POSIX locks
                # are the process's), and another program would then take the store for
                # unused and remove its WAL under this process's connections.
                refuse_if_not_a_store(self.path)
            self._conn = connect(self.path)
        except NotAStore as err:
            raise StoreError(str(err)) from err
        except (sqlite3.Error, OSError, StoreBusy) as err:
            raise self._open_error(err) from err
        self._conn.row_factory = sqlite3.Row
        try:
            migrate(self._conn, before=self._backup)
        except SchemaTooNew as err:
            self._conn.close()
            raise StoreError(f"{self.path}: {err}; upgrade tuneup to open it "
                             "(the file is kept as it is)") from err
        except (sqlite3.Error, OSError, StoreBusy) as err:
            self._conn.close()
            raise self._open_error(err) from err
        self._closed = False

    def _open_error(self, err: BaseException) -> StoreError:
        """Why the store could not be opened, in one line: a read-only folder said as such
        (SQLite's "unable to open database file" would send the user after a damaged file)."""
        reason = read_only(self.path)
        if reason is not None:
            return StoreError(read_only_advice(self.path, reason))
        return StoreError(f"cannot open the run store {self.path}: {err}; {kept(self.path)}")

    def _backup(self, version: int) -> None:
        """Keep a copy of an existing store before migrating it (see store.health)."""
        backup_before_migration(self._conn, self.path, version)

    def _open_shared(self) -> None:
        from tuneup_tui.store import pg
        from tuneup_tui.store.outbox import install_feed

        self._conn = cast(sqlite3.Connection, pg.PgConnection(self.address))
        try:
            migrate(self._conn)
            cast(pg.PgConnection, self._conn).write(install_feed)
        except SchemaTooNew as err:
            self._conn.close()
            raise StoreError(f"{err}; upgrade tuneup") from err
        except StoreError:
            self._conn.close()
            raise
        self._closed = False

    @property
    def where(self) -> str:
        """The store as messages name it (a shared store's password left out)."""
        if not self.shared:
            return str(self.path)
        from tuneup_tui.store.pg import shown

        return shown(self.address)

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._conn.close()
                self._closed = True

    def data_version(self) -> int:
        """A cheap number that changes when another connection commits (PRAGMA data_version;
        on PostgreSQL the change counter every write bumps)."""
        row = self._one("SELECT counter FROM store_changes" if self.shared
                        else "PRAGMA data_version")
        assert row is not None
        return int(row[0])

    @contextmanager
    def without_waiting(self) -> Iterator[None]:
        """Writes made by this thread inside refuse at once (StoreError from StoreBusy) when
        another program holds the lock, instead of waiting for it (see store.write_behind)."""
        self._at_once.on = True
        try:
            yield
        finally:
            self._at_once.on = False

    def _write(self, body: Callable[[sqlite3.Connection], T]) -> T:
        """Run `body` in one write transaction (BEGIN IMMEDIATE ... COMMIT, retried if busy)."""
        with self._guard():
            if self.shared:
                # The PostgreSQL connection answers the same calls the bodies make of sqlite3.
                shared = cast("PgConnection", self._conn)
                return shared.write(cast("Callable[[PgConnection], T]", body))
            if getattr(self._at_once, "on", False):
                return run_write_at_once(self._conn, body)
            return run_write(self._conn, body)

    def _one(self, sql: str, params: tuple[Any, ...] = ()) -> sqlite3.Row | None:
        with self._guard():
            row: sqlite3.Row | None = self._conn.execute(sql, params).fetchone()
            return row

    def _all(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._guard():
            return list(self._conn.execute(sql, params).fetchall())

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Hold the lock; turn a store that stayed locked into one plain StoreError."""
        with self._lock:
            if self._closed:
                raise StoreError("the run store is closed")
            try:
                yield
            except StoreBusy as err:
                raise StoreError(
                    f"the run store {self.where} stayed busy (another tuneup is writing); "
                    "nothing was saved, try again") from err
            except sqlite3.OperationalError as err:
                raise StoreError(f"the run store {self.where}: {err}") from err
            except sqlite3.DatabaseError as err:
                # "database disk image is malformed", "file is not a database": the file is
                # damaged; say so and leave it as it is.
                raise StoreError(f"the run store {self.where} is damaged ({err}); "
                                 f"{kept(self.path)}") from err

    @staticmethod
    def _require_run(conn: sqlite3.Connection, run_id: int) -> None:
        if conn.execute("SELECT 1 FROM runs WHERE id = ?", (run_id,)).fetchone() is None:
            raise StoreError(f"no run {run_id}; see `tuneup runs`")

    @staticmethod
    def _check_status(status: str) -> None:
        if status not in ACTION_STATUSES:
            raise StoreError(
                f"status must be one of {', '.join(ACTION_STATUSES)}, got {status!r}")
