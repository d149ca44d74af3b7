"""Deriving shorter agendas: lengths, order, weighting, cadence, validation and round-trip."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

import pytest

from tuneup_tui.agenda.builtins import resolve_agenda
from tuneup_tui.agenda.derive import DeriveError, derive_agenda, derived_title
from tuneup_tui.agenda.load import agenda_warnings, load_agenda, loads_agenda
from tuneup_tui.agenda.model import Agenda, Role, Session
from tuneup_tui.agenda.write import dumps_agenda


def _lengths(agenda: Agenda) -> list[int]:
    return [agenda.session_length(i) for i in range(len(agenda.sessions))]


def _topics(agenda: Agenda) -> list[str]:
    return [s.topic for s in agenda.sessions]


def small_day() -> Agenda:
    """08:00 A (30), 08:30 B (30), 09:00 C (60), 10:00 Lunch (30), 10:30 D (30),
    11:00 End of Day (0, the day ends at 11:00)."""
    def s(hh: int, mm: int, topic: str, who: str = "Ops") -> Session:
        return Session(time(hh, mm), topic, who, panels=() if not who else ("traffic",))
    return Agenda(
        title="One Day Test", series="test", cadence="day", period="week",
        baseline_periods=8, end_of_day=time(11, 0),
        sessions=(s(8, 0, "A"), s(8, 30, "B"), s(9, 0, "C"), s(10, 0, "Lunch", ""),
                  s(10, 30, "D"), Session(time(11, 0), "End of Day", "Ops")),
        roles=(Role("Ops", ("Dana",)),),
    )


def test_month_without_soft_spots_by_hand() -> None:
    # 210 minutes; wrap-up 210 // 20 = 10; 200 shared by planned length: A 30, B 30, C 60, D 30
    # (Lunch dropped), total 150: A 40, B 40, C 80, D 40.
    month = derive_agenda(small_day(), "month")
    assert _topics(month) == ["A", "B", "C", "D", "End of Day"]
    assert _lengths(month) == [40, 40, 80, 40, 10]
    assert month.sessions[0].start == time(8, 0)
    assert month.end_of_day == time(11, 30)  # 08:00 + 210 minutes


def test_month_with_soft_spots_by_hand() -> None:
    # B has one soft spot: weight 30 x 3 = 90; D two: 30 x 4 = 120; A 30, C 60; total 300.
    # 200 x 30/300 = 20, x 90/300 = 60, x 60/300 = 40, x 120/300 = 80.
    month = derive_agenda(small_day(), "month", soft_spot_counts={"B": 1, "d": 2})
    assert _lengths(month) == [20, 60, 40, 80, 10]
    assert sum(_lengths(month)) == 210


def test_week_merges_clean_sessions() -> None:
    # 30 minutes; wrap-up max(3, 30 // 20) = 3; 27 shared. C has a soft spot: 60 x 3 = 180.
    # A 30, B 30, C 180, D 30 (total 270): 3, 3, 18, 3 -> all at least 3, nothing merged.
    week = derive_agenda(small_day(), "week", soft_spot_counts={"C": 1})
    assert _topics(week) == ["A", "B", "C", "D", "End of Day"]
    assert _lengths(week) == [3, 3, 18, 3, 3]
    # With 20 minutes: wrap-up 3, 17 shared. 17 x 30/270 = 1.9 < 3, so the clean pair A, B
    # merges (a merged block weighs its heaviest part: 30). AB 30, C 180, D 30 (240):
    # 17 x 30/240 = 2.1 < 3; no clean pair is left, the pair with fewest sessions is C, D
    # (weight 180). AB 30, CD 180 (210): 17 x 30/210 = 2.4 < 3, so all four become one block.
    short = derive_agenda(small_day(), "week", minutes=20, soft_spot_counts={"C": 1})
    assert _topics(short) == ["A, B, C and D", "End of Day"]
    assert _lengths(short) == [17, 3]


def test_soft_spot_sessions_get_more_than_clean_ones_in_the_seed() -> None:
    seed = load_agenda(resolve_agenda("one-day-tuneup"))
    counts = {"Traffic Study": 1, "Paid Programs": 2}
    for cadence, total in (("month", 210), ("week", 30)):
        derived = derive_agenda(seed, cadence, soft_spot_counts=counts)  # type: ignore[arg-type]
        lengths = dict(zip(_topics(derived), _lengths(derived), strict=True))
        assert sum(lengths.values()) == total
        # a clean session squeezed between two with soft spots may join one of them
        clean = [n for t, n in lengths.items()
                 if not any(c in t for c in counts) and t != "End of Day"]
        for topic in counts:
            block = next(n for t, n in lengths.items() if topic in t)
            assert block > max(clean)
        assert "Lunch" not in lengths


def test_order_is_kept_and_starts_are_whole_minutes() -> None:
    seed = load_agenda(resolve_agenda("one-day-tuneup"))
    for cadence in ("month", "week"):
        derived = derive_agenda(seed, cadence)  # type: ignore[arg-type]
        original = [t for t in _topics(seed) if t != "Lunch"]
        joined = " | ".join(_topics(derived))
        # every original topic is there, in the original order (merged topics hold several)
        positions = [joined.index(t) for t in original]
        assert positions == sorted(positions)
        assert derived.sessions[0].start == seed.sessions[0].start
        assert all(s.start.second == 0 for s in derived.sessions)
        assert all(n >= (5 if cadence == "month" else 3) for n in _lengths(derived))


@pytest.mark.parametrize("cadence,baseline", [("month", 3), ("week", 8)])
def test_period_baseline_series_and_round_trip(cadence: str, baseline: int) -> None:
    seed = load_agenda(resolve_agenda("one-day-tuneup"))
    derived = derive_agenda(seed, cadence, soft_spot_counts={"Nurturing": 3})  # type: ignore[arg-type]
    assert (derived.cadence, derived.period, derived.baseline_periods) == (
        cadence, cadence, baseline)
    assert derived.series == seed.series and derived.roles == seed.roles
    assert derived.title.startswith("Monthly " if cadence == "month" else "Weekly ")
    assert loads_agenda(dumps_agenda(derived), "derived.toml") == derived
    assert agenda_warnings(derived) == []


def test_merged_sessions_keep_panels_questions_and_figures() -> None:
    seed = load_agenda(resolve_agenda("one-day-tuneup"))
    week = derive_agenda(seed, "week")
    panels = [p for s in week.sessions for p in s.panels]
    records = [r for s in week.sessions for r in s.record]
    assert set(panels) == {p for s in seed.sessions for p in s.panels}
    assert sorted(records) == sorted(r for s in seed.sessions for r in s.record)


@pytest.mark.parametrize("cadence", ["month", "week"])
def test_the_scorecard_opens_a_shorter_agenda(cadence: str) -> None:
    # the day shows it at End of Day; the shorter agendas show it first, once
    seed = load_agenda(resolve_agenda("one-day-tuneup"))
    assert seed.sessions[-1].panels[0] == "scorecard"
    derived = derive_agenda(seed, cadence)  # type: ignore[arg-type]
    assert derived.sessions[0].panels[0] == "scorecard"
    assert [p for s in derived.sessions for p in s.panels].count("scorecard") == 1


def test_too_short_and_late_starts() -> None:
    with pytest.raises(DeriveError, match="too short"):
        derive_agenda(small_day(), "month", minutes=9)
    late = small_day()
    evening = replace(late, sessions=tuple(replace(s, start=time(22, s.start.minute))
                                           for s in late.sessions[:1]), end_of_day=time(23, 0))
    moved = derive_agenda(evening, "week")  # 22:00 + 30 minutes ends before midnight
    assert moved.sessions[0].start == time(22, 0)
    long = derive_agenda(evening, "month", minutes=300)  # 22:00 + 300 passes midnight
    assert long.sessions[0].start == time(9, 0)


def test_titles() -> None:
    assert derived_title("One Day Sales Tune Up", "month") == "Monthly Sales Tune Up"
    assert derived_title("Monthly Sales Tune Up", "week") == "Weekly Sales Tune Up"
    assert derived_title("Our review", "week") == "Our review (weekly)"
    assert derived_title("Our review (monthly)", "week") == "Our review (weekly)"
