"""Which session the attendee app says the room is in."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from tests.functional.cli_runs import AGENDA
from tuneup_tui.agenda import schedule
from tuneup_tui.agenda.room import current_session, run_clock
from tuneup_tui.store.models import Run
from tuneup_tui.store.schedule_events import ScheduleEvent

ANCHOR = datetime(2026, 11, 23, 8, 0)


def _run(*, speed: float = 1.0, started_at: datetime = ANCHOR) -> Run:
    return Run(id=1, title="Tune Up", series="ops-tuneup", cadence="day", agenda_toml=AGENDA,
               as_of=ANCHOR.date(), data_dir=None, mode="facilitator", speed=speed,
               anchor=ANCHOR, started_at=started_at)


def _events(*specs: tuple[str, datetime, dict[str, Any]]) -> list[ScheduleEvent]:
    return [ScheduleEvent(run_id=1, seq=i + 1, kind=kind, at=at, payload=payload)
            for i, (kind, at, payload) in enumerate(specs)]


def at(hour: int, minute: int) -> datetime:
    return datetime(2026, 11, 23, hour, minute)


def test_replayed_from_the_schedule_events() -> None:
    run = _run()
    assert current_session(run, [], now=at(7, 50)) is None  # not started yet
    started = _events(("start", at(8, 0), {"to": 0}))
    assert current_session(run, started, now=at(8, 20)) == "Traffic Study"
    moved = _events(("start", at(8, 0), {"to": 0}), ("next", at(9, 5), {"to": 1}))
    assert current_session(run, moved, now=at(9, 20)) == "Site Health"
    ended = [*moved, *_events(("end", at(9, 58), {}))]
    assert current_session(run, ended, now=at(10, 0)) is None


@pytest.fixture
def no_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    def not_yet(*args: object, **kwargs: object) -> None:
        raise NotImplementedError

    monkeypatch.setattr(schedule.Schedule, "restore", classmethod(not_yet))


@pytest.mark.usefixtures("no_engine")
def test_follows_the_events_when_the_engine_cannot_replay() -> None:
    run = _run()
    now = at(9, 0)
    assert current_session(run, _events(("start", at(8, 0), {})), now=now) == "Traffic Study"
    # Where a move landed is in its payload ("to"); without one, next moves one on.
    assert current_session(run, _events(("start", at(8, 0), {}), ("next", at(8, 30), {})),
                           now=now) == "Site Health"
    assert current_session(run, _events(("start", at(8, 0), {}), ("jump", at(8, 1), {"to": 1}),
                                        ("previous", at(8, 2), {})), now=now) == "Traffic Study"
    # Skipping a later session is not a move.
    assert current_session(run, _events(("start", at(8, 0), {"to": 0}),
                                        ("skip", at(8, 1), {"index": 1})),
                           now=now) == "Traffic Study"
    assert current_session(run, _events(("start", at(8, 0), {}), ("end", at(8, 5), {})),
                           now=now) is None
    # Past the last session.
    assert current_session(run, _events(("start", at(8, 0), {}), ("next", at(8, 5), {}),
                                        ("next", at(8, 6), {})), now=now) is None


def test_a_rehearsal_at_speed_runs_its_own_clock() -> None:
    # Started at 20:00 at speed 60: two real minutes later the run's clock is 120 minutes on.
    run = _run(speed=60, started_at=datetime(2026, 11, 23, 20, 0))
    assert run_clock(run, [], datetime(2026, 11, 23, 20, 2)) == datetime(2026, 11, 23, 22, 0)
    # Never earlier than the last recorded action.
    late = _events(("next", datetime(2026, 11, 23, 23, 0), {}))
    assert run_clock(run, late, datetime(2026, 11, 23, 20, 2)) == datetime(2026, 11, 23, 23, 0)
    assert run_clock(_run(), [], at(9, 0)) == at(9, 0)
