"""What the attendee app's tests share: a run under way in a store, the app on a fixed clock,
and reading its tables and labels."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from tests.functional.run_under_way import NOW, TODAY
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.attend.add_item import AddActionScreen
from tuneup_tui.ui.attend.app import AttendApp


def make_app(store: RunStore, **kwargs: object) -> AttendApp:
    return AttendApp(store, today=lambda: TODAY, now=lambda: NOW, poll_seconds=0.05,
                     **kwargs)  # type: ignore[arg-type]


def rows(app: AttendApp, table_id: str) -> list[list[str]]:
    table = app.query_one(table_id, DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def text(app: AttendApp, widget_id: str) -> str:
    return str(app.query_one(widget_id, Static).render())


async def open_add_dialog(pilot: Pilot[None]) -> AddActionScreen:
    """Press `a` and wait for the add dialog."""
    await pilot.press("a")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, AddActionScreen)
    return dialog
