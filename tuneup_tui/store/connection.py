"""Opening the run store file safely, and writing to it while other processes do too.

The store is shared by the facilitator's console, `tuneup log` in other terminals and the
attendee app, so a write may find the database locked for a moment. SQLite's busy timeout waits
for most of those; `write_transaction` retries the rest so that "database is locked" never reaches
a user. The file and its folder are created readable by their owner only.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

BUSY_TIMEOUT_MS = 5000
"""How long SQLite itself waits on a lock before giving up on one attempt."""
WRITE_ATTEMPTS = 12
"""Attempts at a write transaction (each waits up to BUSY_TIMEOUT_MS) before it is refused."""

T = TypeVar("T")


class StoreBusy(Exception):
    """Every attempt at a write found the store locked by another process."""


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the store at `path`: WAL, foreign keys, full sync, owner-only.

    The connection is in autocommit mode (`isolation_level=None`): every write goes through
    `write_transaction`, which begins and commits explicitly.
    """
    _make_private_folder(path.parent)
    # The umask makes the file and the -wal/-shm files SQLite creates beside it owner-only from
    # their first byte; chmod afterwards would leave a window where another user could open them.
    old_umask = os.umask(0o077)
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                               timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
            # FULL: in WAL mode every commit is fsynced, so "committed" means "on disk" even if
            # the laptop loses power; NORMAL could lose the last commits. Writes are small and few.
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            conn.close()
            raise
    finally:
        os.umask(old_umask)
    _tighten(path)
    return conn


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on error.

    Only the BEGIN is retried here (see `run_write` for retrying the whole body): taking the write
    lock up front means the body itself never meets a lock.
    """
    _retry(lambda: conn.execute("BEGIN IMMEDIATE"))
    try:
        yield conn
        _retry(lambda: conn.execute("COMMIT"))
    except BaseException:
        # Also when COMMIT itself gave up: never leave the connection inside a transaction.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def run_write(conn: sqlite3.Connection, body: Callable[[sqlite3.Connection], T]) -> T:
    """Run `body` inside one write transaction and return what it returns."""
    with write_transaction(conn):
        return body(conn)


def run_write_at_once(conn: sqlite3.Connection, body: Callable[[sqlite3.Connection], T]) -> T:
    """`run_write`, but StoreBusy at once when another connection holds the write lock."""
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            if is_busy(err):
                raise StoreBusy(str(err)) from err
            raise
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    try:
        result = body(conn)
        _retry(lambda: conn.execute("COMMIT"))
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return result


def is_busy(err: sqlite3.OperationalError) -> bool:
    """Whether an error only means another connection holds the lock right now."""
    text = str(err).lower()
    return "locked" in text or "busy" in text


def _retry(step: Callable[[], T]) -> T:
    """Run `step`, retrying with a short jittered back-off while the database is busy."""
    for attempt in range(WRITE_ATTEMPTS):
        try:
            return step()
        except sqlite3.OperationalError as err:
            if not is_busy(err) or attempt == WRITE_ATTEMPTS - 1:
                if is_busy(err):
                    raise StoreBusy(str(err)) from err
                raise
            # Jitter so that processes that collided do not collide again in step.
            time.sleep(min(0.05 * (2**attempt), 1.0) * (0.5 + random.random()))
    raise AssertionError("unreachable")


def _make_private_folder(folder: Path) -> None:
    if folder.exists():
        return
    folder.mkdir(parents=True, mode=0o700, exist_ok=True)
    # mkdir's mode is filtered by the umask; set it exactly.
    os.chmod(folder, 0o700)


def _tighten(path: Path) -> None:
    """Make an existing store file owner-only (an older copy may have been made looser)."""
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if candidate.exists() and candidate.stat().st_mode & 0o077:
                os.chmod(candidate, 0o600)
        except OSError:
            # Not ours to change (another user's file opened read-only): leave it.
            pass
