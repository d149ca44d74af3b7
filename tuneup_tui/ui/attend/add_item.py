"""The attendee's "add an action item" dialog: text, owner, due date, session.

The owner completes from the run's roster as it is typed; anyone may own an item (guests too),
so a name outside the roster is taken as typed. The dialog checks what it can before closing, so
a refused item never leaves the dialog.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from tuneup_tui.store.item_form import NewAction, check_new_item
from tuneup_tui.textsafe import one_line
from tuneup_tui.ui.literal import literal
from tuneup_tui.ui.modal import OnceModal

__all__ = ["AddActionScreen", "NewAction"]


class AddActionScreen(OnceModal[NewAction | None]):
    """Add one action item; dismissed with the item, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="attend.add.cancel"),
    ]

    def __init__(self, *, roster: tuple[str, ...], topics: tuple[str, ...], owner: str,
                 due: date, session: str | None, today: date) -> None:
        super().__init__()
        self.roster = roster
        self.topics = topics
        self.default_owner = owner
        self.default_due = due
        self.default_session = session
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="add-dialog"):
            yield Label("Add an action item", id="add-title")
            with Horizontal(classes="add-field"):
                yield Label("Text", classes="field-label")
                yield Input(placeholder="What is to be done", id="add-text")
            with Horizontal(classes="add-field"):
                yield Label("Owner", classes="field-label")
                yield Input(one_line(self.default_owner), placeholder="who will do it",
                            suggester=SuggestFromList(self.roster, case_sensitive=False),
                            id="add-owner")
            with Horizontal(classes="add-field"):
                yield Label("Due", classes="field-label")
                yield Input(self.default_due.isoformat(),
                            placeholder="2026-12-04, +N days, fri, today", id="add-due")
            with Horizontal(classes="add-field"):
                yield Label("Session", classes="field-label")
                yield Input(one_line(self.default_session or ""), placeholder="optional",
                            suggester=SuggestFromList(self.topics, case_sensitive=False),
                            id="add-session")
            yield Static("", id="add-error")
            with Horizontal(id="add-buttons"):
                yield Button("Add", variant="primary", id="add-ok")
                yield Button("Cancel", id="add-cancel")

    def on_mount(self) -> None:
        self.query_one("#add-text", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#add-ok")
    def submit(self) -> None:
        problem, item = self.check()
        if item is None:
            self.query_one("#add-error", Static).update(literal(problem))
            return
        self.dismiss(item)

    @on(Button.Pressed, "#add-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def check(self) -> tuple[str, NewAction | None]:
        """The item as typed, or the one-line reason it can't be added (the served page's
        form says the same: store.item_form)."""
        return check_new_item(
            self.query_one("#add-text", Input).value, self.query_one("#add-owner", Input).value,
            self.query_one("#add-due", Input).value, self.query_one("#add-session", Input).value,
            roster=self.roster, topics=self.topics, today=self.today)
