"""The palette's Screenshot works without ~/Downloads: it is saved in the run's folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.functional.console_fixtures import console
from tuneup_tui import paths
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore


async def test_screenshot_is_saved_in_the_run_folder_without_downloads(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "user"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOWNLOAD_DIR", raising=False)
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.live is not None
        folder = paths.run_dir(app.live.run.id)
        # The palette's "Screenshot" command, as the palette runs it.
        command = next(c for c in app.get_system_commands(app.screen)
                       if c.title == "Screenshot")
        command.callback()
        for _ in range(200):
            if list(folder.glob("*.svg")):
                break
            await pilot.pause(0.02)
        shots = list(folder.glob("*.svg"))
        assert len(shots) == 1
        assert "<svg" in shots[0].read_text()
        assert folder.stat().st_mode & 0o077 == 0
        assert not (home / "Downloads").exists()
