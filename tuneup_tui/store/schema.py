"""The store's schema and its migrations, on SQLite and on PostgreSQL alike.

A new store is at version 0. Each migration takes the schema one version further, in its own
transaction together with the version bump, so a crash mid-migration leaves the store at the
version before it. Never edit a released migration: add the next one.

One history serves both engines. A migration is plain SQL written for SQLite with TEXT, INTEGER
and REAL columns; on PostgreSQL it is translated (`for_postgresql`): an id's
`INTEGER PRIMARY KEY AUTOINCREMENT` becomes an identity column, INTEGER a BIGINT, REAL a
DOUBLE PRECISION, and a column with no type (any number, in SQLite) a NUMERIC. SQLite keeps the
version in `PRAGMA user_version`; PostgreSQL in the one row of `schema_version`.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from typing import Any

from tuneup_tui.store.connection import write_transaction
from tuneup_tui.store.uids import add_uids
from tuneup_tui.store.utc import times_to_utc

_V1 = """
CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    series TEXT NOT NULL,
    cadence TEXT NOT NULL,
    agenda_toml TEXT NOT NULL,
    agenda_path TEXT,
    as_of TEXT NOT NULL,
    data_dir TEXT,
    mode TEXT NOT NULL,
    speed REAL NOT NULL,
    anchor TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE INDEX runs_series ON runs(series, started_at);

CREATE TABLE schedule_events (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE notes (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    session TEXT NOT NULL,
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (run_id, session)
);

CREATE TABLE action_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    owner TEXT NOT NULL,
    due TEXT,
    session TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    carried_from INTEGER REFERENCES action_items(id) ON DELETE SET NULL
);
CREATE INDEX action_items_run ON action_items(run_id);

CREATE TABLE soft_spots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    session TEXT,
    text TEXT NOT NULL,
    severity TEXT NOT NULL,
    owner TEXT,
    panel TEXT,
    finding_key TEXT,
    figures TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
);
CREATE INDEX soft_spots_run ON soft_spots(run_id);

-- Every recording is kept (the history is cheap); the latest row of a name in a run wins.
CREATE TABLE recorded_figures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    session TEXT,
    name TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
CREATE INDEX recorded_figures_run ON recorded_figures(run_id, name);
"""

# The value column has no declared type, so an integer stays an integer and a float a float.
_V2 = """
CREATE TABLE panel_figures (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    panel TEXT NOT NULL,
    name TEXT NOT NULL,
    value,
    PRIMARY KEY (run_id, panel, name)
);
"""

# A rehearsal (a run at another speed than 1, or started with --rehearsal) is kept apart from
# the real runs of its series: never carried over from or compared with unless asked. Runs
# recorded before this version were rehearsals when their clock ran at another speed.
# Every change to an action item (edit, close, reopen, delete) is kept with who made it and
# when; a deleted item leaves action_items, its last values stay here.
_V3 = """
ALTER TABLE runs ADD COLUMN rehearsal INTEGER NOT NULL DEFAULT 0;
UPDATE runs SET rehearsal = 1 WHERE speed <> 1;
CREATE TABLE action_item_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    action_id INTEGER NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    change TEXT NOT NULL,
    old_values TEXT NOT NULL DEFAULT '{}',
    new_values TEXT NOT NULL DEFAULT '{}',
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE INDEX action_item_changes_item ON action_item_changes(action_id);
"""


ID_TABLES: set[str] = set()
"""Tables whose rows have an `id` (an INSERT on PostgreSQL returns it, as sqlite3's lastrowid)."""

_ID_TABLE = re.compile(r"CREATE TABLE (\w+) \(\s*id INTEGER PRIMARY KEY AUTOINCREMENT",
                       re.IGNORECASE)


def _run_script(script: str) -> Callable[[Any], None]:
    """A migration that runs `script` statement by statement (inside the caller's transaction:
    `executescript` would commit first), translated when the store is PostgreSQL."""
    ID_TABLES.update(name.lower() for name in _ID_TABLE.findall(script))

    def migrate(conn: Any) -> None:
        text = script
        if not isinstance(conn, sqlite3.Connection):
            from tuneup_tui.store.dialect import for_postgresql  # read for a shared store only

            text = for_postgresql(script)
        for statement in _statements(text):
            conn.execute(statement)

    migrate.__doc__ = script.strip().splitlines()[0]
    return migrate


def _statements(script: str) -> list[str]:
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


MIGRATIONS: tuple[Callable[[Any], None], ...] = (
    _run_script(_V1),  # 0 -> 1: the first release
    _run_script(_V2),  # 1 -> 2: headline figures per panel, to compare the next run against
    _run_script(_V3),  # 2 -> 3: rehearsals kept apart; the history of action item changes
    add_uids,  # 3 -> 4: rows named alike on every machine; panel figures keep their order
    times_to_utc,  # 4 -> 5: stored moments in UTC, so a run survives a change of time zone
)
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNew(Exception):
    """The file was written by a newer tuneup."""


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Any, *, target: int = SCHEMA_VERSION,
            before: Callable[[int], None] | None = None) -> int:
    """Bring the store to `target` one step at a time; return the version it was at.

    `before(version)` is called once before an existing SQLite store (version 1 or more) is
    changed: the store keeps a copy of the file there.
    """
    if not isinstance(conn, sqlite3.Connection):
        return _migrate_shared(conn, target)
    found = user_version(conn)
    if found > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"the run store is schema version {found}; this tuneup knows up to {SCHEMA_VERSION}"
        )
    if before is not None and 0 < found < target:
        before(found)
    for version in range(found, target):
        with write_transaction(conn):
            # Another process may have migrated while we waited for the write lock.
            if user_version(conn) != version:
                continue
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
    return found


def shared_version(conn: Any) -> int:
    """The schema version of a PostgreSQL store (0 before its first migration)."""
    row = conn.execute("SELECT version FROM schema_version").fetchone()
    return 0 if row is None else int(row[0])


def _migrate_shared(conn: Any, target: int) -> int:
    """`migrate` on PostgreSQL: the version in `schema_version`, each step one transaction."""
    conn.write(lambda c: c.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"))
    found = conn.write(shared_version)
    if found > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"the shared store is schema version {found}; this tuneup knows up to "
            f"{SCHEMA_VERSION}")
    for version in range(found, target):

        def step(c: Any, version: int = version) -> None:
            # Writers take turns (see store.pg), so a store migrated meanwhile is seen here.
            if shared_version(c) != version:
                return
            MIGRATIONS[version](c)
            c.execute("DELETE FROM schema_version")
            c.execute("INSERT INTO schema_version (version) VALUES (?)", (version + 1,))

        conn.write(step)
    return found
