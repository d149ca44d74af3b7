"""Which tables a shared store keeps alike on every machine, and how a row is named in each.

Each machine numbers its own rows, so a row travels by what names it everywhere: its `uid`, or
for the tables without ids the run's uid and the row's own key (a run's event by its `seq`, a
note by its session). Panel figures travel a panel at a time: saving a panel's figures replaces
them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Synced:
    """One table kept alike in the local store and the shared one."""

    table: str
    match: tuple[str, ...]
    """The columns a change names its row (or group of rows) by, in the store it was made in."""
    refs: dict[str, str] = field(default_factory=dict)
    """Columns holding the id of a row of another table (translated through its uid). A row
    whose reference cannot be found where it lands is left out, except `carried_from`, which
    is left empty (the item carried over was removed)."""
    whole_group: bool = False
    """`match` names a group of rows sent as a whole (the rows of one run's panel)."""

    @property
    def has_uid(self) -> bool:
        return self.match == ("id",)

    @property
    def conflict(self) -> tuple[str, ...]:
        """The columns an arriving row replaces a row by."""
        return ("uid",) if self.has_uid else self.match


RUN = {"run_id": "runs"}

SYNCED: tuple[Synced, ...] = (
    Synced("runs", ("id",)),
    Synced("schedule_events", ("run_id", "seq"), RUN),
    Synced("notes", ("run_id", "session"), RUN),
    Synced("action_items", ("id",), {**RUN, "carried_from": "action_items"}),
    Synced("soft_spots", ("id",), RUN),
    Synced("recorded_figures", ("id",), RUN),
    Synced("panel_figures", ("run_id", "panel"), RUN, whole_group=True),
    Synced("action_item_changes", ("id",), {**RUN, "action_id": "action_items"}),
)
"""In the order a fresh copy is made (a run before what belongs to it)."""

BY_TABLE: dict[str, Synced] = {spec.table: spec for spec in SYNCED}
