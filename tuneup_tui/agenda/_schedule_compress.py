"""Compress the rest of the day: the arithmetic and the words.

Private to the schedule engine. The sessions still to run shrink in proportion to what is left
of each, none below its floor (the smaller of its planned length and the minimum length, so a
1-minute Lunch and a 0-minute close stay as they are); when some hit their floor the others
share what remains (water-filling). Lengths are whole minutes, rounded down, and the minutes the
rounding lost go back one each to the sessions that lost the most, never past the time there is:
the day then ends on end of day when whole minutes allow, and never after it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from tuneup_tui.agenda._schedule_state import ZERO, DayState
from tuneup_tui.agenda._schedule_types import CompressPlan, ScheduleStatus, SessionRow
from tuneup_tui.agenda._schedule_view import MINUTE, DayPlan, day_status

EPSILON = 1e-9


def compress_plan(day: DayState, plan: DayPlan, now: datetime) -> CompressPlan:
    """What a compress at `now` would do to `day` (already caught up to `now`)."""
    before = day_status(day, plan, now)
    waiting = day.waiting()
    minutes_before = {i: day.tracks[i].allotted / MINUTE for i in waiting}
    late = before.projected_end - plan.end_of_day
    if late <= ZERO or not waiting:
        message = (on_time_message(before.projected_end) if late <= ZERO
                   else nothing_left_message(before.projected_end, late))
        return CompressPlan(fits=late <= ZERO, rows=_rows_of(before, waiting),
                            projected_end=before.projected_end, message=message,
                            changes=False, minutes_before=minutes_before)
    # The rest of the day begins where the current session ends (or where the day starts).
    begins = before.projected_end - sum((day.left(i) for i in waiting), ZERO)
    lengths, fits = shrink(
        [Waiting(index=i, allotted=day.tracks[i].allotted / MINUTE,
                 counted=day.tracks[i].counted / MINUTE,
                 floor=min(plan.agenda.session_length(i), plan.min_minutes))
         for i in waiting],
        (plan.end_of_day - begins) / MINUTE)
    after_day = day.clone()
    for index, minutes in lengths.items():
        after_day.tracks[index].allotted = timedelta(minutes=minutes)
    after = day_status(after_day, plan, now)
    if fits:
        shrunk = sum((day.left(i) - after_day.left(i) for i in waiting), ZERO)
        message = fit_message(len(waiting), shrunk, after.projected_end)
    else:
        # "Needs" counts from now, or from the day's start when it has not begun yet.
        since = now if day.started else max(now, plan.anchor)
        message = late_message(after.projected_end - since, after.projected_end,
                               after.projected_end - plan.end_of_day)
    # Every session already at its floor: applying it would change nothing.
    changes = any(timedelta(minutes=m) != day.tracks[i].allotted for i, m in lengths.items())
    return CompressPlan(fits=fits, rows=_rows_of(after, waiting),
                        projected_end=after.projected_end, message=message, changes=changes,
                        lengths=lengths, minutes_before=minutes_before)


@dataclass(frozen=True, slots=True)
class Waiting:
    """A session still to run, in minutes."""

    index: int
    """The session's place in the agenda."""
    allotted: float
    counted: float
    """Minutes of it already used on an earlier visit."""
    floor: int
    """The least it may be allotted: min(its planned length, the minimum length)."""

    @property
    def left(self) -> float:
        return max(self.allotted - self.counted, 0.0)

    @property
    def floor_left(self) -> float:
        """What is left of it when it is allotted its floor (never more than is left now)."""
        return min(max(self.floor - self.counted, 0.0), self.left)


def shrink(waiting: Sequence[Waiting], available: float) -> tuple[dict[int, int], bool]:
    """New allotted whole minutes per session so they take at most `available` minutes.

    Returns the lengths and whether they fit; when even the floors don't fit, every session gets
    its floor and fits is False.
    """
    if sum(w.floor_left for w in waiting) > available + EPSILON:
        return {w.index: _whole(min(w.floor, w.allotted)) for w in waiting}, False
    shares = _water_fill(waiting, available)
    lengths: dict[int, int] = {}
    lost: list[tuple[float, int]] = []
    for w in waiting:
        # Never above what it is allotted now: a session revisited after running over has
        # spent more than its time, and a compress must not lengthen it to what it spent.
        exact = min(w.counted + shares[w.index], w.allotted)
        lengths[w.index] = max(_whole(exact), _whole(min(w.floor, w.allotted)))
        lost.append((exact - lengths[w.index], w.index))
    used = sum(max(lengths[w.index] - w.counted, 0.0) for w in waiting)
    # Hand back what rounding down lost, a minute each, biggest loss first.
    allotted = {w.index: w.allotted for w in waiting}
    for loss, index in sorted(lost, key=lambda item: (-item[0], item[1])):
        if loss <= EPSILON or used + 1 > available + EPSILON:
            break
        if lengths[index] + 1 <= allotted[index] + EPSILON:  # a compress never lengthens
            lengths[index] += 1
            used += 1
    return lengths, True


def _water_fill(waiting: Sequence[Waiting], available: float) -> dict[int, float]:
    """Minutes left per session: in proportion to what is left, none below its floor."""
    fixed: dict[int, float] = {}
    while True:
        free = [w for w in waiting if w.index not in fixed]
        room = available - sum(fixed.values())
        total = sum(w.left for w in free)
        scale = room / total if total > 0 else 1.0
        newly = {w.index: w.floor_left for w in free if w.left * scale < w.floor_left - EPSILON}
        if not newly:
            shares = {w.index: w.left * scale for w in free}
            shares.update(fixed)
            return shares
        fixed.update(newly)


def _rows_of(status: ScheduleStatus, indices: Iterable[int]) -> tuple[SessionRow, ...]:
    return tuple(status.rows[i] for i in indices)


def _whole(minutes: float) -> int:
    """Whole minutes, rounded down (a hair of float error is not a lost minute)."""
    return math.floor(minutes + EPSILON)


# Words
def fit_message(count: int, shrink_by: timedelta, ends: datetime) -> str:
    sessions = "session" if count == 1 else "sessions"
    verb = "shrinks" if count == 1 else "shrink"
    return (f"The remaining {count} {sessions} {verb} by {minutes_text(shrink_by)};"
            f" the day ends at {clock_text(ends)}.")


def late_message(needs: timedelta, ends: datetime, late: timedelta) -> str:
    return (f"The rest of the day needs at least {minutes_text(needs, up=True)};"
            f" it would end at {clock_text(ends)}, {minutes_text(late, up=True)} late.")


def on_time_message(ends: datetime) -> str:
    return f"The day is on time (it ends at {clock_text(ends)}): nothing to compress."


def nothing_left_message(ends: datetime, late: timedelta) -> str:
    return (f"Nothing is left after the current session to compress; the day ends at"
            f" {clock_text(ends)}, {minutes_text(late, up=True)} late.")


def clock_text(moment: datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def minutes_text(span: timedelta, *, up: bool = False) -> str:
    """ "14 minutes", "1 minute"; rounded to the nearest minute, or up when `up`."""
    exact = span.total_seconds() / 60
    whole = math.ceil(exact - EPSILON) if up else math.floor(exact + 0.5)
    return f"{whole} minute" if whole == 1 else f"{whole} minutes"
