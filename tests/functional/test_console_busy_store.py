"""Another process holding the store's write lock never freezes the console: keys keep working,
the writes wait behind it and land, in order, once the lock frees."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from tests.functional.console_fixtures import console, screen_text
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore


async def test_keys_and_notes_keep_working_while_another_process_holds_the_store(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.live is not None
        run_id = app.live.run.id
        holder = sqlite3.connect(store.path, isolation_level=None)  # `tuneup log` mid-write
        holder.execute("BEGIN IMMEDIATE")
        try:
            clock.advance(minutes=31)
            pressed = time.monotonic()
            await pilot.press("n")  # on to the Traffic Study
            await pilot.press("ctrl+n", *"Dana walks the sources", "escape")
            await pilot.press("n")  # and on to Social Media
            # Answered: a write that waited in place would hold every key for a minute.
            assert time.monotonic() - pressed < 15
            assert app.live.status().current == 2
            app.poll_store()
            assert "saving… (store busy)" in screen_text(app, "#header")
            # Nothing has landed yet, and nothing is lost: it waits.
            assert [e.kind for e in store.events(run_id)] == ["start"]
            assert app.live.writes.waiting >= 3
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert app.live.writes.drain(timeout=15)
        assert store.notes(run_id)["Traffic Study"].text == "Dana walks the sources"
        assert [e.kind for e in store.events(run_id)] == ["start", "next", "next"]
        app.poll_store()
        assert "saving…" not in screen_text(app, "#header")
        assert "Social Media (3/13)" in screen_text(app, "#header")


async def test_quitting_while_the_store_is_busy_waits_for_what_was_typed(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    import threading

    app = console(agenda, agenda_path, None, store, clock)
    holder = sqlite3.connect(store.path, isolation_level=None, check_same_thread=False)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.live is not None
        run_id = app.live.run.id
        holder.execute("BEGIN IMMEDIATE")
        await pilot.press("ctrl+n", *"typed while busy", "escape")
        # The other process lets go a moment after the console was told to quit.
        threading.Timer(1.0, lambda: holder.execute("ROLLBACK")).start()
        await pilot.press("q")
    holder.close()
    assert store.notes(run_id)["Sales and Buying Cycle Overview"].text == "typed while busy"
