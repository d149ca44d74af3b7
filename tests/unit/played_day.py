"""A day played in a small store (the summary's tests and the cross-source checks share it):
Traffic Study runs 15 minutes over, Paid Programs is skipped, Site Health ends the day. The
store comes from the `played_store` fixture (tests/unit/conftest.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.load import loads_agenda
from tuneup_tui.agenda.schedule import Schedule
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.models import Run

AGENDA = """\
[agenda]
title = "Small Tune Up"
series = "small"
cadence = "day"
period = "week"
baseline_periods = 8
end_of_day = "10:30"

[[roles]]
role = "Webmaster"
people = ["Dana"]

[[roles]]
role = "Sales Ops"
people = ["Priya", "everyone"]

[[sessions]]
start = "09:00"
topic = "Traffic Study"
who = "Webmaster"
panel = "traffic"

[[sessions]]
start = "09:30"
topic = "Paid Programs"
who = "Sales Ops"
panel = "paid"

[[sessions]]
start = "10:00"
topic = "Site Health"
who = "Webmaster"
"""


STORE_CLOCK = FakeClock(datetime(2026, 11, 16, 9, 0))


def play_day(store: RunStore, day: date) -> Run:
    """Traffic Study runs 15 minutes over (09:00-09:45), Paid Programs is skipped at 09:45,
    Site Health runs 09:45-10:15 and the day ends there."""
    anchor = datetime.combine(day, datetime.min.time()).replace(hour=9)
    agenda = loads_agenda(AGENDA, "test")
    run = store.create_run(title="Small Tune Up", series="small", cadence="day",
                           agenda_toml=AGENDA, as_of=day, data_dir=None, mode="facilitator",
                           speed=1.0, anchor=anchor, started_at=anchor - timedelta(minutes=5))
    clock = FakeClock(anchor)
    schedule = Schedule(agenda, clock, anchor=anchor)

    def keep(action: object) -> None:
        store.add_event(run.id, action.kind, action.at, action.payload)  # type: ignore[attr-defined]

    keep(schedule.start())
    clock.advance(minutes=45)
    keep(schedule.next())       # into Paid Programs at 09:45
    keep(schedule.skip())       # skipped at once: into Site Health at 09:45
    clock.advance(minutes=30)
    keep(schedule.end())        # 10:15
    store.end_run(run.id, clock.now())
    return store.get_run(run.id)


