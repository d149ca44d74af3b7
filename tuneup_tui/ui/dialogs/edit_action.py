"""Fix an action item: its text, owner (completing from the roster), due date and status; or
delete it, after a confirmation. The console and the attendee app both open it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, Static

from tuneup_tui.store.day_record import ActionItem
from tuneup_tui.store.item_form import due_after_edit
from tuneup_tui.store.models import ACTION_STATUSES
from tuneup_tui.ui.dialogs.add_action import complete_name, read_text_and_owner
from tuneup_tui.ui.dialogs.base import FormDialog
from tuneup_tui.ui.dialogs.confirm import ConfirmDialog
from tuneup_tui.ui.literal import literal_line


@dataclass(frozen=True)
class ActionEdit:
    """The item as it was saved from the dialog, or `delete` when it is to go."""

    text: str = ""
    owner: str = ""
    due: date | None = None
    status: str = "open"
    delete: bool = False


class EditActionDialog(FormDialog[ActionEdit | None]):
    """The item's fields, filled in; enter moves from the text to the owner and the due date,
    and saves from there. The due date takes what the add dialog takes (a date, +N days, a
    weekday, today, tomorrow)."""

    FIELDS = ("text", "owner", "due")

    def __init__(self, item: ActionItem, roster: Sequence[str], today: date) -> None:
        super().__init__()
        self.item = item
        self.roster = tuple(roster)
        self.today = today

    def compose(self) -> ComposeResult:
        item = self.item
        with Vertical(classes="dialog"):
            where = f" · {item.session}" if item.session else ""
            yield Static(literal_line(f"Action item {item.id}{where}", width=None),
                         classes="dialog-title")
            yield Label("What needs doing", classes="field-label")
            yield Input(item.text, id="text")
            # Owner, due and status share a row, so the whole form fits an 80x24 terminal.
            with Horizontal(classes="dialog-row"):
                with Vertical():
                    yield Label("Owner", classes="field-label")
                    yield Input(item.owner, id="owner", suggester=SuggestFromList(
                        self.roster, case_sensitive=False))
                with Vertical():
                    yield Label("Due (empty: none)", classes="field-label")
                    yield Input(item.due.isoformat() if item.due else "", id="due",
                                placeholder="2026-12-04, +7, fri")
                with Vertical(id="status-column"):
                    yield Label("Status", classes="field-label")
                    yield Select([(s, s) for s in ACTION_STATUSES], value=item.status,
                                 allow_blank=False, id="status")
            yield Static("", id="error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Delete…", variant="error", id="delete")
                yield Button("Cancel", id="cancel")

    DEFAULT_CSS = """
    EditActionDialog .dialog-row { height: auto; }
    EditActionDialog .dialog-row > Vertical { height: auto; width: 1fr; margin-right: 1; }
    EditActionDialog #status-column { width: 16; margin-right: 0; }
    """

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def field_submitted(self, field: Input) -> None:
        if field.id == "owner":
            field.value = complete_name(field.value, self.roster)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        # Save and Cancel are the form's (its handler runs after this one); Delete asks first.
        if event.button.id == "delete":
            event.stop()
            event.prevent_default()
            self.ask_delete()

    def ask_delete(self) -> None:
        item = self.item
        self.app.push_screen(
            ConfirmDialog("Delete this action item?",
                          f"“{item.text}” ({item.owner}) leaves the day, the summary, "
                          "actions.csv and the calendar. Its history is kept in the store.",
                          yes="Delete", no="Keep it"),
            self._deleted)

    def _deleted(self, confirmed: bool | None) -> None:
        if confirmed:
            self.dismiss(ActionEdit(delete=True))

    def save(self) -> None:
        error = self.query_one("#error", Static)
        fields = read_text_and_owner(self, self.roster)
        if fields is None:
            return
        text, owner = fields
        try:
            due = due_after_edit(self.query_one("#due", Input).value, self.item.due, self.today)
        except ValueError as err:
            error.update(literal_line(str(err), width=None))
            self.query_one("#due", Input).focus()
            return
        status = str(self.query_one("#status", Select).value)
        self.dismiss(ActionEdit(text, owner, due, status))
