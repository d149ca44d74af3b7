"""The two days the schedule tests drive: a small one (09:00 A, 09:30 B, 10:00 C, end 11:00)
and the one-day seed's times (08:00 ... 16:00, Lunch 12:00-12:01, End of Day a zero-length
close), with their clocks."""

from __future__ import annotations

from datetime import datetime, time

from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda, Session
from tuneup_tui.agenda.schedule import Schedule

DAY = datetime(2026, 11, 23)
SEED_TIMES = ("08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "12:00", "12:01",
              "13:00", "14:00", "15:00", "16:00")
SEED_TOPICS = ("Sales and Buying Cycle Overview", "Traffic Study", "Social Media",
               "Paid Programs", "Referring Sites", "Site Health", "Calendar", "Lunch",
               "Lead Scoring", "Nurturing", "Leads to Sales", "Sales Follow Up", "End of Day")


def at(hhmm: str, seconds: int = 0) -> datetime:
    h, m = hhmm.split(":")
    return DAY.replace(hour=int(h), minute=int(m), second=seconds)


def make_agenda(times: tuple[str, ...], topics: tuple[str, ...], end: str) -> Agenda:
    def clock_time(text: str) -> time:
        h, m = text.split(":")
        return time(int(h), int(m))

    return Agenda(title="Tune Up", series="ops", cadence="day", period="week",
                  baseline_periods=8, end_of_day=clock_time(end),
                  sessions=tuple(Session(start=clock_time(t), topic=topic)
                                 for t, topic in zip(times, topics, strict=True)))


SMALL = make_agenda(("09:00", "09:30", "10:00"), ("A", "B", "C"), "11:00")
SEED = make_agenda(SEED_TIMES, SEED_TOPICS, "16:00")


def small(now: str = "09:00") -> tuple[Schedule, FakeClock]:
    clock = FakeClock(at(now))
    return Schedule(SMALL, clock, anchor=at("09:00")), clock


def seed(now: str = "08:00") -> tuple[Schedule, FakeClock]:
    clock = FakeClock(at(now))
    return Schedule(SEED, clock, anchor=at("08:00")), clock
