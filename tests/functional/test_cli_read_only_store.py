"""A store in a folder tuneup may not write in (a read-only mount, rights taken away): every
command says so in one line, with what to do, and exits 2; nothing is changed.

The tests run as root on some machines, where chmod stops nothing: the folder is made read-only
for the command by standing in for `os.access` and for SQLite's refusal to open a store whose
journal it can't write, as a read-only mount gives them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from tuneup_tui.store.db import RunStore

READ_ONLY = """
import os, sqlite3, sys
home = os.environ["TUNEUP_HOME"]
real_access, real_connect = os.access, sqlite3.connect
def access(path, mode, *args, **kwargs):
    if mode & os.W_OK and str(path).startswith(home):
        return False
    return real_access(path, mode, *args, **kwargs)
def connect(database, *args, **kwargs):
    if str(database).startswith(home) and "mode=ro" not in str(database):
        raise sqlite3.OperationalError("unable to open database file")
    return real_connect(database, *args, **kwargs)
os.access, sqlite3.connect = access, connect
from tuneup_tui.cli import main
sys.argv = ["tuneup", *sys.argv[1:]]
sys.exit(main())
"""

def start_run(home: Path) -> None:
    with RunStore(home / "data" / "tuneup.db") as store:
        now = datetime.now()
        store.create_run(title="Tune Up", series="ops-tuneup", cadence="day", agenda_toml="",
                         as_of=date.today(), data_dir=None, mode="facilitator", speed=1,
                         anchor=now, started_at=now)


COMMANDS = [
    ("runs",), ("actions",), ("actions", "--json"), ("log", "Fix it", "--owner", "Dana"),
    ("summary",), ("history",), ("attend",), ("run", "--resume"), ("actions", "close", "1"),
    ("runs", "delete", "1", "--yes"), ("store", "check"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_a_read_only_store_is_one_line_and_exit_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    start_run(tmp_path)
    store = tmp_path / "data" / "tuneup.db"
    before = store.read_bytes()
    env = {**os.environ, "TUNEUP_HOME": str(tmp_path), "COLUMNS": "100"}
    env.pop("TUNEUP_STORE", None)
    done = subprocess.run([sys.executable, "-c", READ_ONLY, *args], env=env,
                          capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    assert err.startswith(f"tuneup: cannot write the run store {store}: the folder ")
    assert "is read-only; make it writable, or set TUNEUP_HOME" in err
    assert store.read_bytes() == before
