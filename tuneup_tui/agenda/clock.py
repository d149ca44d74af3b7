"""Clocks the schedule engine is driven by.

The engine never reads the wall clock itself: it is handed a `Clock`. The console uses the
system clock (or a scaled one for rehearsals, `--speed 60`: a minute a second); tests use a
`FakeClock` they move by hand.
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Something that says what time it is now (naive local time)."""

    def now(self) -> datetime: ...


class SystemClock:
    """The wall clock, in local time."""

    def now(self) -> datetime:
        return datetime.now()


class ScaledClock:
    """A clock that runs `speed` times faster than the wall clock from `anchor` on.

    At creation it reads `anchor` (default: the wall clock's now); every real second after that
    moves it `speed` seconds, except while it is held: a rehearsal's clock waits while a dialog
    waits for an answer (at 60 times the pace, a minute spent typing an item would be an hour).
    """

    def __init__(self, speed: float, anchor: datetime | None = None, *,
                 ticks: Callable[[], float] = _time.monotonic,
                 wall: Callable[[], datetime] = datetime.now) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.speed = speed
        self.anchor = anchor if anchor is not None else datetime.now()
        self._ticks = ticks
        """Real seconds (tests pass their own)."""
        self.wall = wall
        """The time on the wall, which the rehearsal's own time runs ahead of."""
        self._started = ticks()
        self._held_at: float | None = None

    @property
    def held(self) -> bool:
        return self._held_at is not None

    def hold(self) -> None:
        """Stop the clock where it is (holding it again changes nothing)."""
        if self._held_at is None:
            self._held_at = self._ticks()

    def release(self) -> None:
        """Let the clock run again from where it stopped."""
        if self._held_at is not None:
            self._started += self._ticks() - self._held_at
            self._held_at = None

    def now(self) -> datetime:
        moment = self._ticks() if self._held_at is None else self._held_at
        return self.anchor + timedelta(seconds=(moment - self._started) * self.speed)


def wall_time(clock: Clock) -> datetime:
    """When something happened, for the run's record: the wall clock's time, never a
    rehearsal's scaled one (a rehearsal's "16:00" may fall at 01:21 on the wall, and a run's
    record is ordered among real runs by when it truly started)."""
    return clock.wall() if isinstance(clock, ScaledClock) else clock.now()


class FakeClock:
    """A clock tests set and advance by hand."""

    def __init__(self, start: datetime) -> None:
        self._now = start

    def now(self) -> datetime:
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = moment

    def advance(self, *, minutes: float = 0, seconds: float = 0) -> None:
        self._now += timedelta(minutes=minutes, seconds=seconds)
