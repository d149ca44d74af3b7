"""One console per run: a second console on a run another console has open is refused in one
line naming the first; the lock goes with the console, however it ends."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from tuneup_tui.store.console_lock import RunInUse, check_free, take_console_lock
from tuneup_tui.store.db import RunStore

HOLDER = textwrap.dedent("""
    import sys, time
    from tuneup_tui.store.console_lock import take_console_lock
    lock = take_console_lock(int(sys.argv[1]))
    print("held", flush=True)
    time.sleep(120)
""")


def hold_in_another_process(run_id: int, env: dict[str, str]) -> subprocess.Popen[str]:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(run_id)], env=env,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def test_a_run_held_by_another_process_is_refused_naming_it(tuneup_home: Path) -> None:
    holder = hold_in_another_process(7, dict(os.environ))
    try:
        with pytest.raises(RunInUse, match=rf"run 7 is open in another console \(pid "
                                           rf"{holder.pid} on .* since "):
            take_console_lock(7)
        check_free(8)  # another run is free
    finally:
        holder.kill()
        holder.wait()
    # Killed (no chance to clean up): the run is free again.
    take_console_lock(7).release()


def test_a_released_lock_is_free_again(tuneup_home: Path) -> None:
    lock = take_console_lock(3)
    with pytest.raises(RunInUse):
        take_console_lock(3)
    lock.release()
    take_console_lock(3).release()
    assert (tuneup_home / "data" / "locks").stat().st_mode & 0o077 == 0


def test_resume_of_a_run_open_in_another_console_is_one_line(tuneup_home: Path) -> None:
    with RunStore(tuneup_home / "data" / "tuneup.db") as store:
        now = datetime.now()
        from tuneup_tui.agenda.builtins import resolve_agenda

        toml = resolve_agenda(None).read_text(encoding="utf-8")
        run = store.create_run(title="Tune Up", series="ops-tuneup", cadence="day",
                               agenda_toml=toml, as_of=date.today(), data_dir=None,
                               mode="facilitator", speed=1, anchor=now, started_at=now)
    env = dict(os.environ)
    holder = hold_in_another_process(run.id, env)
    try:
        started = time.monotonic()
        for words in (["run", "--resume"], ["run"]):
            result = subprocess.run([sys.executable, "-m", "tuneup_tui", *words], env=env,
                                    capture_output=True, text=True, timeout=60)
            assert result.returncode == 2, result.stderr
            assert result.stderr.count("\n") == 1
            assert f"run {run.id} is open in another console (pid {holder.pid}" in result.stderr
        assert time.monotonic() - started < 30
    finally:
        holder.kill()
        holder.wait()
    with RunStore(tuneup_home / "data" / "tuneup.db") as store:
        assert store.events(run.id) == []  # the refused consoles wrote nothing
        assert store.get_run(run.id).ended_at is None


async def test_the_console_holds_its_run_while_open(tmp_path: Path) -> None:
    from tests.functional.console_fixtures import DAY_START, console
    from tuneup_tui.agenda.builtins import resolve_agenda
    from tuneup_tui.agenda.clock import FakeClock
    from tuneup_tui.agenda.load import load_agenda

    path = resolve_agenda(None)
    with RunStore(tmp_path / "tuneup.db") as store:
        app = console(load_agenda(path), path, None, store, FakeClock(DAY_START))
        async with app.run_test(size=(120, 36)):
            assert app.live is not None
            run_id = app.live.run.id
            with pytest.raises(RunInUse):
                check_free(run_id)
        check_free(run_id)
