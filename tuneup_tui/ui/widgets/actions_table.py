"""The day's action items: this session's first, then the rest, attendees' included.

The table is redrawn in place: when the store changes (an attendee logs an item) only the new
rows are added and put in their place, instead of clearing and rebuilding every row, which
stalled the console while attendees were logging.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

from tuneup_tui.store.models import ActionItem

Row = tuple[Text, str, str, str]
"""Action, owner, due, session."""


class ActionsTable(DataTable[Text | str]):
    """Action items of the run, newest first within this session and then the day."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._shown: dict[str, tuple[str, ...]] = {}
        """Row key -> what the row shows (plain text and style), as on screen now."""
        self._order: list[str] = []
        """Row keys in the order they are shown."""
        self._measuring = False
        """Rows were added: the table widens its columns for them when it next idles."""
        self._widths: tuple[int, ...] = ()
        """The columns' widths before the added rows were measured."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.add_columns("Action", "Owner", "Due", "Session")

    def show(self, items: Sequence[ActionItem], session: str | None) -> None:
        mine = [a for a in items if a.session == session]
        rest = [a for a in items if a.session != session]
        ordered = sorted(mine, key=lambda a: a.id, reverse=True) + sorted(
            rest, key=lambda a: a.id, reverse=True)
        rows = {str(item.id): _row(item, session) for item in ordered}
        order = list(rows)
        wanted = {key: _signature(row) for key, row in rows.items()}
        title = f"Action items · {len(mine)} this session · {len(items)} today"
        if self.border_title != title:
            self.border_title = title
        if wanted == self._shown and order == self._order:
            return
        kept = all(wanted.get(key) == shown for key, shown in self._shown.items())
        if not kept:  # a row changed or went: draw them all again
            self.clear()
            self._shown = {}
        added = [key for key in order if key not in self._shown]
        if added and not self._measuring:
            self._measuring = True
            self._widths = self._column_widths()
        for key in added:
            self.add_row(*rows[key], key=key)
        if self._shown and [*self._order, *added] != order:
            self._sort_as(order)
        self._shown = wanted
        self._order = order

    def on_idle(self) -> None:
        # The table measures new rows (and widens its columns) when it idles, just after this;
        # lines it drew before that stay in its caches, cut to the old widths (the header
        # too), so they are dropped and drawn again once it has, if a column did widen.
        # Drawing every line again when none did stalled the console while attendees logged.
        if self._measuring:
            self._measuring = False
            self.call_after_refresh(self._redraw)

    def _redraw(self) -> None:
        if self._column_widths() != self._widths:
            self.notify_style_update()  # drops the table's drawn lines
            self.refresh()

    def _column_widths(self) -> tuple[int, ...]:
        return tuple(column.get_render_width(self) for column in self.columns.values())

    def _sort_as(self, order: list[str]) -> None:
        # DataTable sorts by cell values only: each row's first cell (its own Text object)
        # stands for the row.
        where = {id(self.get_row(key)[0]): i for i, key in enumerate(order)}
        self.sort(key=lambda values: where[id(values[0])])


def _row(item: ActionItem, session: str | None) -> Row:
    style = "bold" if item.session == session else ""
    if item.status != "open":
        style = "dim strike"
    text = Text(item.text, style=style)
    if item.created_by not in ("", "facilitator"):
        text.append(f" ({item.created_by})", style="dim italic")
    if item.carried_from is not None:
        text.append(" (carried)", style="dim italic")
    return (text, item.owner, f"{item.due:%d %b}" if item.due else "–", item.session or "–")


def _signature(row: Row) -> tuple[str, ...]:
    text = row[0]
    return (text.plain, str(text.style), *(str(s.style) for s in text.spans), *row[1:])
