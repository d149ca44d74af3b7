"""Another process holding the store's write lock never freezes the attendee app: an item added
meanwhile waits behind it, says so, and lands once the lock frees; quitting first waits for it."""

from __future__ import annotations

import sqlite3
import threading
import time

from textual.pilot import Pilot

from tests.functional.attend_helpers import make_app, open_add_dialog, rows
from tests.functional.run_under_way import start_run
from tuneup_tui.store.db import RunStore


async def _add(pilot: Pilot[None], text: str) -> None:
    await open_add_dialog(pilot)
    await pilot.press(*text, "enter")
    await pilot.pause()


async def test_an_item_added_while_the_store_is_busy_lands_when_it_frees(
        store: RunStore) -> None:
    run = start_run(store)
    app = make_app(store, name="Priya")
    async with app.run_test(size=(110, 40)) as pilot:
        holder = sqlite3.connect(store.path, isolation_level=None)  # `tuneup log` mid-write
        holder.execute("BEGIN IMMEDIATE")
        try:
            pressed = time.monotonic()
            await _add(pilot, "Recheck the 404 list")
            # Answered at once: a write that waited in place would hold the app for a minute.
            assert time.monotonic() - pressed < 15
            assert app.writes.waiting == 1
            assert store.actions(run.id) == []  # not landed, and not lost
            assert any("store is busy" in str(n.message) for n in app._notifications)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert app.writes.drain(timeout=15)
        [item] = store.actions(run.id)
        assert (item.text, item.owner, item.created_by) == (
            "Recheck the 404 list", "Priya", "Priya")
        await pilot.pause(0.2)  # the next poll sees the commit and redraws
        assert rows(app, "#mine") == [
            ["1", "Priya", "2026-11-30", "open", "Site Health", "Recheck the 404 list"]]


async def test_quitting_while_the_store_is_busy_waits_for_the_item(store: RunStore) -> None:
    run = start_run(store)
    app = make_app(store, name="Priya")
    holder = sqlite3.connect(store.path, isolation_level=None, check_same_thread=False)
    async with app.run_test(size=(110, 40)) as pilot:
        holder.execute("BEGIN IMMEDIATE")
        await _add(pilot, "Typed while busy")
        # The other process lets go a moment after the app was told to quit.
        threading.Timer(1.0, lambda: holder.execute("ROLLBACK")).start()
        await pilot.press("ctrl+q")
    holder.close()
    assert [i.text for i in store.actions(run.id)] == ["Typed while busy"]
    assert app.writes.unsaved == []
