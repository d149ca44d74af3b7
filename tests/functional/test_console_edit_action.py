"""Fixing an action item in the console: enter on it opens it; text, owner (completing from the
roster), due and status are saved with who and when; delete asks first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, Select

from tests.functional.console_fixtures import console, work_area_shown
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.dialogs.confirm import ConfirmDialog
from tuneup_tui.ui.dialogs.edit_action import EditActionDialog
from tuneup_tui.ui.widgets.actions_table import ActionsTable


async def test_enter_on_an_item_edits_it_and_delete_asks_first(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await work_area_shown(pilot)
        assert app.live is not None
        run_id = app.live.run.id
        await pilot.press("a", *"Fix teh 404s", "enter", *"xx", "enter", "enter")
        await pilot.pause()
        (item,) = store.actions(run_id)
        table = app.screen.query_one(ActionsTable)
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditActionDialog)
        assert dialog.query_one("#text", Input).value == "Fix teh 404s"
        assert dialog.query_one("#owner", Input).value == "xx"
        # fix the text; the owner completes from two letters of the roster ("Dana")
        dialog.query_one("#text", Input).value = ""
        await pilot.press(*"Fix the 404s", "enter", "ctrl+a", "ctrl+k", "d", "a", "enter")
        dialog.query_one("#status", Select).value = "done"
        await pilot.press("ctrl+a", "ctrl+k", "enter")  # no due date
        await pilot.pause()
        assert not isinstance(app.screen, EditActionDialog)
        edited = store.action(item.id)
        assert (edited.text, edited.owner, edited.due, edited.status) == (
            "Fix the 404s", "Dana", None, "done")
        [change] = store.action_changes(item.id)
        assert change.changed_by == "facilitator" and change.change == "close"
        assert dict(change.new_values) == {"text": "Fix the 404s", "owner": "Dana",
                                           "due": None, "status": "done"}
        assert str(table.get_row_at(0)[1]) == "Dana"

        # delete: the question comes first, and "Keep it" keeps it
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.click("#delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # the focus is on "Keep it"
        await pilot.pause()
        assert isinstance(app.screen, EditActionDialog)
        assert store.actions(run_id) != []
        await pilot.click("#delete")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert not isinstance(app.screen, (ConfirmDialog, EditActionDialog))
        assert store.actions(run_id) == [] and table.row_count == 0
        assert [c.change for c in store.action_changes(item.id)] == ["close", "delete"]


async def test_a_past_due_date_it_already_had_still_saves(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await work_area_shown(pilot)
        assert app.live is not None
        old = store.add_action(app.live.run.id, "Carried from last month", "Dana",
                               due=date(2026, 11, 2))
        app.main.refresh_store_data()
        await pilot.pause()
        app.screen.query_one(ActionsTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditActionDialog)
        await pilot.press("end", *" (for Sam)", "enter", "enter", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, EditActionDialog)
        saved = store.action(old.id)
        assert (saved.text, saved.due) == ("Carried from last month (for Sam)",
                                           date(2026, 11, 2))
        # a new date in the past is refused, and what was typed stays
        app.screen.query_one(ActionsTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditActionDialog)
        dialog.query_one("#due", Input).value = "2026-11-01"
        await pilot.click("#save")
        await pilot.pause()
        assert app.screen is dialog
        assert "in the past" in str(dialog.query_one("#error").render())
