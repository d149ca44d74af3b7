"""The run store: every change to an action item kept with who and when; deleting an item;
rehearsals kept apart from the real runs of a series; deleting a run."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.unit.store_runs import DAY, Ticks, make_run
from tuneup_tui.store import schema
from tuneup_tui.store.db import RunStore, StoreError
from tuneup_tui.store.models import Run


@pytest.fixture
def store(tmp_path: Path) -> Iterator[RunStore]:
    opened = RunStore(tmp_path / "tuneup.db", now=Ticks())
    yield opened
    opened.close()


def test_an_edit_is_kept_with_who_when_and_the_values_it_changed(store: RunStore) -> None:
    run = make_run(store)
    item = store.add_action(run.id, "Fix teh 404s", "Dnaa", due=date(2026, 12, 1))  # 09:01
    edited = store.update_action(item.id, text="Fix the 404s", owner="Dana",
                                 due=date(2026, 12, 1), by="Maya")  # 09:02
    assert (edited.text, edited.owner) == ("Fix the 404s", "Dana")
    [change] = store.action_changes(item.id)
    assert change.change == "edit" and change.changed_by == "Maya"
    assert change.changed_at == datetime(2026, 11, 23, 9, 2)
    # the due date did not change, so it is not in the change
    assert dict(change.old_values) == {"text": "Fix teh 404s", "owner": "Dnaa"}
    assert dict(change.new_values) == {"text": "Fix the 404s", "owner": "Dana"}


def test_close_drop_and_reopen_are_named_and_a_no_change_is_not_kept(store: RunStore) -> None:
    run = make_run(store)
    item = store.add_action(run.id, "Call Priya", "Dana")
    store.update_action(item.id, status="done", by="Dana")
    store.update_action(item.id, status="done", by="Dana")  # already done: nothing to keep
    store.update_action(item.id, status="open", by="Maya")
    store.update_action(item.id, status="dropped")
    changes = store.action_changes(item.id)
    assert [(c.change, c.changed_by) for c in changes] == [
        ("close", "Dana"), ("reopen", "Maya"), ("drop", "facilitator")]
    assert dict(changes[0].old_values) == {"status": "open"}


def test_a_deleted_item_leaves_the_run_and_its_history_keeps_it(store: RunStore) -> None:
    run = make_run(store)
    junk = store.add_action(run.id, "x", "Dana", due=date(2026, 12, 4))
    kept = store.add_action(run.id, "Fix the 404s", "Dana")
    store.delete_action(junk.id, by="Maya")
    assert [a.id for a in store.actions(run.id)] == [kept.id]
    with pytest.raises(StoreError, match=f"no action item {junk.id}"):
        store.action(junk.id)
    [change] = store.action_changes(junk.id)
    assert change.change == "delete" and change.changed_by == "Maya"
    assert dict(change.old_values) == {"text": "x", "owner": "Dana", "due": "2026-12-04",
                                       "status": "open"}
    with pytest.raises(StoreError, match=f"no action item {junk.id}"):
        store.delete_action(junk.id)


def test_deleting_an_item_a_later_run_carried_keeps_the_copy(store: RunStore) -> None:
    first = make_run(store)
    old = store.add_action(first.id, "Fix", "Dana")
    second = make_run(store)
    copy = store.add_action(second.id, "Fix", "Dana", carried_from=old.id)
    store.delete_action(old.id)
    assert store.action(copy.id).carried_from is None


def _run_at(store: RunStore, hours: int, *, speed: float = 1.0,
            rehearsal: bool | None = None) -> Run:
    at = DAY + timedelta(hours=hours)
    return store.create_run(title="Tune Up", series="ops", cadence="day", agenda_toml="",
                            as_of=at.date(), data_dir=None, mode="facilitator", speed=speed,
                            anchor=at, started_at=at, rehearsal=rehearsal)


def test_a_run_at_another_speed_is_a_rehearsal_and_is_never_the_previous_run(
        store: RunStore) -> None:
    real = _run_at(store, 0)
    sped = _run_at(store, 1, speed=60)
    asked = _run_at(store, 2, rehearsal=True)
    later = _run_at(store, 3)
    assert (real.rehearsal, sped.rehearsal, asked.rehearsal, later.rehearsal) == (
        False, True, True, False)
    assert store.get_run(sped.id).rehearsal is True
    assert store.previous_run(later) == store.get_run(real.id)
    assert store.previous_run(later, include_rehearsals=True) == store.get_run(asked.id)
    # a rehearsal compares itself with the real run before it
    assert store.previous_run(asked) == store.get_run(real.id)


def test_delete_run_removes_the_run_and_everything_in_it(store: RunStore) -> None:
    first = _run_at(store, 0)
    old = store.add_action(first.id, "Fix", "Dana")
    run = _run_at(store, 1, speed=60)
    carried = store.add_action(run.id, "Fix", "Dana", carried_from=old.id)
    store.update_action(carried.id, owner="Priya")
    store.save_note(run.id, "Traffic Study", "notes")
    store.record_figure(run.id, "expected_leads_to_sales", 41)
    store.add_soft_spot(run.id, "bing converts badly")
    store.save_panel_figures(run.id, "traffic", {"sessions": 10})
    store.add_event(run.id, "start", DAY)
    store.delete_run(run.id)
    assert [r.id for r in store.runs()] == [first.id]
    assert store.actions(first.id) == [store.action(old.id)]
    assert store.action_changes(carried.id) == []
    with pytest.raises(StoreError, match=f"no run {run.id}"):
        store.delete_run(run.id)


def test_a_version_2_file_marks_its_sped_runs_as_rehearsals(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, target=2)
    for speed in (1, 60):
        conn.execute(
            "INSERT INTO runs (title, series, cadence, agenda_toml, as_of, mode, speed, anchor,"
            " started_at) VALUES ('Day', 'ops', 'day', '', '2026-10-05', 'facilitator', ?,"
            " '2026-10-05T08:00:00.000000', '2026-10-05T07:58:00.000000')", (speed,))
    conn.close()
    with RunStore(path) as store:
        assert [r.rehearsal for r in sorted(store.runs(), key=lambda r: r.id)] == [False, True]
