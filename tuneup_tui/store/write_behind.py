"""The console's writes, carried out behind it so that a busy store never freezes a key.

Another process (`tuneup log`, `tuneup attend`, a backup) may hold the store's write lock; a
write then waits, up to about a minute, for its turn. The console hands its writes to a
`WriteBehind`: one thread with a connection of its own carries them out in the order they were
made. A write that lands within a moment (the usual case) is as if it had been made in place:
its error, if any, reaches the caller. One that has to wait is left waiting, and the console
goes on; the console says "saving… (store busy)" meanwhile (`busy`). A write that meets a busy
store is tried again until the lock frees: nothing typed is dropped. The console's own reads
use its own connection, which a writer elsewhere never blocks (WAL).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Concatenate, ParamSpec

from tuneup_tui.store.connection import StoreBusy
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.errors import StoreError

P = ParamSpec("P")

PATIENCE_SECONDS = 0.25
"""How long a caller waits for its write before leaving it to land in the background."""


@dataclass
class _Pending:
    write: Callable[[RunStore], object]
    made: float = field(default_factory=time.monotonic)
    done: threading.Event = field(default_factory=threading.Event)
    error: BaseException | None = None
    abandoned: bool = False
    """The caller stopped waiting: an error is reported through `failures` instead."""


class WriteBehind:
    """Writes to `store`'s file, made in order on a thread and a connection of their own."""

    def __init__(self, store: RunStore, *, patience: float = PATIENCE_SECONDS) -> None:
        self._store = store
        self._patience = patience
        self._queue: deque[_Pending] = deque()
        self._cond = threading.Condition()
        self._closing = False
        self._writer: RunStore | None = None
        self._thread: threading.Thread | None = None
        self.failures: deque[str] = deque()
        """Writes that failed after their caller moved on, in words (the console says them)."""

    def save(self, method: Callable[Concatenate[RunStore, P], object],
             *args: P.args, **kwargs: P.kwargs) -> bool:
        """`method(store, *args, **kwargs)` for a store method such as `RunStore.save_note`.

        True when it landed; False when it waits for the store's lock (it lands later). An
        error met while the caller still waits is raised here, as the store would raise it.
        """
        if self._store.shared or self._closing:
            method(self._store, *args, **kwargs)  # no file to write behind: as before
            return True
        pending = _Pending(lambda store: method(store, *args, **kwargs))
        with self._cond:
            self._start()
            # Behind a write that is already waiting: the caller does not wait too.
            patience = 0.0 if self._waiting_long() else self._patience
            self._queue.append(pending)
            self._cond.notify_all()
        pending.done.wait(patience)
        with self._cond:
            if not pending.done.is_set():
                pending.abandoned = True
                return False
        if pending.error is not None:
            raise pending.error
        return True

    @property
    def waiting(self) -> int:
        """Writes made and not landed yet."""
        with self._cond:
            return len(self._queue)

    @property
    def busy(self) -> bool:
        """Whether a write has been waiting for the store's lock longer than a moment."""
        with self._cond:
            return self._waiting_long()

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until every write made so far has landed (or failed); False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while self._queue:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def close(self) -> None:
        """Land every waiting write (however long the lock is held: nothing typed is
        dropped), then stop the thread and close its connection."""
        self.drain()
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join()

    # the writer thread

    def _waiting_long(self) -> bool:
        return bool(self._queue) and time.monotonic() - self._queue[0].made > self._patience

    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="tuneup-writes",
                                            daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            while True:
                with self._cond:
                    while not self._queue and not self._closing:
                        self._cond.wait()
                    if not self._queue:
                        return
                    pending = self._queue[0]
                self._land(pending)
                with self._cond:
                    self._queue.popleft()
                    pending.done.set()
                    if pending.error is not None and pending.abandoned:
                        self.failures.append(str(pending.error))
                    self._cond.notify_all()
        finally:
            if self._writer is not None:
                self._writer.close()

    def _land(self, pending: _Pending) -> None:
        """Carry out one write; a store that stays busy is tried again until it frees."""
        while True:
            try:
                if self._writer is None:
                    self._writer = RunStore(self._store.path, now=self._store._now)
                pending.write(self._writer)
                return
            except StoreError as err:
                if not isinstance(err.__cause__, StoreBusy):
                    pending.error = err
                    return
            except Exception as err:  # said to the console (ValueError: a refusal), never lost
                pending.error = err
                return
