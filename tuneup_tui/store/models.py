"""What the run store holds about its runs: each run and its schedule events, as plain
immutable records. The day's record (notes, action items, soft spots, recorded figures) is in
`store.day_record`.

Sessions are referred to by their topic, which is unique within an agenda (the agenda check
refuses duplicates), so an attendee can name one from another terminal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
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
