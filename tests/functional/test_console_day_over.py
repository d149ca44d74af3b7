"""After the day ends the console says so and stops offering to move the day; notifications
keep clear of a dialog's buttons; each session's card is shown from its top."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Footer
from textual.widgets._footer import FooterKey
from textual.widgets._toast import Toast

from tests.functional.console_fixtures import (
    console,
    frames,
    panels_computed,
    screen_text,
    work_area_shown,
)
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.app import TuneupApp
from tuneup_tui.ui.dialogs.base import Dialog


def _footer_actions(app: TuneupApp) -> set[str]:
    return {key.action for key in app.screen.query_one(Footer).query(FooterKey)}


async def test_after_the_day_ends_the_header_says_so_and_the_day_cannot_be_moved(
        agenda: Agenda, agenda_path: Path, sample_pack: Path, store: RunStore,
        clock: FakeClock) -> None:
    app = console(agenda, agenda_path, sample_pack, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await panels_computed(pilot)
        await frames(pilot)
        assert {"next_session", "pause", "extend", "compress"} <= _footer_actions(app)
        for _ in range(len(agenda.sessions)):
            clock.advance(minutes=1)
            await pilot.press("n")
        assert app.live is not None and app.live.status().finished
        await frames(pilot)
        # 08:00 + 13 one-minute steps: ended 08:13, 16:00 was the plan (7 h 47 min early).
        assert "The day ended at 08:13 (-467)" in screen_text(app, "#header")
        assert "Day ends" not in screen_text(app, "#header")
        shown = _footer_actions(app)
        assert not shown & {"next_session", "pause", "extend", "compress"}
        assert {"add_action", "record", "app.quit"} <= shown  # the record can still be added to
        app._notifications.clear()
        await pilot.press("c")
        await frames(pilot)
        assert not isinstance(app.screen, Dialog)  # no compress plan offered
        (refusal,) = [n.message for n in app._notifications]
        assert refusal == "The day ended at 08:13: nothing is left to compress."
        await pilot.press("n", "e", "space")
        assert len(app._notifications) == 4
        assert app.live.status().finished


async def test_notifications_keep_clear_of_a_dialogs_buttons(
        agenda: Agenda, agenda_path: Path, sample_pack: Path, store: RunStore,
        clock: FakeClock) -> None:
    app = console(agenda, agenda_path, sample_pack, store, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await work_area_shown(pilot)
        for dialog_key in ("r", "a", "c"):
            await pilot.press(dialog_key)
            await frames(pilot)
            assert isinstance(app.screen, Dialog)
            for n in range(3):
                app.notify(f"Next-steps summary written to /tmp/somewhere/runs/{n}",
                           title="End of day", timeout=30)
            await frames(pilot, 6)
            toasts = [t.region for t in app.screen.query(Toast) if t.region]
            buttons = [b.region for b in app.screen.query(Button)]
            assert toasts and buttons
            assert not [(t, b) for t in toasts for b in buttons if t.overlaps(b)], dialog_key
            await pilot.press("escape")
            await frames(pilot)
            app.clear_notifications()


async def test_each_session_card_starts_at_its_top(
        agenda: Agenda, agenda_path: Path, sample_pack: Path, store: RunStore,
        clock: FakeClock) -> None:
    app = console(agenda, agenda_path, sample_pack, store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await work_area_shown(pilot)
        await frames(pilot)
        card = app.main.card
        assert card is not None and card.max_scroll_y > 0  # the questions run past its end
        card.scroll_end(animate=False, immediate=True)
        await frames(pilot)
        assert card.scroll_offset.y > 0
        await pilot.press("n")
        await frames(pilot)
        assert app.main.shown == 1
        assert card.scroll_offset.y == 0
        assert "Traffic Study" in str(card.head.render())
