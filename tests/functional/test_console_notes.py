"""Notes reach the store within a second of each keystroke, even while typing goes on."""

from __future__ import annotations

from pathlib import Path

from tests.functional.console_fixtures import console
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore


async def test_notes_are_saved_while_typing_goes_on(agenda: Agenda, agenda_path: Path,
                                                    store: RunStore, clock: FakeClock) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.live is not None
        run_id = app.live.run.id
        topic = agenda.sessions[0].topic
        await pilot.press("ctrl+n", *"Buying steps")
        # Typing goes on for longer than a second, a keystroke every 0.3 s: a timer that
        # restarted on each keystroke would not have saved yet.
        for key in " mapped":
            await pilot.pause(0.3)
            await pilot.press(key)
        saved = store.notes(run_id).get(topic)
        assert saved is not None and saved.text.startswith("Buying steps")
        await pilot.pause(1.3)
        assert store.notes(run_id)[topic].text == "Buying steps mapped"
