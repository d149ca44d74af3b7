"""What every dialog shares: a centred box, escape to cancel, and a line for errors."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.widgets import Button, Input

from tuneup_tui.ui.modal import OnceModal

ResultT = TypeVar("ResultT")


class Dialog(OnceModal[ResultT]):
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
    /* A short terminal (80x24): the blank lines between the fields go, so that a form of
       three fields keeps its buttons on screen. */
    Dialog.-short .dialog-title, Dialog.-short .field-label, Dialog.-short .dialog-buttons {
        margin-top: 0;
        margin-bottom: 0;
    }
    /* While a dialog is open, notifications come at the top: at the bottom right, where they
       usually are, they covered the dialog's buttons on a small terminal. */
    Dialog ToastRack {
        dock: top;
        align: right top;
        margin-bottom: 0;
        max-height: 40%;
        overflow: hidden hidden;
    }
    /* ... and tighter, so that three of them stay above the buttons of a dialog that fills
       most of an 80x24 terminal; more than fit wait their turn. */
    Dialog Toast {
        padding: 0 1;
        margin-top: 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    SHORT_BELOW = 30
    """Terminal rows under which the dialog drops the blank lines between its fields."""

    def on_mount(self) -> None:
        self.set_class(self.app.size.height < self.SHORT_BELOW, "-short")

    def on_resize(self) -> None:
        self.set_class(self.app.size.height < self.SHORT_BELOW, "-short")

    def action_cancel(self) -> None:
        self.dismiss(None)


class FormDialog(Dialog[ResultT]):
    """A dialog of input fields: enter moves to the next field and saves on the last one; the
    "save" button saves, any other button cancels."""

    FIELDS: ClassVar[tuple[str, ...]] = ()
    """The ids of the input fields, in the order enter moves through them."""

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.field_submitted(event.input)
        field = event.input.id or ""
        position = self.FIELDS.index(field) if field in self.FIELDS else len(self.FIELDS)
        if position + 1 < len(self.FIELDS):
            self.query_one(f"#{self.FIELDS[position + 1]}", Input).focus()
        else:
            self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.save()
        else:
            self.dismiss(None)

    def field_submitted(self, field: Input) -> None:
        """A field was left with enter (completion, clean-up); nothing by default."""

    def save(self) -> None:
        """Check the fields and dismiss with the result, or say what is wrong."""
        raise NotImplementedError
