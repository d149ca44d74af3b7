"""Leaving the console while its clock and store timers fire never fails.

A tick or a store poll that fired while the console was shutting down used to find the
screen's widgets gone ("NoMatches: HeaderBar") now and then; the timers are stopped on quit and
skip their work once the console is closing.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.functional.console_fixtures import console
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore


async def test_timers_firing_while_the_console_shuts_down(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    for _ in range(8):
        # Timers as fast as the loop allows, so some always land in the shutdown.
        app = console(agenda, agenda_path, None, store, clock, tick_seconds=0.001,
                      poll_seconds=0.001)
        async with app.run_test(size=(120, 36)):
            await asyncio.sleep(0.05)
            assert app.live is not None
        assert app.return_code in (0, None)


async def test_quit_stops_the_timers(agenda: Agenda, agenda_path: Path, store: RunStore,
                                     clock: FakeClock) -> None:
    app = console(agenda, agenda_path, None, store, clock, tick_seconds=0.001,
                  poll_seconds=0.001)
    async with app.run_test(size=(120, 36)) as pilot:
        await asyncio.sleep(0.02)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code in (0, None)
