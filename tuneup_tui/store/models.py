"""What the run store holds, as plain immutable records.

Sessions are referred to by their topic, which is unique within an agenda (the agenda check
refuses duplicates), so an attendee can name one from another terminal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, Literal

ActionStatus = Literal["open", "done", "dropped"]
ACTION_STATUSES: tuple[str, ...] = ("open", "done", "dropped")
RunMode = Literal["facilitator", "follow_clock"]

NO_FIGURES: Mapping[str, Any] = MappingProxyType({})
"""The empty, read-only mapping a record without a payload or figures holds."""

@dataclass(frozen=True, slots=True)
class Run:
    """One run of an agenda: a day (or a monthly or weekly review)."""

    id: int
    title: str
    series: str
    cadence: str
    agenda_toml: str
    """The agenda exactly as it was when the run started."""
    as_of: date
    data_dir: str | None
    mode: RunMode
    speed: float
    anchor: datetime
    """The moment the plan's first session is anchored at."""
    started_at: datetime
    ended_at: datetime | None = None
    agenda_path: str | None = None
    rehearsal: bool = False
    """A rehearsal (run at another speed, or started as one): kept apart from the real runs
    of its series, never carried over from or compared with unless asked."""

    @property
    def finished(self) -> bool:
        return self.ended_at is not None


@dataclass(frozen=True, slots=True)
class ScheduleEvent:
    """One schedule action of a run (start, pause, next, extend, compress, ...), in order."""

    run_id: int
    seq: int
    kind: str
    at: datetime
    """The run's clock time of the action (scaled when the run is rehearsed at speed)."""
    payload: Mapping[str, Any] = field(default_factory=lambda: NO_FIGURES)


@dataclass(frozen=True, slots=True)
class Note:
    """The facilitator's notes for one session."""

    run_id: int
    session: str
    text: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ActionItem:
    """A next step with an owner."""

    id: int
    run_id: int
    text: str
    owner: str
    due: date | None
    session: str | None
    status: ActionStatus
    created_by: str
    created_at: datetime
    updated_at: datetime
    carried_from: int | None = None
    """The id of the previous run's item this one carries over, if any."""


@dataclass(frozen=True, slots=True)
class ActionChange:
    """One change to an action item: who made it, when, and the values before and after."""

    id: int
    action_id: int
    run_id: int
    change: str
    """"edit", "close" (done), "drop", "reopen" or "delete"."""
    old_values: Mapping[str, Any]
    new_values: Mapping[str, Any]
    changed_by: str
    changed_at: datetime


@dataclass(frozen=True, slots=True)
class SoftSpot:
    """An operational soft spot found in the day, from a finding or typed."""

    id: int
    run_id: int
    session: str | None
    text: str
    severity: str
    owner: str | None
    panel: str | None = None
    finding_key: str | None = None
    figures: Mapping[str, Any] = field(default_factory=lambda: NO_FIGURES)
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class RecordedFigure:
    """A figure the facilitator recorded ("expected leads to sales: 41")."""

    id: int
    run_id: int
    session: str | None
    name: str
    value: float
    unit: str
    recorded_at: datetime
