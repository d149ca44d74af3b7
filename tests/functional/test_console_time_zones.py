"""A run resumed under another time zone reads the same day: the store keeps UTC."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from tests.functional.console_fixtures import console, screen_text, work_area_shown
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.agenda.room import current_session
from tuneup_tui.store.db import RunStore

NEW_YORK_TO_TOKYO = timedelta(hours=14)
"""On 2026-11-23 New York is UTC-5 and Tokyo UTC+9: the same instant reads 14 hours later."""


async def test_a_run_begun_in_new_york_resumes_in_tokyo_on_the_same_figures(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock,
        time_zone: Callable[[str], None]) -> None:
    time_zone("America/New_York")
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.live is not None
        run_id = app.live.run.id
        clock.advance(minutes=31)  # 08:31 in New York: on to the Traffic Study
        await pilot.press("n")
        clock.advance(minutes=10)  # 08:41: 20 minutes left of 30 (08:31-09:01)
        await pilot.press("q")
    before = app.live.status()
    assert (before.current, before.remaining) == (1, timedelta(minutes=20))

    time_zone("Asia/Tokyo")
    clock.set(clock.now() + NEW_YORK_TO_TOKYO + timedelta(minutes=5))  # 22:46 in Tokyo
    again = console(agenda, agenda_path, None, store, clock, resume_run=store.get_run(run_id))
    async with again.run_test(size=(120, 36)) as pilot:
        await work_area_shown(pilot)
        assert again.live is not None
        status = again.live.status()
        # Five real minutes later: 15 minutes left, not "13:45:00 over".
        assert (status.current, status.remaining) == (1, timedelta(minutes=15))
        assert status.overtime == timedelta(0)
        assert "Traffic Study (2/13) · 15:00 left" in screen_text(again, "#header")
    # The run's day starts at the same instant, read on Tokyo's clock.
    run = store.get_run(run_id)
    assert run.anchor == clock.now().replace(hour=22, minute=0, second=0)
    # The served page and `tuneup attend` agree on the session.
    assert current_session(run, store.events(run_id), now=clock.now()) == "Traffic Study"
