"""The history of action item changes, and deleting an item: a part of `RunStore`.

Every edit, close, reopen or delete is kept in `action_item_changes` with who made it and when,
in the same commit as the change itself. A deleted item leaves `action_items` (so it leaves the
summary, actions.csv and the .ics); its last values stay in its history.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from tuneup_tui.store import rows
from tuneup_tui.store.base import StoreBase
from tuneup_tui.store.errors import StoreError

if TYPE_CHECKING:
    from tuneup_tui.store.day_record import ActionChange

# The columns a change may touch, as they are kept in a change's old and new values.
EDITABLE: tuple[str, ...] = ("text", "owner", "due", "status")
_STATUS_CHANGES = {"done": "close", "dropped": "drop", "open": "reopen"}


class ActionLog(StoreBase):
    """Deleting action items and reading back what was changed, by whom, when."""

    def delete_action(self, action_id: int, *, by: str = "facilitator") -> None:
        """Remove the item (StoreError when there is none); its history keeps its values."""
        at = rows.dt_text(self._now())

        def body(conn: sqlite3.Connection) -> None:
            row = conn.execute("SELECT * FROM action_items WHERE id = ?",
                               (action_id,)).fetchone()
            if row is None:
                raise StoreError(f"no action item {action_id}; see `tuneup actions`")
            old = {column: row[column] for column in EDITABLE}
            log_change(conn, row, "delete", old, {}, by, at)
            # A later run's copy keeps its own text; only its pointer back goes.
            conn.execute("UPDATE action_items SET carried_from = NULL WHERE carried_from = ?",
                         (action_id,))
            conn.execute("DELETE FROM action_items WHERE id = ?", (action_id,))

        self._write(body)

    def action_changes(self, action_id: int) -> list[ActionChange]:
        """Every change made to one item (deleted items too), oldest first."""
        found = self._all("SELECT * FROM action_item_changes WHERE action_id = ? ORDER BY id",
                          (action_id,))
        return [rows.change_from(r) for r in found]


def change_kind(old: Mapping[str, Any], new: Mapping[str, Any]) -> str:
    """"close", "drop" or "reopen" when the status changed, else "edit"."""
    if "status" in new and new["status"] != old.get("status"):
        return _STATUS_CHANGES.get(str(new["status"]), "edit")
    return "edit"


def log_change(conn: sqlite3.Connection, item: sqlite3.Row, change: str,
               old: Mapping[str, Any], new: Mapping[str, Any], by: str, at: str) -> None:
    """Keep one change of `item` (its row before the change), inside the caller's commit."""
    conn.execute(
        "INSERT INTO action_item_changes (action_id, run_id, change, old_values, new_values,"
        " changed_by, changed_at) VALUES (?,?,?,?,?,?,?)",
        (item["id"], item["run_id"], change, rows.json_text(old), rows.json_text(new),
         by.strip() or "facilitator", at))
