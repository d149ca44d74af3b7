"""The error every command raises for a mistake of the user's (its own module, so commands and
the command line's boundary share it without importing the command line back)."""

from __future__ import annotations

from pathlib import Path


class CliError(Exception):
    """A user error: printed as one line, exit code 2, no traceback."""


def refuse_special_dest(dest: Path) -> None:
    """A CliError when the file to write is a device, a pipe or another special file."""
    from tuneup_tui.fsutil import FileRefused, refuse_special_target

    try:
        refuse_special_target(dest)
    except FileRefused as err:
        raise CliError(f"{dest}: {err.strerror}") from None
