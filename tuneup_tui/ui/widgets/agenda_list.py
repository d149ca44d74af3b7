"""The agenda as the day stands: planned and actual times, each session's status, and the
projected end of the day."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from tuneup_tui.agenda.schedule import ScheduleStatus, SessionRow
from tuneup_tui.ui.format import fmt_drift

STATUS_LABEL = {
    "done": ("✓", "dim"),
    "current": ("▶ now", "bold reverse"),
    "next": ("next", "bold"),
    "upcoming": ("", ""),
    "skipped": ("skipped", "dim"),
    "wont_fit": ("no fit", "bold red"),
}


def _times(row: SessionRow) -> str:
    """The actual (or projected) start when it differs from the plan, else blank."""
    if f"{row.start:%H:%M}" == f"{row.planned_start:%H:%M}":
        return ""
    return f"{row.start:%H:%M}"


class AgendaList(Static):
    """The whole day, one line a session."""

    _shown: tuple[object, ...] | None = None

    def show(self, status: ScheduleStatus | None) -> None:
        if status is None:
            self.update("")
            return
        # Redrawn on every tick: only when a time or a state shown has changed.
        key = (f"{status.projected_end:%H:%M}", round(status.drift.total_seconds() / 60),
               tuple((f"{r.start:%H:%M}", r.status) for r in status.rows))
        if key == self._shown:
            return
        first = self._shown is None
        self._shown = key
        table = Table.grid(padding=(0, 1), expand=True)
        table.add_column("plan", width=5, no_wrap=True)
        table.add_column("topic", ratio=1, no_wrap=True, overflow="ellipsis")
        table.add_column("now", width=5, no_wrap=True, style="italic")
        table.add_column("state", width=7, no_wrap=True)
        for row in status.rows:
            label, style = STATUS_LABEL.get(row.status, ("", ""))
            topic_style = "bold" if row.status == "current" else (
                "dim" if row.status in ("done", "skipped") else "")
            topic = Text(row.topic, style=topic_style)
            if row.status == "skipped":
                topic.stylize("strike")
            state = Text(label, style=style)
            table.add_row(f"{row.planned_start:%H:%M}", topic, _times(row), state)
        drift = status.drift.total_seconds() / 60
        end = Text(f"Day ends {status.projected_end:%H:%M} {fmt_drift(drift)}",
                   style="bold red" if round(drift) > 0 else "bold")
        self.update(Group(table, end), layout=first)
