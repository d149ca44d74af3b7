"""A table drawn line by line: the columns' header kept in place, each row's line drawn once for
the columns' widths and kept.

Textual's DataTable draws every visible row again whenever a row is added or the table first
measures its columns (its caches are keyed by its count of updates); the console's tables are
drawn while the panels compute and attendees log, where that was most of the console's
stalls. This one draws a row's line when it is first shown and keeps it until the columns'
widths or the styles change. A table can have a row cursor (arrow keys move it), drawn on top
of the kept lines.

A table can fit its width: one column (the action's text, a figure's name) is cut with an
ellipsis so the others stay in view, and columns that matter least (an action item's session)
are left out when even that does not leave them room. It fits again when it is resized. A cell
of the cut column can carry a shorter wording (`Fitted`), drawn instead of its text cut short
on a narrow screen; without one, two rows whose cut texts would read the same ("Leads
create…" for "Leads created" and "Leads created per session") are cut in the middle instead
("Leads…session"), so no two rows of the table look alike.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tuneup_tui.ui.literal import literal_line, one_line_text

SHORT_BELOW = 20
"""A column cut to fewer cells than this draws a cell's shorter wording, when it has one: a
text cut that far says less than a few words of its own (two scorecard questions both cut to
"Leads sent…" read the same); wider, the cut-off text says more."""


class Fitted:
    """A cell with a shorter wording, drawn when its column is cut to fewer than
    `SHORT_BELOW` cells."""

    __slots__ = ("full", "short")

    def __init__(self, full: Text | str, short: Text | str) -> None:
        self.full = full
        self.short = short


Cell = Text | str
_HEADER = object()
"""The header's key among the drawn lines."""
PADDING = 1
"""Cells are padded by a space on each side."""


class LineTable(ScrollView, can_focus=True):
    """Rows of cells under a header; `set_rows` gives them, each with a key that says what it
    shows (a row whose key is unchanged keeps its drawn line)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-table--header", "line-table--even-row", "line-table--cursor"}

    DEFAULT_CSS = """
    LineTable {
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .line-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        & > .line-table--header { text-style: bold; background: $panel; }
        & > .line-table--even-row { background: $surface-lighten-1 50%; }
        &:dark > .line-table--even-row { background: $surface-darken-1 40%; }
        & > .line-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    BLURRED_CURSOR: ClassVar[bool] = True
    """Whether the cursor shows while the table does not have the focus."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
    ]

    def __init__(self, header: Sequence[str], *, cursor: bool = False, fit: int | None = None,
                 fit_min: int = 12, optional: Sequence[int] = (), **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.header = tuple(header)
        self.fit = fit
        """The column cut to the table's width so the others stay in view (None: none)."""
        self.fit_min = fit_min
        """The fewest cells the cut column keeps."""
        self.optional = tuple(optional)
        """Columns left out, in this order, while the others do not fit."""
        self._rows: list[Sequence[Cell]] = []
        self._shorts: dict[Hashable, dict[int, Text]] = {}
        """The shorter wordings of a row's cells, by row key and column."""
        self._alike: dict[Hashable, Text] = {}
        """The cut column's cells cut in the middle, by row key: rows whose cut-off text would
        read like another row's (set with the columns' widths)."""
        self._keys: list[Hashable] = []
        self._natural = tuple(cell_len(name) for name in self.header)
        """Each column's width with nothing cut."""
        self._widths = self._natural
        """Each column's width as drawn (0: left out)."""
        self._lines: dict[tuple[Hashable, bool], tuple[Strip, Style]] = {}
        """Drawn lines by row key and stripe, at the widths above and the styles as they
        are (both drop them)."""
        self.cursor_row: int | None = 0 if cursor else None
        """The row the cursor is on (None: the table has no cursor)."""

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def get_row_at(self, index: int) -> Sequence[Cell]:
        """The cells of the row shown at `index` (0: the first under the header)."""
        return self._rows[index]

    def set_rows(self, rows: Sequence[tuple[Hashable, Sequence[Cell | Fitted]]]) -> None:
        """Show `rows` (key, cells), in this order."""
        keys = [key for key, _ in rows]
        if keys == self._keys:
            return
        # Cells drawn on one line each, whatever they hold, and no wider than CELL_WIDTH.
        cells: list[Sequence[Cell]] = [
            [_one_line(c.full if isinstance(c, Fitted) else c) for c in row] for _, row in rows]
        self._shorts = {key: {i: _one_line(c.short) for i, c in enumerate(row)
                              if isinstance(c, Fitted)}
                        for key, row in rows if any(isinstance(c, Fitted) for c in row)}
        self._natural = tuple(max([cell_len(name), *(_width(row[i]) for row in cells)])
                              for i, name in enumerate(self.header))
        self._rows, self._keys = cells, keys
        if not self._fit_width():  # the lines of rows no longer shown go
            shown = {*keys, _HEADER}
            self._lines = {key: line for key, line in self._lines.items() if key[0] in shown}
            alike = self._cut_alike()
            if alike != self._alike:  # a new row may read like one already drawn
                self._alike = alike
                self._lines.clear()
        if self.cursor_row is not None:
            self.cursor_row = min(self.cursor_row, max(len(cells) - 1, 0))
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self._fit_width():
            self.refresh()

    def _fit_width(self) -> bool:
        """Set the columns' widths for the rows and the table's width; whether they changed
        (the drawn lines are then dropped)."""
        widths = fitted_widths(self._natural, self._room(), self.fit, self.fit_min,
                               self.optional)
        self.virtual_size = Size(sum(w + 2 * PADDING for w in widths if w),
                                 len(self._rows) + 1)
        if widths == self._widths:
            return False
        self._widths = widths
        self._alike = self._cut_alike()
        self._lines.clear()
        return True

    def _cut_alike(self) -> dict[Hashable, Text]:
        """The cut column's cells that, cut off at its width, would read like another row's
        (the same first cells before the ellipsis, or the whole of a row that fits), each cut
        in the middle instead: its start, an ellipsis, its end."""
        fit = self.fit
        if fit is None or not self._rows:
            return {}
        width = self._widths[fit]
        if width < 5 or width >= self._natural[fit]:
            return {}
        heads: dict[str, list[int]] = {}
        for i, row in enumerate(self._rows):
            plain = _plain(row[fit])
            if cell_len(plain) >= width - 1:
                heads.setdefault(plain[:width - 1], []).append(i)
        out: dict[Hashable, Text] = {}
        for rows in heads.values():
            if len(rows) < 2:
                continue
            cut: dict[Hashable, Text] = {}
            shown = []
            for i in rows:
                cell = self._rows[i][fit]
                plain = _plain(cell)
                middle = _middle_cut(plain, width)
                if cell_len(plain) > width and cell_len(middle) <= width:
                    cut[self._keys[i]] = Text(
                        middle, style=cell.style if isinstance(cell, Text) else "")
                    shown.append(middle)
                else:
                    shown.append(plain)
            # only where it tells the rows apart (two items both ending "(Dana)" do not gain)
            if len(set(shown)) == len(shown):
                out.update(cut)
        return out

    def _room(self) -> int | None:
        """The cells a line has room for (None before the table is laid out, or when it fits
        nothing: then nothing is cut)."""
        if self.fit is None and not self.optional:
            return None
        width = self.size.width
        if width <= 0:
            return None
        if len(self._rows) + 1 > self.size.height:  # room kept for the vertical scrollbar
            width -= self.styles.scrollbar_size_vertical
        return width

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()  # drawn with the styles as they were

    def action_cursor(self, step: int) -> None:
        """Move the cursor `step` rows; a table without one scrolls instead."""
        if self.cursor_row is None:
            self.scroll_relative(y=step, animate=False)
            return
        if not self._rows:
            return
        self.cursor_row = max(0, min(len(self._rows) - 1, self.cursor_row + step))
        # The header takes the first line: the row's line is one below its index.
        self.scroll_to_region(Region(0, self.cursor_row, 1, 2), animate=False)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        if y == 0:
            line, style = self._drawn(_HEADER, False, self.header, "line-table--header")
        else:
            index = scroll_y + y - 1
            if not 0 <= index < len(self._rows):
                return Strip.blank(width, self.rich_style)
            if index == self.cursor_row and (self.BLURRED_CURSOR or self.has_focus):
                line, style = self._line(self._rows[index], "line-table--cursor",
                                         self._keys[index])
            else:
                # Stripes counted from the last row: rows added above the others (newest
                # first) leave the others their stripes, and their drawn lines.
                even = (len(self._rows) - index) % 2 == 0
                line, style = self._drawn(self._keys[index], even, self._rows[index],
                                          "line-table--even-row" if even else None)
        return line.crop(scroll_x, scroll_x + width).extend_cell_length(width, style)

    def _drawn(self, key: Hashable, even: bool, cells: Sequence[Cell], stripe: str | None
               ) -> tuple[Strip, Style]:
        drawn = self._lines.get((key, even))
        if drawn is None:
            drawn = self._lines[(key, even)] = self._line(cells, stripe, key)
        return drawn

    def _line(self, cells: Sequence[Cell], stripe: str | None, key: Hashable = None
              ) -> tuple[Strip, Style]:
        """One line of cells at the columns' widths (a cell too wide for its column cut as
        `_cut` says), and the style it is filled out with."""
        style = self.rich_style
        if stripe is not None:
            style += self.get_component_rich_style(stripe)
        console = self.app.console
        pad = " " * PADDING
        segments: list[Segment] = []
        for column, (cell, width) in enumerate(zip(cells, self._widths, strict=True)):
            if not width:
                continue  # left out for room
            text = literal_line(cell) if isinstance(cell, str) else cell
            if text.cell_len > width:
                text = self._cut(key, column, text, width)
            segments.append(Segment(pad))
            # `render` draws the spans; the text's own style goes under them.
            segments.extend(Segment.apply_style(text.render(console),
                                                console.get_style(text.style)))
            segments.append(Segment(" " * (width - text.cell_len) + pad))
        return Strip(Segment.apply_style(segments, style)), style


    def _cut(self, key: Hashable, column: int, text: Text, width: int) -> Text:
        """A cell too wide for its column: its shorter wording on a narrow screen, else cut in
        the middle when its cut-off text would read like another row's, else cut off."""
        short = self._shorts.get(key, {}).get(column)
        if short is not None and width < SHORT_BELOW:
            text = short
        elif column == self.fit and key in self._alike:
            text = self._alike[key]
        if text.cell_len > width:
            text = text.copy()
            text.truncate(width, overflow="ellipsis")
        return text


def fitted_widths(natural: Sequence[int], room: int | None, fit: int | None, fit_min: int,
                  optional: Sequence[int]) -> tuple[int, ...]:
    """Columns' widths in `room` cells (each padded on both sides): the `fit` column cut down
    to `fit_min` cells (or its own width, if less); then `optional` columns left out (width 0)
    in turn while the rest does not fit; then, as a last resort, the `fit` column cut to the
    room that is left (one cell at least), so that the other columns stay whole."""
    widths = list(natural)
    if room is None:
        return tuple(widths)
    dropped = list(optional)

    def used() -> int:
        return sum(w + 2 * PADDING for w in widths if w)

    def cut(least: int) -> None:
        if fit is not None:
            spare = room - (used() - widths[fit])
            widths[fit] = max(min(natural[fit], least), min(natural[fit], spare))

    while used() > room:
        cut(fit_min)
        if used() <= room:
            break
        if not dropped:
            cut(1)
            break
        widths[dropped.pop(0)] = 0
        if fit is not None:
            widths[fit] = natural[fit]  # given back what a dropped column left
    return tuple(widths)


def _middle_cut(plain: str, width: int) -> str:
    """`plain` in `width` characters: its start, an ellipsis and its last word ("Oppor…created")
    when that leaves four characters of the start, else its last characters."""
    last = plain.rsplit(maxsplit=1)[-1]
    tail = len(last) if len(last) <= width - 5 else (width - 1) // 2
    head = width - 1 - tail
    return f"{plain[:head].rstrip()}…{plain[-tail:].lstrip()}"


def _plain(cell: Cell) -> str:
    return cell.plain if isinstance(cell, Text) else cell


def _one_line(cell: Cell) -> Text:
    return literal_line(cell) if isinstance(cell, str) else one_line_text(cell)


def _width(cell: Cell) -> int:
    return cell.cell_len if isinstance(cell, Text) else cell_len(cell)
