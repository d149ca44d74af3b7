"""The command line's one error boundary: whatever goes wrong ends as one line and exit code 2.

Commands raise `CliError` for what they check themselves. Whatever else reaches here from the
layers below (a damaged store, a file that cannot be read, a number or date out of range, text
that is not UTF-8) is still the user's situation, not a bug to show as a traceback: it is said
in one line naming what failed. A reader that stops early (`tuneup actions --json | head`) is
not an error at all.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Callable

from tuneup_tui.commands.errors import CliError
from tuneup_tui.store.errors import StoreError
from tuneup_tui.textsafe import visible_line


def guarded(command: Callable[[], int]) -> int:
    """Run `command`; its exit code, or 2 with one line on stderr for any failure listed above."""
    try:
        code = command()
        # Flush here, inside the boundary: a pipe closed early fails on this write, not at exit.
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
    except (CliError, StoreError) as err:
        return _fail(str(err))
    except sqlite3.Error as err:
        return _fail(f"the run store could not be read or written ({err}); it is kept as it "
                     "is: `tuneup store check` says more")
    except UnicodeError as err:
        return _fail(f"text that is not valid UTF-8 ({_reason(err)}); tuneup reads and "
                     "writes UTF-8")
    except OSError as err:
        return _fail(_os_error(err))
    except OverflowError as err:
        return _fail(f"a number or date out of range ({err})")
    except MemoryError:
        return _fail("not enough memory for this; try a smaller input")


def check_arguments(words: list[str]) -> None:
    """Refuse command-line words that are not UTF-8 (Python keeps their bytes as surrogates)."""
    for position, word in enumerate(words, 1):
        try:
            word.encode("utf-8")
        except UnicodeEncodeError:
            shown = word.encode("utf-8", "surrogateescape").decode("ascii", "backslashreplace")
            raise CliError(f"argument {position} ({shown}) is not valid UTF-8 text") from None


def _fail(message: str) -> int:
    # When stderr itself is gone, the exit code still says it.
    with contextlib.suppress(OSError):
        print(f"tuneup: {visible_line(' '.join(message.splitlines()))}", file=sys.stderr,
              flush=True)
    return 2


def _os_error(err: OSError) -> str:
    what = err.strerror or str(err)
    if err.filename is None:
        return what
    target = f" -> {err.filename2}" if err.filename2 is not None else ""
    return f"{err.filename}{target}: {what}"


def _reason(err: UnicodeError) -> str:
    return getattr(err, "reason", None) or str(err)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's own flush at exit finds no closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
