"""Schema version 4: a row is named alike on every machine, and panel figures keep their order.

A shared store takes rows from many machines, each numbering its own rows; a `uid` (32 hex
digits, drawn when the row is made) is what says "this run", "this item" everywhere. SQLite
draws it in a trigger after the insert, PostgreSQL in the column's default, so no writer needs
to know of it. Panel figures get a `seq`: the order they were saved in (SQLite's rowid gave
it; PostgreSQL has none).
"""

from __future__ import annotations

import sqlite3
from typing import Any

UID_TABLES: tuple[str, ...] = ("runs", "action_items", "soft_spots", "recorded_figures",
                               "action_item_changes")
"""The tables whose rows have an id, hence a uid."""

SQLITE_UID = "lower(hex(randomblob(16)))"
POSTGRESQL_UID = "md5(random()::text || clock_timestamp()::text)"


def add_uids(conn: Any) -> None:
    """Migration 3 -> 4."""
    sqlite = isinstance(conn, sqlite3.Connection)
    conn.execute("ALTER TABLE panel_figures ADD COLUMN seq INTEGER NOT NULL DEFAULT 0")
    if sqlite:
        conn.execute("UPDATE panel_figures SET seq = rowid")
    for table in UID_TABLES:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN uid TEXT")
        fresh = SQLITE_UID if sqlite else POSTGRESQL_UID
        conn.execute(f"UPDATE {table} SET uid = {fresh} WHERE uid IS NULL")
        conn.execute(f"CREATE UNIQUE INDEX {table}_uid ON {table}(uid)")
        if sqlite:
            conn.execute(
                f"CREATE TRIGGER {table}_new_uid AFTER INSERT ON {table}"
                f" WHEN NEW.uid IS NULL BEGIN"
                f" UPDATE {table} SET uid = {SQLITE_UID} WHERE id = NEW.id; END")
        else:
            conn.execute(f"ALTER TABLE {table} ALTER COLUMN uid SET DEFAULT {POSTGRESQL_UID}")
