"""The console's store when the runs are shared: the local file first, the shared store after.

The console must never wait on the network: it reads and writes its local SQLite file as it
always does, and a `Syncer` thread carries every change on to PostgreSQL and brings others'
changes in (see `store.syncer`). What the console shows in its header comes from
`shared_status()`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tuneup_tui.store import rows
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.models import Run
from tuneup_tui.store.outbox import waiting
from tuneup_tui.store.pg import shown
from tuneup_tui.store.syncer import Syncer


@dataclass(frozen=True, slots=True)
class SharedStatus:
    """Whether the shared store is reached and how many changes wait to be sent to it."""

    online: bool
    waiting: int
    where: str
    problem: str | None = None

    @property
    def line(self) -> str:
        """As the console's header says it."""
        count = f"{self.waiting} change{'' if self.waiting == 1 else 's'} waiting"
        if not self.online:
            return f"shared store: offline, {count}"
        return "shared store: up to date" if not self.waiting else f"shared store: {count}"

    @property
    def short(self) -> str:
        """The same in fewer columns, for a narrow header."""
        if not self.online:
            return f"shared: offline, {self.waiting} waiting"
        return "shared: up to date" if not self.waiting else f"shared: {self.waiting} to send"


class LocalFirstStore(RunStore):
    """A local run store whose changes also go to (and come from) a shared store."""

    def __init__(self, path: Path | str, url: str, *,
                 now: Callable[[], datetime] = datetime.now, start: bool = True,
                 every: float = 0.5, retry_after: float = 2.0) -> None:
        super().__init__(path, now=now)
        self.url = url
        # The outbox is there before the first change is made (no network is touched here).
        self.sync = Syncer(self.path, url, every=every, retry_after=retry_after)
        if start:
            self.sync.start()

    def current_run(self) -> Run | None:
        """The newest unfinished run made on this machine (other teams' runs in progress are
        here too, from the shared store: never resume one of those by mistake). A run made on
        another machine is resumed by its agenda: `tuneup run --resume AGENDA`."""
        row = self._one("SELECT * FROM runs WHERE ended_at IS NULL AND uid NOT IN"
                        " (SELECT uid FROM arrived_runs) ORDER BY started_at DESC, id DESC"
                        " LIMIT 1")
        return None if row is None else rows.run_from(row)

    def shared_status(self) -> SharedStatus:
        with self._guard():
            count = waiting(self._conn)
        return SharedStatus(self.sync.online, count, shown(self.url), self.sync.problem)

    def close(self) -> None:
        if not self._closed:
            self.sync.stop()
        super().close()
