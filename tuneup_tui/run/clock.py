"""Where a run's day is anchored and which clock it runs on, for a new run and a resumed one.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from tuneup_tui.agenda.clock import Clock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.models import Run

EARLY_MINUTES = 30
"""A run started up to this long before the first session waits for the agenda's time; any
earlier (or after the day's end) it is a rehearsal and starts at once."""


def plan_anchor(agenda: Agenda, now: datetime, *, start_now: bool = False
                ) -> tuple[datetime, bool]:
    """Where the run's first session is planned to start, and whether that is now.

    The agenda's first start on today's date, unless the run starts outside the day's window
    (more than `EARLY_MINUTES` before the first session, or at or after end of day) or
    `start_now` is asked for: then the plan starts at the next whole second, and the run
    starts at once (a hair early rather than a hair late, so the day is on time).
    """
    at_once = now.replace(microsecond=0) + timedelta(seconds=1)
    if start_now or not agenda.sessions:
        return at_once, True
    first = agenda.sessions[0].start
    planned = datetime.combine(now.date(), first)
    end = datetime.combine(now.date(), agenda.end_of_day)
    if now < planned - timedelta(minutes=EARLY_MINUTES) or now >= end:
        return at_once, True
    return planned, False


def run_clock(speed: float, store: RunStore, resume: Run | None = None) -> Clock:
    """The wall clock, or a scaled one for rehearsals.

    A resumed rehearsal's clock carries on from the run's last recorded action, not from the
    wall clock (which its scaled time has long left behind).
    """
    from tuneup_tui.agenda.clock import ScaledClock, SystemClock

    if speed == 1.0:
        return SystemClock()
    anchor: datetime | None = None
    if resume is not None:
        events = store.events(resume.id)
        anchor = events[-1].at if events else resume.anchor
    return ScaledClock(speed, anchor=anchor)


def carried_on(run: Run, data_dir: Path | None, speed: float) -> tuple[Path | None, float]:
    """The data folder and clock speed a resumed `run` carries on with: its own, unless the
    command line named a folder or gave a speed (other than 1)."""
    if data_dir is None and run.data_dir:
        data_dir = Path(run.data_dir)
    return data_dir, run.speed if speed == 1.0 else speed
