"""Offer to resume an unfinished run of the same series."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tuneup_tui.store.models import Run
from tuneup_tui.textsafe import visible_line
from tuneup_tui.ui.dialogs.base import Dialog
from tuneup_tui.ui.literal import literal


class ResumeOfferDialog(Dialog[bool | None]):
    """Resume (True) or start a new run (False); escape also starts a new one."""

    def __init__(self, run: Run) -> None:
        super().__init__()
        self.run = run

    def compose(self) -> ComposeResult:
        started = f"{self.run.started_at:%A %d %B at %H:%M}"
        with Vertical(classes="dialog"):
            yield Static("An unfinished run", classes="dialog-title")
            yield Static(literal(
                f"“{visible_line(self.run.title)}” (run {self.run.id}) was started {started} "
                "and never finished. Resume it with its notes, items, figures and timer, or "
                "start a new run (the old one is closed as it stands)?"))
            with Horizontal(classes="dialog-buttons"):
                yield Button("Resume", variant="primary", id="resume")
                yield Button("Start a new run", id="new")

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "resume")
