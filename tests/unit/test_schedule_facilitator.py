"""The schedule engine driven by hand (facilitator mode), with times worked out by hand.

Two agendas: a small one (09:00 A, 09:30 B, 10:00 C, end 11:00: 30, 30 and 60 minutes) and the
one-day seed's times (08:00 ... 16:00, Lunch 12:00-12:01, End of Day a zero-length close).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.unit.schedule_days import SEED, SEED_TIMES, at, seed, small
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.schedule import Schedule, ScheduleStatus


def states(status: ScheduleStatus) -> list[str]:
    return [r.status for r in status.rows]


def span(status: ScheduleStatus, index: int) -> tuple[datetime, datetime]:
    row = status.rows[index]
    return row.start, row.end


MIN = timedelta(minutes=1)


# The plan
def test_seed_plan_is_anchored_and_lunch_and_close_keep_their_lengths() -> None:
    schedule, _ = seed()
    rows = schedule.status().rows
    assert [r.planned_minutes for r in rows] == [30, 30, 30, 30, 30, 30, 60, 1, 59, 60, 60, 60, 0]
    # 6 x 30 + 60 + 1 + 59 + 3 x 60 + 0 = 480 minutes = 08:00 to 16:00
    assert sum(r.planned_minutes for r in rows) == 480
    assert rows[7].planned_start == at("12:00") and rows[8].planned_start == at("12:01")
    assert schedule.end_of_day == at("16:00")


def test_plan_follows_the_anchor_not_the_agenda_clock() -> None:
    # A rehearsal started at 19:42: session i at 19:42 + (start_i - 08:00); 16:00 -> 03:42.
    clock = FakeClock(at("19:42"))
    schedule = Schedule(SEED, clock, anchor=at("19:42"))
    rows = schedule.status().rows
    assert rows[1].planned_start == at("20:12")
    assert rows[8].planned_start == at("19:42") + timedelta(minutes=4 * 60 + 1)
    assert schedule.end_of_day == at("19:42") + timedelta(hours=8)


def test_before_start_nothing_is_current_and_the_plan_is_shown() -> None:
    schedule, _ = small("08:50")
    status = schedule.status()
    assert status.current is None and not status.started
    # max(08:50, 09:00) + 30 + 30 + 60 = 11:00
    assert status.projected_end == at("11:00") and status.drift == timedelta(0)
    assert states(status) == ["next", "upcoming", "upcoming"]
    assert span(status, 2) == (at("10:00"), at("11:00"))


def test_before_start_lateness_moves_the_projection() -> None:
    schedule, _ = small("09:10")
    status = schedule.status()
    # not started at 09:10: 09:10 + 120 = 11:10, ten minutes late; C ends 11:10 > 11:00
    assert status.projected_end == at("11:10") and status.drift == 10 * MIN
    assert states(status) == ["next", "upcoming", "wont_fit"]
    assert status.next == 0


# Timer and pacing
def test_overtime_extend_and_pause_on_the_seed_day() -> None:
    schedule, clock = seed()
    schedule.start()
    clock.advance(minutes=35)
    status = schedule.status()
    # 35 minutes into a 30-minute session: 5 over; 08:35 + 0 + 450 (08:30 to 16:00) = 16:05
    assert status.elapsed == 35 * MIN and status.remaining == -5 * MIN
    assert status.overtime == 5 * MIN
    assert status.projected_end == at("16:05") and status.drift == 5 * MIN

    action = schedule.extend(5)
    assert action.kind == "extend" and action.payload == {"minutes": 5} and action.at == at("08:35")
    status = schedule.status()
    # allotted 30 + 5 = 35, elapsed 35: nothing left, nothing over; the end stays 16:05
    assert status.remaining == timedelta(0) and status.overtime == timedelta(0)
    assert status.projected_end == at("16:05")
    assert status.rows[0].minutes == 35

    schedule.pause()
    clock.advance(minutes=10)
    status = schedule.status()
    # paused 08:35-08:45: elapsed stays 35; the end moves to 08:45 + 0 + 450 = 16:15
    assert status.paused and status.elapsed == 35 * MIN
    assert status.projected_end == at("16:15") and status.drift == 15 * MIN

    schedule.resume()
    clock.advance(minutes=5)
    status = schedule.status()
    # 35 + 5 = 40 minutes counted, 5 over the 35 allotted; 08:50 + 450 = 16:20
    assert not status.paused and status.elapsed == 40 * MIN and status.overtime == 5 * MIN
    assert status.projected_end == at("16:20")
    # spent excludes the pause too; the current row ends now (it is over its time)
    assert status.rows[0].spent == 40 * MIN and status.rows[0].end == at("08:50")


def test_overtime_runs_past_an_hour_without_wrapping() -> None:
    schedule, clock = seed()
    schedule.start()
    clock.advance(minutes=105)
    status = schedule.status()
    # 105 - 30 = 75 minutes over = 1:15:00; 09:45 + 450 = 17:15
    assert status.overtime == timedelta(hours=1, minutes=15)
    assert status.remaining == -timedelta(hours=1, minutes=15)
    assert status.projected_end == at("17:15") and status.drift == timedelta(hours=1, minutes=15)


def test_rows_while_running_late() -> None:
    schedule, clock = small()
    schedule.start()
    clock.advance(minutes=35)
    status = schedule.status()
    # A over by 5: B 09:35-10:05, C 10:05-11:05 (past 11:00: won't fit)
    assert states(status) == ["current", "next", "wont_fit"]
    assert span(status, 0) == (at("09:00"), at("09:35"))
    assert span(status, 1) == (at("09:35"), at("10:05"))
    assert span(status, 2) == (at("10:05"), at("11:05"))
    assert status.rows[2].fits is False and status.next == 1


def test_seconds_count() -> None:
    schedule, clock = small()
    schedule.start()
    clock.advance(minutes=29, seconds=50)
    # 30:00 - 29:50 = 10 s left; the day still ends 11:00
    status = schedule.status()
    assert status.remaining == timedelta(seconds=10)
    assert status.projected_end == at("11:00")


# Moving through the day
def test_next_ends_the_current_session_now() -> None:
    schedule, clock = small()
    schedule.start()
    clock.advance(minutes=20)
    action = schedule.next()
    assert action.payload == {"to": 1}
    status = schedule.status()
    # A done 09:00-09:20; B from 09:20 for 30; 09:20 + 30 + 60 = 10:50, ten minutes early
    assert status.current == 1 and status.remaining == 30 * MIN
    assert states(status) == ["done", "current", "next"]
    assert status.rows[0].actual_start == at("09:00") and status.rows[0].actual_end == at("09:20")
    assert span(status, 1) == (at("09:20"), at("09:50"))
    assert status.projected_end == at("10:50") and status.drift == -10 * MIN


def test_next_past_the_last_session_finishes_the_day() -> None:
    schedule, clock = small()
    schedule.start()
    for minutes in (30, 30, 65):
        clock.advance(minutes=minutes)
        schedule.next()
    status = schedule.status()
    # 09:00 + 30 + 30 + 65 = 11:05: the day ended five minutes late
    assert status.finished and status.current is None
    assert status.projected_end == at("11:05") and status.drift == 5 * MIN
    assert states(status) == ["done", "done", "done"]
    assert span(status, 2) == (at("10:00"), at("11:05"))
    with pytest.raises(ValueError, match="over"):
        schedule.next()


def test_previous_goes_back_and_time_accumulates() -> None:
    schedule, clock = small()
    schedule.start()
    clock.advance(minutes=20)
    schedule.next()  # B from 09:20
    clock.advance(minutes=10)
    action = schedule.previous()  # back to A at 09:30
    assert action.payload == {"to": 0}
    status = schedule.status()
    # A: 20 minutes already counted, 10 left; B keeps its 10 minutes: 20 left.
    # 09:30 + 10 + 20 + 60 = 11:00
    assert status.current == 0 and status.elapsed == 20 * MIN and status.remaining == 10 * MIN
    assert states(status) == ["current", "next", "upcoming"]
    assert status.rows[0].actual_start == at("09:00") and status.rows[0].actual_end is None
    assert span(status, 1) == (at("09:40"), at("10:00"))
    assert status.rows[1].spent == 10 * MIN
    assert status.projected_end == at("11:00")

    clock.advance(minutes=5)
    schedule.next()  # B again at 09:35
    status = schedule.status()
    # B: 10 counted before, 20 left; A spent 20 + 5 = 25
    assert status.current == 1 and status.elapsed == 10 * MIN and status.remaining == 20 * MIN
    assert status.rows[0].spent == 25 * MIN and status.rows[0].actual_end == at("09:35")


def test_previous_at_the_first_session_is_refused() -> None:
    schedule, _ = small()
    schedule.start()
    with pytest.raises(ValueError, match="first session"):
        schedule.previous()


def test_jump_forward_leaves_the_sessions_in_between_upcoming() -> None:
    schedule, clock = small()
    schedule.start()
    clock.advance(minutes=10)
    action = schedule.jump(2)
    assert action.payload == {"index": 2, "to": 2}
    status = schedule.status()
    # A done 09:00-09:10; C from 09:10 for 60: the day ends 10:10. B was passed over:
    # next() never goes back, so it is out of the projection and shows its plan.
    assert states(status) == ["done", "upcoming", "current"]
    assert span(status, 1) == (at("09:30"), at("10:00"))
    assert status.projected_end == at("10:10") and status.next is None

    clock.advance(minutes=60)
    schedule.next()
    status = schedule.status()
    # 10:10: over; B never ran
    assert status.finished and states(status) == ["done", "skipped", "done"]
    assert status.rows[1].actual_start is None


def test_jump_back_reopens_a_done_session() -> None:
    schedule, clock = small()
    schedule.start()
    clock.advance(minutes=30)
    schedule.next()  # B at 09:30
    clock.advance(minutes=5)
    schedule.jump(0)  # A again at 09:35: B is left done
    status = schedule.status()
    # A: 30 counted of 30: remaining 0; B done 09:30-09:35 (not in the projection);
    # C waits: 09:35 + 0 + 60 = 10:35
    assert status.current == 0 and status.remaining == timedelta(0)
    assert states(status) == ["current", "done", "next"]
    assert status.projected_end == at("10:35")


def test_jump_and_index_errors() -> None:
    schedule, _ = small()
    schedule.start()
    # Users count sessions from 1; the index is there for whoever reads the log.
    with pytest.raises(ValueError, match=r"no session 4 \(index 3\): the agenda has 3 sessions"):
        schedule.jump(3)
    with pytest.raises(ValueError, match=r"index -1"):
        schedule.jump(-1)
    with pytest.raises(ValueError, match="already the current"):
        schedule.jump(0)


def test_jump_before_start_starts_there() -> None:
    schedule, _clock = small()
    schedule.jump(1)
    status = schedule.status()
    # B from 09:00 for 30, then C 60: 10:30; A passed over
    assert status.started and status.current == 1
    assert status.projected_end == at("10:30")
    assert states(status) == ["upcoming", "current", "next"]


def test_skip_a_future_session_takes_its_time_out() -> None:
    schedule, clock = small("08:50")
    action = schedule.skip(1)
    assert action.payload == {"index": 1}
    status = schedule.status()
    # 09:00 + 30 + 60 = 10:30; B sits at 09:30 with no length
    assert status.projected_end == at("10:30") and status.drift == -30 * MIN
    assert states(status) == ["next", "skipped", "upcoming"]
    assert span(status, 1) == (at("09:30"), at("09:30"))

    clock.set(at("09:00"))
    schedule.start()
    clock.advance(minutes=30)
    schedule.next()  # B is skipped: C from 09:30
    status = schedule.status()
    assert status.current == 2 and status.projected_end == at("10:30")


def test_skip_the_current_session_moves_on() -> None:
    schedule, clock = small()
    schedule.start()
    clock.advance(minutes=10)
    action = schedule.skip()
    assert action.payload == {"index": 0, "to": 1}
    status = schedule.status()
    # A skipped 09:00-09:10; B from 09:10: 09:10 + 30 + 60 = 10:40
    assert states(status) == ["skipped", "current", "next"]
    assert span(status, 0) == (at("09:00"), at("09:10"))
    assert status.projected_end == at("10:40")
    with pytest.raises(ValueError, match="already skipped"):
        schedule.skip(0)


def test_skip_errors() -> None:
    schedule, clock = small()
    with pytest.raises(ValueError, match="not started"):
        schedule.skip()
    schedule.start()
    clock.advance(minutes=30)
    schedule.next()
    with pytest.raises(ValueError, match="already done"):
        schedule.skip(0)


def test_skip_the_last_sessions_finishes_the_day() -> None:
    schedule, clock = small()
    schedule.skip(2)
    schedule.start()
    clock.advance(minutes=30)
    schedule.skip(1)
    clock.advance(minutes=1)
    schedule.next()
    # A ran 09:00-09:31; nothing left: over at 09:31
    status = schedule.status()
    assert status.finished and status.projected_end == at("09:31")


def test_start_and_jump_at_once_leave_the_first_session_unstarted() -> None:
    schedule, _clock = small()
    schedule.start()
    schedule.jump(2)  # the same moment: A never really started
    status = schedule.status()
    assert states(status) == ["upcoming", "upcoming", "current"]
    assert status.rows[0].actual_start is None and status.rows[0].actual_end is None


def test_jump_to_a_skipped_session_brings_it_back() -> None:
    schedule, _clock = small()
    schedule.skip(2)
    schedule.start()
    schedule.jump(2)
    status = schedule.status()
    assert status.current == 2 and states(status)[2] == "current"


def test_end_finishes_the_day_now() -> None:
    schedule, clock = small()
    schedule.start()
    clock.advance(minutes=40)
    schedule.end()
    status = schedule.status()
    # A ran 09:00-09:40; B and C never ran; the day ended 09:40, 80 minutes before 11:00
    assert status.finished and status.current is None
    assert states(status) == ["done", "skipped", "skipped"]
    assert status.projected_end == at("09:40") and status.drift == -80 * MIN
    clock.advance(minutes=30)
    assert schedule.status().projected_end == at("09:40")  # it stays where it ended
    with pytest.raises(ValueError, match="over"):
        schedule.end()


def test_zero_length_close_fits_at_end_of_day() -> None:
    schedule, clock = seed()
    schedule.start()
    for hhmm in SEED_TIMES[1:-1]:
        clock.set(at(hhmm))
        schedule.next()
    status = schedule.status()
    # In Sales Follow Up at 15:00, on time: End of Day starts at 16:00 with no length and fits
    assert status.current == 11
    assert status.rows[12].status == "next" and span(status, 12) == (at("16:00"), at("16:00"))
    clock.set(at("16:00"))
    schedule.next()
    status = schedule.status()
    assert status.current == 12 and status.remaining == timedelta(0)
    assert status.projected_end == at("16:00") and status.drift == timedelta(0)
    clock.advance(minutes=7)
    # The wrap-up runs 7 minutes over its zero minutes
    assert schedule.status().overtime == 7 * MIN
    assert schedule.status().drift == 7 * MIN


def test_lunch_is_one_minute_in_the_projection() -> None:
    schedule, _clock = seed("11:00")
    status = schedule.status()
    # Not started at 11:00 (three hours late): 11:00 + 480 = 19:00; Lunch 15:00-15:01
    assert span(status, 7) == (at("15:00"), at("15:01"))
    assert status.projected_end == at("19:00")


def test_invalid_actions_raise_one_line_and_change_nothing() -> None:
    schedule, _clock = small()
    with pytest.raises(ValueError, match="not started"):
        schedule.next()
    with pytest.raises(ValueError, match="not started"):
        schedule.pause()
    with pytest.raises(ValueError, match="not started"):
        schedule.end()
    schedule.start()
    with pytest.raises(ValueError, match="already started"):
        schedule.start()
    for bad in (0, -5, float("nan")):
        with pytest.raises(ValueError, match="positive number of minutes"):
            schedule.extend(bad)
    with pytest.raises(ValueError, match="not paused"):
        schedule.resume()
    schedule.pause()
    with pytest.raises(ValueError, match="already paused"):
        schedule.pause()
    assert [a.kind for a in schedule.actions] == ["start", "pause"]


def test_error_messages_are_one_line() -> None:
    schedule, _ = small()
    attempts = [schedule.next, schedule.previous, schedule.resume, lambda: schedule.jump(9),
                lambda: schedule.extend(0), schedule.end]
    for attempt in attempts:
        with pytest.raises(ValueError) as caught:
            attempt()
        assert "\n" not in str(caught.value) and str(caught.value).endswith(".")


def test_next_while_paused_starts_the_next_session_running() -> None:
    schedule, clock = small()
    schedule.start()
    clock.advance(minutes=10)
    schedule.pause()
    clock.advance(minutes=5)
    schedule.next()
    clock.advance(minutes=3)
    status = schedule.status()
    # A counted 10 (the pause is not A's time); B runs from 09:15: 3 minutes in
    assert not status.paused and status.elapsed == 3 * MIN
    assert status.rows[0].spent == 10 * MIN and status.rows[0].actual_end == at("09:15")
