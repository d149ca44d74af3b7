"""Five processes add 200 action items each at once: all 1,000 land, nobody sees a lock (on an
SQLite file and on PostgreSQL)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from datetime import datetime
from pathlib import Path

from tuneup_tui.store.db import RunStore

ADDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from tuneup_tui.store.db import RunStore

    path, run_id, who, go = sys.argv[1], int(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
    store = RunStore(path)
    while not go.exists():  # start together, so the writes really collide
        time.sleep(0.005)
    for i in range(200):
        store.add_action(run_id, f"{who} item {i}", who, created_by=who)
    store.close()
""")

PROCESSES = 5


def test_five_writers_at_once(tmp_path: Path, store_target: str) -> None:
    path = store_target
    go = tmp_path / "go"
    with RunStore(path) as store:
        now = datetime.now()
        run = store.create_run(title="Busy", series="busy", cadence="day", agenda_toml="",
                               as_of=now.date(), data_dir=None, mode="facilitator", speed=1,
                               anchor=now, started_at=now)
    procs = [subprocess.Popen([sys.executable, "-c", ADDER, str(path), str(run.id), f"p{n}",
                               str(go)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=os.environ.copy())
             for n in range(PROCESSES)]
    time.sleep(0.3)  # let them import and open the store
    go.touch()
    outputs = [p.communicate(timeout=60) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert "locked" not in err.lower() and "busy" not in err.lower(), err
        assert proc.returncode == 0, err
    with RunStore(path) as store:
        items = store.actions(run.id)
        assert len(items) == PROCESSES * 200
        for n in range(PROCESSES):
            mine = [i.text for i in items if i.owner == f"p{n}"]
            # Each writer's items are all there, in the order it wrote them.
            assert mine == [f"p{n} item {i}" for i in range(200)]
