"""The store's schema and its migrations, versioned with `PRAGMA user_version`.

A new file is at version 0. Each migration takes the schema one version further, in its own
transaction together with the version bump, so a crash mid-migration leaves the file at the
version before it. Never edit a released migration: add the next one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from tuneup_tui.store.connection import write_transaction

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


def _run_script(script: str) -> Callable[[sqlite3.Connection], None]:
    """A migration that runs `script` statement by statement (inside the caller's transaction:
    `executescript` would commit first)."""

    def migrate(conn: sqlite3.Connection) -> None:
        for statement in _statements(script):
            conn.execute(statement)

    migrate.__doc__ = script.strip().splitlines()[0]
    return migrate


def _statements(script: str) -> list[str]:
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _run_script(_V1),  # 0 -> 1: the first release
    _run_script(_V2),  # 1 -> 2: headline figures per panel, to compare the next run against
    _run_script(_V3),  # 2 -> 3: rehearsals kept apart; the history of action item changes
)
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNew(Exception):
    """The file was written by a newer tuneup."""


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, *, target: int = SCHEMA_VERSION) -> int:
    """Bring the file to `target` one step at a time; return the version it was at."""
    found = user_version(conn)
    if found > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"the run store is schema version {found}; this tuneup knows up to {SCHEMA_VERSION}"
        )
    for version in range(found, target):
        with write_transaction(conn):
            # Another process may have migrated while we waited for the write lock.
            if user_version(conn) != version:
                continue
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
    return found
