"""The review period and its baseline.

The period is the last complete ISO week (Monday to Sunday) or calendar month before the run's
as-of date; the baseline is the `n` periods just before it. Both ends are inclusive dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

PeriodKind = Literal["week", "month"]


@dataclass(frozen=True)
class Period:
    """A review period: a whole ISO week or a whole calendar month, ends inclusive."""

    start: date
    end: date
    kind: PeriodKind = "week"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        """"2026-W47" for a week, "2026-11" for a month."""
        if self.kind == "week":
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        return f"{self.start.year}-{self.start.month:02d}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def previous(self) -> Period:
        """The period of the same kind just before this one."""
        if self.kind == "week":
            return Period(self.start - timedelta(days=7), self.start - timedelta(days=1), "week")
        last = self.start - timedelta(days=1)
        return Period(last.replace(day=1), last, "month")

    def next(self) -> Period:
        """The period of the same kind just after this one."""
        if self.kind == "week":
            return Period(self.end + timedelta(days=1), self.end + timedelta(days=7), "week")
        first = self.end + timedelta(days=1)
        return Period(first, _month_end(first), "month")

    def baseline(self, n: int) -> Baseline:
        """The `n` periods just before this one, oldest first."""
        periods: list[Period] = []
        p = self
        for _ in range(n):
            p = p.previous()
            periods.append(p)
        return Baseline(tuple(reversed(periods)))


@dataclass(frozen=True)
class Baseline:
    """The periods a figure is averaged over, oldest first."""

    periods: tuple[Period, ...]

    @property
    def start(self) -> date:
        return self.periods[0].start

    @property
    def end(self) -> date:
        return self.periods[-1].end

    def __len__(self) -> int:
        return len(self.periods)

    def contains(self, day: date) -> bool:
        return bool(self.periods) and self.start <= day <= self.end


def review_period(as_of: date, kind: PeriodKind = "week") -> Period:
    """The last complete period of `kind` before `as_of`.

    A week is complete once its Sunday is past: on Monday 2026-11-23 the period is
    2026-11-16 to 2026-11-22; on Sunday 2026-11-22 it is the week before.
    """
    if kind == "week":
        this_monday = as_of - timedelta(days=as_of.weekday())
        start = this_monday - timedelta(days=7)
        return Period(start, start + timedelta(days=6), "week")
    first_of_month = as_of.replace(day=1)
    last = first_of_month - timedelta(days=1)
    return Period(last.replace(day=1), last, "month")


def parse_period(text: str) -> Period:
    """A period written as "2026-W47" or "2026-11"; ValueError otherwise."""
    text = text.strip()
    if "-W" in text.upper():
        year_s, week_s = text.upper().split("-W", 1)
        start = date.fromisocalendar(int(year_s), int(week_s), 1)
        return Period(start, start + timedelta(days=6), "week")
    year_s, month_s = text.split("-", 1)
    first = date(int(year_s), int(month_s), 1)
    return Period(first, _month_end(first), "month")


def _month_end(first: date) -> date:
    nxt = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return nxt - timedelta(days=1)
