"""What the console tests share: the built-in day, a small sample pack, a fake clock at 08:00
on Monday 2026-11-23, a temporary run store, and reading what is on screen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tuneup_tui.agenda.builtins import resolve_agenda
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.load import load_agenda
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.app import TuneupApp, make_app

AS_OF = date(2026, 11, 23)
"""A Monday: the review period is 2026-11-16 to 2026-11-22."""
DAY_START = datetime(2026, 11, 23, 8, 0)


@pytest.fixture(scope="session")
def sample_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small sample pack (a fifth of the demo's size), the same on every run."""
    from tuneup_tui.data.sample.generate import generate_sample

    return generate_sample(tmp_path_factory.mktemp("pack"), AS_OF, scale=0.2, seed=7)


@pytest.fixture
def agenda_path() -> Path:
    return resolve_agenda(None)


@pytest.fixture
def agenda(agenda_path: Path) -> Agenda:
    return load_agenda(agenda_path)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(DAY_START)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[RunStore]:
    opened = RunStore(tmp_path / "tuneup.db")
    yield opened
    opened.close()


def console(agenda: Agenda, agenda_path: Path, data: Path | None, store: RunStore,
            clock: FakeClock, **kwargs: object) -> TuneupApp:
    """The console as `tuneup run` builds it, on the fake clock."""
    kwargs.setdefault("offer_resume", False)
    # The tests move the fake clock and call `tick` / `poll_store` themselves (the keys do
    # too); timers would only redraw the same moment again.
    kwargs.setdefault("tick_seconds", 3600)
    kwargs.setdefault("poll_seconds", 3600)
    return make_app(agenda, agenda_path, data, AS_OF, store, clock, **kwargs)  # type: ignore[arg-type]


def screen_text(app: TuneupApp, selector: str) -> str:
    """The plain text a widget shows now."""
    from textual.widgets import Static

    widget = app.screen.query_one(selector, Static)
    content = widget.content
    return str(getattr(content, "plain", content))


async def panels_computed(pilot: Pilot[None]) -> None:
    """Wait until every panel of the day is computed (and every other worker is done): the
    panels' worker starts once the first frame is drawn."""
    app = pilot.app
    assert isinstance(app, TuneupApp)
    for _ in range(500):
        if app.panels_worker is not None:
            break
        await pilot.pause(0.01)
    assert app.panels_worker is not None, "the panels never started"
    await app.workers.wait_for_complete()


async def work_area_shown(pilot: Pilot[None]) -> None:
    """Wait until the work area (tabs, notes, action items) is mounted and drawn into: it
    comes in steps just after the first frame, later on a busy machine."""
    app = pilot.app
    assert isinstance(app, TuneupApp)
    for _ in range(500):
        if app.main.work_ready:
            break
        await pilot.pause(0.01)
    assert app.main.work_ready, "the work area never came"


async def frames(pilot: Pilot[None], count: int = 4) -> None:
    """Let the console handle what is queued and draw, `count` times over."""
    for _ in range(count):
        await pilot.pause()
