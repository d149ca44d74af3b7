"""Compressing the rest of the day, with every new time worked out by hand."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda, Session
from tuneup_tui.agenda.schedule import Schedule

DAY = datetime(2026, 11, 23)
MIN = timedelta(minutes=1)
SEED_TIMES = ("08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "12:00", "12:01",
              "13:00", "14:00", "15:00", "16:00")


def at(hhmm: str) -> datetime:
    h, m = hhmm.split(":")
    return DAY.replace(hour=int(h), minute=int(m))


def make_agenda(times: tuple[str, ...], end: str) -> Agenda:
    def clock_time(text: str) -> time:
        h, m = text.split(":")
        return time(int(h), int(m))

    return Agenda(title="Tune Up", series="ops", cadence="day", period="week",
                  baseline_periods=8, end_of_day=clock_time(end),
                  sessions=tuple(Session(start=clock_time(t), topic=f"S{i}")
                                 for i, t in enumerate(times)))


SMALL = make_agenda(("09:00", "09:30", "10:00"), "11:00")  # 30, 30, 60
SEED = make_agenda(SEED_TIMES, "16:00")


def hhmm(moment: datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def test_compress_after_running_14_minutes_late_on_the_seed_day() -> None:
    clock = FakeClock(at("08:00"))
    schedule = Schedule(SEED, clock, anchor=at("08:00"))
    schedule.start()
    clock.set(at("08:44"))
    # 44 minutes into the 30-minute opener: 08:44 + 450 = 16:14
    assert schedule.status().projected_end == at("16:14")

    plan = schedule.preview_compress()
    # available = 16:00 - 08:44 = 436 minutes for 450 (30 x 5, 60, 1, 59, 60 x 3, 0).
    # 436/450 would take Lunch below its 1-minute floor: Lunch stays 1, the rest share 435.
    # 435/449 = 0.96882: 30 -> 29.06, 60 -> 58.13, 59 -> 57.16, 0 -> 0; rounded down:
    # 29 x 5 + 58 x 4 + 57 + 1 = 435, one minute short of 436: it goes back to Lead Scoring
    # (57.16 lost the most), 58. Total 436: the day ends 16:00.
    assert plan.fits and plan.changes
    assert dict(plan.lengths) == {1: 29, 2: 29, 3: 29, 4: 29, 5: 29, 6: 58, 7: 1, 8: 58, 9: 58,
                                  10: 58, 11: 58, 12: 0}
    assert [(hhmm(r.start), r.minutes, hhmm(r.end)) for r in plan.rows] == [
        ("08:44", 29, "09:13"), ("09:13", 29, "09:42"), ("09:42", 29, "10:11"),
        ("10:11", 29, "10:40"), ("10:40", 29, "11:09"), ("11:09", 58, "12:07"),
        ("12:07", 1, "12:08"), ("12:08", 58, "13:06"), ("13:06", 58, "14:04"),
        ("14:04", 58, "15:02"), ("15:02", 58, "16:00"), ("16:00", 0, "16:00"),
    ]
    assert plan.projected_end == at("16:00")
    assert plan.message == "The remaining 12 sessions shrink by 14 minutes; the day ends at 16:00."
    assert plan.minutes_before[6] == 60
    # the preview changed nothing
    assert schedule.status().projected_end == at("16:14")

    action, applied = schedule.compress()
    assert applied == plan
    assert action.kind == "compress" and action.at == at("08:44")
    assert action.payload == {"lengths": {"1": 29, "2": 29, "3": 29, "4": 29, "5": 29, "6": 58,
                                          "7": 1, "8": 58, "9": 58, "10": 58, "11": 58,
                                          "12": 0}}
    status = schedule.status()
    assert status.projected_end == at("16:00") and status.drift == timedelta(0)
    assert "wont_fit" not in [r.status for r in status.rows]


def test_compress_before_the_start_when_starting_late() -> None:
    clock = FakeClock(at("09:10"))
    schedule = Schedule(SMALL, clock, anchor=at("09:00"))
    # not started at 09:10: 120 minutes from 09:10 end at 11:10; available 110.
    # 110/120: 27.5, 27.5, 55 -> 27, 27, 55 = 109; the lost minute goes to the first of the
    # two equal losses (A): 28, 27, 55 = 110, ending 11:00.
    plan = schedule.preview_compress()
    assert plan.fits and dict(plan.lengths) == {0: 28, 1: 27, 2: 55}
    assert plan.message == "The remaining 3 sessions shrink by 10 minutes; the day ends at 11:00."
    schedule.compress()
    schedule.start()
    assert schedule.status().projected_end == at("11:00")


def test_compress_that_cannot_fit_says_so_with_numbers() -> None:
    clock = FakeClock(at("08:00"))
    schedule = Schedule(SEED, clock, anchor=at("08:00"))
    schedule.start()
    for moment in SEED_TIMES[1:11]:
        clock.set(at(moment))
        schedule.next()
    # Leads to Sales (60) from 14:00; at 14:37 extended by 67: allotted 127, elapsed 37, 90 left
    clock.set(at("14:37"))
    schedule.extend(67)
    # floors after it: Sales Follow Up min(60, 5) = 5, End of Day 0.
    # needs 90 + 5 + 0 = 95 minutes from 14:37: 16:12, 12 minutes late
    plan = schedule.preview_compress()
    assert not plan.fits
    assert plan.message == ("The rest of the day needs at least 95 minutes; it would end at"
                            " 16:12, 12 minutes late.")
    assert dict(plan.lengths) == {11: 5, 12: 0}
    assert [r.status for r in plan.rows] == ["wont_fit", "wont_fit"]
    assert plan.projected_end == at("16:12")

    action, applied = schedule.compress()  # the floors are applied anyway
    assert not applied.fits and action.payload == {"lengths": {"11": 5, "12": 0}}
    status = schedule.status()
    assert status.projected_end == at("16:12") and status.drift == 12 * MIN
    # Everything after it is at its floor now: a second compress has nothing to change
    again = schedule.preview_compress()
    assert not again.changes and again.message.startswith("The rest of the day needs at least 95")
    _, applied = schedule.compress()
    assert not applied.changes and schedule.status() == status


def test_compress_when_on_time_changes_nothing() -> None:
    clock = FakeClock(at("09:00"))
    schedule = Schedule(SMALL, clock, anchor=at("09:00"))
    schedule.start()
    clock.set(at("09:20"))
    plan = schedule.preview_compress()
    # 09:20 + 10 + 30 + 60 = 11:00: on time
    assert plan.fits and not plan.changes and plan.lengths == {}
    assert plan.message == "The day is on time (it ends at 11:00): nothing to compress."
    before = schedule.status()
    action, applied = schedule.compress()
    # compress says the same and changes nothing (its record replays as nothing)
    assert applied == plan and action.payload == {"lengths": {}}
    assert schedule.status() == before


def test_compress_after_a_jump_to_the_last_session_on_time() -> None:
    clock = FakeClock(at("09:00"))
    schedule = Schedule(SMALL, clock, anchor=at("09:00"))
    schedule.start()
    schedule.jump(2)
    clock.set(at("10:05"))  # C from 09:00 for 60, over by 5: the day ends 10:05, early
    plan = schedule.preview_compress()
    assert plan.fits and not plan.changes and plan.rows == ()
    assert plan.message == "The day is on time (it ends at 10:05): nothing to compress."


def test_compress_with_nothing_left_and_late() -> None:
    clock = FakeClock(at("09:00"))
    schedule = Schedule(SMALL, clock, anchor=at("09:00"))
    schedule.start()
    clock.set(at("09:30"))
    schedule.next()
    clock.set(at("10:00"))
    schedule.next()
    clock.set(at("11:07"))  # C over by 7: the day ends 11:07 and nothing can shrink
    plan = schedule.preview_compress()
    assert not plan.fits and not plan.changes
    assert plan.message == ("Nothing is left after the current session to compress; the day"
                            " ends at 11:07, 7 minutes late.")
    _, applied = schedule.compress()
    assert not applied.changes and schedule.status().projected_end == at("11:07")


def test_compress_shrinks_the_longer_sessions_more_and_keeps_floors() -> None:
    clock = FakeClock(at("09:00"))
    schedule = Schedule(SMALL, clock, anchor=at("09:00"), min_minutes=10)
    schedule.start()
    clock.set(at("10:20"))
    # A over by 50 at 10:20; B 30 and C 60 must fit in 40.
    # 40/90: 13.33 and 26.67, both above the 10-minute floor: 13 + 26 = 39, one back to C
    # (lost .67): 13 + 27 = 40.
    plan = schedule.preview_compress()
    assert dict(plan.lengths) == {1: 13, 2: 27}
    clock.set(at("10:40"))
    # 20 left for 90: 6.67 and 13.33: B hits its floor of 10, C takes the other 10.
    plan = schedule.preview_compress()
    assert dict(plan.lengths) == {1: 10, 2: 10} and plan.fits
    assert plan.projected_end == at("11:00")


def test_compress_counts_time_already_spent_in_a_waiting_session() -> None:
    clock = FakeClock(at("09:00"))
    schedule = Schedule(SMALL, clock, anchor=at("09:00"))
    schedule.start()
    clock.set(at("09:30"))
    schedule.next()  # B from 09:30
    clock.set(at("09:50"))
    schedule.previous()  # back to A at 09:50 (30 of 30 used); B keeps 20 used, 10 left
    clock.set(at("10:15"))
    # A over by 25; waiting: B 10 left, C 60: 10:15 + 70 = 11:25. Available 45.
    # 45/70: B 6.43 left, C 38.57; B's allotted 20 + 6.43 = 26.43 -> 26, C 38;
    # 6 + 38 = 44, one back to C (lost .57 against .43): 39. 6 + 39 = 45.
    plan = schedule.preview_compress()
    assert dict(plan.lengths) == {1: 26, 2: 39}
    assert plan.projected_end == at("11:00")


def test_replayed_compress_uses_the_stored_lengths() -> None:
    clock = FakeClock(at("08:00"))
    schedule = Schedule(SEED, clock, anchor=at("08:00"))
    schedule.start()
    clock.set(at("08:44"))
    schedule.compress()
    clock.set(at("09:00"))
    restored = Schedule.restore(SEED, clock, anchor=at("08:00"), mode="facilitator",
                                actions=schedule.actions)
    assert restored.status() == schedule.status()
    assert [r.minutes for r in restored.status().rows][7:9] == [1, 58]


def test_compress_never_lengthens_a_session_that_ran_over_and_was_left() -> None:
    from datetime import datetime, time

    from tuneup_tui.agenda.clock import FakeClock
    from tuneup_tui.agenda.model import Agenda, Session
    from tuneup_tui.agenda.schedule import Schedule

    # Three sessions from 09:00: A 0 min, B 0 min (same start), C 1 min; the day ends 09:01.
    agenda = Agenda(title="t", series="s", cadence="day", period="week", baseline_periods=8,
                    end_of_day=time(9, 1),
                    sessions=(Session(time(9, 0), "A"), Session(time(9, 0), "B"),
                              Session(time(9, 0), "C")))
    anchor = datetime(2026, 11, 23, 9, 0)
    clock = FakeClock(anchor)
    schedule = Schedule(agenda, clock, anchor=anchor, min_minutes=0)
    schedule.start()
    schedule.next()                 # B from 09:00, allotted 0 minutes
    clock.advance(minutes=1)        # B has spent 1 minute: 1 over
    schedule.previous()             # back to A; B waits with 1 minute spent of 0
    _, plan = schedule.compress()
    # B keeps its 0 minutes: nothing is handed back to a session that already ran over.
    assert plan.lengths.get(1, 0) <= 0
