"""A whole day on a fake clock: the timer, extend, skip, compress, action items, figures, soft
spots and notes, each checked in the store and on screen."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.functional.console_fixtures import AS_OF, console, panels_computed, screen_text
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.metrics.result import SEVERITY_ORDER
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.widgets.header_bar import HeaderBar


async def test_the_timer_turns_amber_then_red_and_rings_once(
        agenda: Agenda, agenda_path: Path, sample_pack: Path, store: RunStore,
        clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    app = console(agenda, agenda_path, sample_pack, store, clock)
    rings: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(1))
    async with app.run_test(size=(120, 36)) as pilot:
        await panels_computed(pilot)
        await pilot.pause()
        header = app.screen.query_one(HeaderBar)
        # 08:00 sharp: the first session (08:00-08:30) has its whole 30 minutes.
        assert "Sales and Buying Cycle Overview (1/13) · 30:00 left" in screen_text(app, "#header")
        # Nothing before the first session: the engine's refusal is said, not a crash.
        await pilot.press("p")
        assert app.live is not None and app.live.status().current == 0
        (refusal,) = [n.message for n in app._notifications]
        assert "is the first session" in refusal
        clock.advance(minutes=25, seconds=1)  # 4:59 left: amber
        app.tick()
        assert "04:59 left" in screen_text(app, "#header")
        assert header.has_class("-warning") and not header.has_class("-over")
        clock.advance(minutes=5, seconds=9)  # 08:30:10, 10 s over: red, counting up
        app.tick()
        assert "+00:10 over" in screen_text(app, "#header")
        assert header.has_class("-over") and not header.has_class("-warning")
        clock.advance(seconds=30)
        app.tick()
        assert rings == [1]  # once at zero, not on every tick after it
        await pilot.press("e")  # extend 5 minutes: 08:35 end, now 08:30:40 -> 4:20 left
        assert "04:20 left" in screen_text(app, "#header")
        assert header.has_class("-warning")


async def test_a_whole_day(agenda: Agenda, agenda_path: Path, sample_pack: Path,
                           store: RunStore, clock: FakeClock) -> None:
    app = console(agenda, agenda_path, sample_pack, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await panels_computed(pilot)
        await pilot.pause()
        assert app.live is not None
        run_id = app.live.run.id
        # Every panel of the day was computed once, in the background.
        assert set(app.results) == {p for s in agenda.sessions for p in s.panels}

        # 08:00 Overview; at 08:28 on to the Traffic Study.
        clock.advance(minutes=28)
        await pilot.press("n")
        assert "Traffic Study (2/13)" in screen_text(app, "#header")

        # Record the expected leads to sales: the name is offered, the value typed.
        await pilot.press("r")
        await pilot.press(*"41", "enter")
        await pilot.pause()
        figures = store.figures(run_id)
        assert [(f.name, f.value, f.session) for f in figures] == [
            ("expected_leads_to_sales", 41.0, "Traffic Study")]

        # An action item for Dana: the name completes from two letters, due in a week.
        await pilot.press("a")
        await pilot.press(*"Fix goal tracking", "enter", "d", "a", "enter", "enter")
        await pilot.pause()
        (item,) = store.actions(run_id)
        assert (item.text, item.owner, item.session) == ("Fix goal tracking", "Dana",
                                                         "Traffic Study")
        assert item.due == AS_OF + timedelta(days=7) == date(2026, 11, 30)

        # Notes: typed, then escape leaves them and saves them.
        await pilot.press("ctrl+n")
        await pilot.press(*"bing cpc is weak", "escape")
        assert store.notes(run_id)["Traffic Study"].text == "bing cpc is weak"

        # 08:58: skip Social Media (08:58 -> Paid Programs starts at once).
        clock.advance(minutes=30)
        await pilot.press("n")
        assert "Social Media" in screen_text(app, "#header")
        await pilot.press("s")
        status = app.live.status()
        assert status.rows[2].status == "skipped"
        assert status.current == 3

        # Promote the most severe finding of the paid panel (a suspected click farm) to a
        # soft spot owned by Priya: its severity comes with it.
        findings = sorted(app.results["paid"].findings,
                          key=lambda f: SEVERITY_ORDER[f.severity])
        await pilot.press("f")
        await pilot.press("enter", *"Pri", "enter")
        await pilot.pause()
        (spot,) = store.soft_spots(run_id)
        assert (spot.finding_key, spot.owner, spot.severity, spot.session) == (
            findings[0].key, "Priya", findings[0].severity, "Paid Programs")
        assert "✓ soft spot (Priya)" in screen_text(app, "#findings")

        # Paid Programs runs 40 minutes long: the day would end late; compress fixes it.
        clock.advance(minutes=70)
        app.tick()
        assert app.live.status().drift > timedelta(0)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.live.status().projected_end <= app.live.status().end_of_day
        kinds = [e.kind for e in store.events(run_id)]
        assert kinds == ["start", "next", "next", "skip", "compress"]

        # Jump to Leads to Sales: the morning's figure stands beside leads delivered.
        await pilot.press("j")
        await pilot.pause()
        await pilot.press(*(["down"] * 7), "enter")
        await pilot.pause()
        assert app.live.status().current == 10
        assert "Expected leads to sales: 41 (Traffic Study)" in screen_text(app, "#recorded")

        await pilot.press("q")
    assert store.notes(run_id)["Traffic Study"].text == "bing cpc is weak"


async def test_every_key_has_an_id_a_palette_entry_and_a_help_line(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    from textual.binding import Binding

    from tuneup_tui.ui.commands import COMMANDS
    from tuneup_tui.ui.dialogs.jump import JumpDialog
    from tuneup_tui.ui.screens.help import HelpScreen, help_rows
    from tuneup_tui.ui.screens.main import MainScreen

    bindings = [b for b in MainScreen.BINDINGS if isinstance(b, Binding)]
    assert all(b.id for b in bindings)
    in_palette = {action for _, action, _ in COMMANDS}
    for binding in bindings:
        assert binding.action in in_palette, binding.action

    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        keys = dict(help_rows(app, {}))
        assert keys["n"].startswith("next session") and keys["c"].startswith("shrink")
        assert keys["t"] == "switch between the panel and its findings"
        assert "Attendees' page: not served; `tuneup serve`" in screen_text(
            app, "#help-attendees")
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.press(*"jump to", "enter")
        await pilot.pause()
        assert isinstance(app.screen, JumpDialog)


async def test_the_help_shows_the_attendees_address_while_it_is_served(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    from tuneup_tui.web import join

    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.live is not None
        code = join.join_code(app.live.run.id)
        url = join.page_url("http://192.168.1.20:8000", code)
        join.write_served(app.live.run.id, url)  # as `tuneup serve` does, in this process
        await pilot.press("f1")
        await pilot.pause()
        assert f"Attendees' page: {url}" in screen_text(app, "#help-attendees")


async def test_opened_early_it_waits_for_the_first_session(
        agenda: Agenda, agenda_path: Path, store: RunStore) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 7, 45))  # 15 minutes early: in the day's window
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.live is not None and not app.live.status().started
        assert "Starts at 08:00 · in 15:00" in screen_text(app, "#header")
        assert "Sales and Buying Cycle Overview" in screen_text(app, "#card-head")
        clock.advance(minutes=15)  # 08:00: it starts by itself, on time
        app.tick()
        assert "Sales and Buying Cycle Overview (1/13) · 30:00 left" in screen_text(app, "#header")
        assert [e.kind for e in store.events(app.live.run.id)] == ["start"]


async def test_typing_part_of_a_topic_finds_the_session_to_jump_to(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.live is not None
        await pilot.press("j", *"leads to", "enter")
        await pilot.pause()
        # "leads to" first appears in "Leads to Sales", the 11th session (index 10).
        assert app.live.status().current == 10
        await pilot.press("j", *"sales f", "backspace", "backspace", "enter")
        await pilot.pause()
        # "sales" alone: the first topic holding it is "Sales and Buying Cycle Overview".
        assert app.live.status().current == 0
