"""How the day stands at a moment: the projection and a row per session, from the day's state.

Private to the schedule engine: `Schedule.status()` and the compress preview call `day_status`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tuneup_tui.agenda._schedule_state import ZERO, DayState
from tuneup_tui.agenda._schedule_types import Mode, ScheduleStatus, SessionRow, SessionState
from tuneup_tui.agenda.model import Agenda, minutes_of

FIT_SLACK = timedelta(minutes=1)
"""A session "no longer fits" when it would end a minute or more past end of day: the day's
end is read to the minute, as the console shows it, so a start a few seconds late is on time."""

MINUTE = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class DayPlan:
    """The plan a run is measured against: the agenda anchored on the run's date."""

    agenda: Agenda
    anchor: datetime
    mode: Mode
    min_minutes: int
    planned_starts: tuple[datetime, ...]
    """Session i is planned at anchor + (its agenda start - the first agenda start)."""
    end_of_day: datetime
    """anchor + (the agenda's end_of_day - the first agenda start)."""

    @classmethod
    def anchored(cls, agenda: Agenda, anchor: datetime, mode: Mode,
                 min_minutes: int) -> DayPlan:
        first = minutes_of(agenda.sessions[0].start)
        return cls(
            agenda=agenda, anchor=anchor, mode=mode, min_minutes=min_minutes,
            planned_starts=tuple(anchor + timedelta(minutes=minutes_of(s.start) - first)
                                 for s in agenda.sessions),
            end_of_day=anchor + timedelta(minutes=minutes_of(agenda.end_of_day) - first),
        )


def day_status(day: DayState, plan: DayPlan, now: datetime) -> ScheduleStatus:
    """The status of `day` at `now` (the day must already be caught up to `now`)."""
    agenda, planned, end_of_day = plan.agenda, plan.planned_starts, plan.end_of_day
    current = day.current
    elapsed = day.elapsed(now)
    remaining = day.tracks[current].allotted - elapsed if current is not None else ZERO
    overtime = max(-remaining, ZERO)

    # Where the projection starts: the end of the current session, or the day's start.
    if day.finished:
        assert day.finished_at is not None
        cursor = day.finished_at
    elif current is not None:
        cursor = now + max(remaining, ZERO)
    else:
        cursor = max(now, day.anchor)
    current_end = cursor

    waiting = set(day.waiting())
    first_waiting = min(waiting) if waiting else None
    after = -1 if current is None else current
    rows: list[SessionRow] = []
    for i, session in enumerate(agenda.sessions):
        track = day.tracks[i]
        start: datetime
        end: datetime
        state: SessionState
        if i in waiting:
            start, end = cursor, cursor + day.left(i)
            cursor = end
            state = "next" if i == first_waiting else "upcoming"
            if end - end_of_day >= FIT_SLACK:
                state = "wont_fit"
        elif track.state == "current":
            assert track.actual_start is not None
            start, end, state = track.actual_start, current_end, "current"
        elif track.actual_start is not None and track.actual_end is not None:
            # It ran (done, or skipped while it was current): its real times.
            start, end = track.actual_start, track.actual_end
            state = "done" if track.state == "done" else "skipped"
        elif track.state == "skipped" and i > after and not day.finished:
            # A skipped session still ahead sits in the projection with no length.
            start = end = cursor
            state = "skipped"
        elif day.finished:
            # The day ended before it ran.
            start = end = track.actual_start or planned[i]
            state = "skipped"
        else:
            # Passed over by a jump (or skipped before the current one): next() never goes
            # back to it, so it is not in the projection; show where the plan had it.
            start = track.actual_start or planned[i]
            end = start + (ZERO if track.state == "skipped" else day.left(i))
            state = "skipped" if track.state == "skipped" else "upcoming"
        rows.append(SessionRow(
            index=i, topic=session.topic, who=session.who, planned_start=planned[i],
            planned_minutes=agenda.session_length(i), start=start,
            minutes=track.allotted / MINUTE, end=end, actual_start=track.actual_start,
            actual_end=track.actual_end, status=state, spent=day.spent(i, now),
            fits=end - end_of_day < FIT_SLACK,
        ))
    projected_end = cursor
    return ScheduleStatus(
        now=now, current=current, started=day.started, paused=day.paused,
        finished=day.finished, elapsed=elapsed, remaining=remaining, overtime=overtime,
        projected_end=projected_end, end_of_day=end_of_day, drift=projected_end - end_of_day,
        rows=tuple(rows), next=first_waiting, mode=plan.mode,
    )
