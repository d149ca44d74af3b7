"""The schedule and pacing engine: where the day stands at any moment.

Pure arithmetic on an injected clock (`tuneup_tui.agenda.clock`); the console only shows what
this computes. API CONTRACT (the console codes against it):

- `Schedule(agenda, clock, anchor=..., mode="facilitator"|"follow_clock", min_minutes=5)`.
  `anchor` is the datetime the first session is planned to start (the agenda's clock time on
  the run's date, or the moment a rehearsal starts).
- Actions return the `ScheduleAction` they performed, so the caller can persist it; replaying
  the same actions (`Schedule.restore`) gives the same state. An action that makes no sense
  now (next when the day is over, extend by 0, ...) raises ValueError with a one-line message
  for the facilitator, and changes nothing.
- `status()` says, for the clock's now: the current session, time left (negative = overtime),
  overtime, drift and the projected end against end of day, and a row per session.

docs/schedule.md says what each action does to the day.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any, cast

from tuneup_tui.agenda._schedule_state import DayState, Track
from tuneup_tui.agenda._schedule_types import (
    ACTION_KINDS,
    MODES,
    ActionKind,
    CompressPlan,
    Mode,
    ScheduleAction,
    ScheduleStatus,
    SessionRow,
    SessionState,
)
from tuneup_tui.agenda._schedule_view import DayPlan, day_status
from tuneup_tui.agenda.clock import Clock
from tuneup_tui.agenda.model import Agenda

__all__ = [
    "ActionKind",
    "CompressPlan",
    "Mode",
    "Schedule",
    "ScheduleAction",
    "ScheduleStatus",
    "SessionRow",
    "SessionState",
]


class Schedule:
    """A run's schedule: the plan, the actions taken, and the clock."""

    def __init__(self, agenda: Agenda, clock: Clock, *, anchor: datetime,
                 mode: Mode = "facilitator", min_minutes: int = 5) -> None:
        if not agenda.sessions:
            raise ValueError("The agenda has no sessions to schedule.")
        if mode not in MODES:
            raise ValueError(f"Unknown schedule mode {mode!r}: expected facilitator or"
                             " follow_clock.")
        if min_minutes < 0:
            raise ValueError(f"The minimum session length can't be negative (got {min_minutes}).")
        self.agenda = agenda
        self.clock = clock
        self.anchor = anchor
        self.mode: Mode = mode
        self.min_minutes = min_minutes
        self.plan = DayPlan.anchored(agenda, anchor, mode, min_minutes)
        self.planned_starts: tuple[datetime, ...] = self.plan.planned_starts
        self.end_of_day: datetime = self.plan.end_of_day
        self._day = DayState(
            tracks=[Track(allotted=timedelta(minutes=agenda.session_length(i)))
                    for i in range(len(agenda.sessions))],
            anchor=anchor, follow_clock=mode == "follow_clock")
        self._actions: list[ScheduleAction] = []
        self._applied_plan: CompressPlan | None = None
        """The plan the latest live compress applied (what `compress()` returns)."""

    @classmethod
    def restore(cls, agenda: Agenda, clock: Clock, *, anchor: datetime, mode: Mode,
                actions: Iterable[ScheduleAction], min_minutes: int = 5) -> Schedule:
        """A schedule with `actions` replayed in order (each at its own recorded time)."""
        schedule = cls(agenda, clock, anchor=anchor, mode=mode, min_minutes=min_minutes)
        for action in actions:
            schedule.apply(action.kind, action.at, action.payload)
        return schedule

    @property
    def actions(self) -> tuple[ScheduleAction, ...]:
        """Every action taken so far, in order (what `restore` needs)."""
        return tuple(self._actions)

    def status(self) -> ScheduleStatus:
        return self._status_at(self.clock.now())

    # the actions, at the clock's now
    def start(self) -> ScheduleAction:
        return self.apply("start", self.clock.now())

    def pause(self) -> ScheduleAction:
        return self.apply("pause", self.clock.now())

    def resume(self) -> ScheduleAction:
        return self.apply("resume", self.clock.now())

    def next(self) -> ScheduleAction:
        return self.apply("next", self.clock.now())

    def previous(self) -> ScheduleAction:
        return self.apply("previous", self.clock.now())

    def jump(self, index: int) -> ScheduleAction:
        return self.apply("jump", self.clock.now(), {"index": index})

    def extend(self, minutes: float = 5) -> ScheduleAction:
        return self.apply("extend", self.clock.now(), {"minutes": minutes})

    def skip(self, index: int | None = None) -> ScheduleAction:
        """Skip a session (default: the current one, moving to the next)."""
        return self.apply("skip", self.clock.now(), {} if index is None else {"index": index})

    def preview_compress(self) -> CompressPlan:
        """What `compress()` would do now, changing nothing."""
        # read when a day is first compressed, not before the console's first frame
        from tuneup_tui.agenda._schedule_compress import compress_plan

        now = self.clock.now()
        day = self._day.clone()
        day.catch_up(now)
        return compress_plan(day, self.plan, now)

    def compress(self) -> tuple[ScheduleAction, CompressPlan]:
        """Shrink the rest of the day to end on time.

        When there is nothing to compress (the day is on time, or everything left is at its
        floor) the plan says so (`changes` is False) and the day stays as it is.
        """
        action = self.apply("compress", self.clock.now())
        assert self._applied_plan is not None
        return action, self._applied_plan

    def end(self) -> ScheduleAction:
        return self.apply("end", self.clock.now())

    # the engine
    def apply(self, kind: str, at: datetime,
              payload: Mapping[str, Any] | None = None) -> ScheduleAction:
        """Take action `kind` at `at`: the one way every action (live or replayed) is applied.

        Raises ValueError, changing nothing, when the action makes no sense at that moment.
        """
        if kind not in ACTION_KINDS:
            raise ValueError(f"Unknown schedule action {kind!r}.")
        day = self._day.clone()
        if day.last_at is not None and at < day.last_at:
            at = day.last_at  # a clock that stepped back must not rewrite what already happened
        day.catch_up(at)
        handler = getattr(self, f"_{kind}")
        result: dict[str, Any] = handler(day, at, dict(payload or {}))
        # Only an action that went through changes the day (a refused one leaves no trace).
        day.last_at = at
        self._day = day
        action = ScheduleAction(kind=cast(ActionKind, kind), at=at, payload=result)
        self._actions.append(action)
        return action

    def _status_at(self, now: datetime) -> ScheduleStatus:
        day = self._day.clone()
        day.catch_up(now)
        return day_status(day, self.plan, now)

    def _topic(self, index: int) -> str:
        return self.agenda.sessions[index].topic

    def _require_running(self, day: DayState) -> int:
        """The current session's index, or the reason there is none."""
        if day.finished:
            raise ValueError("The day is over.")
        if not day.started:
            raise ValueError("The day has not started yet.")
        if day.current is None:
            raise ValueError("No session is running.")
        return day.current

    def _index(self, payload: Mapping[str, Any]) -> int:
        raw = payload.get("index")
        count = len(self.agenda.sessions)
        if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw < count:
            number = f"{raw + 1} (index {raw})" if isinstance(raw, int) else repr(raw)
            raise ValueError(f"There is no session {number}: the agenda has {count} sessions.")
        return raw

    def _start(self, day: DayState, at: datetime, payload: dict[str, Any]) -> dict[str, Any]:
        if day.finished:
            raise ValueError("The day is over.")
        if day.started and not day.only_started_by_clock():
            raise ValueError("The day has already started.")
        if day.started:
            # Following the clock, the first session opened by itself at the anchor; pressing
            # start while it is still the only one that ran says the day really begins now.
            day.started_by_hand = True
            return {"to": day.restart_first(at)}
        first = day.next_runnable(-1)
        if first is None:
            raise ValueError("Every session is skipped: there is nothing to start.")
        day.enter(first, at)
        day.started_by_hand = True
        return {"to": first}

    def _pause(self, day: DayState, at: datetime, payload: dict[str, Any]) -> dict[str, Any]:
        self._require_running(day)
        if day.paused:
            raise ValueError("The timer is already paused.")
        day.pause(at)
        return {}

    def _resume(self, day: DayState, at: datetime, payload: dict[str, Any]) -> dict[str, Any]:
        self._require_running(day)
        if not day.paused:
            raise ValueError("The timer is not paused.")
        day.resume(at)
        return {}

    def _next(self, day: DayState, at: datetime, payload: dict[str, Any]) -> dict[str, Any]:
        current = self._require_running(day)
        landed = self._replayed_target(payload)
        if landed is not None and landed != day.next_runnable(current):
            # Replayed by where it landed, not counted: two "next" moves that each went to
            # session 3 (two consoles on one run, before one console per run) land on 3, not 4.
            if landed != current:
                day.leave(at, "done")
                day.enter(landed, at)
            return {"to": landed}
        return {"to": day.move_on(at, "done")}

    def _replayed_target(self, payload: Mapping[str, Any]) -> int | None:
        """The session a stored move landed on ({"to": 3}); None for a live move or none."""
        target = payload.get("to")
        if isinstance(target, bool) or not isinstance(target, int):
            return None
        return target if 0 <= target < len(self.agenda.sessions) else None

    def _previous(self, day: DayState, at: datetime, payload: dict[str, Any]) -> dict[str, Any]:
        current = self._require_running(day)
        landed = self._replayed_target(payload)
        if landed is not None and landed == current:
            return {"to": landed}  # replayed: already where this move went
        target = landed if landed is not None else day.previous_runnable(current)
        if target is None:
            raise ValueError(f"{self._topic(current)} is the first session: there is none"
                             " before it.")
        day.leave(at, "upcoming")
        day.enter(target, at)
        return {"to": target}

    def _jump(self, day: DayState, at: datetime, payload: dict[str, Any]) -> dict[str, Any]:
        index = self._index(payload)
        if day.finished:
            raise ValueError("The day is over.")
        if index == day.current:
            raise ValueError(f"{self._topic(index)} is already the current session.")
        if day.current is not None:
            day.leave_for_jump(at)
        day.started_by_hand = True
        if day.tracks[index].state == "skipped":
            day.tracks[index].state = "upcoming"  # jumping to a skipped session brings it back
        day.enter(index, at)
        return {"index": index, "to": index}

    def _extend(self, day: DayState, at: datetime, payload: dict[str, Any]) -> dict[str, Any]:
        minutes = payload.get("minutes")
        if (isinstance(minutes, bool) or not isinstance(minutes, int | float)
                or not math.isfinite(minutes) or minutes <= 0):
            raise ValueError(f"Extend by a positive number of minutes (got {minutes!r}).")
        current = self._require_running(day)
        day.tracks[current].allotted += timedelta(minutes=minutes)
        return {"minutes": minutes}

    def _skip(self, day: DayState, at: datetime, payload: dict[str, Any]) -> dict[str, Any]:
        if day.finished:
            raise ValueError("The day is over.")
        # No index: the current session.
        index = self._require_running(day) if payload.get("index") is None else self._index(payload)
        track = day.tracks[index]
        if track.state == "skipped":
            raise ValueError(f"{self._topic(index)} is already skipped.")
        if track.state == "done":
            raise ValueError(f"{self._topic(index)} is already done.")
        if index == day.current:
            return {"index": index, "to": day.move_on(at, "skipped")}
        track.state = "skipped"
        return {"index": index}

    def _compress(self, day: DayState, at: datetime, payload: dict[str, Any]) -> dict[str, Any]:
        if day.finished:
            raise ValueError("The day is over.")
        if "lengths" in payload:
            # A replay: the lengths the compress gave, exactly.
            lengths = {int(k): int(v) for k, v in dict(payload["lengths"]).items()}
            for index, minutes in lengths.items():
                if not 0 <= index < len(day.tracks) or minutes < 0:
                    raise ValueError(f"A compress can't give session {index} {minutes} minutes.")
        else:
            # With nothing to compress the plan says so and its lengths change nothing.
            from tuneup_tui.agenda._schedule_compress import compress_plan

            plan = compress_plan(day, self.plan, at)
            lengths = dict(plan.lengths)
            self._applied_plan = plan
        for index, minutes in lengths.items():
            day.tracks[index].allotted = timedelta(minutes=minutes)
        return {"lengths": {str(i): m for i, m in sorted(lengths.items())}}

    def _end(self, day: DayState, at: datetime, payload: dict[str, Any]) -> dict[str, Any]:
        self._require_running(day)
        day.finish(at)
        return {}
