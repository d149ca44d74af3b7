"""The running state of a day behind `Schedule`: each session's timer and which one is current.

Private to the schedule engine. It knows the moves (enter a session, leave it, pause, resume,
finish) and how a day that follows the clock moves by itself; checking that a move is allowed is
`Schedule`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

ZERO = timedelta(0)

TrackState = Literal["upcoming", "current", "done", "skipped"]


@dataclass(slots=True)
class Track:
    """One session's timer and where it stands (changes as the day moves)."""

    allotted: timedelta
    state: TrackState = "upcoming"
    counted: timedelta = ZERO
    """Closed time counted against `allotted` (the running stretch is added on top)."""
    spent: timedelta = ZERO
    """Closed time spent in the session over all its visits (for the record)."""
    actual_start: datetime | None = None
    actual_end: datetime | None = None

    def copy(self) -> Track:
        return Track(self.allotted, self.state, self.counted, self.spent, self.actual_start,
                     self.actual_end)


@dataclass(slots=True)
class DayState:
    """Which session is current, since when, and every session's track."""

    tracks: list[Track]
    anchor: datetime
    follow_clock: bool
    current: int | None = None
    stretch_start: datetime | None = None
    """When the current session's running stretch began; None while paused."""
    paused: bool = False
    started: bool = False
    started_by_hand: bool = False
    """Started by the start (or a jump) action, not by the clock reaching the anchor."""
    finished: bool = False
    finished_at: datetime | None = None
    last_at: datetime | None = None
    """The time of the latest action applied: actions never go back in time."""

    def clone(self) -> DayState:
        # Every field holds an immutable value but `tracks`, whose tracks are copied one by one:
        # a deep copy at a tenth of `copy.deepcopy`'s cost (the status is worked out on a clone
        # at every tick of the clock).
        return DayState([track.copy() for track in self.tracks], self.anchor, self.follow_clock,
                        self.current, self.stretch_start, self.paused, self.started,
                        self.started_by_hand, self.finished, self.finished_at, self.last_at)

    # reading
    def running(self, now: datetime) -> timedelta:
        """The current stretch so far (zero while paused)."""
        if self.stretch_start is None:
            return ZERO
        return max(now - self.stretch_start, ZERO)

    def elapsed(self, now: datetime) -> timedelta:
        if self.current is None:
            return ZERO
        return self.tracks[self.current].counted + self.running(now)

    def spent(self, index: int, now: datetime) -> timedelta:
        extra = self.running(now) if index == self.current else ZERO
        return self.tracks[index].spent + extra

    def left(self, index: int) -> timedelta:
        """What is left of a waiting session's allotted time."""
        track = self.tracks[index]
        return max(track.allotted - track.counted, ZERO)

    def next_runnable(self, after: int) -> int | None:
        """The first session after `after` still to run (neither done nor skipped)."""
        for j in range(after + 1, len(self.tracks)):
            if self.tracks[j].state == "upcoming":
                return j
        return None

    def previous_runnable(self, before: int) -> int | None:
        """The nearest session before `before` that is not skipped."""
        for j in range(before - 1, -1, -1):
            if self.tracks[j].state != "skipped":
                return j
        return None

    def waiting(self) -> list[int]:
        """The sessions the projection still counts, in the order they will run."""
        if self.finished:
            return []
        after = -1 if self.current is None else self.current
        return [j for j in range(after + 1, len(self.tracks)) if self.tracks[j].state == "upcoming"]

    def only_started_by_clock(self) -> bool:
        """Following the clock, the first session opened by itself and nothing else has run."""
        if not self.follow_clock or self.started_by_hand or self.current is None:
            return False
        return all(t.actual_start is None for j, t in enumerate(self.tracks) if j != self.current)

    # moves
    def restart_first(self, at: datetime) -> int:
        """The session the clock opened starts over at `at` (the day really begins now)."""
        assert self.current is not None
        index = self.current
        track = self.tracks[index]
        track.counted = track.spent = ZERO
        track.actual_start = None
        self.enter(index, at)
        return index

    def enter(self, index: int, at: datetime) -> None:
        """Make `index` current from `at` on (the timer runs)."""
        track = self.tracks[index]
        if self.follow_clock:
            # The clock drives this mode: a session entered gets its whole window from now.
            track.counted = ZERO
        track.state = "current"
        if track.actual_start is None:
            track.actual_start = at
        track.actual_end = None
        self.current = index
        self.stretch_start = at
        self.paused = False
        self.started = True

    def leave(self, at: datetime, state: TrackState) -> None:
        """Close the current session's stretch; it becomes `state` (done, skipped, upcoming)."""
        assert self.current is not None
        track = self.tracks[self.current]
        stretch = self.running(at)
        track.counted += stretch
        track.spent += stretch
        track.state = state
        if state == "upcoming":
            track.actual_end = None
            if self.follow_clock:
                track.counted = ZERO
        else:
            track.actual_end = at
        self.current = None
        self.stretch_start = None
        self.paused = False

    def leave_for_jump(self, at: datetime) -> None:
        """Leave the current session for a jump: done if it had started, else still to run.

        A session left the moment it was entered (start and a jump pressed together) never
        really started, so it goes back to upcoming as if it had never been current.
        """
        assert self.current is not None
        index = self.current
        if self.spent(index, at) > ZERO:
            self.leave(at, "done")
            return
        self.leave(at, "upcoming")
        self.tracks[index].actual_start = None

    def move_on(self, at: datetime, state: TrackState) -> int | None:
        """Leave the current session as `state`; the next still to run starts (or the day ends)."""
        assert self.current is not None
        left = self.current
        self.leave(at, state)
        target = self.next_runnable(left)
        if target is None:
            self.finish(at)
        else:
            self.enter(target, at)
        return target

    def finish(self, at: datetime) -> None:
        if self.current is not None:
            self.leave(at, "done")
        self.finished = True
        self.finished_at = at
        self.started = True

    def pause(self, at: datetime) -> None:
        assert self.current is not None
        stretch = self.running(at)
        track = self.tracks[self.current]
        track.counted += stretch
        track.spent += stretch
        self.stretch_start = None
        self.paused = True

    def resume(self, at: datetime) -> None:
        self.stretch_start = at
        self.paused = False

    def catch_up(self, now: datetime) -> None:
        """Let a follow-the-clock day move by itself up to `now`.

        The first session starts at the anchor; each session ends when its allotted time is used
        up (a pause holds it) and the next one still to run starts at that very moment. Where
        this stops does not depend on how often it is called, which keeps replays exact.
        """
        if not self.follow_clock or self.finished:
            return
        if not self.started:
            if now < self.anchor:
                return
            first = self.next_runnable(-1)
            if first is None:
                self.finish(self.anchor)
                return
            self.enter(first, self.anchor)
        while self.current is not None and self.stretch_start is not None:
            track = self.tracks[self.current]
            boundary = self.stretch_start + max(track.allotted - track.counted, ZERO)
            if boundary > now:
                return
            self.move_on(boundary, "done")
