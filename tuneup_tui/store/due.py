"""Reading an action item's due date as people type it, the same way everywhere.

The facilitator's add-action form, the attendee app and `tuneup log --due` all take: a date
("2026-12-04"), a number of days ahead ("+10"), a weekday ("fri", "friday": the next one, never
today), "today" or "tomorrow". Empty means no due date. A date before today is refused: an item
is given a due date when it is agreed, and a date already gone is a typo.
"""

from __future__ import annotations

from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
EXPECTED = "expected a date like 2026-12-04, +N days, a weekday, today or tomorrow"
HORIZON_YEARS = 5
HINT = "a date (2026-12-04), +N days, a weekday (fri), today or tomorrow"
"""What the due-date fields and `--due` say they take."""


class DueDateError(ValueError):
    """A due date that can't be read, or one in the past; the message is one line."""


def read_due(text: str, today: date) -> date | None:
    """The due date `text` means on `today`; None when empty; DueDateError otherwise."""
    typed = text.strip()
    word = typed.casefold()
    if not word:
        return None
    due = _relative(word, today)
    if due is None:
        try:
            due = date.fromisoformat(typed)
        except ValueError:
            raise DueDateError(f"due date {typed!r}: {EXPECTED}") from None
    if due < today:
        raise DueDateError(f"due date {due.isoformat()} is in the past "
                           f"(today is {today.isoformat()})")
    latest = latest_due(today)
    if due > latest:
        raise DueDateError(f"due date {due.isoformat()} is more than {HORIZON_YEARS} years "
                           f"ahead; expected one by {latest.isoformat()}")
    return due


def latest_due(today: date) -> date:
    """The last due date taken on `today`: HORIZON_YEARS ahead (28 February for a 29th)."""
    try:
        return today.replace(year=today.year + HORIZON_YEARS)
    except ValueError:
        return today.replace(year=today.year + HORIZON_YEARS, day=28)


def _relative(word: str, today: date) -> date | None:
    """"+N", "today", "tomorrow" or a weekday (three letters or more); None for anything else."""
    if word.startswith("+") and word[1:].isdigit():
        try:
            return today + timedelta(days=int(word[1:]))
        except OverflowError:  # "+99999999": past the last date there is
            raise DueDateError(f"due date {word!r}: too far ahead") from None
    if word == "today":
        return today
    if word == "tomorrow":
        return today + timedelta(days=1)
    if len(word) >= 3:
        for index, day in enumerate(WEEKDAYS):
            if day.startswith(word):
                ahead = (index - today.weekday()) % 7 or 7
                return today + timedelta(days=ahead)
    return None
