"""One console per run: a lock the facilitator's console holds on its run while it is open.

Two consoles driving one run (`run --start-now` in one terminal, `run --resume` in another)
each replayed the other's moves onto its own idea of the day and landed on a session neither
showed. The console takes this lock when it opens a run; a second console on the same run is
refused in one line naming the first (its process id, host and since when). Attendees
(`tuneup log`, `tuneup attend`, the served page) never take it: they add items, not moves.

The lock is `flock` on `locks/run-<id>.lock` beside the store (owner-only): the kernel lets it
go when the process ends, however it ends (kill -9 included), so a crash never leaves a run
locked. Consoles on other machines sharing a PostgreSQL store are not seen by it.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from tuneup_tui import paths
from tuneup_tui.fsutil import private_folder

try:
    import fcntl
except ImportError:  # Windows: no flock; one console per run is then the facilitator's care
    fcntl = None  # type: ignore[assignment]


class RunInUse(Exception):
    """Another console has the run open; the message, one line, names it."""


class ConsoleLock:
    """The lock on one run, held until `release` (or the process ends)."""

    def __init__(self, run_id: int, fd: int | None) -> None:
        self.run_id = run_id
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file lets the flock go
            self._fd = None


def lock_file(run_id: int) -> Path:
    return paths.data_dir() / "locks" / f"run-{run_id}.lock"


def take_console_lock(run_id: int) -> ConsoleLock:
    """Hold run `run_id` for this console; RunInUse when another console holds it."""
    if fcntl is None:
        return ConsoleLock(run_id, None)
    path = lock_file(run_id)
    private_folder(path.parent)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 400, 0).decode("utf-8", "replace").strip()
        os.close(fd)
        raise RunInUse(f"run {run_id} is open in another console ({holder or 'holder unknown'})"
                       "; quit it there first, or follow the run with `tuneup attend`") from None
    except BaseException:
        os.close(fd)
        raise
    since = datetime.now().astimezone().isoformat(timespec="seconds")
    holder = f"pid {os.getpid()} on {os.uname().nodename} since {since}"
    os.ftruncate(fd, 0)
    os.pwrite(fd, holder.encode("utf-8"), 0)
    return ConsoleLock(run_id, fd)


def check_free(run_id: int) -> None:
    """RunInUse when another console holds run `run_id`; nothing is kept held."""
    take_console_lock(run_id).release()
