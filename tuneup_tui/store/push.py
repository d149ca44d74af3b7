"""Copying a local store's whole history into a shared store (`tuneup store push`).

Every run and everything recorded in it is sent the way the console sends a change, as upserts
on each row's uid: pushing twice, or pushing a history the shared store already has part of,
leaves one copy of each row. What is in the shared store and not here is left alone.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from tuneup_tui.store.db import RunStore
from tuneup_tui.store.pg import PgConnection
from tuneup_tui.store.synced import SYNCED, Synced
from tuneup_tui.store.transfer import Change, land, read_change

PER_TRANSACTION = 500


def push_history(local: Path, url: str) -> dict[str, int]:
    """Send every row of the store file `local` to the shared store at `url`; how many rows
    of each table were sent. StoreError when either cannot be opened."""
    source = RunStore(local)
    # Opening the shared store as a store first migrates it (and sets up its change feed).
    RunStore(url).close()
    shared = PgConnection(url)
    sent: dict[str, int] = {}
    try:
        conn = source._conn
        for spec in SYNCED:
            keys = _keys(conn, spec)
            for start in range(0, len(keys), PER_TRANSACTION):
                batch = [read_change(conn, spec, key)
                         for key in keys[start:start + PER_TRANSACTION]]
                shared.write(partial(_land_all, batch))
            sent[spec.table] = _count(conn, spec.table)
    finally:
        shared.close()
        source.close()
    return sent


def _land_all(changes: list[Change], shared: PgConnection) -> None:
    for change in changes:
        land(shared, change)


def _keys(conn: Any, spec: Synced) -> list[tuple[Any, ...]]:
    columns = ", ".join(spec.match)
    found = conn.execute(
        f"SELECT DISTINCT {columns} FROM {spec.table} ORDER BY {columns}").fetchall()
    return [tuple(row) for row in found]


def _count(conn: Any, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
