"""The console's writes behind it: in order, errors said, nothing dropped while it is busy."""

from __future__ import annotations

import sqlite3
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from tuneup_tui.store.db import RunStore, StoreError
from tuneup_tui.store.write_behind import WriteBehind


def _run(store: RunStore) -> int:
    return store.create_run(title="Day", series="ops", cadence="day", agenda_toml="",
                            as_of=date(2026, 12, 7), data_dir=None, mode="facilitator",
                            speed=1, anchor=datetime(2026, 12, 7, 8),
                            started_at=datetime(2026, 12, 7, 8)).id


def test_a_write_on_a_free_store_lands_before_save_returns(tmp_path: Path) -> None:
    with RunStore(tmp_path / "tuneup.db") as store:
        run_id = _run(store)
        writes = WriteBehind(store)
        version = store.data_version()
        saved = writes.save(RunStore.save_note, run_id, "Traffic Study", "hello")
        assert saved is not None and saved.text == "hello"
        assert store.notes(run_id)["Traffic Study"].text == "hello"
        # Made on the store's own connection: not news to it, as another program's change is.
        assert store.data_version() == version and writes.waiting == 0
        writes.close()


def test_an_error_met_at_once_reaches_the_caller(tmp_path: Path) -> None:
    with RunStore(tmp_path / "tuneup.db") as store:
        writes = WriteBehind(store)
        with pytest.raises(StoreError, match="no run 99"):
            writes.save(RunStore.save_note, 99, "Traffic Study", "hello")
        writes.close()


def test_writes_wait_for_a_busy_store_in_order_and_its_failures_are_said(
        tmp_path: Path) -> None:
    with RunStore(tmp_path / "tuneup.db") as store:
        run_id = _run(store)
        writes = WriteBehind(store, patience=0.05)
        holder = sqlite3.connect(store.path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            began = time.monotonic()
            assert writes.save(RunStore.save_note, run_id, "Traffic Study", "one") is None
            assert time.monotonic() - began < 1  # not the store's 5 s busy wait
            time.sleep(0.1)
            assert writes.busy and writes.status == "saving… (store busy)"
            assert writes.save(RunStore.save_note, run_id, "Traffic Study", "two") is None
            # Refused once it gets its turn: the caller has moved on, so it is said later.
            assert writes.save(RunStore.save_note, 99, "Traffic Study", "lost?") is None
            assert not writes.drain(timeout=0.2)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert writes.drain(timeout=15)
        assert not writes.busy and writes.waiting == 0
        assert store.notes(run_id)["Traffic Study"].text == "two"
        assert list(writes.failures) == ["no run 99; see `tuneup runs`"]
        writes.close()


def test_settle_waits_for_a_busy_store_but_not_for_one_that_cannot_be_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    with RunStore(tmp_path / "tuneup.db") as store:
        run_id = _run(store)
        writes = WriteBehind(store, patience=0.05)
        holder = sqlite3.connect(store.path, isolation_level=None, check_same_thread=False)
        holder.execute("BEGIN IMMEDIATE")
        assert writes.save(RunStore.save_note, run_id, "Traffic Study", "busy") is None
        threading.Timer(0.5, lambda: holder.execute("ROLLBACK")).start()
        writes.settle()  # until the lock frees and the note lands
        assert store.notes(run_id)["Traffic Study"].text == "busy"
        holder.close()

        def refuse(self: RunStore, body: object) -> object:
            err = sqlite3.OperationalError("attempt to write a readonly database")
            raise StoreError(f"the run store {store.path}: {err}") from err

        monkeypatch.setattr(RunStore, "_write", refuse)
        assert writes.save(RunStore.save_note, run_id, "Traffic Study", "kept") is None
        began = time.monotonic()
        writes.settle()
        assert time.monotonic() - began < 1 and writes.waiting == 1
        monkeypatch.undo()
        writes.close()
        assert store.notes(run_id)["Traffic Study"].text == "kept" and writes.unsaved == []
