"""The schedule engine's public records: actions, session rows, the day's status, a compress plan.

Frozen, slotted dataclasses: immutable, compared by value and by type (a status is never equal
to a plain tuple).

They live here so the engine's private helpers can build them without importing
`tuneup_tui.agenda.schedule` (which imports the helpers); `schedule` re-exports every one, and
that is where the rest of the program imports them from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from tuneup_tui.agenda.model import NOTHING

SessionState = Literal["done", "current", "next", "upcoming", "skipped", "wont_fit"]
Mode = Literal["facilitator", "follow_clock"]
ActionKind = Literal[
    "start", "pause", "resume", "next", "previous", "jump", "extend", "skip", "compress", "end"
]

ACTION_KINDS: tuple[str, ...] = (
    "start", "pause", "resume", "next", "previous", "jump", "extend", "skip", "compress", "end"
)
MODES: tuple[str, ...] = ("facilitator", "follow_clock")


@dataclass(frozen=True, slots=True)
class ScheduleAction:
    """One action taken on the schedule, at the clock time it was taken."""

    kind: ActionKind
    at: datetime
    payload: Mapping[str, Any] = field(default_factory=lambda: NOTHING)
    """What replaying it needs ({"minutes": 5}, {"index": 3}, {"lengths": {"4": 29, ...}}) and,
    for moves, the session that became current ({"to": 4}; None when the day finished)."""


@dataclass(frozen=True, slots=True)
class SessionRow:
    """A session as the day stands now."""

    index: int
    """The session's place in the agenda."""
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
    spent: timedelta = timedelta(0)
    """Time actually spent in it so far, every visit added up, pauses excluded."""
    fits: bool = True
    """False when its (projected) end is past end of day."""


@dataclass(frozen=True, slots=True)
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
    next: int | None = None
    """Index of the session that will run next (its row may say "wont_fit" instead of "next")."""
    mode: Mode = "facilitator"


@dataclass(frozen=True, slots=True)
class CompressPlan:
    """What a compress would do: the new start and length of every remaining session."""

    fits: bool
    """False when even at the minimum length the day can't end on time."""
    rows: tuple[SessionRow, ...]
    projected_end: datetime
    message: str
    changes: bool = True
    """False when there is nothing to compress (the day is on time, or nothing is left)."""
    lengths: Mapping[int, int] = field(default_factory=lambda: NOTHING)
    """The new allotted minutes, by session index."""
    minutes_before: Mapping[int, float] = field(default_factory=lambda: NOTHING)
    """The allotted minutes before the compress, by session index."""
