"""What the attendee page shows of the room, kept fresh by one watcher for every open page.

The server holds one run store connection, used from one worker thread only: reads, writes and
the watch all queue there, so the event loop never waits on the store and the connection is
never used from two threads. One background task asks the store's `data_version()` twice a
second (and works out the current session again every few seconds); when what the page shows
has changed it reads the run's items again and bumps `RoomState.version`. A page polling the
server is answered from that state: thirty open pages cost the store nothing more than one.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any, Concatenate, ParamSpec, TypeVar

from tuneup_tui.store.connection import StoreBusy
from tuneup_tui.store.day_record import ActionItem
from tuneup_tui.store.db import RunStore, StoreError
from tuneup_tui.store.models import Run
from tuneup_tui.store.snapshot import RunSnapshot, snapshot_of
from tuneup_tui.store.write_behind import CANNOT_WRITE

P = ParamSpec("P")
T = TypeVar("T")

POLL_SECONDS = 0.5
"""How often the store's data_version is asked (the attendee app's and the console's pace)."""
SESSION_SECONDS = 5.0
"""How often the current session is worked out again when nothing was committed."""
BUSY_PATIENCE = 2.0
"""How long a write waits for a store another program holds before it is refused as busy."""


class StoreBusyNow(Exception):
    """The store stayed busy, or can't be written now: nothing was saved (the form is kept)."""


@dataclass(frozen=True)
class RoomState:
    """The run, its items and the current session, as the pages show them."""

    version: int = 0
    """Bumped whenever what a page shows changes."""
    run: Run | None = None
    items: tuple[ActionItem, ...] = ()
    session: str | None = None
    snapshot: RunSnapshot = field(default_factory=RunSnapshot)
    problem: str | None = "the run store has not been read yet"
    """Why the store could not be read (one line), or None."""

    def item(self, item_id: int) -> ActionItem | None:
        return next((i for i in self.items if i.id == item_id), None)


class RoomWatch:
    """The server's one store connection, its worker thread, and the watch over the run."""

    def __init__(self, run_id: int, *, open_store: Callable[[], RunStore] = RunStore.open_default,
                 now: Callable[[], datetime] = datetime.now,
                 poll_seconds: float = POLL_SECONDS) -> None:
        self.run_id = run_id
        self.state = RoomState()
        self._open_store = open_store
        self._now = now
        self._poll_seconds = poll_seconds
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tuneup-store")
        self._store: RunStore | None = None
        self._task: asyncio.Task[None] | None = None
        self._queued: asyncio.Future[RoomState] | None = None
        self._queued_started = False

    # the worker thread
    async def call(self, work: Callable[Concatenate[RunStore, P], T],
                   *args: P.args, **kwargs: P.kwargs) -> T:
        """`work(store, ...)` on the worker thread; StoreError when the store can't be opened."""
        return await asyncio.get_running_loop().run_in_executor(
            self._worker, partial(self._with_store, work, *args, **kwargs))

    def _with_store(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self._store is None:
            self._store = self._open_store()
        return work(self._store, *args, **kwargs)

    async def write(self, method: Callable[Concatenate[RunStore, P], T],
                    *args: P.args, **kwargs: P.kwargs) -> T:
        """A store write such as `RunStore.add_action`, made at once or within BUSY_PATIENCE
        of a store another program holds (StoreBusyNow past it); then the state is read again,
        so the page the attendee is sent back to shows it."""
        try:
            done = await self.call(_patiently, lambda store: method(store, *args, **kwargs))
        finally:
            await self.refresh()
        return done

    # the state
    async def refresh(self) -> RoomState:
        """Read the run again (one read serves every caller waiting for it)."""
        if self._queued is not None and not self._queued_started:
            return await asyncio.shield(self._queued)
        self._queued_started = False
        queued = self._queued = asyncio.ensure_future(self._refreshed())
        try:
            return await asyncio.shield(queued)
        finally:
            if self._queued is queued:
                self._queued = None

    async def _refreshed(self) -> RoomState:
        try:
            run, items, session, snapshot = await self.call(self._read, self.state)
        except StoreError as err:
            return self._said(str(err))
        old = self.state
        if (run, items, session, None) != (old.run, old.items, old.session, old.problem):
            self.state = RoomState(old.version + 1, run, items, session, snapshot, None)
        return self.state

    def _read(self, store: RunStore, old: RoomState
              ) -> tuple[Run, tuple[ActionItem, ...], str | None, RunSnapshot]:
        """On the worker thread: the run, its items, the session it is in, its roster."""
        self._queued_started = True
        from tuneup_tui.agenda.room import current_session

        run = store.get_run(self.run_id)
        items = tuple(store.actions(run.id))
        session = current_session(run, store.events(run.id), now=self._now())
        same_agenda = old.run is not None and old.run.agenda_toml == run.agenda_toml
        return run, items, session, old.snapshot if same_agenda else snapshot_of(run)

    def _said(self, problem: str) -> RoomState:
        """The state with `problem` said (what was read before stays shown)."""
        old = self.state
        if old.problem != problem:
            self.state = RoomState(old.version + 1, old.run, old.items, old.session,
                                   old.snapshot, problem)
        return self.state

    async def start(self) -> None:
        await self.refresh()
        self._task = asyncio.create_task(self._watch(), name="tuneup-room-watch")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        with contextlib.suppress(Exception):
            await asyncio.get_running_loop().run_in_executor(self._worker, self._close)
        self._worker.shutdown(wait=False)

    def _close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    async def _watch(self) -> None:
        """Read again when another program committed, and every SESSION_SECONDS (the timer
        moves sessions on by itself in follow-the-clock runs)."""
        seen: int | None = None
        read_at = time.monotonic()
        while True:
            await asyncio.sleep(self._poll_seconds)
            try:
                version = await self.call(RunStore.data_version)
            except StoreError as err:
                self._said(str(err))
                continue
            except Exception as err:  # a watch that stops would leave every page stale
                self._said(f"the run store could not be read ({type(err).__name__})")
                continue
            if version != seen or time.monotonic() - read_at >= SESSION_SECONDS:
                seen, read_at = version, time.monotonic()
                with contextlib.suppress(Exception):
                    await self.refresh()


def _patiently(store: RunStore, write: Callable[[RunStore], T]) -> T:
    """`write(store)` without waiting on another program's lock, tried again for
    BUSY_PATIENCE; StoreBusyNow when the store stayed busy or can't be written now."""
    deadline = time.monotonic() + BUSY_PATIENCE
    while True:
        try:
            with store.without_waiting():
                return write(store)
        except StoreError as err:
            busy = isinstance(err.__cause__, StoreBusy)
            if busy and time.monotonic() < deadline:
                time.sleep(0.05)
                continue
            if busy or any(word in str(err).lower() for word in CANNOT_WRITE):
                raise StoreBusyNow(str(err)) from err
            raise
