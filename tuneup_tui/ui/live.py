"""A live run: the agenda, its run in the store and its schedule on a clock, kept in step.

Every schedule action is written to the store the moment it is taken (behind the console when
another process holds the store's lock, see `store.write_behind`), so replaying the store's
events (`Schedule.restore`) gives back the same day after a crash. This module has no textual
import: the console's widgets only show what it holds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from tuneup_tui.agenda.clock import Clock, wall_time
from tuneup_tui.agenda.model import Agenda, Session, minutes_of
from tuneup_tui.agenda.schedule import (
    CompressPlan,
    Mode,
    Schedule,
    ScheduleAction,
    ScheduleStatus,
)
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.models import Run
from tuneup_tui.store.write_behind import WriteBehind

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


def day_length_minutes(agenda: Agenda) -> int:
    """The planned minutes from the first session to end of day."""
    if not agenda.sessions:
        return 0
    return minutes_of(agenda.end_of_day) - minutes_of(agenda.sessions[0].start)


class LiveRun:
    """The run being facilitated, its schedule and the store it is saved in."""

    def __init__(self, agenda: Agenda, store: RunStore, run: Run, schedule: Schedule,
                 clock: Clock) -> None:
        self.agenda = agenda
        self.store = store
        self.run = run
        self.schedule = schedule
        self.clock = clock
        self.on_action: Callable[[ScheduleAction], None] | None = None
        """Called after each persisted action (the console refreshes on it)."""
        self.writes = WriteBehind(store)
        """The console's writes, made behind it: a busy store never freezes a key."""

    @classmethod
    def start_new(
        cls,
        agenda: Agenda,
        store: RunStore,
        clock: Clock,
        *,
        agenda_toml: str,
        agenda_path: Path | None,
        as_of: date,
        data_dir: Path | None,
        mode: Mode,
        speed: float,
        start_now: bool = False,
        rehearsal: bool = False,
    ) -> LiveRun:
        """Create the run in the store and its schedule, anchored by `plan_anchor`."""
        now = clock.now()
        anchor, at_once = plan_anchor(agenda, now, start_now=start_now)
        schedule = Schedule(agenda, clock, anchor=anchor, mode=mode)
        # Started at once: the run and its start are saved in one commit.
        started = schedule.start() if at_once else None
        run = store.create_run(
            title=agenda.title,
            series=agenda.series,
            cadence=agenda.cadence,
            agenda_toml=agenda_toml,
            as_of=as_of,
            data_dir=str(data_dir) if data_dir is not None else None,
            mode=mode,
            speed=speed,
            rehearsal=True if rehearsal else None,
            anchor=anchor,
            started_at=wall_time(clock),
            agenda_path=str(agenda_path) if agenda_path is not None else None,
            events=[] if started is None else [
                (started.kind, started.at, dict(started.payload))],
        )
        live = cls(agenda, store, run, schedule, clock)
        if started is None:
            live.start_if_due()
        return live

    @classmethod
    def resume(cls, agenda: Agenda, store: RunStore, run: Run, clock: Clock) -> LiveRun:
        """The run as it stood: its schedule rebuilt from the store's events, in order."""
        actions = [ScheduleAction(e.kind, e.at, dict(e.payload))  # type: ignore[arg-type]
                   for e in store.events(run.id)]
        schedule = Schedule.restore(agenda, clock, anchor=run.anchor, mode=run.mode,
                                    actions=actions)
        live = cls(agenda, store, run, schedule, clock)
        live.start_if_due()
        return live

    # the day

    def status(self) -> ScheduleStatus:
        return self.schedule.status()

    def start_if_due(self) -> bool:
        """Start the first session once the clock reaches the plan's anchor."""
        if self.schedule.status().started or self.clock.now() < self.run.anchor:
            return False
        self._persist(self.schedule.start())
        return True

    def session(self, index: int | None) -> Session | None:
        if index is None or not 0 <= index < len(self.agenda.sessions):
            return None
        return self.agenda.sessions[index]

    def next(self) -> ScheduleAction:
        if not self.schedule.status().started:
            return self._persist(self.schedule.start())
        return self._persist(self.schedule.next())

    def previous(self) -> ScheduleAction:
        return self._persist(self.schedule.previous())

    def toggle_pause(self) -> ScheduleAction:
        status = self.schedule.status()
        if not status.started:
            return self._persist(self.schedule.start())
        if status.paused:
            return self._persist(self.schedule.resume())
        return self._persist(self.schedule.pause())

    def extend(self, minutes: float = 5) -> ScheduleAction:
        return self._persist(self.schedule.extend(minutes))

    def skip(self) -> ScheduleAction:
        return self._persist(self.schedule.skip())

    def jump(self, index: int) -> ScheduleAction:
        if not self.schedule.status().started:
            self._persist(self.schedule.start())
        return self._persist(self.schedule.jump(index))

    def preview_compress(self) -> CompressPlan:
        return self.schedule.preview_compress()

    def compress(self) -> CompressPlan:
        action, plan = self.schedule.compress()
        self._persist(action)
        return plan

    def end(self) -> None:
        """End the schedule and the run in the store (the summary is written by the caller)."""
        if not self.schedule.status().finished:
            self._persist(self.schedule.end())
        if not self.run.finished:
            ended = wall_time(self.clock)
            self.writes.save(RunStore.end_run, self.run.id, ended)
            self.run = self.run._replace(ended_at=ended)

    def _persist(self, action: ScheduleAction) -> ScheduleAction:
        self.writes.save(RunStore.add_event, self.run.id, action.kind, action.at,
                         dict(action.payload))
        if self.on_action is not None:
            self.on_action(action)
        return action
