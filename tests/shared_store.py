"""A real PostgreSQL server for the tests, started from a temp folder (the `pgserver` package).

One server per test process (session scope); each test that asks for `shared_url` gets a
database of its own, copied from a migrated template, so tests never see each other's rows.
`store_target` is parametrized: a test that takes it runs once on an SQLite file and once on
PostgreSQL.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import shutil
import signal
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

TEMPLATE = "tuneup_template"
_numbers = itertools.count(1)


class SharedServer:
    """The running server: where it is, a fresh database, and stop/start for outage tests."""

    def __init__(self, folder: Path) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pgserver
        logging.getLogger("pgserver").setLevel(logging.WARNING)
        self.folder = folder
        self._server: Any = pgserver.get_server(folder, cleanup_mode=None)
        self._template_made = False

    def url(self, database: str = "postgres") -> str:
        uri: str = self._server.get_uri(database)
        return uri

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)

    def fresh_database(self) -> str:
        """The address of a new, empty (migrated) database."""
        from tuneup_tui.store.db import RunStore

        if not self._template_made:
            self.admin(f"CREATE DATABASE {TEMPLATE}")
            RunStore(self.url(TEMPLATE)).close()
            self._template_made = True
        name = f"test_{next(_numbers)}"
        self.admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (`fast`: as an administrator would, dropping every connection)."""
        from pgserver.postgres_server import pg_ctl

        if self.running():
            pg_ctl(["-m", mode, "-w", "-t", "60", "stop"], pgdata=self.folder,
                   user=self._server.system_user, timeout=90)

    def start(self) -> None:
        """Start it again, on the same socket, waiting (longer than pgserver does) until it
        takes connections."""
        from pgserver.postgres_server import pg_ctl

        pg_ctl(["-w", "-t", "60", "-o", '-h ""', "-o", f"-k {self._socket_dir()}",
                "-l", str(self.folder / "log"), "start"],
               pgdata=self.folder, user=self._server.system_user, timeout=90)

    def quit(self) -> None:
        """Stop the server without waiting for it (the end of the tests: nothing to keep)."""
        pid_file = self.folder / "postmaster.pid"
        if pid_file.exists():
            with contextlib.suppress(OSError, ValueError):
                os.kill(int(pid_file.read_text().split()[0]), signal.SIGQUIT)

    def running(self) -> bool:
        return (self.folder / "postmaster.pid").exists()

    def _socket_dir(self) -> str:
        uri = self.url()
        return uri.split("host=", 1)[1].split("&", 1)[0]


@pytest.fixture(scope="session")
def shared_server() -> Iterator[SharedServer]:
    # Not under pytest's own temp folders: those are private to root, and the server runs as
    # its own user when the tests run as root.
    folder = Path(tempfile.mkdtemp(prefix="tuneup-pg-"))
    server = SharedServer(folder)
    try:
        yield server
    finally:
        server.quit()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def shared_url(shared_server: SharedServer) -> str:
    """A PostgreSQL database of the test's own, migrated."""
    return shared_server.fresh_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where the test's store is: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store" / "tuneup.db")
    server: SharedServer = request.getfixturevalue("shared_server")
    return server.fresh_database()
