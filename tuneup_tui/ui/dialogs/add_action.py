"""Add an action item: what, who (completing from the roster) and by when (a week by default).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from tuneup_tui.store.due import read_due
from tuneup_tui.store.item_form import MISSING_FIELD, complete_name, text_and_owner
from tuneup_tui.textsafe import visible_line
from tuneup_tui.ui.dialogs.base import FormDialog
from tuneup_tui.ui.literal import literal, literal_line


@dataclass(frozen=True)
class ActionDraft:
    """An action item as the facilitator typed it."""

    text: str
    owner: str
    due: date | None


def read_text_and_owner(form: FormDialog[Any],
                        roster: Sequence[str]) -> tuple[str, str] | None:
    """An item form's text and owner (completed from the roster), or None after saying on the
    form's error line which one is missing, with the focus put back on it."""
    text, owner = text_and_owner(form.query_one("#text", Input).value,
                                 form.query_one("#owner", Input).value, roster)
    if owner is None:
        form.query_one("#error", Static).update(MISSING_FIELD[text])
        form.query_one(f"#{text}", Input).focus()
        return None
    return text, owner


class AddActionDialog(FormDialog[ActionDraft | None]):
    """The add-action form; enter moves to the next field and saves from the last."""

    FIELDS = ("text", "owner", "due")

    def __init__(self, roster: Sequence[str], run_date: date, session: str | None) -> None:
        super().__init__()
        self.roster = tuple(roster)
        self.run_date = run_date
        self.session = session

    def compose(self) -> ComposeResult:
        default_due = self.run_date + timedelta(days=7)
        with Vertical(classes="dialog"):
            where = f" · {self.session}" if self.session else ""
            yield Static(literal_line(f"Add an action item{where}"), classes="dialog-title")
            yield Label("What needs doing", classes="field-label")
            yield Input(placeholder="Fix the goal tracking on /pricing", id="text")
            yield Label("Owner", classes="field-label")
            names = visible_line(", ".join(self.roster[:4]))
            yield Input(placeholder=names or "a name", id="owner",
                        suggester=SuggestFromList(self.roster, case_sensitive=False))
            yield Label("Due (YYYY-MM-DD, +N days, a weekday, today or tomorrow)",
                        classes="field-label")
            yield Input(default_due.isoformat(), id="due")
            yield Static("", id="error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Add", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def field_submitted(self, field: Input) -> None:
        if field.id == "owner":
            field.value = complete_name(field.value, self.roster)

    def save(self) -> None:
        fields = read_text_and_owner(self, self.roster)
        if fields is None:
            return
        text, owner = fields
        try:
            due = read_due(self.query_one("#due", Input).value, self.run_date)
        except ValueError as err:
            self.query_one("#error", Static).update(literal(str(err)))
            self.query_one("#due", Input).focus()
            return
        self.dismiss(ActionDraft(text, owner, due))
