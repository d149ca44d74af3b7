"""The console's writes, carried out behind it so that a busy store never freezes a key.

Another process (`tuneup log`, `tuneup attend`, a backup) may hold the store's write lock; a
write then waits, up to about a minute, for its turn. The console hands its writes to a
`WriteBehind`. When nothing waits and the lock is free (nearly always) a write is made at once,
in place, and its error, if any, reaches the caller. One that finds the lock taken is left to
a thread with a connection of its own, which carries the waiting writes out in the order they
were made, and the console goes on; it says "saving… (store busy)" meanwhile (`status`). A
write that meets a busy store is tried again until the lock frees: nothing typed is dropped.
The console's own reads use its own connection, which a writer elsewhere never blocks (WAL).

A store that can't be written at all (its folder turned read-only, the disk full) is said once
(`failures`), and the writes wait for it the same way, tried again every few seconds. When the
console closes before it could write them, they are given back (`unsaved`), in words, for the
console to print: what was typed is then on the terminal, not lost.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from tuneup_tui.store.connection import StoreBusy
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.errors import StoreError
from tuneup_tui.textsafe import visible_line

P = ParamSpec("P")
T = TypeVar("T")

PATIENCE_SECONDS = 0.25
"""How long a caller waits for its write before leaving it to land in the background."""
RETRY_SECONDS = 2.0
"""How often a store that can't be written is tried again."""
CANNOT_WRITE = ("readonly", "read-only", "disk i/o", "disk is full", "unable to open",
                "cannot write")
"""Words of the errors that say the store can't be written now (rather than a refusal)."""


class _Pending:
    """One write waiting for the store (a plain class: the console defines it before its first
    frame, where a dataclass costs a millisecond to build)."""

    __slots__ = ("error", "made", "what", "write")

    def __init__(self, write: Callable[[RunStore], object], what: str) -> None:
        self.write = write
        self.what = what
        """The write in words, should it never land."""
        self.made = time.monotonic()
        self.error: BaseException | None = None


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
        self.stalled: str | None = None
        """Why the store can't be written now (read-only, full), while that lasts."""
        self.unsaved: list[str] = []
        """The writes the store never took before `close` gave up, in words."""
        self._giving_up = False

    def save(self, method: Callable[Concatenate[RunStore, P], T],
             *args: P.args, **kwargs: P.kwargs) -> T | None:
        """`method(store, *args, **kwargs)` for a store method such as `RunStore.save_note`:
        what it returns once it landed; None while it waits for the store (it lands later).

        Nothing waiting and the lock free (nearly always), it is made at once on the store's
        own connection, its error raised here as the store would raise it. Otherwise it goes
        behind the writes already waiting, to the writer's own connection.
        """
        if self._store.shared or self._closing:
            return method(self._store, *args, **kwargs)  # no file to write behind: as before
        with self._cond:
            first = not self._queue
        if first:
            try:
                with self._store.without_waiting():
                    return method(self._store, *args, **kwargs)
            except StoreError as err:
                if not (isinstance(err.__cause__, StoreBusy) or _cannot_write(err)):
                    raise
        pending = _Pending(lambda store: method(store, *args, **kwargs),
                           _described(method, args, kwargs))
        with self._cond:
            self._start()
            self._queue.append(pending)
            self._cond.notify_all()
        return None

    @property
    def waiting(self) -> int:
        """Writes made and not landed yet."""
        with self._cond:
            return len(self._queue)

    @property
    def busy(self) -> bool:
        """Whether a write has been waiting for the store longer than a moment."""
        with self._cond:
            return self._waiting_long()

    @property
    def status(self) -> str | None:
        """What the console says while writes wait; None when nothing does."""
        with self._cond:
            if not self._waiting_long():
                return None
            return "not saved yet (store can't be written)" if self.stalled else (
                "saving… (store busy)")

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

    def settle(self) -> None:
        """Wait until every write made so far has landed, or the store can't be written (then
        they wait on, and what reads the store now reads it without them)."""
        with self._cond:
            while self._queue and self.stalled is None:
                self._cond.wait(RETRY_SECONDS)

    def close(self) -> None:
        """Land every waiting write (however long the lock is held: nothing typed is
        dropped), then stop the thread and close its connection. Writes a store that can't be
        written still holds back after one more try are given up and kept in `unsaved`."""
        while not self.drain(timeout=RETRY_SECONDS + 1):
            if self.stalled is not None:
                with self._cond:
                    self._giving_up = True
                    self._cond.notify_all()
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
                    if pending.error is not None and self._giving_up:
                        self.unsaved.append(f"{pending.what} ({pending.error})")
                    elif pending.error is not None:
                        self.failures.append(str(pending.error))
                    self._cond.notify_all()
        finally:
            if self._writer is not None:
                self._writer.close()

    def _land(self, pending: _Pending) -> None:
        """Carry out one write; a store that stays busy, or can't be written for now, is tried
        again until it takes the write (or `close` gives up on it)."""
        while True:
            try:
                if self._writer is None:
                    self._writer = RunStore(self._store.path, now=self._store._now,
                                            checked=True)
                pending.write(self._writer)
                self.stalled = None
                return
            except StoreError as err:
                if isinstance(err.__cause__, StoreBusy):
                    continue
                if not _cannot_write(err):
                    pending.error = err
                    return
                if self._stall(err):
                    pending.error = err
                    return
            except Exception as err:  # said to the console (ValueError: a refusal), never lost
                pending.error = err
                return

    def _stall(self, err: StoreError) -> bool:
        """Note that the store can't be written and wait to try again; True to give up."""
        with self._cond:
            if self.stalled is None:
                self.failures.append(f"{err}; what you type is kept, and saved as soon as "
                                     "the store can be written")
            self.stalled = str(err)
            self._cond.notify_all()  # `settle` stops waiting for it
            if not self._giving_up:
                self._cond.wait(RETRY_SECONDS)
            return self._giving_up


def _cannot_write(err: StoreError) -> bool:
    """Whether `err` says the store can't be written now (read-only, full), not a refusal."""
    return any(word in str(err).lower() for word in CANNOT_WRITE)


def _described(method: Callable[..., object], args: tuple[object, ...],
               kwargs: dict[str, object]) -> str:
    """A write in words, for the terminal: `save_note 3, 'Traffic Study', 'Dana walks…'`."""
    shown = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    return visible_line(f"{getattr(method, '__name__', 'write')} {', '.join(shown)}")
