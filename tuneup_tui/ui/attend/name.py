"""Who is this attendee: picked from the run's roster once, or typed by a guest.

Asked only when the name is not known already (`tuneup attend --name`, `?name=` in the served
page's address). A name typed in any case is taken with the roster's spelling.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tuneup_tui.textsafe import one_line
from tuneup_tui.ui.literal import literal_line
from tuneup_tui.ui.modal import OnceModal

NAME_LIMIT = 60


class NameScreen(OnceModal[str | None]):
    """Pick your name; dismissed with it (the roster's spelling), or None for "not now"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Not now", id="attend.name.cancel"),
    ]

    def __init__(self, roster: tuple[str, ...], current: str = "") -> None:
        super().__init__()
        self.roster = roster
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="name-dialog"):
            yield Label("Who are you?", id="name-title")
            if self.roster:
                yield Label("Pick your name (arrows, then Enter):", classes="field-label")
                yield OptionList(*(Option(literal_line(name), id=str(i))
                                   for i, name in enumerate(self.roster)), id="name-roster")
            yield Label("Not on the list? Type your name:" if self.roster else "Your name:",
                        classes="field-label")
            yield Input(placeholder="your name", max_length=NAME_LIMIT, id="name-typed")
            yield Static("", id="name-error")

    def on_mount(self) -> None:
        if self.roster:
            roster = self.query_one("#name-roster", OptionList)
            me = self.current.casefold()
            known = [i for i, name in enumerate(self.roster) if name.casefold() == me]
            roster.highlighted = known[0] if known else 0
            roster.focus()
        else:
            self.query_one("#name-typed", Input).focus()

    @on(OptionList.OptionSelected, "#name-roster")
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.roster[int(event.option.id or 0)])

    @on(Input.Submitted, "#name-typed")
    def typed(self, event: Input.Submitted) -> None:
        name = one_line(event.value)
        if not name:
            self.query_one("#name-error", Static).update("Type your name, or press Escape.")
            return
        known = next((n for n in self.roster if n.casefold() == name.casefold()), None)
        self.dismiss(known or name)

    def action_cancel(self) -> None:
        self.dismiss(None)
