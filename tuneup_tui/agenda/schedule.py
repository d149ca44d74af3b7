"""The schedule and pacing engine: where the day stands at any moment.

Pure arithmetic on an injected clock (`tuneup_tui.agenda.clock`); the console only shows what
this computes. API CONTRACT (implemented by the foundation issue; the console codes against it):

- `Schedule(agenda, clock, anchor=..., mode="facilitator"|"follow_clock", min_minutes=5)`.
  `anchor` is the datetime the first session is planned to start (the agenda's clock time on
  the run's date, or the moment a rehearsal starts).
- Actions return the `ScheduleAction` they performed, so the caller can persist it; replaying
  the same actions (`Schedule.restore`) gives the same state.
- `status()` says, for the clock's now: the current session, time left (negative = overtime),
  overtime, drift and the projected end against end of day, and a row per session.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from tuneup_tui.agenda.clock import Clock
from tuneup_tui.agenda.model import Agenda

SessionState = Literal["done", "current", "next", "upcoming", "skipped", "wont_fit"]
Mode = Literal["facilitator", "follow_clock"]
ActionKind = Literal[
    "start", "pause", "resume", "next", "previous", "jump", "extend", "skip", "compress", "end"
]


@dataclass(frozen=True)
class ScheduleAction:
    """One action taken on the schedule, at the clock time it was taken."""

    kind: ActionKind
    at: datetime
    payload: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SessionRow:
    """A session as the day stands now."""

    index: int
    topic: str
    who: str
    planned_start: datetime
    """The agenda's start, anchored on the run's date."""
    planned_minutes: int
    start: datetime
    """Actual start if it has started, else the projected start."""
    minutes: float
    """The minutes it is allotted now (after extends and compressions)."""
    end: datetime
    """Actual end if it is done, else the projected end."""
    actual_start: datetime | None
    actual_end: datetime | None
    status: SessionState


@dataclass(frozen=True)
class ScheduleStatus:
    """Where the day stands at `now`."""

    now: datetime
    current: int | None
    """Index of the current session; None before the start and after the end."""
    started: bool
    paused: bool
    finished: bool
    elapsed: timedelta
    """Time spent in the current session (pauses excluded)."""
    remaining: timedelta
    """Time left in the current session; negative once it runs over."""
    overtime: timedelta
    """How far past its allotted time the current session is; never negative."""
    projected_end: datetime
    end_of_day: datetime
    drift: timedelta
    """projected_end - end_of_day: positive when the day will end late."""
    rows: tuple[SessionRow, ...]


@dataclass(frozen=True)
class CompressPlan:
    """What a compress would do: the new start and length of every remaining session."""

    fits: bool
    """False when even at the minimum length the day can't end on time."""
    rows: tuple[SessionRow, ...]
    projected_end: datetime
    message: str


class Schedule:
    """A run's schedule: the plan, the actions taken, and the clock."""

    def __init__(self, agenda: Agenda, clock: Clock, *, anchor: datetime,
                 mode: Mode = "facilitator", min_minutes: int = 5) -> None:
        raise NotImplementedError

    @classmethod
    def restore(cls, agenda: Agenda, clock: Clock, *, anchor: datetime, mode: Mode,
                actions: Iterable[ScheduleAction], min_minutes: int = 5) -> Schedule:
        """A schedule with `actions` replayed in order (each at its own recorded time)."""
        raise NotImplementedError

    def status(self) -> ScheduleStatus:
        raise NotImplementedError

    def start(self) -> ScheduleAction:
        raise NotImplementedError

    def pause(self) -> ScheduleAction:
        raise NotImplementedError

    def resume(self) -> ScheduleAction:
        raise NotImplementedError

    def next(self) -> ScheduleAction:
        raise NotImplementedError

    def previous(self) -> ScheduleAction:
        raise NotImplementedError

    def jump(self, index: int) -> ScheduleAction:
        raise NotImplementedError

    def extend(self, minutes: float = 5) -> ScheduleAction:
        raise NotImplementedError

    def skip(self, index: int | None = None) -> ScheduleAction:
        """Skip a session (default: the current one, moving to the next)."""
        raise NotImplementedError

    def preview_compress(self) -> CompressPlan:
        raise NotImplementedError

    def compress(self) -> tuple[ScheduleAction, CompressPlan]:
        raise NotImplementedError

    def end(self) -> ScheduleAction:
        raise NotImplementedError
