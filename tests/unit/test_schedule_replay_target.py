"""A run's moves are replayed by where each landed, not by counting them."""

from __future__ import annotations

from tests.unit.schedule_days import SMALL, at, small
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.schedule import Schedule, ScheduleAction


def test_two_nexts_that_landed_on_the_same_session_replay_to_it() -> None:
    # Two consoles on one run each pressed next at 09:10, both showing A: each landed on B.
    actions = [ScheduleAction("start", at("09:00"), {"to": 0}),
               ScheduleAction("next", at("09:10"), {"to": 1}),
               ScheduleAction("next", at("09:10", 5), {"to": 1})]
    replayed = Schedule.restore(SMALL, FakeClock(at("09:20")), anchor=at("09:00"),
                                mode="facilitator", actions=actions)
    assert replayed.status().current == 1  # B, not C


def test_a_replayed_previous_that_landed_where_the_day_already_is_stays() -> None:
    actions = [ScheduleAction("start", at("09:00"), {"to": 0}),
               ScheduleAction("next", at("09:10"), {"to": 1}),
               ScheduleAction("previous", at("09:12"), {"to": 0}),
               ScheduleAction("previous", at("09:12", 5), {"to": 0})]
    replayed = Schedule.restore(SMALL, FakeClock(at("09:20")), anchor=at("09:00"),
                                mode="facilitator", actions=actions)
    assert replayed.status().current == 0


def test_a_day_replayed_from_its_own_moves_is_the_same_day() -> None:
    live, clock = small("09:00")
    live.start()
    clock.set(at("09:20"))
    live.next()
    clock.set(at("09:40"))
    live.skip()
    clock.set(at("09:45"))
    live.previous()
    replayed = Schedule.restore(SMALL, FakeClock(at("09:50")), anchor=at("09:00"),
                                mode="facilitator", actions=live.actions)
    clock.set(at("09:50"))
    assert replayed.status() == live.status()
