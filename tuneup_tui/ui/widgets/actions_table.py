"""The day's action items: this session's first, then the rest, attendees' included.

Tab to it, move with up and down, and enter opens the item under the cursor to fix it (the
main screen opens the dialog). A `LineTable`: when attendees log items only their new lines are
drawn. (A DataTable drew every
visible row again for each row added: that was nearly all of what the console did while five
attendees logged, 25 to 50 ms at a time.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.message import Message

from tuneup_tui.store.day_record import ActionItem
from tuneup_tui.textsafe import visible_line
from tuneup_tui.ui.actions import bindings
from tuneup_tui.ui.literal import literal_line
from tuneup_tui.ui.widgets.line_table import LineTable

Row = tuple[Text, Text, str, str]
"""Action, owner, due, session."""

HEADER = ("Action", "Owner", "Due", "Session")

OWNER_WIDTH = 20
"""The most an owner's name takes of a row."""


class ActionsTable(LineTable):
    """Action items of the run, newest first within this session and then the day."""

    BINDINGS: ClassVar[list[BindingType]] = list(bindings("actions"))
    BLURRED_CURSOR = False
    """The cursor shows once the items have the focus (tab): the day's screen stays plain."""

    @dataclass
    class Opened(Message):
        """Enter on an item: open it to fix it."""

        item_id: int

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("cursor", True)
        # The owner and the due date always in view: the action's text is cut to the room
        # left (in full in the summary), and the session is left out first when there is none.
        super().__init__(HEADER, fit=0, fit_min=16, optional=(3,),
                         **kwargs)  # type: ignore[arg-type]
        self.item_ids: list[int] = []
        """The ids of the items shown, in their rows' order."""

    def action_open_item(self) -> None:
        row = self.cursor_row
        if row is not None and 0 <= row < len(self.item_ids):
            self.post_message(self.Opened(self.item_ids[row]))

    def show(self, items: Sequence[ActionItem], session: str | None) -> None:
        mine = [a for a in items if a.session == session]
        rest = [a for a in items if a.session != session]
        ordered = sorted(mine, key=lambda a: a.id, reverse=True) + sorted(
            rest, key=lambda a: a.id, reverse=True)
        title = f"Action items · {len(mine)} this session · {len(items)} today"
        if self.border_title != title:
            self.border_title = title
        rows = [_row(item, session) for item in ordered]
        self.item_ids = [item.id for item in ordered]
        # A row's key is what it shows: an item changed is drawn again.
        self.set_rows([((item.id, *_signature(row)), row)
                       for item, row in zip(ordered, rows, strict=True)])


def _row(item: ActionItem, session: str | None) -> Row:
    style = "bold" if item.session == session else ""
    if item.status != "open":
        style = "dim strike"
    text = Text(visible_line(item.text), style=style)
    if item.created_by not in ("", "facilitator"):
        text.append(f" ({visible_line(item.created_by)})", style="dim italic")
    if item.carried_from is not None:
        text.append(" (carried)", style="dim italic")
    # An owner is a name: one too long to be one is cut, not left to squeeze the action out.
    owner = literal_line(item.owner, width=OWNER_WIDTH)
    return (text, owner, f"{item.due:%d %b}" if item.due else "–", item.session or "–")


def _signature(row: Row) -> tuple[str, ...]:
    text = row[0]
    return (text.plain, str(text.style), *(str(s.style) for s in text.spans),
            row[1].plain, *row[2:])
