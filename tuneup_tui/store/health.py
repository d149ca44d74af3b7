"""Whether a file is a run store tuneup may open, and a copy kept before each migration.

A store that is not what it should be (empty, not an SQLite file, damaged, from a newer tuneup)
is never replaced, emptied or migrated: opening it is refused in one line that says the file is
kept as it is and where the copies are. `tuneup store check` reports the same in full.

Copies: before a migration changes an existing store, the whole store is copied (SQLite's online
backup, so a copy is whole even while other processes write) to `backups/` beside the store, as
`tuneup.db.v2.20261207T031500Z.db` (the schema version it was at, and the UTC time).
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
BACKUP_FOLDER = "backups"


class NotAStore(Exception):
    """The file at the store's path is not a run store tuneup may open; one line."""


def backups_dir(store: Path) -> Path:
    return store.parent / BACKUP_FOLDER


def refuse_if_not_a_store(path: Path) -> None:
    """NotAStore when `path` exists and cannot be a store; nothing when missing (a new store)
    or when it starts like one. Reads 16 bytes, so opening the console stays quick."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    if not _is_regular(info.st_mode):
        raise NotAStore(f"{path} is not a regular file; {kept(path)}")
    if info.st_size == 0:
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return  # Its pages are still in the WAL file: SQLite reads them from there.
        raise NotAStore(f"{path} is empty (0 bytes), not a run store; {kept(path)}")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotAStore(f"{path} is not a run store (it does not start as an SQLite file); "
                        f"{kept(path)}")


def read_only(path: Path) -> str | None:
    """Why the store at `path` can't be written, when its folder (where SQLite keeps the
    store's journal) or the file itself is read-only; None when both may be written."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the store would be made here: its nearest existing folder
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return f"{folder} is on a read-only file system"
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return f"the folder {folder} is read-only"
    if path.exists() and not os.access(path, os.W_OK):
        return f"the file {path} is read-only"
    return None


def read_only_advice(path: Path, reason: str) -> str:
    """The one line that says a store can't be written where it is, and what to do."""
    return (f"cannot write the run store {path}: {reason}; make it writable, or set "
            "TUNEUP_HOME to a folder tuneup may write in (nothing was changed)")


def kept(path: Path) -> str:
    """The closing words of every refusal: the file is kept; what to do about it."""
    folder = backups_dir(path)
    copies = f"copies made before migrations are in {folder}; " if folder.is_dir() else ""
    return (f"it is kept as it is; {copies}move it aside (or restore a copy) to go on; "
            "`tuneup store check` says more")


def backup_before_migration(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the whole store to backups/ before it is migrated from `version`; the copy's path."""
    folder = backups_dir(path)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{path.name}.v{version}.{stamp}.db"
    old_umask = os.umask(0o077)
    try:
        copy = sqlite3.connect(target)
        try:
            conn.backup(copy)
        finally:
            copy.close()
    finally:
        os.umask(old_umask)
    return target


def _is_regular(mode: int) -> bool:
    import stat

    return stat.S_ISREG(mode)
