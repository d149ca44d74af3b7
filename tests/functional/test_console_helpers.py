"""The console's small rules, worked out by hand: where a run is anchored, how a note keeps
its ticked questions, how figures and changes are written, how names are read."""

from __future__ import annotations

from datetime import datetime

import pytest

from tuneup_tui.agenda.model import Agenda
from tuneup_tui.run.clock import plan_anchor
from tuneup_tui.ui.dialogs.add_action import complete_name
from tuneup_tui.ui.dialogs.record_figure import figure_key, parse_value
from tuneup_tui.ui.format import change, change_style, fmt_countdown, fmt_figure
from tuneup_tui.ui.note_text import compose_note, split_note


@pytest.mark.parametrize(("now", "start_now", "anchor", "at_once"), [
    # In the day's window (07:30 to 16:00): the agenda's 08:00.
    (datetime(2026, 11, 23, 8, 10), False, datetime(2026, 11, 23, 8, 0), False),
    (datetime(2026, 11, 23, 7, 45), False, datetime(2026, 11, 23, 8, 0), False),
    # More than 30 minutes early, or after 16:00: a rehearsal starts at the next second.
    (datetime(2026, 11, 23, 7, 0, 5, 500), False, datetime(2026, 11, 23, 7, 0, 6), True),
    (datetime(2026, 11, 23, 19, 30), False, datetime(2026, 11, 23, 19, 30, 1), True),
    # --start-now inside the window.
    (datetime(2026, 11, 23, 9, 0), True, datetime(2026, 11, 23, 9, 0, 1), True),
])
def test_where_a_run_is_anchored(agenda: Agenda, now: datetime, start_now: bool,
                                 anchor: datetime, at_once: bool) -> None:
    assert plan_anchor(agenda, now, start_now=start_now) == (anchor, at_once)


def test_a_note_keeps_its_ticked_questions() -> None:
    questions = ("Which sources convert?", "Is conversion on target?", "What to record?")
    stored = compose_note("bing is weak\n", questions, {2, 0})
    assert stored == ("bing is weak\n\nQuestions covered:\n"
                      "- [x] Which sources convert?\n- [x] What to record?")
    assert split_note(stored, questions) == ("bing is weak", {0, 2})
    assert compose_note("just text", questions, set()) == "just text"
    assert split_note("just text", questions) == ("just text", set())
    assert compose_note("", questions, {1}) == (
        "Questions covered:\n- [x] Is conversion on target?")


def test_figures_and_changes_are_written_for_the_room() -> None:
    assert fmt_figure("goal_conversion_rate", 0.031) == "3.1%"
    assert fmt_figure("cost_per_lead", 1234.5) == "$1,234"  # rounded to the dollar past $100
    assert fmt_figure("cpc", 1.5) == "$1.50"
    assert fmt_figure("sessions", 21199.0) == "21,199"
    assert fmt_figure("turnover_rate", 1.26) == "1.3"  # sends per contact, not a share
    assert fmt_figure("sessions", None) == "n/a"
    # A rate moves in points: 0.9% against 3.1% is 2.2 points down.
    assert change("goal_conversion_rate", 0.009, 0.031) == ("▼", "-2.2 pts")
    # A count moves in percent: 36 against 30 is 6/30 = 20% up.
    assert change("leads_delivered", 36, 30) == ("▲", "+20%")
    assert change("leads_delivered", 4, 0) == ("▲", "+4")
    assert change("leads_delivered", 4, None) == ("", "")
    # A hair of a move (0.001 points, one lead in 10,000) keeps its arrow, says it is too small
    # to show, and is coloured neither way: it is no news.
    assert change("goal_conversion", 0.02500, 0.02501, "traffic") == ("▼", "<0.1 pts")
    assert change_style("traffic", "goal_conversion", 0.02500, 0.02501) == ""
    assert change_style("traffic", "goal_conversion", 0.009, 0.031) == "red"
    assert change("leads_delivered", 10_001, 10_000) == ("▲", "<0.1%")
    assert fmt_countdown(29 * 60 + 52) == "29:52"
    assert fmt_countdown(3600 + 4 * 60 + 10) == "1:04:10"


def test_names_and_values_are_read_as_typed() -> None:
    roster = ("Dana", "Maya", "Priya", "Sam")
    assert complete_name("da", roster) == "Dana"
    assert complete_name("PRIYA", roster) == "Priya"
    assert complete_name("Alex", roster) == "Alex"  # not in the roster: kept as typed
    assert figure_key("Expected leads to sales") == "expected_leads_to_sales"
    assert parse_value("expected_leads_to_sales", "1,234") == 1234
    assert parse_value("goal_conversion_rate", "3.1%") == pytest.approx(0.031)
    with pytest.raises(ValueError, match="expected a number"):
        parse_value("leads", "forty")


@pytest.mark.parametrize("typed", ["nan", "inf", "-inf", "1e999", "NaN%"])
def test_a_figure_that_is_not_finite_is_refused_in_the_dialog(typed: str) -> None:
    with pytest.raises(ValueError, match="finite"):
        parse_value("expected_leads_to_sales", typed)
