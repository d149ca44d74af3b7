"""What every dialog shares: a centred box, escape to cancel, and a line for errors."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT]):
    """A modal box; escape dismisses it with None."""

    DEFAULT_CSS = """
    Dialog {
        align: center middle;
    }
    Dialog > .dialog {
        width: 76;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    Dialog .dialog-title {
        text-style: bold;
        margin-bottom: 1;
    }
    Dialog .field-label {
        margin-top: 1;
        color: $text-muted;
    }
    Dialog .dialog-error {
        color: $error;
        text-style: bold;
        height: auto;
    }
    Dialog .dialog-buttons {
        height: auto;
        align-horizontal: right;
        margin-top: 1;
    }
    Dialog .dialog-buttons Button {
        margin-left: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    def action_cancel(self) -> None:
        self.dismiss(None)
