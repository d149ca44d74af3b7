"""The console in terminals of different sizes: it follows a resize, and at 100x30 and 80x24
the footer keeps F1 and the panel keeps its Average and Change columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Footer

from tests.functional.console_fixtures import console, frames, panels_computed, work_area_shown
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.app import TuneupApp
from tuneup_tui.ui.widgets.line_table import LineTable


async def _settled(pilot: Pilot[None]) -> None:
    await panels_computed(pilot)
    await work_area_shown(pilot)
    for _ in range(6):  # a panel mounts over a few frames
        await pilot.pause()


def _help_key_shown(app: TuneupApp) -> bool:
    """Whether the footer's F1 key is drawn whole inside the screen, on top."""
    keys = list(app.screen.query_one(Footer).query(".-help"))
    if len(keys) != 1:
        return False
    key = keys[0]
    region = key.region
    inside = Region(0, 0, *app.size).contains_region(region) and region.width >= len("f1 Help")
    return inside and all(app.screen.get_widget_at(x, region.y)[0] is key
                          for x in range(region.x, region.right))


def _figure_lines(app: TuneupApp) -> list[str]:
    """The lines the panel's figures table draws, its header first."""
    table = app.screen.query_one(".figures", LineTable)
    return [table.render_line(y).text for y in range(table.size.height)]


def _figure_columns_in_view(app: TuneupApp) -> list[str]:
    """The headings of the panel's figures table that are drawn inside the table."""
    header = _figure_lines(app)[0]
    return [name for name in ("Figure", "Period", "Average", "Change") if name in header]


async def _resize(pilot: Pilot[None], width: int, height: int) -> None:
    await pilot.resize_terminal(width, height)
    await frames(pilot)


@pytest.mark.parametrize(("start", "after"), [
    ((120, 36), (100, 30)), ((100, 30), (120, 36)), ((120, 36), (80, 24))])
async def test_the_layout_follows_a_resize_and_the_footer_stays(
        agenda: Agenda, agenda_path: Path, sample_pack: Path, store: RunStore,
        clock: FakeClock, start: tuple[int, int], after: tuple[int, int]) -> None:
    app = console(agenda, agenda_path, sample_pack, store, clock)
    async with app.run_test(size=start) as pilot:
        await _settled(pilot)
        await _resize(pilot, *after)
        width, height = after
        footer = app.screen.query_one(Footer)
        assert footer.region == Region(0, height - 1, width, 1)
        body = app.screen.query_one("#body")
        assert body.region.bottom == height - 1  # down to the footer, not past it
        assert body.region.width == width
        assert _help_key_shown(app)
        assert _figure_columns_in_view(app) == ["Figure", "Period", "Average", "Change"]


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_a_smaller_terminal_keeps_f1_and_the_figures_average_and_change(
        agenda: Agenda, agenda_path: Path, sample_pack: Path, store: RunStore,
        clock: FakeClock, size: tuple[int, int]) -> None:
    app = console(agenda, agenda_path, sample_pack, store, clock)
    async with app.run_test(size=size) as pilot:
        await _settled(pilot)
        assert _help_key_shown(app)
        assert _figure_columns_in_view(app) == ["Figure", "Period", "Average", "Change"]
        # The session card has room for its questions (at 80x24 the agenda makes way).
        questions = app.screen.query_one("#questions")
        assert questions.region.height >= 3


async def test_the_last_run_column_is_not_cut_at_120x36(
        agenda: Agenda, agenda_path: Path, sample_pack: Path, store: RunStore,
        clock: FakeClock) -> None:
    from tuneup_tui.ui.format import fmt_figure

    app = console(agenda, agenda_path, sample_pack, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await _settled(pilot)
        funnel = app.results["funnel"]
        # The last run had the very same figures: each Last run cell reads "22,881 = no
        # change" (the widest it gets), and each is drawn whole.
        app.main.session_view.last_run = {"funnel": dict(funnel.figures)}
        app.main.session_view.show_panels(agenda.sessions[0])
        for _ in range(6):
            await pilot.pause()
        table = app.screen.query_one(".figures", LineTable)
        lines = [table.render_line(y).text for y in range(table.size.height)]
        assert "Last run" in lines[0] and "Change" in lines[0]
        sessions = fmt_figure("sessions", funnel.figures["sessions"])
        assert any(f"{sessions} = no change" in line for line in lines)
        assert table.virtual_size.width <= table.size.width


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
@pytest.mark.parametrize("key", ["a", "r"])
async def test_the_add_and_record_dialogs_keep_their_buttons_on_screen(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock,
        size: tuple[int, int], key: str) -> None:
    from textual.widgets import Button

    from tuneup_tui.ui.dialogs.base import Dialog

    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, Dialog)
        box = app.screen.query_one(".dialog").content_region
        assert Region(0, 0, *size).contains_region(box)
        for button in app.screen.query(Button):
            assert box.contains_region(button.region), f"{button.id} is cut off"


async def test_on_80_columns_a_long_figure_label_gives_way_to_its_short_wording(
        agenda: Agenda, agenda_path: Path, sample_pack: Path, store: RunStore,
        clock: FakeClock) -> None:
    # Cut to 13 characters, "Goal completions" read "Goal complet…" and "Leads sent to sales"
    # "Leads sent t…"; each draws its short wording instead, and the table keeps the label.
    from tuneup_tui.metrics.catalogue import figure_label
    from tuneup_tui.metrics.figure_shorts import SHORTS

    app = console(agenda, agenda_path, sample_pack, store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settled(pilot)
        names = [line[1:15].rstrip() for line in _figure_lines(app)[1:]]
        funnel = app.results["funnel"]
        labels = [figure_label("funnel", key) for key in funnel.figures]
        shown = [name for name in names if name]
        assert len(shown) >= 5
        for label, name in zip(labels, shown, strict=False):
            assert name == SHORTS.get(label, label), (label, name)
        assert not any(name.endswith("…") for name in shown)
        table = app.screen.query_one(".figures", LineTable)
        assert str(table.get_row_at(1)[0]) == labels[1] == "Goal completions"


async def test_on_120_columns_the_figure_label_is_drawn_whole(
        agenda: Agenda, agenda_path: Path, sample_pack: Path, store: RunStore,
        clock: FakeClock) -> None:
    app = console(agenda, agenda_path, sample_pack, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await _settled(pilot)
        lines = _figure_lines(app)
        assert any(" Goal completions " in line for line in lines)
        assert any(" Leads created per goal completion " in line for line in lines)


async def test_on_80_columns_a_recorded_figure_under_its_row_keeps_its_short_wording() -> None:
    # "expected leads to sales (Traffic Study)" under Leads sent to sales: cut to 13
    # characters it read "  expected l…"; narrow, it is the figure's short wording.
    from datetime import date, datetime

    from textual.app import App, ComposeResult

    from tuneup_tui.data.period import review_period
    from tuneup_tui.metrics.result import Baseline, PanelResult
    from tuneup_tui.store.day_record import RecordedFigure
    from tuneup_tui.ui.widgets.panel_view import _figures_table

    result = PanelResult(name="handoff", title="Leads to sales",
                         period=review_period(date(2026, 11, 23)), baseline=Baseline(()),
                         figures={"leads_delivered": 36, "found": 32})
    recorded = {"expected_leads_to_sales": RecordedFigure(
        id=1, run_id=1, session="Traffic Study", name="expected_leads_to_sales", value=41.0,
        unit="count", recorded_at=datetime(2026, 11, 23, 8, 40))}

    class Narrow(App[None]):
        def compose(self) -> ComposeResult:
            table = _figures_table(result, recorded, None)
            table.styles.width = 44
            yield table

    async with Narrow().run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        table = pilot.app.query_one(LineTable)
        names = [table.render_line(y).text[1:15].rstrip() for y in (1, 2, 3)]
        assert names == ["Leads sent", " Exp to sales", "In CRM"]
        assert str(table.get_row_at(1)[0]) == "  expected leads to sales (Traffic Study)"
