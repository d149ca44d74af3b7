"""A writer killed with SIGKILL mid-run loses nothing it reported committed (SQLite and
PostgreSQL)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from tuneup_tui.store.db import RunStore

WRITER = textwrap.dedent("""
    import sys
    from datetime import datetime
    from pathlib import Path
    from tuneup_tui.store.db import RunStore

    store = RunStore(sys.argv[1])
    now = datetime.now()
    run = store.create_run(title="Crash", series="crash", cadence="day", agenda_toml="",
                           as_of=now.date(), data_dir=None, mode="facilitator", speed=1,
                           anchor=now, started_at=now)
    print(f"run {run.id}", flush=True)
    i = 0
    while True:
        i += 1
        item = store.add_action(run.id, f"item {i}", "Dana", created_by="writer")
        print(f"action {item.id}", flush=True)
        store.save_note(run.id, "Traffic Study", f"note {i} " + "x" * 2000)
        print(f"note {i}", flush=True)
        store.add_event(run.id, "extend", datetime.now(), {"minutes": i})
        print(f"event {i}", flush=True)
""")


@pytest.mark.parametrize("kill_after", [25, 80])
def test_sigkill_mid_run_keeps_everything_committed(store_target: str, kill_after: int) -> None:
    path = store_target
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE,
                            text=True, env=os.environ.copy())
    reported: list[str] = []
    deadline = time.monotonic() + 15
    assert proc.stdout is not None
    try:
        while len(reported) < kill_after * 3 and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            reported.append(line.strip())
        # Kill it while it is writing: no chance to close, checkpoint or flush anything.
        proc.send_signal(signal.SIGKILL)
        # Whatever it managed to print before it died was committed too.
        reported += [line.strip() for line in proc.stdout.read().splitlines() if line.strip()]
    finally:
        proc.kill()
        proc.wait(timeout=5)
    assert proc.returncode == -signal.SIGKILL
    run_id = int(reported[0].split()[1])
    action_ids = [int(r.split()[1]) for r in reported if r.startswith("action ")]
    notes = [int(r.split()[1]) for r in reported if r.startswith("note ")]
    events = [int(r.split()[1]) for r in reported if r.startswith("event ")]
    assert len(action_ids) >= kill_after - 1

    if not path.startswith("postgresql://"):
        check = sqlite3.connect(path)
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        check.close()
    with RunStore(path) as store:
        stored = {item.id for item in store.actions(run_id)}
        assert set(action_ids) <= stored
        # At most the one item being written when it died is there unreported.
        assert len(stored) - len(action_ids) <= 1
        note = store.notes(run_id)["Traffic Study"].text
        assert int(note.split()[1]) >= max(notes)
        assert len(store.events(run_id)) >= len(events)
        # The store takes new writes as usual.
        store.add_action(run_id, "after the crash", "Dana")
