"""The `--as-of` date every command that reads a review period takes."""

from __future__ import annotations

from datetime import date

from tuneup_tui.cli import CliError


def as_of_date(text: str | None, default: date | None = None) -> date:
    """The run's date from `--as-of` (YYYY-MM-DD); `default` (else today) when not given.

    A malformed date is a one-line CliError, exit code 2.
    """
    if text is None:
        return default if default is not None else date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(
            f"--as-of: expected a date as YYYY-MM-DD (like 2026-11-23), found {text!r}"
        ) from None
