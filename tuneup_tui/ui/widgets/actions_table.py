"""The day's action items: this session's first, then the rest, attendees' included."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

from tuneup_tui.store.models import ActionItem


class ActionsTable(DataTable[Text | str]):
    """Action items of the run, newest first within this session and then the day."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.add_columns("Action", "Owner", "Due", "Session")

    def show(self, items: Sequence[ActionItem], session: str | None) -> None:
        mine = [a for a in items if a.session == session]
        rest = [a for a in items if a.session != session]
        ordered = sorted(mine, key=lambda a: a.id, reverse=True) + sorted(
            rest, key=lambda a: a.id, reverse=True)
        self.clear()
        for item in ordered:
            style = "bold" if item.session == session else ""
            if item.status != "open":
                style = "dim strike"
            text = Text(item.text, style=style)
            if item.created_by not in ("", "facilitator"):
                text.append(f" ({item.created_by})", style="dim italic")
            if item.carried_from is not None:
                text.append(" (carried)", style="dim italic")
            self.add_row(text, item.owner, f"{item.due:%d %b}" if item.due else "–",
                         item.session or "–", key=str(item.id))
        count_mine = len(mine)
        self.border_title = f"Action items · {count_mine} this session · {len(items)} today"
