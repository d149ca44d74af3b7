"""The run core without a screen: the live run's front door (every change the day makes, its
records read once per store change) and the day's pulse (the bell, the day's end).

A small day, worked out by hand: 09:00 A, 09:30 B, 10:00 C, end of day 11:00 (30, 30 and 60
minutes).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest

from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda, Session
from tuneup_tui.run.live import LiveRun
from tuneup_tui.run.opening import NewRun, open_day, open_items, start_run
from tuneup_tui.run.pulse import DayPulse
from tuneup_tui.store.db import RunStore

DAY = datetime(2026, 11, 23)


def _agenda() -> Agenda:
    return Agenda(title="Tune Up", series="ops", cadence="day", period="week",
                  baseline_periods=8, end_of_day=time(11, 0),
                  sessions=(Session(start=time(9, 0), topic="A"),
                            Session(start=time(9, 30), topic="B"),
                            Session(start=time(10, 0), topic="C")))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[RunStore]:
    opened = RunStore(tmp_path / "tuneup.db")
    yield opened
    opened.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(DAY.replace(hour=9))


_NEW = NewRun(agenda_toml="", agenda_path=None, as_of=date(2026, 11, 23), data_dir=None,
              mode="facilitator", speed=1.0)


def _live(store: RunStore, clock: FakeClock) -> LiveRun:
    return start_run(_agenda(), store, clock, _NEW)


class CountingStore:
    """Counts the store's reads of a run's figures (the costly read one poll once made three
    times)."""

    def __init__(self, store: RunStore) -> None:
        self.reads = 0
        self._figures = store.figures

        def figures(run_id: int) -> list[object]:
            self.reads += 1
            return list(self._figures(run_id))

        store.figures = figures  # type: ignore[method-assign,assignment]


def test_the_records_are_read_once_per_change(store: RunStore, clock: FakeClock) -> None:
    live = _live(store, clock)
    counter = CountingStore(store)
    assert live.records().figures == ()
    live.records()
    live.records()
    assert counter.reads == 1  # asked three times, read once
    live.record_figure("expected_leads_to_sales", 41, session="A")
    records = live.records()
    live.records()
    assert counter.reads == 2  # the change made through the front door: read once more
    assert [(f.name, f.value, f.session) for f in records.figures] == [
        ("expected_leads_to_sales", 41.0, "A")]


def test_a_change_from_another_process_is_seen_once(store: RunStore, clock: FakeClock,
                                                     tmp_path: Path) -> None:
    live = _live(store, clock)
    assert live.store_changed() is False  # nothing since the run opened
    assert live.records().actions == ()
    other = RunStore(tmp_path / "tuneup.db")  # an attendee's `tuneup log`
    try:
        other.add_action(live.run.id, "Fix the webinar form", "Dana")
    finally:
        other.close()
    assert live.store_changed() is True
    assert live.store_changed() is False  # the same change is news once
    assert [a.text for a in live.records().actions] == ["Fix the webinar form"]


def test_every_change_of_the_day_goes_through_the_front_door(store: RunStore,
                                                             clock: FakeClock) -> None:
    live = _live(store, clock)
    item = live.add_action("Fix the 404s", "Dana", due=date(2026, 11, 27), session="A")
    live.update_action(item.id, text="Fix the 404s on /pricing", owner="Sam", due=None,
                       status="open")
    live.save_note("A", "Dana knows the data")
    live.add_soft_spot("bing / cpc converts below its average", severity="high",
                       session="A", owner="Dana", panel="traffic", finding_key="low:bing",
                       figures={"rate": 0.009})
    records = live.records()
    assert [(a.text, a.owner, a.due) for a in records.actions] == [
        ("Fix the 404s on /pricing", "Sam", None)]
    assert records.note_text("A") == "Dana knows the data"
    assert records.note_text("B") == ""
    assert records.promoted() == {"low:bing": "Dana"}
    live.delete_action(item.id)
    assert live.records().actions == ()


def test_an_item_carried_over_or_closed(store: RunStore, clock: FakeClock) -> None:
    first = _live(store, clock)
    keep = first.add_action("Agree the lead score", "Dana")
    close = first.add_action("Clean the 404 list", "Sam")
    first.end()
    second = _live(store, clock)
    second.carry_over(keep, "Priya")
    second.carry_over(close, None)
    (carried,) = second.records().actions
    assert (carried.text, carried.owner, carried.carried_from) == (
        "Agree the lead score", "Priya", keep.id)
    assert store.action(close.id).status == "done"


def test_a_new_run_is_offered_its_series_previous_open_items(store: RunStore,
                                                            clock: FakeClock) -> None:
    first = _live(store, clock)
    first.add_action("Agree the lead score", "Dana")
    done = first.add_action("Clean the 404 list", "Sam")
    first.update_action(done.id, text=done.text, owner="Sam", due=None, status="done")
    store.save_panel_figures(first.run.id, "funnel", {"leads": 120})
    first.end()
    other = start_run(replace(_agenda(), series="other"), store, clock, _NEW)
    other.add_action("Another series' item", "Ravi")
    other.end()

    day = open_day(_agenda(), store, clock, resume=None, new=_NEW)
    assert day.carry_from == first.run
    assert [i.text for i in open_items(store, day.carry_from)] == ["Agree the lead score"]
    assert day.last_run_figures == {"funnel": {"leads": 120}}
    resumed = open_day(_agenda(), store, clock, resume=day.live.run, new=_NEW)
    assert resumed.carry_from is None  # offered once, when the run starts


def test_the_bell_rings_once_when_a_session_runs_out(store: RunStore,
                                                     clock: FakeClock) -> None:
    live = _live(store, clock)  # A started at 09:00 sharp
    pulse = DayPulse(3)
    clock.set(DAY.replace(hour=9, minute=29, second=59))
    assert pulse.ring(live.status()) is False  # a second left
    clock.set(DAY.replace(hour=9, minute=30))
    assert pulse.ring(live.status()) is True  # 0:00 left: once
    clock.set(DAY.replace(hour=9, minute=31))
    assert pulse.ring(live.status()) is False  # overtime, already rung
    live.extend(5)  # A now 35 minutes: it runs out again at 09:35
    assert pulse.ring(live.status()) is False
    clock.set(DAY.replace(hour=9, minute=35))
    assert pulse.ring(live.status()) is True


def test_the_day_ends_once(store: RunStore, clock: FakeClock) -> None:
    live = _live(store, clock)
    pulse = DayPulse(3)
    assert pulse.day_end(live.status(), live.run.finished) is None
    live.next()
    live.next()  # C, the last session, has started: end of day is reached
    assert pulse.day_end(live.status(), live.run.finished) == "write the summary"
    assert pulse.day_end(live.status(), live.run.finished) is None  # written once
    live.next()  # past the last session: the schedule is finished
    assert pulse.day_end(live.status(), live.run.finished) == "end the run"
    live.end()
    assert pulse.day_end(live.status(), live.run.finished) is None
