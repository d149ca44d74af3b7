"""Properties of the schedule engine over random agendas and random runs of actions (Hypothesis)."""

from __future__ import annotations

import json
import math
from datetime import datetime, time, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda, Session
from tuneup_tui.agenda.schedule import Schedule, ScheduleAction, ScheduleStatus

DAY = datetime(2026, 11, 23)
MIN = timedelta(minutes=1)
MICRO = timedelta(microseconds=1)
KINDS = ("start", "pause", "resume", "next", "previous", "jump", "extend", "skip", "compress",
         "end", "preview")
# Weighted so that runs get going and compresses meet late days (repeats raise the odds).
WEIGHTED_KINDS = (*KINDS, "resume", "resume", "compress", "compress", "preview", "next")


@st.composite
def agendas(draw: st.DrawFn) -> Agenda:
    count = draw(st.integers(1, 7))
    first = draw(st.integers(0, 10 * 60))
    gaps = draw(st.lists(st.integers(0, 90), min_size=count, max_size=count))
    starts = [first]
    for gap in gaps[:-1]:
        starts.append(starts[-1] + gap)
    end = starts[-1] + gaps[-1]  # zero-length sessions and a zero-length close are legal
    return Agenda(title="Random", series="r", cadence="day", period="week", baseline_periods=8,
                  end_of_day=time(end // 60, end % 60),
                  sessions=tuple(Session(start=time(m // 60, m % 60), topic=f"S{i}")
                                 for i, m in enumerate(starts)))


steps = st.lists(
    st.tuples(
        st.one_of(st.integers(0, 90 * 60), st.sampled_from([0, 60, 30 * 60, 4 * 3600])),
        st.sampled_from(WEIGHTED_KINDS),
        st.integers(-1, 8),  # an index, some out of range
        st.sampled_from([-1, 0, 0.5, 5, 12, 45]),  # extend minutes, some invalid
    ),
    max_size=25,
)


def act(schedule: Schedule, kind: str, index: int, minutes: float) -> Any:
    if kind == "jump":
        return schedule.jump(index)
    if kind == "skip":
        return schedule.skip(None if index < 0 else index)
    if kind == "extend":
        return schedule.extend(minutes)
    if kind == "preview":
        return schedule.preview_compress()
    return getattr(schedule, kind)()


def check_invariants(status: ScheduleStatus, schedule: Schedule) -> None:
    assert status.overtime >= timedelta(0)
    assert status.overtime == max(-status.remaining, timedelta(0))
    assert status.drift == status.projected_end - status.end_of_day
    current_rows = [r.index for r in status.rows if r.status == "current"]
    assert current_rows == ([] if status.current is None else [status.current])
    if status.current is not None:
        allotted = timedelta(minutes=status.rows[status.current].minutes)
        assert abs(status.elapsed + status.remaining - allotted) <= MICRO
    if not status.finished:
        assert status.projected_end >= status.now
    if status.finished:
        assert status.current is None and not status.paused
    for row in status.rows:
        assert row.end >= row.start
        assert row.spent >= timedelta(0)


def through_json(actions: tuple[ScheduleAction, ...]) -> list[ScheduleAction]:
    """The actions as the run store gives them back (ISO times, JSON payloads)."""
    return [ScheduleAction(kind=a.kind, at=datetime.fromisoformat(a.at.isoformat()),
                           payload=json.loads(json.dumps(dict(a.payload))))
            for a in actions]


@settings(max_examples=200, deadline=None)
@given(agenda=agendas(), mode=st.sampled_from(["facilitator", "follow_clock"]),
       min_minutes=st.integers(0, 10), early=st.integers(0, 30), begin=st.booleans(),
       plan=steps)
def test_random_days_keep_their_promises(agenda: Agenda, mode: Any, min_minutes: int,
                                         early: int, begin: bool,
                                         plan: list[tuple[int, str, int, float]]) -> None:
    anchor = DAY.replace(hour=agenda.sessions[0].start.hour,
                         minute=agenda.sessions[0].start.minute)
    clock = FakeClock(anchor - timedelta(minutes=early))
    schedule = Schedule(agenda, clock, anchor=anchor, mode=mode, min_minutes=min_minutes)

    # The plan's lengths add up to the day: end_of_day - the first start.
    rows = schedule.status().rows
    assert sum(r.planned_minutes for r in rows) * MIN == schedule.end_of_day - anchor
    assert all(r.planned_minutes >= 0 for r in rows)

    if begin:
        plan = [(early * 60, "start", 0, 0), *plan]
    for seconds, kind, index, minutes in plan:
        clock.advance(seconds=seconds)
        before = schedule.status()
        try:
            result = act(schedule, kind, index, minutes)
        except ValueError as error:
            assert "\n" not in str(error)
            assert schedule.status() == before  # a refused action changes nothing
            continue
        status = schedule.status()
        check_invariants(status, schedule)
        if kind == "preview":
            assert status == before
            compress_plan = result
        elif kind == "compress":
            compress_plan = result[1]
        else:
            continue
        floors = {r.index: min(r.planned_minutes, min_minutes) for r in status.rows}
        for i, length in compress_plan.lengths.items():
            assert length >= min(floors[i], math.floor(compress_plan.minutes_before[i]))
            assert length <= math.ceil(compress_plan.minutes_before[i])
        if kind == "compress":
            assert status.projected_end == compress_plan.projected_end
            if compress_plan.fits:
                assert status.projected_end <= status.end_of_day

    # Replaying the actions (also as the store gives them back) gives the same day.
    final = schedule.status()
    for actions in (schedule.actions, through_json(schedule.actions)):
        restored = Schedule.restore(agenda, clock, anchor=anchor, mode=mode, actions=actions,
                                    min_minutes=min_minutes)
        assert restored.status() == final
