"""The action items table as items arrive: rows in place, columns widened, lines not cut, and
only the new rows drawn."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.pilot import Pilot

from tuneup_tui.store.day_record import ActionItem
from tuneup_tui.ui.widgets.actions_table import ActionsTable
from tuneup_tui.ui.widgets.line_table import LineTable

AT = datetime(2026, 11, 23, 10, 0)


def _item(n: int, text: str, owner: str = "Dana", session: str | None = "Traffic Study"
          ) -> ActionItem:
    return ActionItem(id=n, run_id=1, text=text, owner=owner, due=date(2026, 12, 4),
                      session=session, status="open", created_by="facilitator",
                      created_at=AT, updated_at=AT)


class TableApp(App[None]):
    AUTO_FOCUS = None  # as on the console's screen: the items have the focus once tabbed to

    def compose(self) -> ComposeResult:
        yield ActionsTable(id="actions")


def _lines(app: App[None]) -> list[str]:
    """The table's lines as the screen draws them (through the widget's cache of lines)."""
    table = app.query_one(ActionsTable)
    return [strip.text for strip in table.render_lines(Region(0, 0, *table.size))]


async def _show(pilot: Pilot[None], items: list[ActionItem], *, drawn_first: bool = False
                ) -> ActionsTable:
    """Show `items` (this session: Traffic Study) and let a few frames pass: the table
    measures new rows when it idles, then draws. `drawn_first`: its lines are drawn once
    before it measures them, as a refresh may."""
    table = pilot.app.query_one(ActionsTable)
    table.show(items, "Traffic Study")
    if drawn_first:
        _lines(pilot.app)
    for _ in range(3):
        await pilot.pause()
    return table


async def test_rows_arrive_newest_first_and_a_wider_row_widens_its_column() -> None:
    app = TableApp()
    async with app.run_test(size=(100, 12)) as pilot:
        items = [_item(1, "Fix form"), _item(2, "Call Maria")]
        table = await _show(pilot, items)
        assert [str(table.get_row_at(i)[0]) for i in range(2)] == ["Call Maria", "Fix form"]
        # An attendee's longer item and a longer owner: the columns widen, and the lines drawn
        # before are drawn again at the new widths (no "Fix fo" cut to the old width).
        items.append(_item(3, "Fix the go-live checklist for the webinar form", owner="Priya"))
        await _show(pilot, items, drawn_first=True)
        lines = _lines(app)
        assert any("Fix the go-live checklist for the webinar form" in line for line in lines)
        assert any("Fix form" in line and "Dana" in line for line in lines)
        assert any("Priya" in line for line in lines)
        assert table.row_count == 3
        assert table.border_title == "Action items · 3 this session · 3 today"


async def test_a_row_of_the_same_widths_leaves_the_drawn_lines_alone() -> None:
    app = TableApp()
    async with app.run_test(size=(100, 12)) as pilot:
        items = [_item(1, "Fix the form"), _item(2, "Call Maria")]
        table = await _show(pilot, items)
        drops: list[int] = []
        table.notify_style_update = lambda: drops.append(1)  # type: ignore[method-assign]
        items.append(_item(3, "Call Alex"))  # fits the columns as they are
        await _show(pilot, items, drawn_first=True)
        assert drops == []
        assert [str(table.get_row_at(i)[0]) for i in range(3)] == [
            "Call Alex", "Call Maria", "Fix the form"]
        assert any("Call Alex" in line for line in _lines(app))


async def test_the_first_rows_are_not_cut_to_the_header_width() -> None:
    app = TableApp()
    async with app.run_test(size=(100, 12)) as pilot:
        await pilot.pause()
        # drawn before the table measures its first row ("Action" wide)
        await _show(pilot, [_item(1, "Fix go-live form")], drawn_first=True)
        assert any("Fix go-live form" in line for line in _lines(app))


async def test_an_arriving_item_draws_its_own_line_only() -> None:
    # Attendees' items arrive while the day goes on: the rows already there keep their drawn
    # lines (and their stripes) as a new item comes in above them.
    app = TableApp()
    async with app.run_test(size=(100, 12)) as pilot:
        items = [_item(1, "Fix the form"), _item(2, "Call Maria")]
        table = await _show(pilot, items)
        before = [list(table.render_line(y)) for y in range(3)]
        drawn: list[str] = []
        line = table._line

        def counting(cells: Sequence[Text | str], stripe: str | None,
                     key: object = None) -> object:
            drawn.append(str(cells[0]))
            return line(cells, stripe, key)

        table._line = counting  # type: ignore[assignment, method-assign]
        items.append(_item(3, "Call Alex"))
        await _show(pilot, items)
        after = [list(table.render_line(y)) for y in range(4)]
        assert drawn == ["Call Alex"]
        # The older rows moved down a line, drawn as before, stripes and all.
        assert after[2:4] == before[1:3] and after[2] != after[3]
        assert table.row_count == 3 and str(table.get_row_at(0)[0]) == "Call Alex"


class PanelTableApp(App[None]):
    def compose(self) -> ComposeResult:
        table = LineTable(["Figure", "Period"], cursor=True, id="figures")
        table.set_rows([(f"f{i}", [f"figure {i}", str(i)]) for i in range(20)])
        yield table


async def test_a_panel_table_has_a_row_cursor_the_arrows_move() -> None:
    # A panel's table keeps its row cursor (the facilitator walks the funnel's steps with it):
    # drawn on top of the kept lines, moved by the arrows, kept in view, stopped at the ends.
    app = PanelTableApp()
    async with app.run_test(size=(40, 8)) as pilot:
        table = app.query_one(LineTable)
        table.focus()
        await pilot.pause()
        assert table.cursor_row == 0
        cursor_line = list(table.render_line(1))
        await pilot.press("down", "down")
        assert table.cursor_row == 2
        assert list(table.render_line(1)) != cursor_line  # row 0 drawn without the cursor
        await pilot.press(*["down"] * 30)
        assert table.cursor_row == 19
        assert table.scroll_offset.y > 0  # scrolled to keep it in view
        assert "figure 19" in table.render_line(table.size.height - 1).text
        assert table.render_line(0).text.split() == ["Figure", "Period"]  # header in place
        await pilot.press(*["up"] * 30)
        assert table.cursor_row == 0 and table.scroll_offset.y == 0


class OpeningApp(TableApp):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[int] = []

    def on_actions_table_opened(self, event: ActionsTable.Opened) -> None:
        self.opened.append(event.item_id)


async def test_the_arrows_move_the_cursor_in_view_and_enter_opens_the_item() -> None:
    app = OpeningApp()
    async with app.run_test(size=(100, 6)) as pilot:
        table = await _show(pilot, [_item(n, f"Item {n}") for n in range(1, 21)])
        blurred = list(table.render_line(1))
        table.focus()
        await pilot.pause()
        assert list(table.render_line(1)) != blurred  # the cursor shows once focused
        await pilot.press("down", "down", "down", "down", "down", "down")
        assert table.cursor_row == 6 and table.scroll_offset.y > 0  # kept in view
        assert table.render_line(0).text.split()[:2] == ["Action", "Owner"]
        await pilot.press("up", "enter")
        await pilot.pause()
        # newest first: the sixth row down is item 15
        assert app.opened == [15]


class PaneApp(App[None]):
    """The action items pane as wide as it is beside the notes at 120x36."""

    def compose(self) -> ComposeResult:
        yield ActionsTable(id="actions")

    CSS = "#actions { width: 37; height: 8; }"


async def test_owner_and_due_stay_in_view_beside_a_long_action() -> None:
    app = PaneApp()
    async with app.run_test(size=(120, 36)) as pilot:
        long = "Fix the goal tracking on /pricing and the webinar sign-up form"
        table = await _show(pilot, [_item(1, long, owner="Priya"), _item(2, "Call Maria",
                                                                         session="Calendar")])
        lines = _lines(app)
        assert all(len(line.rstrip()) <= 37 for line in lines)
        assert lines[0].split()[-2:] == ["Owner", "Due"]  # the session makes way first
        first = lines[1]
        assert "Priya" in first and "04 Dec" in first
        assert first.startswith(" Fix the goal track") and "…" in first  # cut, not pushed out
        assert "Dana" in lines[2] and "Call Maria" in lines[2]
        assert table.virtual_size.width <= 37  # nothing behind a horizontal scrollbar
        # Wider, the session comes back and nothing is cut.
        table.styles.width = 110
        for _ in range(3):
            await pilot.pause()
        lines = _lines(app)
        assert lines[0].split()[-1] == "Session" and long in lines[1]
