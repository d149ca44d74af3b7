"""A store that turns read-only mid-run (a remounted disk, a folder's rights taken away): the
console says so once, keeps what was typed, and saves it once the store can be written again;
quitting before that hands it back to the terminal."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.functional.console_fixtures import console, screen_text
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore, StoreError


def _read_only(store: RunStore) -> Callable[[Any, Any], Any]:
    def refuse(self: RunStore, body: Any) -> Any:
        err = sqlite3.OperationalError("attempt to write a readonly database")
        raise StoreError(f"the run store {store.path}: {err}") from err
    return refuse


async def test_what_is_typed_while_the_store_is_read_only_lands_once_it_is_writable(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.live is not None
        run_id = app.live.run.id
        monkeypatch.setattr(RunStore, "_write", _read_only(store))
        await pilot.press("ctrl+n", *"kept while read-only", "escape")
        await pilot.press("a", *"Fix the 404s", "enter", *"Dana", "enter", "enter")
        await pilot.pause(0.3)
        app.poll_store()
        assert screen_text(app, "#header").endswith("│ not saved yet")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert sum("attempt to write a readonly database" in m for m in said) == 1
        assert store.notes(run_id) == {} and store.actions(run_id) == []
        # The console goes on: the day moves.
        await pilot.press("n")
        assert app.live.status().current == 1

        monkeypatch.undo()  # writable again
        assert app.live.writes.drain(timeout=15)
        assert store.notes(run_id)["Sales and Buying Cycle Overview"].text == (
            "kept while read-only")
        assert [i.text for i in store.actions(run_id)] == ["Fix the 404s"]
        assert [e.kind for e in store.events(run_id)] == ["start", "next"]
        app.poll_store()
        assert "not saved" not in screen_text(app, "#header")


async def test_quitting_while_the_store_stays_read_only_hands_back_what_was_typed(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        monkeypatch.setattr(RunStore, "_write", _read_only(store))
        await pilot.press("ctrl+n", *"the last words", "escape")
        await pilot.press("q")
    assert app.live is not None
    unsaved = app.live.writes.unsaved
    assert unsaved and all("readonly database" in line for line in unsaved)
    # The note (saved on leaving the notes, and again on the way out) is on the terminal.
    assert any("save_note" in line and "'the last words'" in line for line in unsaved)


async def test_a_store_damaged_in_the_middle_ends_the_console_in_one_line(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The runs table reads, the run's timer actions do not ("database disk image is
    malformed" on resuming): the console ends at once, with the store's one line to say."""
    first = console(agenda, agenda_path, None, store, clock)
    async with first.run_test(size=(120, 36)) as pilot:
        await pilot.press("q")
    assert first.live is not None
    run_id = first.live.run.id
    damaged = f"the run store {store.path} is damaged (database disk image is malformed)"

    def unreadable(self: RunStore, run_id: int) -> list[Any]:
        raise StoreError(damaged)

    monkeypatch.setattr(RunStore, "events", unreadable)
    again = console(agenda, agenda_path, None, store, clock, resume_run=store.get_run(run_id))
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
    assert again.failed == damaged
    assert again.return_code == 2
