"""The day's record: what the room writes down during a run (notes, action items and their
changes, soft spots, recorded figures), as plain immutable records.

Kept apart from `store.models` (the runs and their schedule events) because the console's first
frame needs none of them: their classes are made when a store first reads or writes one (see
`store.rows`), not while the console starts. Measured with `python -m bench --only start`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from tuneup_tui.store.models import NO_FIGURES, ActionStatus


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
