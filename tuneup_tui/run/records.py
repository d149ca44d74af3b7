"""What the store holds for a run, read in one go: the console draws from it until the store
changes again, so one poll never reads the figures twice."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tuneup_tui.store.db import RunStore

if TYPE_CHECKING:
    from tuneup_tui.store.day_record import ActionItem, Note, RecordedFigure, SoftSpot


@dataclass(frozen=True, slots=True)
class DayRecords:
    """A run's action items, recorded figures, soft spots and notes at one moment."""

    actions: tuple[ActionItem, ...]
    figures: tuple[RecordedFigure, ...]
    soft_spots: tuple[SoftSpot, ...]
    notes: Mapping[str, Note]
    """Each session's note, by session topic."""

    def note_text(self, topic: str) -> str:
        """The note stored for the session `topic` (empty when there is none)."""
        note = self.notes.get(topic)
        return note.text if note is not None else ""

    def promoted(self) -> dict[str, str | None]:
        """The owner of each soft spot promoted from a finding, by the finding's key."""
        return {s.finding_key: s.owner for s in self.soft_spots if s.finding_key}


def read_records(store: RunStore, run_id: int) -> DayRecords:
    """Everything `store` holds for run `run_id` that the console shows."""
    return DayRecords(actions=tuple(store.actions(run_id)),
                      figures=tuple(store.figures(run_id)),
                      soft_spots=tuple(store.soft_spots(run_id)),
                      notes=store.notes(run_id))
