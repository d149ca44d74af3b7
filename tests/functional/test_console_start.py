"""The console's start: a first frame that already shows the day, then the work area in steps;
and the agenda and questions drawn line for line as the rich grids they replaced drew them."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import pytest
from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from tests.functional.console_fixtures import console, screen_text, work_area_shown
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.agenda.schedule import Schedule
from tuneup_tui.cli import build_parser, main
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.screens.work_steps import WorkAreaSteps
from tuneup_tui.ui.widgets.agenda_list import AgendaRows
from tuneup_tui.ui.widgets.questions import QuestionList, QuestionRows


async def test_the_first_frame_shows_the_day_and_the_work_area_follows(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    seen: list[tuple[str, str, bool, bool]] = []

    fill_in = app._fill_in

    def first_frame() -> None:
        # What is on screen once the first frame is drawn, just before the rest is filled in.
        screen = app.main
        seen.append((str(screen.query_one("#header").content),
                     screen.query_one("#agenda").render_lines(screen.query_one(
                         "#agenda").region.reset_offset)[1].text,
                     bool(screen.query("#card")),
                     screen.work_ready))
        fill_in()

    app._fill_in = first_frame  # type: ignore[method-assign]
    async with app.run_test(size=(120, 36)) as pilot:
        await work_area_shown(pilot)  # it comes a step a frame
        assert gc.isenabled()  # paused while the console started, on again after
        # The card joined the agenda just after the first frame: the session's own topic and
        # questions.
        assert screen_text(app, "#card-head").startswith("Sales and Buying Cycle Overview")
        questions = app.main.query_one(QuestionList)
        assert questions.questions == agenda.sessions[0].questions
        assert questions.border_title == f"Questions 0/{len(agenda.sessions[0].questions)}"
        assert list(app.main.query_one("#left").children) == [app.main.query_one("#agenda"),
                                                              app.main.query_one("#card")]
    ((header, first_row, card_there, work_ready),) = seen
    # 08:00 sharp on the fake clock: the first session has its whole 30 minutes.
    assert "Sales and Buying Cycle Overview (1/13) · 30:00 left" in header
    # The agenda's first row (under its border's top): the 08:00 session, now.
    assert first_row.startswith("│08:00 Sales and Buying") and "▶ now" in first_row
    # The card, the tabs, notes and items come after the first frame.
    assert not card_there and not work_ready


async def test_a_key_for_the_notes_right_at_the_start_is_not_lost(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        # Before the work area is all there: the key waits for it, the letters go in.
        await pilot.press("ctrl+n", *"no")
        assert app.main.work is not None
        assert app.main.work.notes.text == "no"
        assert app.live is not None and app.live.status().current == 0  # "n" typed, not next


async def test_notes_typed_before_the_card_joins_are_kept_and_the_card_comes(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    fill_in = app._fill_in
    app._fill_in = lambda: None  # type: ignore[method-assign]  # the rest of the start waits
    async with app.run_test(size=(120, 36)) as pilot:
        # A key for the notes before the card (and the work area) joined: the work area is
        # built for the key, the letters go in.
        await pilot.press("ctrl+n", *"early")
        screen = app.main
        assert screen.work is not None and screen.card is None
        fill_in()  # now the rest of the start: the card joins, drawn; nothing typed is lost
        await work_area_shown(pilot)
        await pilot.pause()
        assert screen.card is not None and screen.card.is_mounted
        assert screen_text(app, "#card-head").startswith("Sales and Buying Cycle Overview")
        assert screen.work.notes.text == "early"
        await pilot.press(*" and late")
        assert screen.work.notes.text == "early and late"


async def test_steps_asked_for_from_two_places_at_once_take_turns(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Two keys that need the work area before any of it is there (run by the app while the
    # screen may be taking its own steps): each step waits for the one under way, so nothing is
    # drawn into the action items table before it is mounted with its columns.
    monkeypatch.setattr(WorkAreaSteps, "start", lambda self: None)
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.live is not None
        store.add_action(app.live.run.id, "Fix the webinar form", "Dana")
        screen = app.main
        assert screen.work is None
        first, second = await asyncio.gather(screen.need_work_area(), screen.need_work_area())
        assert first is second is screen.work is not None
        await pilot.pause()
        table = screen.work.actions
        assert table.render_line(0).text.split()[:3] == ["Action", "Owner", "Due"]
        assert table.row_count == 1
        assert "Fix the webinar form" in table.render_line(1).text


def _lines(renderable: RenderableType, width: int) -> list[list[tuple[str, str]]]:
    """Each line as (text, style) runs, neighbouring runs of one style joined."""
    con = Console(width=width, color_system="truecolor")
    out = []
    for line in con.render_lines(renderable, con.options.update_width(width), pad=True):
        runs: list[tuple[str, str]] = []
        for seg in Segment.simplify(line):
            style = str(seg.style) if seg.style and str(seg.style) != "none" else ""
            if runs and runs[-1][1] == style:
                runs[-1] = (runs[-1][0] + seg.text, style)
            else:
                runs.append((seg.text, style))
        out.append(runs)
    return out


def test_the_agenda_is_drawn_as_the_rich_grid_drew_it(agenda: Agenda) -> None:
    from tuneup_tui.ui.widgets.agenda_list import AgendaList

    fake = FakeClock(datetime(2026, 11, 23, 8, 0))
    schedule = Schedule(agenda, fake, anchor=datetime(2026, 11, 23, 8, 0), mode="facilitator")
    schedule.start()
    fake.advance(minutes=40)  # the overview ran 10 minutes over
    schedule.next()
    schedule.skip()  # Social Media skipped
    drawn: list[AgendaRows] = []
    widget = AgendaList()
    widget.update = lambda renderable, layout=True: drawn.append(renderable)  # type: ignore[method-assign, assignment, misc]
    widget.show(schedule.status())
    (rows,) = drawn
    for width in (34, 40):
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column("plan", width=5, no_wrap=True)
        grid.add_column("topic", ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column("now", width=5, no_wrap=True, style="italic")
        grid.add_column("state", width=7, no_wrap=True)
        for plan, topic, now, state in rows.rows:
            grid.add_row(plan, topic, now, state)
        assert _lines(rows, width) == _lines(grid, width) + _lines(rows.end, width)
    # Worked out by hand at 40 columns: the topic gets 40 - (5 + 5 + 7 + 3 gaps) = 20
    # cells, so "Sales and Buying Cycle Overview" is cut to 19 and an ellipsis.
    first = "".join(text for text, _ in _lines(rows, 40)[0])
    # It started on time, so its "now" column is blank; it is done.
    assert first == "08:00 Sales and Buying Cy…       ✓      "


def test_the_questions_are_drawn_as_the_rich_grid_drew_them(agenda: Agenda) -> None:
    questions = agenda.sessions[0].questions
    rows = [(Text("☑" if i == 1 else "☐", style="bold green" if i == 1 else ""),
             Text(q, style="reverse" if i == 0 else ("dim" if i == 1 else "")))
            for i, q in enumerate(questions)]
    for width in (27, 33, 37):
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(width=1, no_wrap=True)
        grid.add_column(ratio=1)
        for box, question in rows:
            grid.add_row(box, question)
        assert _lines(QuestionRows(rows), width) == _lines(grid, width)
    # By hand at 27 columns: the box and a space, then 25 cells of the question, the rest
    # under the question, not under the box.
    lines = ["".join(t for t, _ in line) for line in _lines(QuestionRows(rows), 27)]
    # "What steps does a customer" is 26 cells: "customer" goes to the next line.
    assert lines[0] == "☐ What steps does a".ljust(27)
    assert lines[1] == "  customer go through, from"


@pytest.mark.parametrize("command", ["run", "demo"])
def test_the_console_saves_the_agenda_text_the_command_line_read(
        command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The file is read once, by the command line; the run keeps that text (without the
    # byte-order mark an editor may have put in front of it).
    from tuneup_tui.agenda.builtins import resolve_agenda
    from tuneup_tui.ui.app import TuneupApp

    started: list[TuneupApp] = []
    monkeypatch.setattr(TuneupApp, "run", lambda self, *a, **k: started.append(self))
    text = resolve_agenda(None).read_text(encoding="utf-8")
    if command == "run":
        path = tmp_path / "day.toml"
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
        assert main(["run", str(path), "--start-now"]) == 0
    else:
        assert main(["demo"]) == 0
    (app,) = started
    assert app.config.agenda_toml == text


@pytest.mark.parametrize("words", [
    ["demo", "--speed", "60", "--as-of", "2026-11-23"],
    ["demo", "--follow-clock"],
    ["run", "day.toml", "--data", "exports", "--start-now", "--resume", "--speed", "2"],
    ["run"],
])
def test_the_console_commands_parse_without_the_others(words: list[str]) -> None:
    whole = build_parser().parse_args(words)
    alone = build_parser(words[0]).parse_args(words)
    assert vars(whole) == vars(alone)
    # Only the command asked for is built.
    other = "run" if words[0] == "demo" else "demo"
    with pytest.raises(SystemExit):
        build_parser(words[0]).parse_args([other])


def test_rows_are_drawn_once_per_width() -> None:
    # Textual measures a widget by drawing it, then draws it to paint it: the same lines.
    rows = QuestionRows([(Text("☐"), Text("What steps does a customer go through?"))])
    drawn_at: list[int] = []
    draw = rows.draw

    def counting(console: Console, options: ConsoleOptions) -> Iterable[Segment]:
        drawn_at.append(options.max_width)
        return draw(console, options)

    rows.draw = counting  # type: ignore[method-assign]
    con = Console(width=40, color_system="truecolor")
    first = con.render_lines(rows, con.options.update_width(27))
    again = con.render_lines(rows, con.options.update_width(27))
    wider = con.render_lines(rows, con.options.update_width(33))
    assert drawn_at == [27, 33]
    assert first == again == _lines_of(QuestionRows(rows.rows), 27)
    assert len(first) == 2 and len(wider) == 2


def _lines_of(rows: QuestionRows, width: int) -> list[list[Segment]]:
    con = Console(width=40, color_system="truecolor")
    return con.render_lines(rows, con.options.update_width(width))
