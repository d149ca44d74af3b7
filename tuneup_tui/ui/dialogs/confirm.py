"""A yes/no question before something that cannot be undone (deleting an item)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tuneup_tui.ui.dialogs.base import Dialog
from tuneup_tui.ui.literal import literal, literal_line


class ConfirmDialog(Dialog[bool | None]):
    """True when the answer is the (error-styled) `yes` button; "no", escape: None or False.
    The safe answer has the focus, so a stray enter changes nothing."""

    def __init__(self, title: str, question: str, yes: str, no: str = "Cancel") -> None:
        super().__init__()
        self.title_text = title
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal_line(self.title_text, width=None), classes="dialog-title")
            yield Static(literal(self.question))
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, variant="error", id="yes")
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")
