"""The footer's keys are drawn while the day screen is on top: a dialog opening over it leaves
them as they are, and keys that changed under a dialog are drawn once it closes."""

from __future__ import annotations

from pathlib import Path

from textual.widgets._footer import FooterKey

from tests.functional.console_fixtures import console, frames
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.app import TuneupApp
from tuneup_tui.ui.dialogs.base import Dialog

DAY_MOVES = {"next_session", "pause", "extend", "compress"}


def _keys(app: TuneupApp) -> list[FooterKey]:
    return list(app.main.query(FooterKey))


async def test_a_dialog_leaves_the_footer_keys_as_they_are(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await frames(pilot)
        before = _keys(app)
        assert DAY_MOVES | {"add_action", "help"} <= {key.action for key in before}
        for key in ("a", "f", "r"):  # add an item, a soft spot, record a figure
            await pilot.press(key)
            await frames(pilot)
            assert isinstance(app.screen, Dialog)
            # the very same keys: not mounted, laid out and drawn again under the dialog
            assert _keys(app) == before and all(k.is_attached for k in before)
            await pilot.press("escape")
            await frames(pilot)
            assert app.screen is app.main
            assert _keys(app) == before


async def test_keys_that_changed_under_a_dialog_are_drawn_once_it_closes(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await frames(pilot)
        await pilot.press("a")
        await frames(pilot)
        assert isinstance(app.screen, Dialog)
        # the day ends while the dialog is open (the last session runs out, say)
        for _ in range(len(agenda.sessions)):
            clock.advance(minutes=1)
            app.main.act("next")
        assert app.live is not None and app.live.status().finished
        await frames(pilot)
        assert {key.action for key in _keys(app)} >= DAY_MOVES  # covered: left as they were
        await pilot.press("escape")
        await frames(pilot)
        shown = {key.action for key in _keys(app)}
        assert not shown & DAY_MOVES
        assert {"add_action", "record", "app.quit", "help"} <= shown
