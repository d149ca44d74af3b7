"""The console's one list of actions: the footer, the command palette and the help screen show
the same actions, and a user's keymap.toml moves a key in all three."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.command import CommandList
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from tests.functional.console_fixtures import console
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.actions import CONSOLE_ACTIONS
from tuneup_tui.ui.app import TuneupApp
from tuneup_tui.ui.screens.help import HelpScreen


def write_keymap(home: Path, text: str) -> Path:
    path = home / "config" / "keymap.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def footer_keys(app: TuneupApp) -> dict[str, str]:
    """What the footer shows: description -> key."""
    return {key.description: key.key_display for key in app.screen.query(FooterKey)}


def help_text(app: TuneupApp) -> str:
    """The help screen's lines as the user reads them."""
    out = Console(width=100, record=True, file=io.StringIO())
    for static in app.screen.query(Static):
        out.print(static.content)
    return out.export_text()


async def test_a_remapped_key_works_and_the_footer_and_help_show_it(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock,
        tuneup_home: Path) -> None:
    write_keymap(tuneup_home, 'next = "x"\nrecord = "ctrl+r,r"\n')
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.live is not None
        assert app.keymap_problem is None
        await pilot.press("n")  # no longer the key of Next
        await pilot.pause()
        assert app.live.status().current == 0
        await pilot.press("x")
        await pilot.pause()
        assert app.live.status().current == 1
        assert footer_keys(app)["Next"] == "x"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = help_text(app).splitlines()
        assert any(line.split()[:3] == ["x", "next", "session"] for line in lines), lines
        assert any(line.split()[:4] == ["^r,", "r", "record", "a"] for line in lines), lines


async def test_the_palette_lists_every_action(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        listed = app.screen.query_one(CommandList)
        for _ in range(50):
            if listed.option_count >= len(CONSOLE_ACTIONS):
                break
            await pilot.pause(0.02)
        # Each option is the name, then its help on the next line.
        prompts = {str(listed.get_option_at_index(i).prompt).splitlines()[0]
                   for i in range(listed.option_count)}
        missing = [entry.title for entry in CONSOLE_ACTIONS if entry.title not in prompts]
        assert not missing, prompts


async def test_help_lists_every_action(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = " ".join(help_text(app).split())
        missing = [entry.help for entry in CONSOLE_ACTIONS if entry.help not in text]
        assert not missing, text


async def test_a_bad_keymap_is_named_and_the_usual_keys_work(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock,
        tuneup_home: Path) -> None:
    path = write_keymap(tuneup_home, 'next = "x"\nnxet = "y"\n')
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.live is not None
        said = [n.message for n in app._notifications]
        assert len(said) == 1 and str(path) in said[0] and "`nxet`" in said[0], said
        await pilot.press("n")
        await pilot.pause()
        assert app.live.status().current == 1
        assert footer_keys(app)["Next"] == "n"
