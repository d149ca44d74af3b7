"""Confirm a compress: the new start and length of every remaining session, and whether the
day then ends on time."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tuneup_tui.agenda.schedule import CompressPlan, ScheduleStatus
from tuneup_tui.ui.dialogs.base import Dialog
from tuneup_tui.ui.literal import literal_line


def plan_table(plan: CompressPlan, status: ScheduleStatus) -> Table:
    """Each session the compress changes: its start and minutes, before and after."""
    before = {row.index: row for row in status.rows}
    table = Table(box=None, padding=(0, 1), expand=True)
    table.add_column("Session", ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column("Starts", no_wrap=True)
    table.add_column("Minutes", no_wrap=True, justify="right")
    for row in plan.rows:
        old = before.get(row.index)
        if row.status in ("done", "skipped"):
            continue
        starts = f"{row.start:%H:%M}"
        minutes = f"{row.minutes:.0f}"
        if old is not None and (old.start != row.start or round(old.minutes) != round(row.minutes)):
            starts = f"{old.start:%H:%M} → {row.start:%H:%M}"
            minutes = f"{old.minutes:.0f} → {row.minutes:.0f}"
        table.add_row(literal_line(row.topic), starts, minutes)
    return table


class ConfirmCompressDialog(Dialog[bool | None]):
    """Shows the plan; enter or y compresses, escape or n keeps the day as it is."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "confirm", "Compress", id="compress.confirm"),
        Binding("n", "cancel", "Keep", id="compress.cancel"),
    ]

    def __init__(self, plan: CompressPlan, status: ScheduleStatus) -> None:
        super().__init__()
        self.plan = plan
        self.status = status

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Compress the rest of the day?", classes="dialog-title")
            yield Static(plan_table(self.plan, self.status))
            ends = Text(f"\nThe day would end at {self.plan.projected_end:%H:%M}. ")
            ends.append(self.plan.message, style="" if self.plan.fits else "bold red")
            yield Static(ends)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Compress", variant="primary", id="confirm")
                yield Button("Keep as is", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#confirm", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm")

    def action_confirm(self) -> None:
        self.dismiss(True)
