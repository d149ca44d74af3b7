"""A dialog is dismissed once: a second enter that arrives before it has gone (keys come in
batches from a fast typist or a slow link) neither hands its result over again nor pops the
screen under it (which ended the attendee app with a traceback)."""

from __future__ import annotations

from pathlib import Path

from tests.functional.attend_helpers import make_app, open_add_dialog
from tests.functional.console_fixtures import console
from tests.functional.run_under_way import start_run
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.attend.add_item import AddActionScreen
from tuneup_tui.ui.dialogs.add_action import AddActionDialog
from tuneup_tui.ui.screens.main import MainScreen


async def test_the_attendee_dialog_submitted_twice_adds_one_item(store: RunStore) -> None:
    run = start_run(store)
    app = make_app(store, name="Priya")
    async with app.run_test(size=(110, 40)) as pilot:
        dialog = await open_add_dialog(pilot)
        await pilot.press(*"Recheck the 404 list")
        dialog.submit()
        dialog.submit()  # the second enter, before the dialog has gone
        await pilot.pause()
        assert not isinstance(app.screen, AddActionScreen)
        assert app.is_running
    assert [i.text for i in store.actions(run.id)] == ["Recheck the 404 list"]


async def test_a_console_dialog_saved_twice_adds_one_item(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AddActionDialog)
        await pilot.press(*"Fix the 404s", "enter", *"Dana")
        dialog.save()
        dialog.save()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.is_running
        assert app.live is not None
        assert [a.text for a in store.actions(app.live.run.id)] == ["Fix the 404s"]
