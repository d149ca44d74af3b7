"""The two logs a shared store keeps in step with: the local outbox and the shared change feed.

Local side: every change to a synced table of the local SQLite file is written to `outbox` by a
trigger, in the same transaction as the change itself, so a change is either both saved and
waiting to be sent, or neither (a crash between the two is not possible). Changes that arrive
from the shared store are landed with `sync_state.pulling` set, which keeps the triggers quiet:
what came from the shared store is not sent back to it.

Shared side: a trigger on each synced table of the PostgreSQL store appends to `change_log`.
Writers there take turns (see `store.pg`), so the log's order is the order changes committed
in, and a reader that remembers the last entry it saw misses none.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from tuneup_tui.store.synced import SYNCED

QUIET = "(SELECT pulling FROM sync_state WHERE id = 1) = 0"


def install_outbox(conn: sqlite3.Connection) -> None:
    """Create the outbox, the sync state and the triggers in a local file (if not there yet)."""
    conn.execute("CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                 " tbl TEXT NOT NULL, key TEXT NOT NULL)")
    conn.execute("CREATE TABLE IF NOT EXISTS sync_state (id INTEGER PRIMARY KEY,"
                 " pulling INTEGER NOT NULL DEFAULT 0, seen INTEGER NOT NULL DEFAULT 0,"
                 " shared TEXT NOT NULL DEFAULT '')")
    conn.execute("INSERT OR IGNORE INTO sync_state (id) VALUES (1)")
    # Runs that came from the shared store (other teams', other machines'), as opposed to runs
    # made here: "the run in progress" on this machine is one made here, when there is one.
    conn.execute("CREATE TABLE IF NOT EXISTS arrived_runs (uid TEXT PRIMARY KEY)")
    for spec in SYNCED:
        for event in ("INSERT", "UPDATE", "DELETE"):
            row = "OLD" if event == "DELETE" else "NEW"
            key = ", ".join(f"{row}.{column}" for column in spec.match)
            if event == "DELETE" and spec.has_uid:
                # A removed row can no longer be read: its uid goes with the key, so that the
                # shared store removes the same row (see `transfer.removal`).
                key += ", OLD.uid"
            when = QUIET
            if event == "UPDATE" and spec.has_uid:
                # The uid drawn just after an insert is not a change of its own.
                when += " AND OLD.uid IS NOT NULL"
            conn.execute(
                f"CREATE TRIGGER IF NOT EXISTS {spec.table}_outbox_{event.lower()}"
                f" AFTER {event} ON {spec.table} WHEN {when} BEGIN"
                f" INSERT INTO outbox (tbl, key) VALUES ('{spec.table}', json_array({key}));"
                " END")


def waiting(conn: sqlite3.Connection) -> int:
    """How many changes are saved here and not yet in the shared store: rows (or panels'
    figure sets) to send, each counted once however often it changed."""
    try:
        return int(conn.execute(
            "SELECT count(*) FROM (SELECT DISTINCT tbl, key FROM outbox)").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # no outbox yet: this file was never a shared store's copy


_FEED_FUNCTION = """
CREATE OR REPLACE FUNCTION tuneup_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN r := to_jsonb(OLD); ELSE r := to_jsonb(NEW); END IF;
    INSERT INTO change_log (tbl, key) SELECT TG_TABLE_NAME,
        (SELECT (jsonb_agg(r -> a.name ORDER BY a.n)
                 || CASE WHEN TG_OP = 'DELETE' AND r ? 'uid'
                         THEN jsonb_build_array(r -> 'uid') ELSE '[]'::jsonb END)::text
         FROM unnest(TG_ARGV) WITH ORDINALITY AS a(name, n));
    RETURN NULL;
END $$
"""


def install_feed(conn: Any) -> None:
    """Create the change feed in a PostgreSQL store (inside the caller's write transaction)."""
    conn.execute("CREATE TABLE IF NOT EXISTS change_log ("
                 "seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                 " tbl TEXT NOT NULL, key TEXT NOT NULL)")
    have = {r[0] for r in conn.execute(
        "SELECT tgname FROM pg_trigger WHERE tgname LIKE '%\\_changes'")}
    if all(f"{spec.table}_changes" in have for spec in SYNCED):
        return
    conn.execute(_FEED_FUNCTION)
    for spec in SYNCED:
        if f"{spec.table}_changes" in have:
            continue
        columns = ", ".join(f"'{column}'" for column in spec.match)
        conn.execute(f"CREATE TRIGGER {spec.table}_changes AFTER INSERT OR UPDATE OR DELETE"
                     f" ON {spec.table} FOR EACH ROW EXECUTE FUNCTION tuneup_change({columns})")
