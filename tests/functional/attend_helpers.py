"""What the attendee app's tests share: a run under way in a store, the app on a fixed clock,
and reading its tables and labels."""

from __future__ import annotations

from datetime import date, datetime

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from tests.functional.cli_runs import AGENDA
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.models import Run
from tuneup_tui.ui.attend.add_item import AddActionScreen
from tuneup_tui.ui.attend.app import AttendApp

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 10)


def start_run(store: RunStore) -> Run:
    anchor = datetime(2026, 11, 23, 8, 0)
    run = store.create_run(title="Tune Up", series="ops-tuneup", cadence="day",
                           agenda_toml=AGENDA, as_of=TODAY, data_dir=None, mode="facilitator",
                           speed=1, anchor=anchor, started_at=anchor)
    store.add_event(run.id, "start", anchor, {"to": 0})
    store.add_event(run.id, "next", datetime(2026, 11, 23, 9, 2), {"to": 1})
    return run


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
