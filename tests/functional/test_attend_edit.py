"""An attendee fixes and closes their own items in the attendee app; others' are refused."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from tests.functional.attend_helpers import make_app, rows
from tests.functional.run_under_way import start_run
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.dialogs.edit_action import EditActionDialog


async def test_an_attendee_fixes_and_closes_their_own_items_only(store: RunStore) -> None:
    run = start_run(store)
    mine = store.add_action(run.id, "Find teh leads", "Priya", created_by="facilitator")
    added = store.add_action(run.id, "Check the CRM sync", "Dana", created_by="Priya")
    theirs = store.add_action(run.id, "Fix the 404s", "Dana", created_by="facilitator")
    app = make_app(store, name="priya")
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        everyone = app.query_one("#everyone", DataTable)
        everyone.focus()
        everyone.move_cursor(row=2)  # Dana's, added by the facilitator
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, EditActionDialog)
        assert store.action(theirs.id).text == "Fix the 404s"
        await pilot.press("c")
        await pilot.pause()
        assert store.action(theirs.id).status == "open"

        everyone.move_cursor(row=0)  # Priya's own
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditActionDialog)
        dialog.query_one("#text", Input).value = "Find the leads"
        await pilot.press("enter", "enter", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, EditActionDialog)
        assert store.action(mine.id).text == "Find the leads"
        [change] = store.action_changes(mine.id)
        assert change.changed_by == "Priya" and change.change == "edit"

        everyone.move_cursor(row=1)  # Dana's, but Priya added it: hers to close
        await pilot.press("c")
        await pilot.pause()
        assert store.action(added.id).status == "done"
        assert [c.changed_by for c in store.action_changes(added.id)] == ["Priya"]
        assert [r[3] for r in rows(app, "#everyone")] == ["open", "done", "open"]
