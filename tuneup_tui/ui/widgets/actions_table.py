"""The day's action items: this session's first, then the rest, attendees' included.

The table is drawn line by line: each item's line is worked out once for the columns' widths
and kept, so when attendees log items only their new lines are drawn. (A DataTable drew every
visible row again for each row added, its caches being keyed by its count of updates: that was
nearly all of what the console did while five attendees logged, 25 to 50 ms at a time.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tuneup_tui.store.models import ActionItem

Row = tuple[Text, str, str, str]
"""Action, owner, due, session."""

HEADER = ("Action", "Owner", "Due", "Session")
PADDING = 1
"""Cells are padded by a space on each side."""
HEADER_KEY: tuple[tuple[object, ...], bool] = (HEADER, False)


class ActionsTable(ScrollView, can_focus=True):
    """Action items of the run, newest first within this session and then the day.

    Its first line is the columns' header, kept in place while the rows scroll under it.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"actions-table--header", "actions-table--even-row"}

    DEFAULT_CSS = """
    ActionsTable {
        background: $surface;
        color: $foreground;
        &:focus { background-tint: $foreground 5%; }
        & > .actions-table--header { text-style: bold; background: $panel; }
        & > .actions-table--even-row { background: $surface-lighten-1 50%; }
        &:dark > .actions-table--even-row { background: $surface-darken-1 40%; }
    }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._rows: list[Row] = []
        self._keys: list[tuple[object, ...]] = []
        """What each row shows (its item's id, text and styles), in the order shown."""
        self._widths: tuple[int, ...] = tuple(cell_len(name) for name in HEADER)
        self._lines: dict[tuple[tuple[object, ...], bool], tuple[Strip, Style]] = {}
        """Drawn lines by row and zebra stripe, at the widths above and the styles as they
        are (both drop them)."""

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def get_row_at(self, index: int) -> Row:
        """The cells of the row shown at `index` (0: the first under the header)."""
        return self._rows[index]

    def show(self, items: Sequence[ActionItem], session: str | None) -> None:
        mine = [a for a in items if a.session == session]
        rest = [a for a in items if a.session != session]
        ordered = sorted(mine, key=lambda a: a.id, reverse=True) + sorted(
            rest, key=lambda a: a.id, reverse=True)
        title = f"Action items · {len(mine)} this session · {len(items)} today"
        if self.border_title != title:
            self.border_title = title
        rows = [_row(item, session) for item in ordered]
        keys = [(item.id, *_signature(row)) for item, row in zip(ordered, rows, strict=True)]
        if keys == self._keys:  # the store's every change asks for this
            return
        widths = tuple(max([cell_len(name), *(cell_len(_plain(row[i])) for row in rows)])
                       for i, name in enumerate(HEADER))
        if widths != self._widths:
            self._widths = widths
            self._lines.clear()
        self._rows, self._keys = rows, keys
        self.virtual_size = Size(sum(widths) + 2 * PADDING * len(widths), len(rows) + 1)
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()  # drawn with the styles as they were

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        if y == 0:
            drawn = self._lines.get(HEADER_KEY)
            if drawn is None:
                drawn = self._lines[HEADER_KEY] = self._line(HEADER, "actions-table--header")
            line, style = drawn
        else:
            index = scroll_y + y - 1
            if not 0 <= index < len(self._rows):
                return Strip.blank(width, self.rich_style)
            # Stripes counted from the last row: a new item shows above the rows before it,
            # and those keep their stripes (and their drawn lines).
            even = (len(self._rows) - index) % 2 == 0
            key = (self._keys[index], even)
            drawn = self._lines.get(key)
            if drawn is None:
                drawn = self._lines[key] = self._line(
                    self._rows[index], "actions-table--even-row" if even else None)
            line, style = drawn
        return line.crop(scroll_x, scroll_x + width).extend_cell_length(width, style)

    def _line(self, cells: Sequence[Text | str], stripe: str | None) -> tuple[Strip, Style]:
        """One line of cells at the columns' widths, and the style it is filled out with."""
        style = self.rich_style
        if stripe is not None:
            style += self.get_component_rich_style(stripe)
        console = self.app.console
        pad = " " * PADDING
        segments: list[Segment] = []
        for cell, width in zip(cells, self._widths, strict=True):
            text = Text(cell) if isinstance(cell, str) else cell
            segments.append(Segment(pad))
            # `render` draws the spans; the text's own style goes under them.
            segments.extend(Segment.apply_style(text.render(console),
                                                console.get_style(text.style)))
            segments.append(Segment(" " * (width - text.cell_len) + pad))
        return Strip(Segment.apply_style(segments, style)), style


def _plain(cell: Text | str) -> str:
    return cell.plain if isinstance(cell, Text) else cell


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
