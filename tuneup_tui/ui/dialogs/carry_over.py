"""The previous run's open action items, at the start of a run: close, keep or re-own each.

Kept and re-owned items are added to this run (carrying the old item's id); closed ones are
marked done in the previous run. Items left untouched are kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Button, DataTable, Input, Static

from tuneup_tui.store.day_record import ActionItem
from tuneup_tui.textsafe import one_line
from tuneup_tui.ui.dialogs.add_action import complete_name
from tuneup_tui.ui.dialogs.base import Dialog
from tuneup_tui.ui.literal import literal_line

Decision = Literal["keep", "close", "reown"]

# The four columns fit the dialog's width: a long item or name is cut, not pushed off the side.
ACTION_WIDTH = 32
OWNER_WIDTH = 12
DECISION_WIDTH = 16


@dataclass(frozen=True)
class CarryDecision:
    """What to do with one of last run's open items."""

    item: ActionItem
    decision: Decision
    owner: str


class CarryOverDialog(Dialog[list[CarryDecision] | None]):
    """A table of last run's open items; k keeps, c closes, o re-owns the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "decide('keep')", "Keep", id="carry.keep"),
        Binding("c", "decide('close')", "Close", id="carry.close"),
        Binding("o", "reown", "Re-own", id="carry.reown"),
    ]

    DEFAULT_CSS = """
    CarryOverDialog #carry-items { height: auto; max-height: 16; }
    CarryOverDialog #new-owner { display: none; }
    CarryOverDialog #new-owner.-shown { display: block; }
    """

    def __init__(self, items: Sequence[ActionItem], roster: Sequence[str]) -> None:
        super().__init__()
        self.items = tuple(items)
        self.roster = tuple(roster)
        self.decisions: dict[int, tuple[Decision, str]] = {
            item.id: ("keep", item.owner) for item in self.items}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"Open action items from the last run ({len(self.items)})",
                         classes="dialog-title")
            yield Static("k keep (carry over) · c close (done) · o re-own · enter when done")
            yield DataTable(id="carry-items", cursor_type="row")
            yield Input(id="new-owner", placeholder="New owner, then enter",
                        suggester=SuggestFromList(self.roster, case_sensitive=False))
            with Horizontal(classes="dialog-buttons"):
                yield Button("Done", variant="primary", id="done")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Action", "Owner", "Due", "Decision")
        for item in self.items:
            # What people typed is drawn as it is: a Text, never markup that could act.
            table.add_row(literal_line(item.text, width=ACTION_WIDTH),
                          literal_line(item.owner, width=OWNER_WIDTH),
                          f"{item.due:%d %b}" if item.due else "–", "keep", key=str(item.id))
        table.focus()

    def _current(self) -> ActionItem | None:
        table = self.query_one(DataTable)
        if not self.items:
            return None
        return self.items[table.cursor_row]

    def action_decide(self, decision: Decision) -> None:
        item = self._current()
        if item is None:
            return
        owner = self.decisions[item.id][1]
        self._set(item, decision, owner)

    def _set(self, item: ActionItem, decision: Decision, owner: str) -> None:
        self.decisions[item.id] = (decision, owner)
        table = self.query_one(DataTable)
        shown = {"keep": "keep", "close": "close", "reown": f"re-own → {owner}"}[decision]
        table.update_cell(str(item.id), table.ordered_columns[3].key,
                          literal_line(shown, width=DECISION_WIDTH))
        table.update_cell(str(item.id), table.ordered_columns[1].key,
                          literal_line(owner, width=OWNER_WIDTH))

    def action_reown(self) -> None:
        box = self.query_one("#new-owner", Input)
        box.add_class("-shown")
        box.value = ""
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        item = self._current()
        owner = one_line(complete_name(event.input.value, self.roster))
        event.input.remove_class("-shown")
        self.query_one(DataTable).focus()
        if item is not None and owner:
            self._set(item, "reown", owner)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._finish()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._finish()

    def action_cancel(self) -> None:
        # Escape keeps every item, as untouched items are kept anyway.
        self._finish()

    def _finish(self) -> None:
        self.dismiss([CarryDecision(item, *self.decisions[item.id]) for item in self.items])
