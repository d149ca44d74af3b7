"""Due dates read one way in the console, the attendee app and `tuneup log` (store/due.py)."""

from __future__ import annotations

from datetime import date

import pytest

from tuneup_tui.store.due import DueDateError, read_due

MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(("typed", "due"), [
    ("fri", date(2026, 11, 27)),         # Monday 23rd + 4 days
    ("Friday", date(2026, 11, 27)),
    ("monday", date(2026, 11, 30)),      # the next Monday, never today
    ("sun", date(2026, 11, 29)),         # + 6 days
    ("+10", date(2026, 12, 3)),          # 23 + 10 = 33 = December 3rd
    ("+0", MONDAY),
    ("today", MONDAY),
    (" Tomorrow ", date(2026, 11, 24)),
    ("2026-12-04", date(2026, 12, 4)),
    (" 2026-11-23 ", MONDAY),           # today itself is fine
])
def test_due_dates_are_read_as_people_type_them(typed: str, due: date) -> None:
    assert read_due(typed, MONDAY) == due


@pytest.mark.parametrize("typed", ["", "   "])
def test_an_empty_due_date_is_no_due_date(typed: str) -> None:
    assert read_due(typed, MONDAY) is None


@pytest.mark.parametrize(("typed", "message"), [
    ("next week", "due date 'next week': expected a date like 2026-12-04, +N days, a weekday, "
                  "today or tomorrow"),
    ("fr", "due date 'fr': expected"),   # two letters could be Friday or nothing: refused
    ("12/1", "due date '12/1': expected"),
    ("2026-11-20", "due date 2026-11-20 is in the past (today is 2026-11-23)"),
    ("+99999999", "due date '+99999999': too far ahead"),
])
def test_unreadable_or_past_due_dates_are_one_line_errors(typed: str, message: str) -> None:
    with pytest.raises(DueDateError) as caught:
        read_due(typed, MONDAY)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)
