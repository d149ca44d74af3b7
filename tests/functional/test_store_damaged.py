"""A store that is not a valid store is never replaced or emptied: one line, and it is kept.

Each way a store file goes bad (garbage in the middle, cut short, emptied, a foreign header, a
newer tuneup's schema) is made on a real store holding a run, then every command that opens the
store is run in a subprocess: one line on stderr, exit code 2, no traceback, the file unchanged.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from tuneup_tui.store.db import RunStore, StoreError
from tuneup_tui.store.schema import SCHEMA_VERSION, migrate

AGENDA = """
[agenda]
title = "Tune Up"
series = "ops-tuneup"
cadence = "day"
end_of_day = "10:00"

[[sessions]]
start = "08:00"
topic = "Traffic Study"
"""


def filled_store(path: Path) -> None:
    with RunStore(path) as store:
        now = datetime.now()
        run = store.create_run(title="Tune Up", series="ops-tuneup", cadence="day",
                               agenda_toml=AGENDA, as_of=date.today(), data_dir=None,
                               mode="facilitator", speed=1, anchor=now, started_at=now)
        for i in range(300):
            store.add_action(run.id, f"item {i} " + "x" * 300, "Dana")
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def damage(path: Path, how: str) -> None:
    size = path.stat().st_size
    if how == "middle":
        with path.open("r+b") as handle:
            handle.seek(size // 2)
            handle.write(b"\xde\xad" * 4000)
    elif how == "truncated":
        os.truncate(path, 12_000)
    elif how == "empty":
        os.truncate(path, 0)
    elif how == "header":
        with path.open("r+b") as handle:
            handle.write(b"garbage!garbage!")
    elif how == "newer":
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 7}")
        conn.close()


COMMANDS = [["actions"], ["summary"], ["runs"], ["log", "x", "--owner", "Dana"],
            ["store", "check"]]


@pytest.mark.parametrize("how", ["middle", "truncated", "empty", "header", "newer"])
def test_a_damaged_store_is_said_in_one_line_and_kept(tmp_path: Path, how: str) -> None:
    home = tmp_path / "home"
    store = home / "data" / "tuneup.db"
    filled_store(store)
    damage(store, how)
    before = store.read_bytes()
    env = {**os.environ, "TUNEUP_HOME": str(home)}
    refused = 0
    for words in COMMANDS:
        result = subprocess.run([sys.executable, "-m", "tuneup_tui", *words], env=env,
                                capture_output=True, timeout=120)
        err = result.stderr.decode()
        assert "Traceback" not in err, (words, err)
        if result.returncode == 0:
            # Garbage in the middle spares the pages some commands read: they may still work.
            assert how == "middle" and words[0] in ("runs", "log"), (words, err)
            continue
        refused += 1
        assert result.returncode == 2, (words, err)
        assert err.count("\n") == 1, (words, err)
        assert "kept as it is" in err or "upgrade tuneup" in err, (words, err)
    assert refused >= 3
    if how != "middle":  # the one command that worked there may have added its item
        assert store.read_bytes() == before
    assert store.stat().st_size == len(before) or how == "middle"


def test_an_emptied_store_is_not_replaced_by_a_new_one(tmp_path: Path) -> None:
    path = tmp_path / "tuneup.db"
    filled_store(path)
    os.truncate(path, 0)
    with pytest.raises(StoreError, match=r"empty \(0 bytes\)"):
        RunStore(path)
    assert path.stat().st_size == 0


def test_store_check_reports_a_healthy_store(tmp_path: Path) -> None:
    home = tmp_path / "home"
    filled_store(home / "data" / "tuneup.db")
    result = subprocess.run([sys.executable, "-m", "tuneup_tui", "store", "check"],
                            env={**os.environ, "TUNEUP_HOME": str(home)},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert f"schema version: {SCHEMA_VERSION}" in result.stdout
    assert "integrity: ok" in result.stdout
    assert "holds: 1 runs, 300 action items" in result.stdout


def test_a_copy_is_kept_before_a_migration(tmp_path: Path) -> None:
    path = tmp_path / "tuneup.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=1)  # a store as the first release left it
    conn.execute("INSERT INTO runs (title, series, cadence, agenda_toml, as_of, mode, speed,"
                 " anchor, started_at) VALUES ('T', 's', 'day', '', '2026-11-23',"
                 " 'facilitator', 1, '2026-11-23T08:00:00', '2026-11-23T08:00:00')")
    for i in range(300):
        conn.execute("INSERT INTO action_items (run_id, text, owner, created_by, created_at,"
                     " updated_at) VALUES (1, ?, 'Dana', 'f', '2026-11-23T08:00:00',"
                     " '2026-11-23T08:00:00')", (f"item {i}",))
    conn.close()
    with RunStore(path) as store:
        assert len(store.actions()) == 300
    copies = list((tmp_path / "backups").glob("tuneup.db.v1.*.db"))
    assert len(copies) == 1
    assert copies[0].stat().st_mode & 0o077 == 0
    copy = sqlite3.connect(copies[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    assert copy.execute("SELECT COUNT(*) FROM action_items").fetchone()[0] == 300
    copy.close()
    # A store already at the current schema is opened without another copy.
    RunStore(path).close()
    assert len(list((tmp_path / "backups").iterdir())) == 1


def test_a_figure_that_is_not_finite_is_refused(tmp_path: Path) -> None:
    with RunStore(tmp_path / "tuneup.db") as store:
        now = datetime.now()
        run = store.create_run(title="T", series="s", cadence="day", agenda_toml="",
                               as_of=date.today(), data_dir=None, mode="facilitator",
                               speed=1, anchor=now, started_at=now)
        for value in (float("nan"), float("inf"), float("-inf")):
            with pytest.raises(StoreError, match="finite"):
                store.record_figure(run.id, "cost_per_lead", value)
        assert store.figures(run.id) == []
