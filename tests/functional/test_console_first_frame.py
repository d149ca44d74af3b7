"""The first frame is drawn before pandas is imported; a broken panel stays in its place.

Checked in a fresh interpreter, as other tests in this process have long imported pandas.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.functional.console_fixtures import (
    agenda,
    agenda_path,
    clock,
    console,
    sample_pack,
    screen_text,
    store,
)
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore

__all__ = ["agenda", "agenda_path", "clock", "sample_pack", "store"]

SCRIPT = textwrap.dedent("""
    import asyncio, sys, threading
    from datetime import date, datetime
    from pathlib import Path

    import tuneup_tui.cli
    tuneup_tui.cli.build_parser()
    from tuneup_tui.agenda.builtins import resolve_agenda
    from tuneup_tui.agenda.clock import FakeClock
    from tuneup_tui.agenda.load import load_agenda
    from tuneup_tui.store.db import RunStore
    from tuneup_tui.ui.app import make_app

    print("after imports", "pandas" in sys.modules)
    release = threading.Event()

    def data() -> Path:
        release.wait(30)  # the panels wait until the first frame has been looked at
        return Path(sys.argv[1])

    path = resolve_agenda(None)
    store = RunStore(Path(sys.argv[2]))
    app = make_app(load_agenda(path), path, None, date(2026, 11, 23), store,
                   FakeClock(datetime(2026, 11, 23, 8, 0)), offer_resume=False,
                   prepare_data=data)

    async def main() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            header = str(app.screen.query_one("#header").content)
            print("first frame", "pandas" in sys.modules, "30:00 left" in header)
            release.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            print("panels", "pandas" in sys.modules, len(app.results))

    asyncio.run(main())
""")


def test_the_first_frame_comes_before_pandas(sample_pack: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(sample_pack), str(tmp_path / "t.db")],
        capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "after imports False",
        "first frame False True",
        "panels True 13",
    ]


async def test_a_broken_source_shows_its_error_in_the_panel(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock,
        tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "traffic.csv").write_text("date,source\n2026-11-16,google\n", encoding="utf-8")
    app = console(agenda, agenda_path, pack, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.results["funnel"].error
        errors = app.screen.query(".panel-error")
        assert len(errors) == 1
        assert str(errors.first().content) == app.results["funnel"].error
        # Everything else works: the day moves on.
        await pilot.press("n")
        assert "Traffic Study" in screen_text(app, "#header")
