"""The day state behind the schedule: a clone is a state of its own."""

from __future__ import annotations

from datetime import datetime, timedelta

from tuneup_tui.agenda._schedule_state import DayState, Track

NINE = datetime(2026, 11, 23, 9, 0)


def test_a_clone_shares_nothing_that_changes() -> None:
    state = DayState(tracks=[Track(allotted=timedelta(minutes=30)) for _ in range(3)],
                     anchor=NINE, follow_clock=False)
    clone = state.clone()
    assert clone == state
    clone.tracks[0].state = "current"
    clone.tracks[0].counted = timedelta(minutes=5)
    clone.tracks.append(Track(allotted=timedelta(minutes=1)))
    clone.current = 0
    clone.started = True
    assert [t.state for t in state.tracks] == ["upcoming"] * 3
    assert state.tracks[0].counted == timedelta(0)
    assert state.current is None and not state.started


def test_a_clone_carries_every_field() -> None:
    # Every field set away from its default, so a field the clone forgot would show.
    track = Track(allotted=timedelta(minutes=30), state="done", counted=timedelta(minutes=31),
                  spent=timedelta(minutes=32), actual_start=NINE,
                  actual_end=NINE + timedelta(minutes=32))
    state = DayState(tracks=[track], anchor=NINE, follow_clock=True, current=0,
                     stretch_start=NINE, paused=True, started=True, started_by_hand=True,
                     finished=True, finished_at=NINE, last_at=NINE)
    clone = state.clone()
    for name in DayState.__slots__:
        assert getattr(clone, name) == getattr(state, name), name
    for name in Track.__slots__:
        assert getattr(clone.tracks[0], name) == getattr(track, name), name
    assert clone.tracks[0] is not track
    assert clone == state and clone != DayState([], NINE, True)
    assert "started_by_hand=True" in repr(clone)
