"""The agenda as immutable records (frozen, slotted dataclasses).

An agenda is what the facilitator wrote in TOML: the day's title, its series (runs of one series
are compared with each other), its cadence, the review period and how many earlier periods make
the baseline, when the day ends, who holds each role, and the sessions in order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from types import MappingProxyType
from typing import Any, Literal

Cadence = Literal["day", "month", "week"]
PeriodKind = Literal["week", "month"]

NOTHING: Mapping[Any, Any] = MappingProxyType({})
"""The empty, read-only mapping a record without settings, payload or lengths holds (one,
shared: it can never be written to)."""

CADENCES: tuple[str, ...] = ("day", "month", "week")
PERIOD_KINDS: tuple[str, ...] = ("week", "month")


def minutes_of(t: time) -> int:
    """Minutes since midnight of a clock time."""
    return t.hour * 60 + t.minute


def format_hhmm(t: time) -> str:
    """A clock time as the agenda writes it: "08:30"."""
    return f"{t.hour:02d}:{t.minute:02d}"


@dataclass(frozen=True, slots=True)
class Role:
    """A role in the room ("Sales Ops") and the people who hold it for this team."""

    role: str
    people: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Session:
    """One session of the day, as the agenda plans it."""

    start: time
    topic: str
    who: str = ""
    """The owner role; empty for a break such as Lunch."""
    description: str = ""
    panels: tuple[str, ...] = ()
    """Registered metrics panel names shown in this session (TOML `panel`: a name or a list);
    empty for a session without one."""
    questions: tuple[str, ...] = ()
    record: tuple[str, ...] = ()
    """Names of the figures the facilitator records in this session."""

    @property
    def panel(self) -> str | None:
        """The session's main panel, or None."""
        return self.panels[0] if self.panels else None


NOT_PEOPLE = frozenset({"everyone", "everybody", "all"})
"""Names a role may hold that stand for the whole room, not a person (the role All)."""


def is_person(name: str) -> bool:
    """Whether a name in a role is a person (not "everyone")."""
    return name.strip().casefold() not in NOT_PEOPLE


@dataclass(frozen=True, slots=True)
class Agenda:
    """A whole agenda: the day's frame, the roster and the sessions in order."""

    title: str
    series: str
    cadence: Cadence
    period: PeriodKind
    baseline_periods: int
    end_of_day: time
    sessions: tuple[Session, ...]
    roles: tuple[Role, ...] = ()
    panels: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: NOTHING)
    """Per-panel settings (finding thresholds, lead score threshold, lead lifetime)."""

    def session_length(self, index: int) -> int:
        """Planned minutes of session `index`: to the next start, the last to end_of_day."""
        start = minutes_of(self.sessions[index].start)
        if index + 1 < len(self.sessions):
            end = minutes_of(self.sessions[index + 1].start)
        else:
            end = minutes_of(self.end_of_day)
        return end - start

    def people_for(self, role: str) -> tuple[str, ...]:
        """The people who hold `role`, or nobody."""
        for r in self.roles:
            if r.role == role:
                return r.people
        return ()

    @property
    def roster(self) -> tuple[str, ...]:
        """Every person named in the roles, in order, each once ("everyone", who holds the
        role All, is not a person who can own an item)."""
        seen: dict[str, None] = {}
        for r in self.roles:
            for person in r.people:
                if is_person(person):
                    seen.setdefault(person, None)
        return tuple(seen)

    def session_index(self, topic: str) -> int | None:
        """Index of the session with this topic (case-insensitive), or None."""
        wanted = topic.casefold()
        for i, s in enumerate(self.sessions):
            if s.topic.casefold() == wanted:
                return i
        return None
