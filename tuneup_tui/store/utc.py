"""Times in the store are UTC; the console reads them on today's local clock.

A moment is kept as ISO text in UTC with its offset (`2026-12-07T13:00:00.000000+00:00`), all
with microseconds, so text order stays time order and a run resumed under another time zone,
or after the clocks changed, finds the same instants.

The rest of tuneup works in naive local times (the agenda's 08:30 is a wall-clock time). A
stored moment is read back on the local clock's offset of the moment it is read, not of the
moment it happened: the timer's arithmetic (how long a session ran, how far over it is) is a
difference between a stored moment and now, and only one offset for both keeps it right across
a change of clocks. A session begun before the clocks went back therefore shows, after the
change, the time today's clock would have read then (an hour earlier than the wall read then).

Schema version 5 (`times_to_utc`) turned the naive local times that earlier versions kept into
UTC, on the zone of the machine that migrated the store.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from typing import Any

TIME_COLUMNS: dict[str, tuple[str, ...]] = {
    "runs": ("anchor", "started_at", "ended_at"),
    "schedule_events": ("at",),
    "notes": ("updated_at",),
    "action_items": ("created_at", "updated_at"),
    "soft_spots": ("created_at",),
    "recorded_figures": ("recorded_at",),
    "action_item_changes": ("changed_at",),
}
"""Every column of the store that holds a moment."""


def local_offset() -> timedelta:
    """How far the local clock is ahead of UTC now (follows `TZ` after `time.tzset()`)."""
    offset = utc_now().astimezone().utcoffset()
    assert offset is not None  # astimezone() always gives an aware time
    return offset


def utc_now() -> datetime:
    """Now, in UTC (tests stand in their own moment, to be on either side of a clock change)."""
    return datetime.now(UTC)


def stored(moment: datetime) -> str:
    """`moment` as the store keeps it: UTC, with its offset. A naive moment is local time."""
    if moment.tzinfo is None:
        moment = (moment - local_offset()).replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def read(text: str) -> datetime:
    """A stored moment as naive local time on today's clock (see the module's docstring).

    Text without an offset (a row from a store no tuneup has migrated yet) is taken as local.
    """
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None) + local_offset()


def times_to_utc(conn: Any) -> None:
    """Migration 4 -> 5: every stored moment from naive local time to UTC.

    The naive times were written on the local clock of whichever machine wrote them; the zone
    of the machine that migrates (its rules on each moment's own date, so a summer time stays a
    summer time) is the best knowledge there is of it. Each distinct value is rewritten once,
    by value, so the same plain SQL serves SQLite and PostgreSQL.
    """
    quiet = _quiet_outbox(conn, True)
    for table, columns in TIME_COLUMNS.items():
        for column in columns:
            found = conn.execute(f"SELECT DISTINCT {column} FROM {table}"
                                 f" WHERE {column} IS NOT NULL").fetchall()
            for row in found:
                text = row[0]  # a PostgreSQL row is a mapping: read it by position
                utc_text = _migrated(text)
                if utc_text != text:
                    conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?",
                                 (utc_text, text))
    if quiet:
        _quiet_outbox(conn, False)


def _migrated(text: str) -> str:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the local zone's rules on that date
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _quiet_outbox(conn: Any, on: bool) -> bool:
    """Keep a console's outbox from queueing the rewrite: the shared store converts its own
    rows when it is migrated, so sending them would only send what is already there."""
    if not isinstance(conn, sqlite3.Connection) or conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'sync_state'").fetchone() is None:
        return False
    conn.execute("UPDATE sync_state SET pulling = ? WHERE id = 1", (1 if on else 0,))
    return True
