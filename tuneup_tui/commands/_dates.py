"""The `--as-of` date every command that reads a review period takes."""

from __future__ import annotations

from datetime import date

from tuneup_tui.commands.errors import CliError

EARLIEST_AS_OF = date(1970, 1, 1)
LATEST_AS_OF = date(2199, 12, 31)
"""The dates a run may be as of: exports carry dates pandas holds (1677 to 2262), and a review
period and its baseline reach back months before the run's date, so the ends of the calendar
(0001-01-01, 9999-12-31) are refused with a message instead of overflowing in the arithmetic."""


def as_of_date(text: str | None, default: date | None = None) -> date:
    """The run's date from `--as-of` (YYYY-MM-DD); `default` (else today) when not given.

    A malformed date, or one outside EARLIEST_AS_OF..LATEST_AS_OF, is a one-line CliError, exit
    code 2.
    """
    if text is None:
        return default if default is not None else date.today()
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(
            f"--as-of: expected a date as YYYY-MM-DD (like 2026-11-23), found {text!r}"
        ) from None
    if not EARLIEST_AS_OF <= day <= LATEST_AS_OF:
        raise CliError(f"--as-of: {day.isoformat()} is out of range; expected a date from "
                       f"{EARLIEST_AS_OF.isoformat()} to {LATEST_AS_OF.isoformat()}")
    return day
