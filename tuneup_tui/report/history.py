"""History across runs of one series: carrying the previous run's open action items over.

The next run opens with the previous run's open items and the facilitator decides for each:
close it (it is done), keep it (same owner) or re-own it (a new owner). Keeping and re-owning
add a copy to the new run with `carried_from` naming the old item, which stays as it was in its
own run; closing marks the old item done. The summary reads these links back
(`tuneup_tui.report.collect`) to say what became of each item.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from tuneup_tui.store.db import RunStore, StoreError
from tuneup_tui.store.models import ActionItem, Run

CarryDecision = Literal["close", "keep", "re-own"]


def items_to_carry(store: RunStore, run: Run) -> list[ActionItem]:
    """The previous run's open items that this run has not carried over yet."""
    previous = store.previous_run(run)
    if previous is None:
        return []
    carried = {a.carried_from for a in store.actions(run.id) if a.carried_from is not None}
    return [a for a in store.actions(previous.id, status="open") if a.id not in carried]


def carry_over(store: RunStore, run: Run, item: ActionItem, decision: CarryDecision, *,
               owner: str | None = None, due: date | None = None) -> ActionItem:
    """Apply the facilitator's decision on one previous item; the item as it now stands
    (the closed old one, or the new copy in this run)."""
    if decision == "close":
        return store.update_action(item.id, status="done")
    if decision == "re-own":
        if not owner or not owner.strip():
            raise StoreError(f"re-own action item {item.id}: give the new owner")
        new_owner = owner.strip()
    elif decision == "keep":
        new_owner = item.owner
    else:
        raise StoreError(f"unknown decision {decision!r}; expected close, keep or re-own")
    return store.add_action(run.id, item.text, new_owner, due=due or item.due,
                            session=item.session, created_by=item.created_by,
                            carried_from=item.id)


def previous_figures(store: RunStore, run: Run) -> dict[str, float]:
    """The figures the previous run of the series recorded, by name (empty for a first run)."""
    previous = store.previous_run(run)
    if previous is None:
        return {}
    return {f.name: f.value for f in store.figures(previous.id)}
