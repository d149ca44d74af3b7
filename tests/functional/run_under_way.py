"""A run under way in a store, on a fixed day and clock: 2026-11-23 (a Monday) at 09:10, the
room in its second session, Site Health. Shared by the attendee app's tests and the attendee
page's (no textual here: the page's tests need none)."""

from __future__ import annotations

from datetime import date, datetime

from tests.functional.cli_runs import AGENDA
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.models import Run

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 10)


def start_run(store: RunStore) -> Run:
    """Today's run, started at 08:00 and moved on to Site Health at 09:02."""
    anchor = datetime(2026, 11, 23, 8, 0)
    run = store.create_run(title="Tune Up", series="ops-tuneup", cadence="day",
                           agenda_toml=AGENDA, as_of=TODAY, data_dir=None, mode="facilitator",
                           speed=1, anchor=anchor, started_at=anchor)
    store.add_event(run.id, "start", anchor, {"to": 0})
    store.add_event(run.id, "next", datetime(2026, 11, 23, 9, 2), {"to": 1})
    return run
