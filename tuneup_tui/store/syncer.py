"""Keeping a local store and the shared one in step, in a thread of its own.

Every half second the syncer sends what waits in the local outbox to the shared store, oldest
first, then brings in what others wrote there since it last looked (the shared change feed). It
alone talks to the network, with connections of its own: the console reads and writes the local
file and never waits for it. When the shared store cannot be reached the syncer says so
(`online` False, the reason in `problem`), tries again every 2 seconds, and catches up when it
answers: the outbox keeps every change until the shared store has it.

Changes from the shared store land only while the outbox is empty, checked in the same local
transaction that lands them: a change made here and not yet sent is never overwritten by an
older copy coming back.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

from tuneup_tui.store.connection import connect, write_transaction
from tuneup_tui.store.errors import StoreError
from tuneup_tui.store.outbox import install_feed, install_outbox, waiting
from tuneup_tui.store.pg import PgConnection, shown
from tuneup_tui.store.schema import SchemaTooNew, migrate
from tuneup_tui.store.synced import BY_TABLE
from tuneup_tui.store.transfer import Change, id_of, land, read_change, removal

BATCH = 200
"""Changes sent (or brought in) per transaction."""


class Syncer:
    """Sends the local outbox to the shared store at `url` and brings others' changes in."""

    def __init__(self, local: Path, url: str, *, every: float = 0.5,
                 retry_after: float = 2.0) -> None:
        self.url = url
        self.every = every
        self.retry_after = retry_after
        self.online = False
        self.problem: str | None = None
        """Why the shared store is not reached (one line), None while it is."""
        self._local = connect(local)
        self._local.row_factory = sqlite3.Row
        with write_transaction(self._local):
            install_outbox(self._local)
            where = shown(url)
            # A copy of another shared store has seen none of this one's changes.
            self._local.execute("UPDATE sync_state SET seen = 0, shared = ?"
                                " WHERE id = 1 AND shared != ?", (where, where))
        self._shared: PgConnection | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="shared-store", daemon=True)
        self._thread.start()

    def stop(self, wait: float = 2.0) -> None:
        """Stop after one last round (waiting at most `wait` seconds for it), and close."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=wait)
            if self._thread.is_alive():
                return  # stuck on the network: the daemon thread is left to die with the process
        self._close()

    def sync_once(self) -> None:
        """Send everything waiting, then bring in what others changed; StoreError when the
        shared store cannot be reached."""
        try:
            self._send()
            self._bring_in()
        except StoreError as err:
            self._offline(str(err))
            raise
        self.online, self.problem = True, None

    def _loop(self) -> None:
        while True:
            stopping = self._stop.is_set()
            try:
                self.sync_once()
            except StoreError:
                pass  # offline: said in `problem`, tried again after `retry_after`
            except sqlite3.Error as err:
                self._offline(f"the local store: {err}")
            if stopping:
                self._close()
                return
            self._stop.wait(self.every if self.online else self.retry_after)

    def _offline(self, problem: str) -> None:
        self.online, self.problem = False, problem
        if self._shared is not None:
            self._shared.close()
            self._shared = None

    def _connection(self) -> PgConnection:
        if self._shared is None:
            shared = PgConnection(self.url)
            try:
                # A new shared store gets its tables here (and its change feed) as it would from
                # any command; one written by a newer tuneup is left alone.
                migrate(shared)
                shared.write(install_feed)
            except SchemaTooNew as err:
                shared.close()
                raise StoreError(f"{err}; upgrade tuneup") from err
            except StoreError:
                shared.close()
                raise
            self._shared = shared
        return self._shared

    def _send(self) -> None:
        local = self._local
        while True:
            batch = local.execute("SELECT seq, tbl, key FROM outbox ORDER BY seq LIMIT ?",
                                  (BATCH,)).fetchall()
            if not batch:
                return
            changes = _changes(local, [(r["tbl"], r["key"]) for r in batch])

            def send_all(shared: PgConnection, changes: list[Change] = changes) -> None:
                for change in changes:
                    land(shared, change, self._sender(shared))

            self._connection().write(send_all)
            # Sent: only now do they leave the outbox (a resend after a crash here is harmless).
            with write_transaction(local):
                local.execute("DELETE FROM outbox WHERE seq <= ?", (batch[-1]["seq"],))

    def _sender(self, shared: PgConnection) -> Any:
        """Sends a row the shared store lacks (made here before this copy kept an outbox)."""

        def send(table: str, uid: str) -> None:
            local_id = id_of(self._local, table, uid)
            if local_id is not None:
                land(shared, read_change(self._local, BY_TABLE[table], [local_id]), send)

        return send

    def _bring_in(self) -> None:
        local = self._local
        while True:
            seen = int(local.execute("SELECT seen FROM sync_state WHERE id = 1").fetchone()[0])
            shared = self._connection()
            entries = shared.execute("SELECT seq, tbl, key FROM change_log WHERE seq > ?"
                                     " ORDER BY seq LIMIT ?", (seen, BATCH)).fetchall()
            if not entries:
                return
            changes = _changes(shared, [(e["tbl"], e["key"]) for e in entries])
            with write_transaction(local):
                if waiting(local):
                    return  # send first; what is here now is newer than what came
                local.execute("UPDATE sync_state SET pulling = 1 WHERE id = 1")
                for change in changes:
                    _note_arrival(local, change)
                    land(local, change)
                local.execute("UPDATE sync_state SET pulling = 0, seen = ? WHERE id = 1",
                              (int(entries[-1]["seq"]),))

    def _close(self) -> None:
        if self._shared is not None:
            self._shared.close()
            self._shared = None
        self._local.close()


def _note_arrival(local: sqlite3.Connection, change: Change) -> None:
    """Remember a run that comes from elsewhere (not one of this machine's coming back)."""
    if change.spec.table != "runs":
        return
    for row in change.rows:
        if id_of(local, "runs", row["uid"]) is None:
            local.execute("INSERT OR IGNORE INTO arrived_runs (uid) VALUES (?)", (row["uid"],))


def _changes(conn: Any, named: list[tuple[str, str]]) -> list[Change]:
    """Each named row's current state, once, in the order first named."""
    done: set[tuple[str, str]] = set()
    changes = []
    for table, key in named:
        spec = BY_TABLE.get(table)
        if spec is None or (table, key) in done:
            continue
        done.add((table, key))
        values = json.loads(key)
        changes.append(removal(spec, values) or read_change(conn, spec, values))
    return changes
