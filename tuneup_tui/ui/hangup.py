"""A console told to stop (SIGTERM: `kill`, a logout, a shutdown; SIGHUP: its terminal closed)
quits as ctrl+q does, so the note being typed is saved first instead of lost.

The handlers are the event loop's (`add_signal_handler`), so they run between the app's own
steps, never in the middle of one; they are put back as they were when the console ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tuneup_tui.store.console_lock import ConsoleLock

STOP_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def on_stop_signals(save: Callable[[], object], quit_app: Callable[[], object]
                    ) -> Callable[[], None]:
    """On SIGTERM or SIGHUP: `save` at once, then `quit_app`. Returns what undoes it."""

    def stop() -> None:
        try:
            save()
        finally:
            quit_app()

    loop = asyncio.get_running_loop()
    installed: list[tuple[signal.Signals, Any]] = []
    for sig in STOP_SIGNALS:
        # Not the main thread, or no such signal here (Windows): the console quits as before.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            previous = signal.getsignal(sig)
            loop.add_signal_handler(sig, stop)
            installed.append((sig, previous))

    def undo() -> None:
        for sig, previous in installed:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError, TypeError):
                loop.remove_signal_handler(sig)
                # asyncio puts back the default; put back what was there before the console.
                signal.signal(sig, previous)

    return undo


class ConsoleHold:
    """What the console holds while it runs, let go as it ends: its run (one console per run,
    `store/console_lock.py`) and the stop signals."""

    def __init__(self) -> None:
        self._lock: ConsoleLock | None = None
        self._undo_signals: Callable[[], None] | None = None

    def take_run(self, run_id: int) -> str | None:
        """Hold the run; why not, when another console won the race for it (the command line
        has refused a run open elsewhere already: said, not fatal)."""
        from tuneup_tui.store.console_lock import RunInUse, take_console_lock

        try:
            self._lock = take_console_lock(run_id)
        except RunInUse as err:
            return str(err)
        return None

    def on_stop(self, save: Callable[[], object], quit_app: Callable[[], object]) -> None:
        """Told to stop (kill, a closed terminal): `save`, then `quit_app`."""
        self._undo_signals = on_stop_signals(save, quit_app)

    def release(self) -> None:
        if self._undo_signals is not None:
            self._undo_signals()
            self._undo_signals = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None
