"""What the day records, in the run store: action items, soft spots and figures.

A part of `RunStore` (its methods are inherited from `Records`), kept apart from runs and their
schedule so each file reads on one topic.
"""

from __future__ import annotations

import math
import numbers
import sqlite3
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from tuneup_tui.store import rows
from tuneup_tui.store.action_log import EDITABLE, ActionLog, change_kind, log_change
from tuneup_tui.store.errors import StoreError
from tuneup_tui.textsafe import one_line

if TYPE_CHECKING:
    from tuneup_tui.store.day_record import ActionItem, RecordedFigure, SoftSpot

SEVERITIES: tuple[str, ...] = ("high", "medium", "low")


class Records(ActionLog):
    """Action items, soft spots, recorded figures and panel figures of runs."""

    # action items
    def add_action(self, run_id: int, text: str, owner: str, *, due: date | None = None,
                   session: str | None = None, created_by: str = "facilitator",
                   carried_from: int | None = None) -> ActionItem:
        text, owner = _required(text, "an action item needs its text"), _required(
            owner, "an action item needs an owner")
        now = rows.dt_text(self._now())
        values = (run_id, text, owner, rows.date_text(due) if due else None, session or None,
                  one_line(created_by) or "facilitator", now, now, carried_from)

        def body(conn: sqlite3.Connection) -> int:
            self._require_run(conn, run_id)
            if carried_from is not None and _action_row(conn, carried_from) is None:
                raise StoreError(f"no action item {carried_from} to carry over; "
                                 "see `tuneup actions`")
            cur = conn.execute(
                "INSERT INTO action_items (run_id, text, owner, due, session, status, created_by,"
                " created_at, updated_at, carried_from) VALUES (?,?,?,?,?,'open',?,?,?,?)",
                values)
            return int(cur.lastrowid or 0)

        return self.action(self._write(body))

    def action(self, action_id: int) -> ActionItem:
        """One action item; StoreError when there is no such id."""
        row = self._one("SELECT * FROM action_items WHERE id = ?", (action_id,))
        if row is None:
            raise StoreError(f"no action item {action_id}; see `tuneup actions`")
        return rows.action_from(row)

    def update_action(self, action_id: int, *, text: str | None = None,
                      owner: str | None = None, due: date | None = None,
                      status: str | None = None, clear_due: bool = False,
                      by: str = "facilitator") -> ActionItem:
        """Change what is given (`clear_due=True` removes the due date); the rest stays. What
        changed is kept in the item's history with `by` and the time."""
        changes: dict[str, Any] = {}
        if text is not None:
            changes["text"] = _required(text, "an action item needs its text")
        if owner is not None:
            changes["owner"] = _required(owner, "an action item needs an owner")
        if due is not None:
            changes["due"] = rows.date_text(due)
        elif clear_due:
            changes["due"] = None
        if status is not None:
            self._check_status(status)
            changes["status"] = status
        at = changes["updated_at"] = rows.dt_text(self._now())

        def body(conn: sqlite3.Connection) -> None:
            row = _action_row(conn, action_id)
            if row is None:
                raise StoreError(f"no action item {action_id}; see `tuneup actions`")
            old = {k: row[k] for k in EDITABLE if k in changes and row[k] != changes[k]}
            new = {k: changes[k] for k in old}
            if new:
                log_change(conn, row, change_kind(old, new), old, new, by, at)
            assignments = ", ".join(f"{column} = ?" for column in changes)
            conn.execute(f"UPDATE action_items SET {assignments} WHERE id = ?",
                         (*changes.values(), action_id))

        self._write(body)
        return self.action(action_id)

    def actions(self, run_id: int | None = None, *, owner: str | None = None,
                status: str | None = None) -> list[ActionItem]:
        """Action items in the order they were added; `owner` matches whatever the case."""
        where: list[str] = []
        params: list[Any] = []
        if run_id is not None:
            self._one_run(run_id)
            where.append("run_id = ?")
            params.append(run_id)
        if owner is not None:
            where.append("lower(owner) = lower(?)")
            params.append(owner.strip())
        if status is not None:
            self._check_status(status)
            where.append("status = ?")
            params.append(status)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        found = self._all(f"SELECT * FROM action_items{clause} ORDER BY id", tuple(params))
        return [rows.action_from(r) for r in found]

    # soft spots
    def add_soft_spot(self, run_id: int, text: str, *, severity: str = "medium",
                      session: str | None = None, owner: str | None = None,
                      panel: str | None = None, finding_key: str | None = None,
                      figures: Mapping[str, Any] | None = None) -> SoftSpot:
        text = _required(text, "a soft spot needs its text")
        if severity not in SEVERITIES:
            raise StoreError(f"severity must be one of {', '.join(SEVERITIES)}, got {severity!r}")
        values = (run_id, session or None, text, severity, one_line(owner or "") or None,
                  panel, finding_key, rows.json_text(figures), rows.dt_text(self._now()))

        def body(conn: sqlite3.Connection) -> int:
            self._require_run(conn, run_id)
            cur = conn.execute(
                "INSERT INTO soft_spots (run_id, session, text, severity, owner, panel,"
                " finding_key, figures, created_at) VALUES (?,?,?,?,?,?,?,?,?)", values)
            return int(cur.lastrowid or 0)

        spot_id = self._write(body)
        row = self._one("SELECT * FROM soft_spots WHERE id = ?", (spot_id,))
        assert row is not None
        return rows.soft_spot_from(row)

    def soft_spots(self, run_id: int) -> list[SoftSpot]:
        self._one_run(run_id)
        found = self._all("SELECT * FROM soft_spots WHERE run_id = ? ORDER BY id", (run_id,))
        return [rows.soft_spot_from(r) for r in found]

    # recorded figures
    def record_figure(self, run_id: int, name: str, value: float, *, unit: str = "",
                      session: str | None = None) -> RecordedFigure:
        """Record (or re-record: the latest value of a name in a run wins) a figure."""
        name = _required(name, "a recorded figure needs a name")
        value = _finite(value, name)
        values = (run_id, session or None, name, value, one_line(unit),
                  rows.dt_text(self._now()))

        def body(conn: sqlite3.Connection) -> int:
            self._require_run(conn, run_id)
            cur = conn.execute("INSERT INTO recorded_figures (run_id, session, name, value, unit,"
                               " recorded_at) VALUES (?,?,?,?,?,?)", values)
            return int(cur.lastrowid or 0)

        figure_id = self._write(body)
        row = self._one("SELECT * FROM recorded_figures WHERE id = ?", (figure_id,))
        assert row is not None
        return rows.figure_from(row)

    def figures(self, run_id: int) -> list[RecordedFigure]:
        """The latest value of each figure name in the run, in the order first recorded."""
        self._one_run(run_id)
        found = self._all(
            "SELECT f.* FROM recorded_figures f JOIN ("
            "  SELECT name, MAX(id) AS last, MIN(id) AS first FROM recorded_figures"
            "  WHERE run_id = ? GROUP BY name) g ON f.id = g.last ORDER BY g.first",
            (run_id,))
        return [rows.figure_from(r) for r in found]

    # panel figures
    def save_panel_figures(self, run_id: int, panel: str,
                           figures: Mapping[str, float | int | None]) -> None:
        """Replace the headline figures a run computed for one panel."""
        values = [(run_id, panel, name, _number(value), seq)
                  for seq, (name, value) in enumerate(figures.items(), 1)]

        def body(conn: sqlite3.Connection) -> None:
            self._require_run(conn, run_id)
            conn.execute("DELETE FROM panel_figures WHERE run_id = ? AND panel = ?",
                         (run_id, panel))
            conn.executemany("INSERT INTO panel_figures (run_id, panel, name, value, seq)"
                             " VALUES (?,?,?,?,?)", values)

        self._write(body)

    def panel_figures(self, run_id: int) -> dict[str, dict[str, float | int | None]]:
        """panel -> figure name -> value, as last saved for the run."""
        self._one_run(run_id)
        result: dict[str, dict[str, float | int | None]] = {}
        for r in self._all("SELECT panel, name, value FROM panel_figures WHERE run_id = ?"
                           " ORDER BY panel, seq", (run_id,)):
            result.setdefault(r["panel"], {})[r["name"]] = r["value"]
        return result

    def _one_run(self, run_id: int) -> None:
        if self._one("SELECT 1 FROM runs WHERE id = ?", (run_id,)) is None:
            raise StoreError(f"no run {run_id}; see `tuneup runs`")


def _required(value: str, message: str) -> str:
    """`value` as a one-line field keeps it (no control characters), or StoreError."""
    value = one_line(value)
    if not value:
        raise StoreError(message)
    return value


def _finite(value: float, name: str) -> float:
    """`value` as a float; StoreError for nan or infinity (the column refuses NULL, and neither
    is a figure anyone recorded)."""
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise StoreError(f"{name}: expected a number, got {value!r}") from None
    if not math.isfinite(number):
        raise StoreError(f"{name}: expected a finite number, got {number!r}")
    return number


def _action_row(conn: sqlite3.Connection, action_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM action_items WHERE id = ?", (action_id,)).fetchone()
    return row


def _number(value: float | int | None) -> float | int | None:
    """A plain int or float (numpy numbers too); NaN is "n/a", stored as NULL."""
    if value is None:
        return None
    if isinstance(value, numbers.Integral):
        return int(value)
    number = float(value)
    return None if math.isnan(number) else number
