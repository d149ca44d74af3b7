"""The store file: created private, migrated step by step, opened with WAL and full sync."""

from __future__ import annotations

import sqlite3
import stat
from datetime import datetime
from pathlib import Path

import pytest

from tuneup_tui.store import connection, schema
from tuneup_tui.store.db import RunStore, StoreError


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_store_is_private_and_at_the_latest_version(tmp_path: Path) -> None:
    path = tmp_path / "new" / "tuneup.db"
    with RunStore(path) as store:
        store.create_run(title="t", series="s", cadence="day", agenda_toml="",
                         as_of=datetime(2026, 11, 23).date(), data_dir=None, mode="facilitator",
                         speed=1, anchor=datetime(2026, 11, 23, 8), started_at=datetime.now())
        assert _mode(path.parent) == 0o700
        for name in ("tuneup.db", "tuneup.db-wal", "tuneup.db-shm"):
            assert _mode(path.parent / name) == 0o600, name
        conn = store._conn
        assert schema.user_version(conn) == schema.SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_an_existing_loose_store_file_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "tuneup.db"
    RunStore(path).close()
    path.chmod(0o644)
    RunStore(path).close()
    assert _mode(path) == 0o600


def test_a_version_1_file_is_migrated_and_keeps_its_runs(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, target=1)  # the first release's schema, as its users have it
    conn.execute(
        "INSERT INTO runs (title, series, cadence, agenda_toml, as_of, mode, speed, anchor,"
        " started_at) VALUES ('Old day', 'ops', 'day', '', '2026-10-05', 'facilitator', 1,"
        " '2026-10-05T08:00:00.000000', '2026-10-05T07:58:00.000000')")
    conn.execute("INSERT INTO action_items (run_id, text, owner, created_by, created_at,"
                 " updated_at) VALUES (1, 'Fix', 'Dana', 'Maya', '2026-10-05T09:00:00.000000',"
                 " '2026-10-05T09:00:00.000000')")
    assert schema.user_version(conn) == 1
    assert "panel_figures" not in _tables(conn)
    conn.close()

    with RunStore(path) as store:
        assert schema.user_version(store._conn) == schema.SCHEMA_VERSION
        run = store.get_run(1)
        assert run.title == "Old day" and run.started_at == datetime(2026, 10, 5, 7, 58)
        assert [i.text for i in store.actions(1)] == ["Fix"]
        store.save_panel_figures(1, "traffic", {"sessions": 10})
        assert store.panel_figures(1) == {"traffic": {"sessions": 10}}


def test_each_migration_moves_one_version(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "steps.db", isolation_level=None)
    assert schema.user_version(conn) == 0
    for version in range(1, schema.SCHEMA_VERSION + 1):
        assert schema.migrate(conn, target=version) == version - 1
        assert schema.user_version(conn) == version
    assert schema.migrate(conn) == schema.SCHEMA_VERSION  # nothing left to do
    conn.close()


def test_a_store_from_a_newer_tuneup_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError,
                       match=f"schema version 99; this tuneup knows up to {schema.SCHEMA_VERSION}"):
        RunStore(path)


def test_a_file_that_is_not_a_store_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite, just text that is long enough " * 40)
    with pytest.raises(StoreError, match="is not a run store") as err:
        RunStore(path)
    assert "\n" not in str(err.value)
    assert "kept as it is" in str(err.value)
    assert path.read_bytes().startswith(b"this is not sqlite")


def test_busy_steps_are_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection.time, "sleep", lambda seconds: None)
    failures = iter(["database is locked", "database is busy"])

    def step() -> str:
        message = next(failures, None)
        if message:
            raise sqlite3.OperationalError(message)
        return "done"

    assert connection._retry(step) == "done"


def test_a_store_that_stays_locked_is_a_plain_store_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection.time, "sleep", lambda seconds: None)
    monkeypatch.setattr(connection, "WRITE_ATTEMPTS", 2)
    path = tmp_path / "tuneup.db"
    with RunStore(path) as store:
        store._conn.execute("PRAGMA busy_timeout = 1")
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError, match=r"stayed busy .*nothing was saved, try again"):
                store.add_event(1, "start", datetime.now())
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        # The refused write left nothing half-done: the store takes the next one.
        store._conn.execute("PRAGMA busy_timeout = 5000")
        assert not store._conn.in_transaction
        assert store.runs() == []


def test_other_errors_are_not_retried() -> None:
    calls: list[int] = []

    def step() -> None:
        calls.append(1)
        raise sqlite3.OperationalError("no such table: nowhere")

    with pytest.raises(sqlite3.OperationalError):
        connection._retry(step)
    assert len(calls) == 1


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
