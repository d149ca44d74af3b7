"""Jump to any session of the day."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tuneup_tui.agenda.schedule import ScheduleStatus
from tuneup_tui.ui.dialogs.base import Dialog


class JumpDialog(Dialog[int | None]):
    """A list of the sessions; enter jumps to the highlighted one."""

    def __init__(self, status: ScheduleStatus) -> None:
        super().__init__()
        self.status = status

    def compose(self) -> ComposeResult:
        options = []
        for row in self.status.rows:
            state = {"done": " (done)", "skipped": " (skipped)", "current": " (now)",
                     "wont_fit": " (won't fit)"}.get(row.status, "")
            options.append(Option(f"{row.start:%H:%M}  {row.topic}{state}", id=str(row.index)))
        with Vertical(classes="dialog"):
            yield Static("Jump to a session", classes="dialog-title")
            yield OptionList(*options, id="sessions")

    def on_mount(self) -> None:
        sessions = self.query_one(OptionList)
        sessions.focus()
        if self.status.current is not None:
            sessions.highlighted = self.status.current

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id or 0))
