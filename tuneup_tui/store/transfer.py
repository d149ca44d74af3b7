"""Carrying a change from one store to another: read it where it was made, land it where it goes.

A change names a row (or a panel's group of rows) by its ids in the store it was made in; on the
way its ids become uids (`read_change`), and where it lands the uids become that store's ids
(`land`). Landing is an upsert on the uid (or the row's own key), so sending a change twice
leaves one row, never two. A row whose `updated_at` is older than the one already there does not
replace it: the newer edit of an item or a note wins, whichever machine made it.

Both ends are a connection answering `execute(sql, params)` with `?` placeholders: sqlite3's,
or the PostgreSQL one of `store.pg`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tuneup_tui.store.synced import Synced

Missing = Callable[[str, str], None]
"""Called with (table, uid) when a row refers to one the destination lacks, to send it first."""


@dataclass(frozen=True)
class Change:
    """A row or a group of rows as they are now, their references given as uids."""

    spec: Synced
    key: dict[str, Any]
    rows: tuple[dict[str, Any], ...]
    gone: bool = False
    """The row named by `key["uid"]` was removed where the change was made."""


def removal(spec: Synced, key: Sequence[Any]) -> Change | None:
    """The removal a change log entry names, or None for an entry that names a row as it is.

    A row with a uid that is removed is logged with its uid after its key (its id alone
    names nothing once it is gone)."""
    if not spec.has_uid or len(key) != len(spec.match) + 1:
        return None
    return Change(spec, {"uid": key[-1]}, (), gone=True)


def read_change(src: Any, spec: Synced, key: Sequence[Any]) -> Change:
    """The current rows named by `key` (values of `spec.match`) in `src`, made portable."""
    where = " AND ".join(f"{column} = ?" for column in spec.match)
    found = src.execute(f"SELECT * FROM {spec.table} WHERE {where}", tuple(key)).fetchall()
    portable_key = _portable(src, spec, dict(zip(spec.match, key, strict=True)))
    rows = tuple(_portable(src, spec, _as_dict(row)) for row in found)
    return Change(spec, portable_key, rows)


def land(dst: Any, change: Change, missing: Missing | None = None) -> bool:
    """Make `dst` hold the change's rows; False when it refers to a run `dst` lacks."""
    spec = change.spec
    if change.gone:
        # What belongs to a removed run goes with it (ON DELETE CASCADE on both engines).
        dst.execute(f"DELETE FROM {spec.table} WHERE uid = ?", (change.key["uid"],))
        return True
    if spec.whole_group:
        key = _local(dst, spec, change.key, missing)
        if key is None:
            return False
        where = " AND ".join(f"{column} = ?" for column in spec.match)
        dst.execute(f"DELETE FROM {spec.table} WHERE {where}", tuple(key[c] for c in spec.match))
        for row in change.rows:
            local = _local(dst, spec, row, missing)
            if local is not None:
                _insert(dst, spec.table, local)
        return True
    for row in change.rows:
        local = _local(dst, spec, row, missing)
        if local is None:
            return False
        _upsert(dst, spec, local)
    return True


def uid_of(conn: Any, table: str, row_id: int) -> str | None:
    row = conn.execute(f"SELECT uid FROM {table} WHERE id = ?", (row_id,)).fetchone()
    return None if row is None else str(row[0])


def id_of(conn: Any, table: str, uid: str) -> int | None:
    row = conn.execute(f"SELECT id FROM {table} WHERE uid = ?", (uid,)).fetchone()
    return None if row is None else int(row[0])


def _portable(src: Any, spec: Synced, row: dict[str, Any]) -> dict[str, Any]:
    """The row with its own id left out and its references as uids."""
    out = {k: v for k, v in row.items() if not (k == "id" and spec.has_uid)}
    for column, table in spec.refs.items():
        if out.get(column) is not None:
            # A removed row leaves no uid: a marker that can match no uid where it lands.
            out[column] = uid_of(src, table, out[column]) or "(removed)"
    return out


def _local(dst: Any, spec: Synced, row: dict[str, Any],
           missing: Missing | None) -> dict[str, Any] | None:
    """The row with its references as `dst`'s ids; None when one it needs is not there."""
    out = dict(row)
    for column, table in spec.refs.items():
        uid = out.get(column)
        if uid is None:
            continue
        found = id_of(dst, table, uid)
        if found is None and missing is not None:
            missing(table, uid)
            found = id_of(dst, table, uid)
        if found is None and column != "carried_from":
            return None
        out[column] = found
    return out


def _insert(dst: Any, table: str, row: dict[str, Any]) -> None:
    columns = list(row)
    dst.execute(f"INSERT INTO {table} ({', '.join(columns)})"
                f" VALUES ({', '.join('?' for _ in columns)})", tuple(row.values()))


def _upsert(dst: Any, spec: Synced, row: dict[str, Any]) -> None:
    columns = list(row)
    newer_only = "updated_at" in row
    if spec.has_uid:
        # Looked up rather than INSERT ... ON CONFLICT: a conflicting insert would still use up
        # an id, and ids are what people read out ("item 12").
        found = id_of(dst, spec.table, row["uid"])
        if found is not None:
            sets = ", ".join(f"{c} = ?" for c in columns if c != "uid")
            values = [v for c, v in row.items() if c != "uid"]
            guard = " AND updated_at <= ?" if newer_only else ""
            dst.execute(f"UPDATE {spec.table} SET {sets} WHERE id = ?{guard}",
                        (*values, found, *([row["updated_at"]] if newer_only else [])))
            return
        _insert(dst, spec.table, row)
        return
    conflict = spec.conflict
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in conflict)
    newer = f" WHERE {spec.table}.updated_at <= excluded.updated_at" if newer_only else ""
    dst.execute(f"INSERT INTO {spec.table} ({', '.join(columns)})"
                f" VALUES ({', '.join('?' for _ in columns)})"
                f" ON CONFLICT ({', '.join(conflict)}) DO UPDATE SET {updates}{newer}",
                tuple(row.values()))


def _as_dict(row: Any) -> dict[str, Any]:
    # An sqlite3.Row iterates over its values, not its names: ask for the names.
    names = row.keys()
    return {name: row[name] for name in names}


