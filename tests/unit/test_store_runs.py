"""The run store: runs, their schedule events and notes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from tuneup_tui.store import rows
from tuneup_tui.store.db import RunStore, StoreError
from tuneup_tui.store.models import Run

DAY = datetime(2026, 11, 23, 8, 0)


def make_run(store: RunStore, *, series: str = "ops-tuneup", started_at: datetime = DAY,
             title: str = "Tune Up") -> Run:
    return store.create_run(title=title, series=series, cadence="day", agenda_toml="[agenda]\n",
                            as_of=started_at.date(), data_dir="/data/exports",
                            mode="facilitator", speed=1.0, anchor=started_at,
                            started_at=started_at, agenda_path="/agendas/day.toml")


@pytest.fixture
def store(store_target: str) -> Iterator[RunStore]:
    opened = RunStore(store_target, now=lambda: DAY)
    yield opened
    opened.close()


def test_create_and_get_run_round_trips_every_field(store: RunStore) -> None:
    run = store.create_run(title="Tune Up", series="ops", cadence="week",
                           agenda_toml='[agenda]\ntitle = "Tune Up"\n', as_of=date(2026, 11, 23),
                           data_dir=None, mode="follow_clock", speed=60.0,
                           anchor=datetime(2026, 11, 23, 8, 0, 0, 250),
                           started_at=datetime(2026, 11, 23, 7, 55))
    again = store.get_run(run.id)
    assert again == run
    assert again.agenda_toml == '[agenda]\ntitle = "Tune Up"\n'
    assert again.as_of == date(2026, 11, 23)
    assert again.mode == "follow_clock" and again.speed == 60.0
    assert again.anchor == datetime(2026, 11, 23, 8, 0, 0, 250)
    assert again.ended_at is None and not again.finished
    assert again.agenda_path is None and again.data_dir is None
    # What create_run returns is what a read gives back, also for a date given with its time.
    timed = store.create_run(title="T", series="ops", cadence="day", agenda_toml="",
                             as_of=datetime(2026, 11, 23, 17, 5), data_dir="/exports",
                             mode="facilitator", speed=3, anchor=DAY, started_at=DAY,
                             agenda_path="/agendas/day.toml")
    assert store.get_run(timed.id) == timed
    assert timed.as_of == date(2026, 11, 23) and type(timed.as_of) is date
    assert timed.speed == 3.0 and type(timed.speed) is float


def test_unknown_run_is_a_one_line_store_error(store: RunStore) -> None:
    with pytest.raises(StoreError, match=r"^no run 7; see `tuneup runs`$"):
        store.get_run(7)
    for call in (lambda: store.end_run(7, DAY), lambda: store.events(7),
                 lambda: store.add_event(7, "start", DAY), lambda: store.notes(7),
                 lambda: store.save_note(7, "Traffic Study", "x")):
        with pytest.raises(StoreError, match="no run 7"):
            call()


def test_bad_mode_and_speed_are_refused(store: RunStore) -> None:
    with pytest.raises(StoreError, match="mode must be one of facilitator, follow_clock"):
        store.create_run(title="t", series="s", cadence="day", agenda_toml="", as_of=DAY.date(),
                         data_dir=None, mode="autopilot", speed=1, anchor=DAY, started_at=DAY)
    with pytest.raises(StoreError, match="speed must be positive"):
        store.create_run(title="t", series="s", cadence="day", agenda_toml="", as_of=DAY.date(),
                         data_dir=None, mode="facilitator", speed=0, anchor=DAY, started_at=DAY)
    assert store.runs() == []


def test_runs_newest_first_and_by_series(store: RunStore) -> None:
    first = make_run(store, started_at=datetime(2026, 11, 2, 8))
    other = make_run(store, series="weekly", started_at=datetime(2026, 11, 9, 8))
    second = make_run(store, started_at=datetime(2026, 11, 16, 8))
    assert [r.id for r in store.runs()] == [second.id, other.id, first.id]
    assert [r.id for r in store.runs(series="ops-tuneup")] == [second.id, first.id]
    assert store.runs(series="nothing") == []


def test_current_unfinished_and_previous_runs(store: RunStore) -> None:
    assert store.current_run() is None
    first = make_run(store, started_at=datetime(2026, 11, 2, 8))
    weekly = make_run(store, series="weekly", started_at=datetime(2026, 11, 9, 8))
    second = make_run(store, started_at=datetime(2026, 11, 16, 8))
    assert store.current_run() == second
    assert store.unfinished_run("ops-tuneup") == second
    assert store.previous_run(second) == first
    assert store.previous_run(first) is None
    assert store.previous_run(weekly) is None

    store.end_run(second.id, datetime(2026, 11, 16, 16, 2))
    ended = store.get_run(second.id)
    assert ended.ended_at == datetime(2026, 11, 16, 16, 2) and ended.finished
    assert store.current_run() == weekly  # the newest still unfinished
    assert store.unfinished_run("ops-tuneup") == first
    store.end_run(first.id, datetime(2026, 11, 2, 16))
    assert store.unfinished_run("ops-tuneup") is None


def test_previous_run_breaks_a_tie_in_start_time_by_creation(store: RunStore) -> None:
    first = make_run(store)
    second = make_run(store)
    assert store.previous_run(second) == first
    assert store.previous_run(first) is None


def test_events_keep_their_order_payload_and_time(store: RunStore) -> None:
    run = make_run(store)
    other = make_run(store, series="weekly")
    e1 = store.add_event(run.id, "start", datetime(2026, 11, 23, 8, 0), {"to": 0})
    store.add_event(other.id, "start", DAY)
    e2 = store.add_event(run.id, "extend", datetime(2026, 11, 23, 8, 25), {"minutes": 5})
    e3 = store.add_event(run.id, "next", datetime(2026, 11, 23, 8, 35, 12, 500))
    assert (e1.seq, e2.seq, e3.seq) == (1, 2, 3)
    events = store.events(run.id)
    assert [(e.seq, e.kind) for e in events] == [(1, "start"), (2, "extend"), (3, "next")]
    assert events[0].payload == {"to": 0}
    assert events[1].payload == {"minutes": 5}
    assert events[2].payload == {}
    assert events[2].at == datetime(2026, 11, 23, 8, 35, 12, 500)
    assert [e.seq for e in store.events(other.id)] == [1]
    with pytest.raises(StoreError, match="needs a kind"):
        store.add_event(run.id, " ", DAY)


@pytest.mark.parametrize("payload", [
    {}, {"to": 0}, {"minutes": 5, "index": -3}, {"b": 1, "a": 2}, {"to": 10**20},
    {"minutes": 2.5}, {"done": True}, {"to": None}, {"why": 'say "no"'}, {"né": 1},
    {"two words": 1}, {"figures": {"leads": 41}}, {"at": DAY},
])
def test_payload_text_is_what_json_writes(payload: dict[str, object]) -> None:
    # Whole-number payloads are written without the json module (the console's start saves
    # one); every payload reads as json.dumps would have written it, keys sorted.
    assert rows.json_text(payload) == json.dumps(payload, sort_keys=True, default=str)
    assert rows.json_text(None) == "{}"


def test_a_run_started_at_once_is_saved_with_its_start(store: RunStore) -> None:
    run = store.create_run(title="Tune Up", series="ops", cadence="day", agenda_toml="",
                           as_of=DAY.date(), data_dir=None, mode="facilitator", speed=1.0,
                           anchor=DAY, started_at=DAY,
                           events=[("start", DAY, {"to": 0})])
    (start,) = store.events(run.id)
    assert (start.seq, start.kind, start.at, start.payload) == (1, "start", DAY, {"to": 0})
    # The next event follows it.
    assert store.add_event(run.id, "next", datetime(2026, 11, 23, 8, 30), {"to": 1}).seq == 2
    runs_before = store.runs()
    with pytest.raises(StoreError, match="needs a kind"):
        store.create_run(title="Tune Up", series="ops", cadence="day", agenda_toml="",
                         as_of=DAY.date(), data_dir=None, mode="facilitator", speed=1.0,
                         anchor=DAY, started_at=DAY, events=[(" ", DAY, {})])
    assert store.runs() == runs_before  # refused whole: no run without its events


def test_a_note_is_one_row_per_session_latest_text_wins(store_target: str) -> None:
    times = iter([datetime(2026, 11, 23, 8, 1), datetime(2026, 11, 23, 8, 2),
                  datetime(2026, 11, 23, 8, 3)])
    with RunStore(store_target, now=lambda: next(times)) as store:
        run = make_run(store)
        store.save_note(run.id, "Traffic Study", "bing converts")
        store.save_note(run.id, "Site Health", "404s up")
        note = store.save_note(run.id, "Traffic Study", "bing converts badly")
        assert note.text == "bing converts badly"
        assert note.updated_at == datetime(2026, 11, 23, 8, 3)
        notes = store.notes(run.id)
        assert set(notes) == {"Traffic Study", "Site Health"}
        assert notes["Traffic Study"].text == "bing converts badly"
        assert notes["Site Health"].updated_at == datetime(2026, 11, 23, 8, 2)
        with pytest.raises(StoreError, match="needs the session"):
            store.save_note(run.id, "", "x")


def test_open_default_uses_tuneup_home(tuneup_home: Path) -> None:
    with RunStore.open_default() as store:
        make_run(store)
        assert store.path == tuneup_home / "data" / "tuneup.db"
    assert (tuneup_home / "data" / "tuneup.db").exists()


def test_a_closed_store_says_so(store: RunStore) -> None:
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        store.runs()
