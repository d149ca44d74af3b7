"""Rehearsals in the console: stored and titled as such, nothing carried over into or out of
them, and their clock waits while a dialog waits for an answer."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from tests.functional.console_fixtures import DAY_START, console
from tuneup_tui.agenda.clock import FakeClock, ScaledClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.dialogs.add_action import AddActionDialog
from tuneup_tui.ui.dialogs.carry_over import CarryOverDialog


def _ended_run_with_an_item(store: RunStore, text: str, *, speed: float = 1.0,
                            hours: int = 0) -> int:
    at = DAY_START - timedelta(days=7) + timedelta(hours=hours)
    run = store.create_run(title="Tune Up", series="ops-tuneup", cadence="day",
                           agenda_toml="", as_of=at.date(), data_dir=None, mode="facilitator",
                           speed=speed, anchor=at, started_at=at)
    store.add_action(run.id, text, "Dana")
    store.end_run(run.id, at + timedelta(hours=1))
    return run.id


async def test_a_rehearsal_carries_nothing_over_and_is_never_carried_from(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    _ended_run_with_an_item(store, "Real item")
    rehearsal_id = _ended_run_with_an_item(store, "Rehearsal junk", speed=60, hours=3)
    # --rehearsal at the real pace: no carry-over question, titled and stored as a rehearsal
    app = console(agenda, agenda_path, None, store, clock, rehearsal=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, CarryOverDialog)
        assert app.live is not None and app.live.run.rehearsal
        assert app.sub_title == f"rehearsal {app.live.run.id}"
        await pilot.press("q")
    store.end_run(app.live.run.id, DAY_START + timedelta(hours=1))
    # the next real run offers the real run's item, not the rehearsal's
    clock.advance(minutes=120)
    real = console(agenda, agenda_path, None, store, clock)
    async with real.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(real.screen, CarryOverDialog)
        assert [i.text for i in real.screen.items] == ["Real item"]
        assert real.live is not None and not real.live.run.rehearsal
        assert real.sub_title == f"run {real.live.run.id}"
    assert store.get_run(rehearsal_id).rehearsal


async def test_a_rehearsals_clock_waits_while_a_dialog_is_open(
        agenda: Agenda, agenda_path: Path, store: RunStore) -> None:
    seconds = [1000.0]
    sped = ScaledClock(60, anchor=datetime(2026, 11, 23, 8, 0), ticks=lambda: seconds[0])
    app = console(agenda, agenda_path, None, store, sped)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        seconds[0] += 10  # ten seconds: ten minutes of the rehearsal
        assert sped.now() == datetime(2026, 11, 23, 8, 10)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddActionDialog) and sped.held
        seconds[0] += 60  # a minute typing the item: the rehearsal does not move
        assert sped.now() == datetime(2026, 11, 23, 8, 10)
        await pilot.press("escape")
        await pilot.pause()
        assert not sped.held
        seconds[0] += 1
        assert sped.now() == datetime(2026, 11, 23, 8, 11)


async def test_a_rehearsal_is_recorded_at_wall_clock_times_and_sorts_among_real_runs(
        agenda: Agenda, agenda_path: Path, store: RunStore) -> None:
    """At 60 times the pace the rehearsal's own clock reads 10:00 after two real minutes: the
    run's record keeps the wall clock's start and end, so a real run started after it on the
    wall is the newer one."""
    seconds = [0.0]
    wall = [datetime(2026, 11, 22, 19, 0)]
    sped = ScaledClock(60, anchor=datetime(2026, 11, 23, 8, 0), ticks=lambda: seconds[0],
                       wall=lambda: wall[0])
    app = console(agenda, agenda_path, None, store, sped, speed=60.0)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        seconds[0] += 120
        wall[0] += timedelta(minutes=2)
        assert sped.now() == datetime(2026, 11, 23, 10, 0)
        assert app.live is not None
        app.live.end()
        await pilot.press("q")
    rehearsal = store.get_run(app.live.run.id)
    assert rehearsal.rehearsal
    assert rehearsal.started_at == datetime(2026, 11, 22, 19, 0)
    assert rehearsal.ended_at == datetime(2026, 11, 22, 19, 2)
    real = store.create_run(title="Tune Up", series=agenda.series, cadence="day",
                            agenda_toml="", as_of=date(2026, 11, 23), data_dir=None,
                            mode="facilitator", speed=1.0, anchor=DAY_START,
                            started_at=datetime(2026, 11, 22, 19, 30))
    assert [r.id for r in store.runs()][:2] == [real.id, rehearsal.id]
