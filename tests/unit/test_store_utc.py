"""Stored moments are UTC: a change of clocks or of time zone leaves a run's figures as they were;
a store from before keeps its times, turned to UTC on the zone of the machine that migrates it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tuneup_tui.agenda.builtins import resolve_agenda
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.load import load_agenda
from tuneup_tui.agenda.schedule import Schedule, ScheduleAction
from tuneup_tui.store import schema, utc
from tuneup_tui.store.db import RunStore


def _new_run(store: RunStore, anchor: datetime) -> int:
    run = store.create_run(title="Day", series="ops", cadence="day", agenda_toml="",
                           as_of=anchor.date(), data_dir=None, mode="facilitator", speed=1,
                           anchor=anchor, started_at=anchor)
    return run.id


def _status(store: RunStore, run_id: int, now: datetime):  # type: ignore[no-untyped-def]
    agenda = load_agenda(resolve_agenda("one-day-tuneup"))
    run = store.get_run(run_id)
    actions = [ScheduleAction(e.kind, e.at, dict(e.payload))  # type: ignore[arg-type]
               for e in store.events(run_id)]
    return Schedule.restore(agenda, FakeClock(now), anchor=run.anchor, mode=run.mode,
                            actions=actions).status()


def test_a_moment_is_stored_in_utc_with_its_offset(time_zone: Callable[[str], None],
                                                   tmp_path: Path) -> None:
    time_zone("America/New_York")
    with RunStore(tmp_path / "tuneup.db") as store:
        run_id = _new_run(store, datetime(2026, 12, 7, 8, 0))  # 08:00 EST = 13:00 UTC
        text = store._conn.execute("SELECT anchor FROM runs WHERE id = ?",
                                   (run_id,)).fetchone()[0]
        assert text == "2026-12-07T13:00:00.000000+00:00"
        assert store.get_run(run_id).anchor == datetime(2026, 12, 7, 8, 0)
        time_zone("Asia/Tokyo")
        assert store.get_run(run_id).anchor == datetime(2026, 12, 7, 22, 0)


def test_a_run_resumed_after_the_clocks_went_back_keeps_its_elapsed_time(
        time_zone: Callable[[str], None], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """New York's clocks went back at 02:00 EDT on 2026-11-01 (to 01:00 EST). A session begun at
    01:00 EDT (05:00 UTC) and resumed at 01:10 EST (06:10 UTC) has run 70 minutes, not 10."""
    time_zone("America/New_York")
    before_change = datetime(2026, 11, 1, 5, 0, tzinfo=UTC)
    monkeypatch.setattr(utc, "utc_now", lambda: before_change)
    with RunStore(tmp_path / "tuneup.db") as store:
        run_id = _new_run(store, datetime(2026, 11, 1, 1, 0))  # 01:00 EDT, on the wall
        store.add_event(run_id, "start", datetime(2026, 11, 1, 1, 0), {"to": 0})
        assert store._conn.execute("SELECT at FROM schedule_events").fetchone()[0] == (
            "2026-11-01T05:00:00.000000+00:00")

        monkeypatch.setattr(utc, "utc_now", lambda: before_change + timedelta(minutes=70))
        status = _status(store, run_id, datetime(2026, 11, 1, 1, 10))  # 01:10 EST on the wall
        # The first session is 30 minutes long: 70 minutes in, it is 40 minutes over.
        assert status.current == 0
        assert status.overtime == timedelta(minutes=40)


def test_a_version_4_store_with_naive_times_is_migrated_to_utc(
        time_zone: Callable[[str], None], tmp_path: Path) -> None:
    time_zone("America/New_York")
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, target=4)
    conn.execute(
        "INSERT INTO runs (title, series, cadence, agenda_toml, as_of, mode, speed, anchor,"
        " started_at, ended_at) VALUES ('Summer day', 'ops', 'day', '', '2026-07-06',"
        " 'facilitator', 1, '2026-07-06T08:00:00.000000', '2026-07-06T07:58:00.000000',"
        " '2026-07-06T16:02:00.000000')")
    conn.execute("INSERT INTO schedule_events (run_id, seq, kind, at) VALUES"
                 " (1, 1, 'start', '2026-07-06T08:01:00.000000')")
    conn.execute("INSERT INTO notes (run_id, session, text, updated_at) VALUES"
                 " (1, 'Traffic Study', 'hello', '2026-07-06T08:40:00.000000')")
    conn.execute("INSERT INTO action_items (run_id, text, owner, created_by, created_at,"
                 " updated_at) VALUES (1, 'Fix', 'Dana', 'Maya', '2026-12-07T09:00:00.000000',"
                 " '2026-12-07T09:30:00.000000')")
    conn.execute("INSERT INTO soft_spots (run_id, text, severity, created_at) VALUES"
                 " (1, 'Slow', 'high', '2026-07-06T10:00:00.000000')")
    conn.execute("INSERT INTO recorded_figures (run_id, name, value, recorded_at) VALUES"
                 " (1, 'expected_leads_to_sales', 41, '2026-07-06T08:45:00.000000')")
    conn.close()

    with RunStore(path) as store:
        assert schema.user_version(store._conn) == 5
        stored = store._conn.execute(
            "SELECT anchor, started_at, ended_at FROM runs").fetchone()
        # July is summer time in New York (UTC-4), December is not (UTC-5).
        assert tuple(stored) == ("2026-07-06T12:00:00.000000+00:00",
                                 "2026-07-06T11:58:00.000000+00:00",
                                 "2026-07-06T20:02:00.000000+00:00")
        assert store._conn.execute("SELECT at FROM schedule_events").fetchone()[0] == (
            "2026-07-06T12:01:00.000000+00:00")
        assert store._conn.execute("SELECT updated_at FROM notes").fetchone()[0] == (
            "2026-07-06T12:40:00.000000+00:00")
        assert tuple(store._conn.execute(
            "SELECT created_at, updated_at FROM action_items").fetchone()) == (
            "2026-12-07T14:00:00.000000+00:00", "2026-12-07T14:30:00.000000+00:00")
        assert store._conn.execute("SELECT created_at FROM soft_spots").fetchone()[0] == (
            "2026-07-06T14:00:00.000000+00:00")
        assert store._conn.execute("SELECT recorded_at FROM recorded_figures").fetchone()[0] == (
            "2026-07-06T12:45:00.000000+00:00")
        # Read back on the same clock, the December item is as it was typed.
        item = store.actions(1)[0]
        assert (item.created_at, item.updated_at) == (datetime(2026, 12, 7, 9, 0),
                                                      datetime(2026, 12, 7, 9, 30))
        assert store.get_run(1).as_of == date(2026, 7, 6)
    # A copy of the version 4 file was kept before the change.
    assert any(p.name.startswith("old.db.v4.") for p in (tmp_path / "backups").iterdir())


def test_the_migration_leaves_a_consoles_outbox_alone(tmp_path: Path) -> None:
    """The shared store converts its own rows when it is migrated: nothing is queued to send."""
    from tuneup_tui.store.outbox import install_outbox

    conn = sqlite3.connect(tmp_path / "copy.db", isolation_level=None)
    schema.migrate(conn, target=4)
    install_outbox(conn)
    conn.execute(
        "INSERT INTO runs (title, series, cadence, agenda_toml, as_of, mode, speed, anchor,"
        " started_at) VALUES ('Day', 'ops', 'day', '', '2026-12-07', 'facilitator', 1,"
        " '2026-12-07T08:00:00.000000', '2026-12-07T07:58:00.000000')")
    conn.execute("DELETE FROM outbox")
    schema.migrate(conn)
    assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    assert conn.execute("SELECT pulling FROM sync_state").fetchone()[0] == 0
    assert conn.execute("SELECT anchor FROM runs").fetchone()[0].endswith("+00:00")
