"""Two machines, one shared store: the facilitator's console on one, `tuneup log` and
`tuneup actions` on the other (two TUNEUP_HOMEs sharing one PostgreSQL database)."""

from __future__ import annotations

import asyncio
import contextlib
import io
import time
from pathlib import Path

import pytest

from tests.functional.console_fixtures import console, screen_text, work_area_shown
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.cli import main
from tuneup_tui.store.local_first import LocalFirstStore
from tuneup_tui.ui.widgets.actions_table import ActionsTable


def on_the_other_machine(monkeypatch: pytest.MonkeyPatch, home: Path, url: str,
                         *words: str) -> str:
    """Run `tuneup WORDS` as the other machine would (its own home, the shared store); what
    it printed. (The console under test holds sys.stdout: the output is caught here.)"""
    out = io.StringIO()
    with monkeypatch.context() as other, contextlib.redirect_stdout(out):
        other.setenv("TUNEUP_HOME", str(home))
        other.setenv("TUNEUP_STORE", url)
        assert main(list(words)) == 0
    return out.getvalue()


async def test_a_console_and_tuneup_log_elsewhere_work_on_one_run(
        agenda: Agenda, agenda_path: Path, clock: FakeClock, tmp_path: Path,
        shared_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    here = LocalFirstStore(tmp_path / "facilitator" / "tuneup.db", shared_url, every=0.1)
    elsewhere = tmp_path / "attendee-home"
    elsewhere.mkdir()
    app = console(agenda, agenda_path, None, here, clock, start_now=True)
    try:
        async with app.run_test(size=(160, 36)) as pilot:
            await work_area_shown(pilot)
            assert app.live is not None
            run_id = app.live.run.id
            await pilot.press("a")
            await pilot.press(*"Fix goal tracking", "enter", *"Dana", "enter", "enter")
            await pilot.pause()
            for _ in range(200):
                if not here.shared_status().waiting and here.shared_status().online:
                    break
                await asyncio.sleep(0.02)
            app.poll_store()
            await pilot.pause()
            assert "shared store: up to date" in screen_text(app, "#header")

            # The other machine sees the console's run and item, and logs one of its own.
            listed = on_the_other_machine(monkeypatch, elsewhere, shared_url, "actions")
            assert "Fix goal tracking" in listed
            logged = time.monotonic()
            said = on_the_other_machine(monkeypatch, elsewhere, shared_url, "log",
                                        "Check the CRM sync", "--owner", "Priya", "--by", "Priya")
            assert "added to run" in said

            # It reaches the console within 2 seconds (the console polls twice a second).
            table = app.screen.query_one(ActionsTable)
            while table.row_count < 2 and time.monotonic() - logged < 2:
                await asyncio.sleep(0.05)
                app.poll_store()
                await pilot.pause()
            assert table.row_count == 2, "the attendee's item did not reach the console in 2 s"
            assert [(i.text, i.created_by) for i in here.actions(run_id)] == [
                ("Fix goal tracking", "facilitator"), ("Check the CRM sync", "Priya")]
    finally:
        here.close()
    # Nothing was sent twice: the shared store holds the one run and its two items.
    runs = on_the_other_machine(monkeypatch, elsewhere, shared_url, "runs")
    assert runs.count("in progress") == 1
