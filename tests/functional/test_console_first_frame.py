"""The first frame is drawn before pandas (or the figures' catalogue) is imported; a broken
panel stays in its place.

Checked in a fresh interpreter, as other tests in this process have long imported pandas.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.functional.console_fixtures import AS_OF, console, panels_computed, screen_text
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.metrics.names import PANEL_NAMES
from tuneup_tui.metrics.result import PanelResult
from tuneup_tui.store.db import RunStore

SCRIPT = textwrap.dedent("""
    import asyncio, sys
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
    path = resolve_agenda(None)
    store = RunStore(Path(sys.argv[2]))
    # Nothing holds the panels back: they start computing as the console would.
    app = make_app(load_agenda(path), path, Path(sys.argv[1]), date(2026, 11, 23), store,
                   FakeClock(datetime(2026, 11, 23, 8, 0)), offer_resume=False)
    seen = []

    def first_frame() -> None:
        header = str(app.screen.query_one("#header").content)
        seen.append(("first frame", "pandas" in sys.modules, "30:00 left" in header,
                     "tuneup_tui.metrics.catalogue" in sys.modules,
                     "tuneup_tui.store.day_record" in sys.modules))

    async def main() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            app.call_after_refresh(first_frame)
            while app.panels_worker is None:  # it starts once the first frame is drawn
                await pilot.pause(0.01)
            await app.workers.wait_for_complete()
            await pilot.pause()
            print(*seen[0])
            print("panels", "pandas" in sys.modules, len(app.results),
                  sum(r.error is None for r in app.results.values()))

    asyncio.run(main())
""")


def test_the_first_frame_comes_before_pandas(sample_pack: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(sample_pack), str(tmp_path / "t.db")],
        capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "after imports False",
        # nor the figures' catalogue (the first frame shows no figure yet), nor the day's
        # record (no note, item, soft spot or figure is read before it)
        "first frame False True False False",
        # The panels are computed in a child process: the console itself never loads pandas.
        f"panels False {len(PANEL_NAMES)} {len(PANEL_NAMES)}",
    ]


def test_panels_computed_in_the_worker_thread_match_the_child_process(
        agenda: Agenda, sample_pack: Path) -> None:
    """The fallback (no child process possible) gives the same panels as the child."""
    from tuneup_tui.metrics.settings import day_settings
    from tuneup_tui.run.panels import compute_panels, panel_order

    names = panel_order(agenda, None)
    in_child: list[PanelResult] = []
    in_thread: list[PanelResult] = []
    settings = day_settings(agenda)
    compute_panels(settings, sample_pack, AS_OF, names, in_child.append)
    compute_panels(settings, sample_pack, AS_OF, names, in_thread.append, in_process=False)
    assert [r.name for r in in_child] == names
    assert in_child == in_thread


def test_without_a_child_process_the_panels_are_computed_in_the_thread(
        agenda: Agenda, sample_pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tuneup_tui.metrics.settings import day_settings
    from tuneup_tui.run import panels

    def no_child(*args: object) -> None:
        raise OSError("no processes here")

    monkeypatch.setattr(panels, "_in_child_process", no_child)
    posted: list[PanelResult] = []
    panels.compute_panels(day_settings(agenda), sample_pack, AS_OF, ["traffic", "paid"],
                             posted.append)
    assert [(r.name, r.error) for r in posted] == [("traffic", None), ("paid", None)]


async def test_a_broken_source_shows_its_error_in_the_panel(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock,
        tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "traffic.csv").write_text("date,source\n2026-11-16,google\n", encoding="utf-8")
    app = console(agenda, agenda_path, pack, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await panels_computed(pilot)
        await pilot.pause()
        assert app.results["funnel"].error
        errors = app.screen.query(".panel-error")
        assert len(errors) == 1
        assert str(errors.first().content) == app.results["funnel"].error
        # Everything else works: the day moves on.
        await pilot.press("n")
        assert "Traffic Study" in screen_text(app, "#header")
