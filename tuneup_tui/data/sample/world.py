"""The sample company's world: its programs, reps, territories, networks, and its calendar.

One coherent B2B software company: paid and unpaid programs bring visitors and leads, leads go
to six reps over four territories, reps call and email them, some become opportunities. Every
other part of the sample draws from these names, so the sources agree with each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import numpy as np
import pandas as pd

from tuneup_tui.data.period import Period, review_period

HISTORY_WEEKS = 13
"""Complete weeks of history before the review week (the baseline takes the last 8)."""
AHEAD_WEEKS = 4
"""Weeks of marketing calendar after the as-of date."""


@dataclass(frozen=True)
class Program:
    """A marketing program (a tactic in tactics.csv, a program in paid.csv and leads.csv)."""

    name: str
    leads_per_week: float
    mean_score: float
    opportunity_rate: float
    """Share of its leads sent to sales that become an opportunity."""
    target_romi: float
    """The ROMI its closed-won deals are sized to give: revenue = (1 + ROMI) x total cost."""
    internal_hours: float
    paid: bool = True


PROGRAMS: tuple[Program, ...] = (
    Program("Google Search", 52, 66, 0.30, 2.4, 40),
    Program("Bing Search", 20, 64, 0.26, 1.1, 20),
    Program("LinkedIn Ads", 22, 63, 0.24, 0.5, 30),
    Program("Display Network", 16, 60, 0.20, 0.3, 25),
    Program("Webinar - Q4", 8, 70, 0.30, 1.4, 80),
    Program("Content Syndication", 26, 58, 0.18, 0.7, 15),
    Program("Trade Show", 0, 60, 0.22, -0.45, 160, paid=False),
    Program("Website", 56, 65, 0.28, 0.0, 0, paid=False),
)
"""Website (organic inbound) is a lead source but not a tactic: it costs nothing."""

TACTICS: tuple[str, ...] = tuple(p.name for p in PROGRAMS if p.name != "Website")
HOURLY_RATE = 85.0

TERRITORIES: dict[str, tuple[str, ...]] = {
    "East": ("Alex Kim", "Jordan Lee"),
    "Central": ("Sam Patel",),
    "West": ("Maria Garcia", "Chris Wong"),
    "International": ("Taylor Brooks",),
}
TERRITORY_WEIGHTS: tuple[float, ...] = (0.34, 0.18, 0.32, 0.16)
REPS: tuple[str, ...] = tuple(r for reps in TERRITORIES.values() for r in reps)
REP_TERRITORY: dict[str, str] = {r: t for t, reps in TERRITORIES.items() for r in reps}

SLOW_REP = "Alex Kim"
"""The rep whose calls collapse in the review week (planted soft spot f)."""
CALLS_PER_WEEK: dict[str, float] = {
    "Alex Kim": 61, "Jordan Lee": 46, "Sam Patel": 50,
    "Maria Garcia": 44, "Chris Wong": 48, "Taylor Brooks": 38,
}
SLOW_REP_CALLS_IN_REVIEW = 9
EMAILS_PER_WEEK = 24.0
MEETINGS_PER_WEEK = 4.0

NETWORKS: tuple[str, ...] = ("linkedin", "facebook", "youtube", "x")

WEEKDAY_FACTOR = np.array([1.08, 1.12, 1.1, 1.05, 0.95, 0.55, 0.5])
"""Monday..Sunday: business traffic halves at the weekend."""


@dataclass(frozen=True)
class Timeline:
    """The days the sample covers: the weeks of history, the review week, calendar ahead."""

    as_of: date
    period: Period
    start: date
    days: pd.DatetimeIndex
    """Every day with data: from `start` to the review week's Sunday."""
    history_weeks: int = HISTORY_WEEKS
    """Complete weeks of history before the review week."""

    @property
    def end(self) -> pd.Timestamp:
        """The last moment with data (the review week's Sunday, 23:59:59)."""
        return pd.Timestamp(datetime.combine(self.period.end, time(23, 59, 59)))

    @property
    def lifetime_cutoff(self) -> pd.Timestamp:
        """Leads created before this are past their 90-day lifetime on the as-of date."""
        return pd.Timestamp(self.as_of) - pd.Timedelta(days=90)

    def week_of(self, day: date) -> int:
        return (day - self.start).days // 7

    @property
    def review_week(self) -> int:
        return self.history_weeks

    def in_review(self, stamps: pd.Series | pd.DatetimeIndex) -> np.ndarray:
        lo = pd.Timestamp(self.period.start)
        hi = lo + pd.Timedelta(days=7)
        values = pd.DatetimeIndex(stamps)
        return np.asarray((values >= lo) & (values < hi))


def timeline(as_of: date, history_weeks: int = HISTORY_WEEKS) -> Timeline:
    if history_weeks < 9:
        raise ValueError(f"history_weeks must be 9 or more (8 for the baseline), not "
                         f"{history_weeks}")
    period = review_period(as_of)
    start = period.start - timedelta(weeks=history_weeks)
    days = pd.date_range(start, period.end, freq="D")
    return Timeline(as_of=as_of, period=period, start=start, days=days,
                    history_weeks=history_weeks)


def weekday_factor(days: pd.DatetimeIndex) -> np.ndarray:
    return WEEKDAY_FACTOR[days.day_of_week]


def scaled(value: float, scale: float) -> int:
    """An exact planted count at `scale` (never below 1)."""
    return max(1, round(value * scale))
