"""Jump to any session of the day."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tuneup_tui.agenda.schedule import ScheduleStatus
from tuneup_tui.ui.dialogs.base import Dialog
from tuneup_tui.ui.literal import literal_line


class JumpDialog(Dialog[int | None]):
    """A list of the sessions; typing part of a topic finds it, enter jumps to it."""

    def __init__(self, status: ScheduleStatus) -> None:
        super().__init__()
        self.status = status
        self.typed = ""
        """What has been typed so far to find a session."""

    def compose(self) -> ComposeResult:
        options = []
        for row in self.status.rows:
            state = {"done": " (done)", "skipped": " (skipped)", "current": " (now)",
                     "wont_fit": " (won't fit)"}.get(row.status, "")
            options.append(Option(literal_line(f"{row.start:%H:%M}  {row.topic}{state}"),
                                  id=str(row.index)))
        with Vertical(classes="dialog"):
            yield Static("Jump to a session", classes="dialog-title")
            yield Static("Type part of a topic to find it; enter jumps.", id="jump-typed")
            yield OptionList(*options, id="sessions")

    def on_mount(self) -> None:
        sessions = self.query_one(OptionList)
        sessions.focus()
        if self.status.current is not None:
            sessions.highlighted = self.status.current

    def on_key(self, event: events.Key) -> None:
        if event.key == "backspace" and self.typed:
            self.typed = self.typed[:-1]
        elif event.character and event.character.isprintable() and event.key != "enter":
            self.typed += event.character
        else:
            return
        event.stop()
        event.prevent_default()
        self._find()

    def _find(self) -> None:
        """Highlight the first session whose topic holds what was typed."""
        wanted = self.typed.casefold()
        self.query_one("#jump-typed", Static).update(literal_line(f"Find: {self.typed}▏"))
        for row in self.status.rows:
            if wanted and wanted in row.topic.casefold():
                self.query_one(OptionList).highlighted = row.index
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id or 0))
