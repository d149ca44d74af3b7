"""A finished run of the built-in day in the default store, for the summary's tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tuneup_tui.agenda.builtins import resolve_agenda
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.load import load_agenda
from tuneup_tui.agenda.schedule import Schedule
from tuneup_tui.store.db import RunStore


def make_run(*, spots: dict[str, int] | None = None, speed: float = 1.0,
             day: date = date(2026, 11, 23)) -> int:
    """A finished one-day run of the built-in agenda: every session on time."""
    path = resolve_agenda("one-day-tuneup")
    agenda = load_agenda(path)
    anchor = datetime.combine(day, agenda.sessions[0].start)
    store = RunStore.open_default()
    try:
        run = store.create_run(title=agenda.title, series=agenda.series, cadence="day",
                               agenda_toml=path.read_text(encoding="utf-8"), as_of=day,
                               data_dir=None, mode="facilitator", speed=speed, anchor=anchor,
                               started_at=anchor - timedelta(minutes=5))
        clock = FakeClock(anchor)
        schedule = Schedule(agenda, clock, anchor=anchor)
        a = schedule.start()
        store.add_event(run.id, a.kind, a.at, a.payload)
        clock.advance(minutes=30)
        a = schedule.next()
        store.add_event(run.id, a.kind, a.at, a.payload)
        store.add_action(run.id, "=cmd|' /C calc'!A0", "Dana", due=date(2026, 11, 27),
                         session="Traffic Study")
        for topic, n in (spots or {}).items():
            for i in range(n):
                store.add_soft_spot(run.id, f"spot {i}", session=topic)
        return run.id
    finally:
        store.close()
