"""SIGTERM and SIGHUP save the note being typed before the console quits."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from tests.functional.console_fixtures import console
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
async def test_a_stop_signal_saves_the_note_being_typed(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock,
        sig: signal.Signals) -> None:
    unhandled: list[int] = []
    # Were the console not to take the signal, this would (rather than end the test run).
    def fallback(number: int, frame: object) -> None:
        unhandled.append(number)

    before = signal.signal(sig, fallback)
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.live is not None
        run_id = app.live.run.id
        topic = agenda.sessions[0].topic
        await pilot.press("ctrl+n", *"Dana owns the 404s")
        # Sent before the note's own save (a second after the last key) comes round.
        os.kill(os.getpid(), sig)
        await pilot.pause(0.2)
        assert store.notes(run_id)[topic].text.startswith("Dana owns the 404s")
        await pilot.pause(0.2)
        assert not app.is_running
    # The console's handler is gone with it: the test process is as it was.
    assert unhandled == []
    assert signal.getsignal(sig) is fallback
    signal.signal(sig, before)
