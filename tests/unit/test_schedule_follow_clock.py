"""The schedule engine following the clock: the current session is the one whose window holds now.

Small agenda: 09:00 A, 09:30 B, 10:00 C, end 11:00 (30, 30, 60 minutes), anchored at 09:00.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda, Session
from tuneup_tui.agenda.schedule import Schedule, ScheduleStatus

DAY = datetime(2026, 11, 23)
MIN = timedelta(minutes=1)
SEED_TIMES = ("08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "12:00", "12:01",
              "13:00", "14:00", "15:00", "16:00")


def at(hhmm: str, seconds: int = 0) -> datetime:
    h, m = hhmm.split(":")
    return DAY.replace(hour=int(h), minute=int(m), second=seconds)


def make_agenda(times: tuple[str, ...], end: str) -> Agenda:
    def clock_time(text: str) -> time:
        h, m = text.split(":")
        return time(int(h), int(m))

    return Agenda(title="Tune Up", series="ops", cadence="day", period="week",
                  baseline_periods=8, end_of_day=clock_time(end),
                  sessions=tuple(Session(start=clock_time(t), topic=f"S{i}")
                                 for i, t in enumerate(times)))


SMALL = make_agenda(("09:00", "09:30", "10:00"), "11:00")
SEED = make_agenda(SEED_TIMES, "16:00")


def following(now: str, agenda: Agenda = SMALL, anchor: str = "09:00") -> tuple[Schedule,
                                                                                  FakeClock]:
    clock = FakeClock(at(now))
    return Schedule(agenda, clock, anchor=at(anchor), mode="follow_clock"), clock


def states(status: ScheduleStatus) -> list[str]:
    return [r.status for r in status.rows]


def test_before_the_first_window_nothing_is_current() -> None:
    schedule, _ = following("08:50")
    status = schedule.status()
    assert status.current is None and not status.started and status.mode == "follow_clock"
    assert status.projected_end == at("11:00")


def test_the_clock_moves_the_day() -> None:
    schedule, clock = following("09:10")
    status = schedule.status()
    # A's window is 09:00-09:30: 10 minutes in, 20 left
    assert status.current == 0 and status.started
    assert status.elapsed == 10 * MIN and status.remaining == 20 * MIN
    assert status.rows[0].actual_start == at("09:00")

    clock.set(at("09:45"))
    status = schedule.status()
    # B's window 09:30-10:00: 15 in; A done 09:00-09:30
    assert status.current == 1 and status.elapsed == 15 * MIN
    assert states(status) == ["done", "current", "next"]
    assert status.rows[0].actual_end == at("09:30")
    assert status.overtime == timedelta(0)

    clock.set(at("11:00"))
    status = schedule.status()
    # C's window closes at 11:00: the day is over, on time
    assert status.finished and status.current is None
    assert status.projected_end == at("11:00") and status.drift == timedelta(0)
    assert states(status) == ["done", "done", "done"]


def test_extend_moves_the_windows_after_it() -> None:
    schedule, clock = following("09:10")
    schedule.extend(10)
    clock.set(at("09:45"))
    status = schedule.status()
    # A ends 09:40 (30 + 10); B from 09:40: 5 in; 09:40 + 30 + 60 = 11:10
    assert status.current == 1 and status.elapsed == 5 * MIN
    assert status.rows[1].actual_start == at("09:40")
    assert status.projected_end == at("11:10") and status.drift == 10 * MIN


def test_skip_a_future_session_pulls_the_rest_earlier() -> None:
    schedule, clock = following("09:10")
    schedule.skip(1)
    clock.set(at("09:35"))
    status = schedule.status()
    # B skipped: C from 09:30, 5 in; ends 10:30
    assert status.current == 2 and status.elapsed == 5 * MIN
    assert status.projected_end == at("10:30")
    assert states(status) == ["done", "skipped", "current"]


def test_next_shifts_the_plan_so_the_next_session_starts_now() -> None:
    schedule, clock = following("09:10")
    schedule.next()
    clock.set(at("09:45"))
    status = schedule.status()
    # B from 09:10 to 09:40, then C from 09:40: 5 in; the day ends 10:40
    assert status.current == 2 and status.elapsed == 5 * MIN
    assert status.rows[1].actual_start == at("09:10") and status.rows[1].actual_end == at("09:40")
    assert status.projected_end == at("10:40")


def test_pause_holds_the_window() -> None:
    schedule, clock = following("09:10")
    schedule.pause()
    clock.set(at("09:20"))
    # paused 10 minutes: the projected end moves 10 minutes later
    assert schedule.status().projected_end == at("11:10")
    schedule.resume()
    clock.set(at("09:45"))
    status = schedule.status()
    # A: 10 before the pause + 20 after 09:20 = ends 09:40; B 5 in
    assert status.current == 1 and status.elapsed == 5 * MIN
    assert status.rows[0].actual_end == at("09:40")


def test_start_early_starts_the_windows_now() -> None:
    schedule, clock = following("08:50")
    schedule.start()
    clock.set(at("09:25"))
    status = schedule.status()
    # A 08:50-09:20, B from 09:20: 5 in
    assert status.current == 1 and status.elapsed == 5 * MIN
    assert status.projected_end == at("10:50")


def test_start_while_the_clock_opened_first_session_runs_begins_the_day_now() -> None:
    schedule, _clock = following("09:05")
    schedule.start()
    status = schedule.status()
    # the first session starts over at 09:05: 30 left; 09:05 + 120 = 11:05
    assert status.current == 0 and status.elapsed == timedelta(0)
    assert status.rows[0].actual_start == at("09:05")
    assert status.projected_end == at("11:05")
    with pytest.raises(ValueError, match="already started"):
        schedule.start()


def test_start_after_a_session_ran_by_the_clock_is_refused() -> None:
    schedule, _ = following("09:35")
    with pytest.raises(ValueError, match="already started"):
        schedule.start()


def test_start_at_the_anchor_with_start_now_changes_nothing() -> None:
    # A rehearsal anchored at the moment it starts: the console may press start at once.
    schedule, clock = following("09:00")
    schedule.start()
    clock.set(at("09:10"))
    status = schedule.status()
    assert status.current == 0 and status.elapsed == 10 * MIN
    assert status.rows[0].actual_start == at("09:00")


def test_previous_gives_the_session_a_fresh_window() -> None:
    schedule, clock = following("09:45")
    schedule.previous()  # B 09:30-09:45; A again from 09:45 with its whole 30 minutes
    clock.set(at("10:00"))
    status = schedule.status()
    # A 15 in, 15 left; B waits with its 30; 10:00 + 15 + 30 + 60 = 11:45 (C: past 11:00)
    assert status.current == 0 and status.elapsed == 15 * MIN and status.remaining == 15 * MIN
    assert states(status) == ["current", "next", "wont_fit"]
    assert status.projected_end == at("11:45")
    assert status.rows[0].spent == 45 * MIN  # 30 in its first window + 15


def test_jump_and_compress_in_follow_clock() -> None:
    schedule, clock = following("09:10")
    schedule.extend(20)
    # A ends 09:50; 09:50 + 30 + 60 = 11:20. Compress to fit B and C into 70 minutes:
    # 70/90: 23.33 and 46.67 -> 23 + 46 = 69, one back to C (lost .67): 23 + 47 = 70
    _, plan = schedule.compress()
    assert dict(plan.lengths) == {1: 23, 2: 47} and plan.projected_end == at("11:00")
    clock.set(at("10:14"))
    status = schedule.status()
    # A 09:00-09:50, B 09:50-10:13, C from 10:13: 1 in
    assert status.current == 2 and status.elapsed == 1 * MIN
    assert status.projected_end == at("11:00")

    schedule.jump(1)
    clock.set(at("10:20"))
    status = schedule.status()
    # B again from 10:14 with its 23 minutes (fresh window); C done (left by the jump)
    assert status.current == 1 and status.elapsed == 6 * MIN and status.remaining == 17 * MIN
    assert states(status) == ["done", "current", "done"]


def test_the_seed_day_by_the_clock() -> None:
    schedule, clock = following("12:00", SEED, "08:00")
    clock.set(at("12:00", 30))
    status = schedule.status()
    # Lunch 12:00-12:01: 30 s in
    assert status.current == 7 and status.remaining == timedelta(seconds=30)
    clock.set(at("15:59"))
    assert schedule.status().current == 11
    clock.set(at("16:00"))
    status = schedule.status()
    # End of Day has no length: at 16:00 it starts and ends, and the day is over on time
    assert status.finished and status.drift == timedelta(0)
    assert status.rows[12].status == "done"
    assert status.rows[12].actual_start == status.rows[12].actual_end == at("16:00")


def test_a_run_opened_late_in_the_day_picks_up_where_the_clock_is() -> None:
    schedule, _ = following("10:10", SEED, "08:00")
    status = schedule.status()
    # 10:10 is in Referring Sites (10:00-10:30); the four before it ran by the clock
    assert status.current == 4 and status.elapsed == 10 * MIN
    assert states(status)[:5] == ["done", "done", "done", "done", "current"]
    assert status.projected_end == at("16:00")


def test_status_does_not_change_the_day() -> None:
    schedule, clock = following("09:45")
    schedule.status()
    clock.set(at("09:10"))  # a clock set back shows the day as it was then
    assert schedule.status().current == 0
