"""The run store: an SQLite file (stdlib sqlite3, WAL), or PostgreSQL for a shared store.

Every change is committed when it is made. Several processes (the console, `tuneup log`, the
attendee app) use one store at once; writes retry on a busy database so no "database is locked"
reaches a user.

One `RunStore` holds one connection, guarded by a lock, so the console may call it from its UI
thread and from worker threads alike. `data_version()` is the cheap signal the console polls to
see what other processes (attendees) committed.

The API is one object; its methods live in three files by topic: runs, schedule events and notes
here; action items, soft spots and figures in `store.records`; opening, locking and
`data_version` in `store.base`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tuneup_tui import paths
from tuneup_tui.store import rows
from tuneup_tui.store.errors import StoreError
from tuneup_tui.store.models import Run
from tuneup_tui.store.records import SEVERITIES, Records
from tuneup_tui.textsafe import multi_line

if TYPE_CHECKING:
    from tuneup_tui.store.day_record import Note
    from tuneup_tui.store.schedule_events import ScheduleEvent

RUN_MODES: tuple[str, ...] = ("facilitator", "follow_clock")


class RunStore(Records):
    """One open connection to the run store file."""

    def __init__(self, path: Path | str, *,
                 now: Callable[[], datetime] = datetime.now, checked: bool = False) -> None:
        """`checked`: a second connection to a store this process has open (and checked)."""
        super().__init__(path, now=now, checked=checked)

    @classmethod
    def open_default(cls) -> RunStore:
        """The store at `tuneup_tui.paths.store_address()`: the shared store when one is set,
        else the file (created, mode 0600, if missing)."""
        return cls(paths.store_address())

    def close(self) -> None:
        super().close()

    def __enter__(self) -> RunStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # runs
    def create_run(self, *, title: str, series: str, cadence: str, agenda_toml: str,
                   as_of: date, data_dir: str | None, mode: str, speed: float,
                   anchor: datetime, started_at: datetime,
                   agenda_path: str | None = None, rehearsal: bool | None = None,
                   events: Sequence[tuple[str, datetime, Mapping[str, Any]]] = ()) -> Run:
        """A new run; `events` (kind, at, payload), such as the day's start when it starts at
        once, are saved with it in the same commit (seq 1, 2, ...). A run at another speed
        than 1 is a rehearsal unless `rehearsal` says otherwise."""
        if mode not in RUN_MODES:
            raise StoreError(f"mode must be one of {', '.join(RUN_MODES)}, got {mode!r}")
        if not speed > 0:
            raise StoreError(f"speed must be positive, got {speed!r}")
        values = dict(title=title, series=series, cadence=cadence, agenda_toml=agenda_toml,
                      agenda_path=agenda_path, as_of=rows.date_text(as_of), data_dir=data_dir,
                      mode=mode, speed=float(speed), anchor=rows.dt_text(anchor),
                      started_at=rows.dt_text(started_at),
                      rehearsal=int(speed != 1 if rehearsal is None else rehearsal))

        first = [(seq, *_event_values(kind, at, payload))
                 for seq, (kind, at, payload) in enumerate(events, 1)]

        def body(conn: sqlite3.Connection) -> int:
            cur = conn.execute(
                "INSERT INTO runs (title, series, cadence, agenda_toml, agenda_path, as_of,"
                " data_dir, mode, speed, anchor, started_at, rehearsal) VALUES (:title, :series,"
                " :cadence, :agenda_toml, :agenda_path, :as_of, :data_dir, :mode, :speed,"
                " :anchor, :started_at, :rehearsal)", values)
            run_id = int(cur.lastrowid or 0)
            conn.executemany(_INSERT_EVENT, [(run_id, *event) for event in first])
            return run_id

        # The run as a read would give it back (the row holds exactly these values).
        return rows.run_from({**values, "id": self._write(body), "ended_at": None})

    def get_run(self, run_id: int) -> Run:
        """The run; StoreError("no run 7; see `tuneup runs`") when unknown."""
        row = self._one("SELECT * FROM runs WHERE id = ?", (run_id,))
        if row is None:
            raise StoreError(f"no run {run_id}; see `tuneup runs`")
        return rows.run_from(row)

    def runs(self, *, series: str | None = None) -> list[Run]:
        """Runs, newest first."""
        if series is None:
            found = self._all(f"SELECT * FROM runs ORDER BY {_NEWEST}")
        else:
            found = self._all(f"SELECT * FROM runs WHERE series = ? ORDER BY {_NEWEST}",
                              (series,))
        return [rows.run_from(r) for r in found]

    def current_run(self) -> Run | None:
        """The newest unfinished run, or None."""
        row = self._one(f"SELECT * FROM runs WHERE ended_at IS NULL ORDER BY {_NEWEST} LIMIT 1")
        return None if row is None else rows.run_from(row)

    def unfinished_run(self, series: str) -> Run | None:
        """The newest unfinished run of a series (offered for resume), or None."""
        row = self._one("SELECT * FROM runs WHERE ended_at IS NULL AND series = ?"
                        f" ORDER BY {_NEWEST} LIMIT 1", (series,))
        return None if row is None else rows.run_from(row)

    def previous_run(self, run: Run, *, include_rehearsals: bool = False) -> Run | None:
        """The run of the same series started just before `run`, or None. Rehearsals are
        passed over unless `include_rehearsals`."""
        started = rows.dt_text(run.started_at)
        real = "" if include_rehearsals else " AND rehearsal = 0"
        row = self._one(
            f"SELECT * FROM runs WHERE series = ? AND id != ?{real}"
            " AND (started_at < ? OR (started_at = ? AND id < ?))"
            f" ORDER BY {_NEWEST} LIMIT 1",
            (run.series, run.id, started, started, run.id))
        return None if row is None else rows.run_from(row)

    def delete_run(self, run_id: int) -> None:
        """Remove a run and everything recorded in it (StoreError when there is none). A later
        run's items carried from it keep their text; only their pointer back goes."""

        def body(conn: sqlite3.Connection) -> None:
            self._require_run(conn, run_id)
            conn.execute("UPDATE action_items SET carried_from = NULL WHERE carried_from IN"
                         " (SELECT id FROM action_items WHERE run_id = ?)", (run_id,))
            for table in ("action_item_changes", "action_items", "schedule_events", "notes",
                          "soft_spots", "recorded_figures", "panel_figures"):
                conn.execute(f"DELETE FROM {table} WHERE run_id = ?", (run_id,))
            conn.execute("DELETE FROM runs WHERE id = ?", (run_id,))

        self._write(body)

    def end_run(self, run_id: int, ended_at: datetime) -> None:
        def body(conn: sqlite3.Connection) -> None:
            self._require_run(conn, run_id)
            conn.execute("UPDATE runs SET ended_at = ? WHERE id = ?",
                         (rows.dt_text(ended_at), run_id))

        self._write(body)

    # schedule events
    def add_event(self, run_id: int, kind: str, at: datetime,
                  payload: Mapping[str, Any] | None = None) -> ScheduleEvent:
        values = _event_values(kind, at, payload)

        def body(conn: sqlite3.Connection) -> int:
            self._require_run(conn, run_id)
            seq = int(conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM schedule_events"
                                   " WHERE run_id = ?", (run_id,)).fetchone()[0])
            conn.execute(_INSERT_EVENT, (run_id, seq, *values))
            return seq

        seq = self._write(body)
        row = self._one("SELECT * FROM schedule_events WHERE run_id = ? AND seq = ?",
                        (run_id, seq))
        assert row is not None
        return rows.event_from(row)

    def events(self, run_id: int) -> list[ScheduleEvent]:
        self.get_run(run_id)
        found = self._all("SELECT * FROM schedule_events WHERE run_id = ? ORDER BY seq",
                          (run_id,))
        return [rows.event_from(r) for r in found]

    # notes
    def save_note(self, run_id: int, session: str, text: str) -> Note:
        if not session.strip():
            raise StoreError("a note needs the session it belongs to")
        # A note keeps its lines and tabs; no other control character reaches the store.
        text = multi_line(text)
        updated = rows.dt_text(self._now())

        def body(conn: sqlite3.Connection) -> None:
            self._require_run(conn, run_id)
            conn.execute(
                "INSERT INTO notes (run_id, session, text, updated_at) VALUES (?,?,?,?)"
                " ON CONFLICT (run_id, session) DO UPDATE"
                " SET text = excluded.text, updated_at = excluded.updated_at",
                (run_id, session, text, updated))

        self._write(body)
        return self.notes(run_id)[session]

    def notes(self, run_id: int) -> dict[str, Note]:
        self.get_run(run_id)
        found = self._all("SELECT * FROM notes WHERE run_id = ? ORDER BY session", (run_id,))
        return {r["session"]: rows.note_from(r) for r in found}

    # action items, soft spots, recorded and panel figures, data_version: inherited from
    # store.records.Records and store.base.StoreBase.


_NEWEST = "started_at DESC, id DESC"

_INSERT_EVENT = "INSERT INTO schedule_events (run_id, seq, kind, at, payload) VALUES (?,?,?,?,?)"


def _event_values(kind: str, at: datetime, payload: Mapping[str, Any] | None
                  ) -> tuple[str, str, str]:
    """A schedule event's kind, time and payload as stored; StoreError without a kind."""
    if not kind.strip():
        raise StoreError("a schedule event needs a kind")
    return kind, rows.dt_text(at), rows.json_text(payload)


__all__ = [
    "RUN_MODES",
    "SEVERITIES",
    "Run",
    "RunStore",
    "StoreError",
]
