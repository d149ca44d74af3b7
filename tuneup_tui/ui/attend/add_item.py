"""The attendee's "add an action item" dialog: text, owner, due date, session.

The owner completes from the run's roster as it is typed; anyone may own an item (guests too),
so a name outside the roster is taken as typed. The dialog checks what it can before closing, so
a refused item never leaves the dialog.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from tuneup_tui.store.due import DueDateError, read_due
from tuneup_tui.textsafe import one_line
from tuneup_tui.ui.literal import literal
from tuneup_tui.ui.modal import OnceModal


@dataclass(frozen=True)
class NewAction:
    """What the attendee typed, checked."""

    text: str
    owner: str
    due: date | None
    session: str | None


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
        """The item as typed, or the one-line reason it can't be added."""
        text = self.query_one("#add-text", Input).value.strip()
        owner = self.query_one("#add-owner", Input).value.strip()
        due_text = self.query_one("#add-due", Input).value.strip()
        session_text = self.query_one("#add-session", Input).value.strip()
        if not text:
            return "Type what is to be done.", None
        if not owner:
            return "Name an owner.", None
        owner = _match(self.roster, owner) or owner
        try:
            due = read_due(due_text, self.today)
        except DueDateError as err:
            return f"{str(err)[0].upper()}{str(err)[1:]}.", None
        session: str | None = None
        if session_text:
            session = _match(self.topics, session_text) if self.topics else session_text
            if session is None:
                return f"No session {session_text!r}; sessions: {', '.join(self.topics)}.", None
        return "", NewAction(text=text, owner=owner, due=due, session=session)


def _match(names: tuple[str, ...], wanted: str) -> str | None:
    key = wanted.casefold()
    return next((name for name in names if name.casefold() == key), None)
