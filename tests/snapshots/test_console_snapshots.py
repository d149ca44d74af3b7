"""The main screen at 120x36 in three sessions, and at 100x30 and 80x24, on a fake clock and
the small sample pack.

Update after a deliberate change of the screen: `pytest tests/snapshots --snapshot-update`,
then look at the SVGs before committing them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.functional.console_fixtures import console, panels_computed, work_area_shown
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.app import TuneupApp

SIZE = (120, 36)


async def _settle(pilot: Pilot[Any]) -> None:
    await panels_computed(pilot)
    await _drawn(pilot)


async def _drawn(pilot: Pilot[Any]) -> None:
    """Let the screen finish drawing: the work area comes a step a frame after the first
    frame, and a panel mounts over a few frames."""
    await work_area_shown(pilot)
    await pilot.wait_for_scheduled_animations()
    for _ in range(3):
        await pilot.pause()


def _app(agenda: Agenda, agenda_path: Path, sample_pack: Path, store: RunStore,
         clock: FakeClock) -> TuneupApp:
    return console(agenda, agenda_path, sample_pack, store, clock)


def test_first_session(snap_compare: Any, agenda: Agenda, agenda_path: Path,
                       sample_pack: Path, store: RunStore, clock: FakeClock) -> None:
    app = _app(agenda, agenda_path, sample_pack, store, clock)

    async def run_before(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        clock.advance(minutes=7, seconds=30)  # 08:07:30: 22:30 left
        app.tick()
        await _drawn(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_traffic_study_with_a_figure_and_an_item(
        snap_compare: Any, agenda: Agenda, agenda_path: Path, sample_pack: Path,
        store: RunStore, clock: FakeClock) -> None:
    app = _app(agenda, agenda_path, sample_pack, store, clock)

    async def run_before(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        clock.advance(minutes=34)  # the overview ran 4 minutes over
        await pilot.press("n")
        clock.advance(minutes=26)  # 09:00: 4 minutes left, amber
        assert app.live is not None
        run_id = app.live.run.id
        store.record_figure(run_id, "expected_leads_to_sales", 41, session="Traffic Study")
        store.add_action(run_id, "Fix goal tracking on /pricing", "Dana",
                         due=date(2026, 11, 30), session="Traffic Study")
        app.main.refresh_store_data()
        app.tick()
        await _drawn(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_leads_to_sales_running_over(snap_compare: Any, agenda: Agenda, agenda_path: Path,
                                     sample_pack: Path, store: RunStore,
                                     clock: FakeClock) -> None:
    app = _app(agenda, agenda_path, sample_pack, store, clock)

    async def run_before(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        assert app.live is not None
        store.record_figure(app.live.run.id, "expected_leads_to_sales", 41,
                            session="Traffic Study")
        clock.set(clock.now().replace(hour=14, minute=2))
        await pilot.press("j", *(["down"] * 10), "enter")  # Leads to Sales from 14:02
        clock.advance(minutes=62, seconds=5)  # 15:04:05: 2:05 over
        app.tick()
        await _drawn(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def _traffic_study_with_an_item(app: TuneupApp, store: RunStore, clock: FakeClock
                                ) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        clock.advance(minutes=30)
        await pilot.press("n")
        assert app.live is not None
        store.add_action(app.live.run.id, "Fix goal tracking on /pricing and the webinar form",
                         "Priya", due=date(2026, 11, 30), session="Traffic Study")
        app.main.refresh_store_data()
        app.tick()
        await _drawn(pilot)

    return run_before


def test_traffic_study_at_100x30(snap_compare: Any, agenda: Agenda, agenda_path: Path,
                                 sample_pack: Path, store: RunStore, clock: FakeClock) -> None:
    app = _app(agenda, agenda_path, sample_pack, store, clock)
    assert snap_compare(app, terminal_size=(100, 30),
                        run_before=_traffic_study_with_an_item(app, store, clock))


def test_traffic_study_at_80x24(snap_compare: Any, agenda: Agenda, agenda_path: Path,
                                sample_pack: Path, store: RunStore, clock: FakeClock) -> None:
    app = _app(agenda, agenda_path, sample_pack, store, clock)
    assert snap_compare(app, terminal_size=(80, 24),
                        run_before=_traffic_study_with_an_item(app, store, clock))


def test_weekly_opens_on_the_scorecard(snap_compare: Any, sample_pack: Path, store: RunStore
                                       ) -> None:
    from datetime import datetime

    from tuneup_tui.agenda.builtins import resolve_agenda
    from tuneup_tui.agenda.load import load_agenda

    path = resolve_agenda("weekly-tuneup")
    app = console(load_agenda(path), path, sample_pack, store,
                  FakeClock(datetime(2026, 11, 23, 9, 0)))

    async def run_before(pilot: Pilot[Any]) -> None:
        await _settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
