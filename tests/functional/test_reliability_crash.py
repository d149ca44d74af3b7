"""The console killed with SIGKILL mid-day, then resumed: nothing committed is lost, and the
timer comes back where it was.

A subprocess runs the real console headless (`run_test`) on a fake clock and the private store:
each step it moves the clock on, extends the session or moves to the next one (keys `e`, `n`),
types a note and leaves the notes (which saves them), and adds an action item the way the Add
action dialog's answer does; it reports each as it is committed. It is killed while typing the
notes of the last step (unsaved typing is the only thing that may go). The store-level version,
a writer killed mid-transaction, is tests/functional/test_store_crash.py.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import date, datetime
from typing import IO

from tests.functional.console_fixtures import work_area_shown
from tuneup_tui import paths
from tuneup_tui.agenda.builtins import resolve_agenda
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.load import load_agenda
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.app import make_app
from tuneup_tui.ui.note_text import split_note
from tuneup_tui.ui.widgets.notes import NotesEditor

AS_OF = date(2026, 11, 23)
STEPS = 5

CONSOLE = textwrap.dedent("""
    import asyncio, sys
    from datetime import date, datetime
    from tuneup_tui.agenda.builtins import resolve_agenda
    from tuneup_tui.agenda.clock import FakeClock
    from tuneup_tui.agenda.load import load_agenda
    from tuneup_tui.store.db import RunStore
    from tuneup_tui.ui.app import make_app
    from tuneup_tui.ui.dialogs.add_action import ActionDraft

    def say(*words):
        print(*words, flush=True)

    async def day():
        path = resolve_agenda(None)
        agenda = load_agenda(path)
        clock = FakeClock(datetime(2026, 11, 23, 8, 0))
        store = RunStore.open_default()
        app = make_app(agenda, path, None, date(2026, 11, 23), store, clock,
                       offer_resume=False, tick_seconds=0.05, poll_seconds=0.1)
        async with app.run_test(size=(160, 48)) as pilot:
            live = app.live
            say("run", live.run.id)
            step = 0
            while True:
                sys.stdin.readline()  # the test says when to take the next step
                step += 1
                clock.advance(minutes=9)
                await pilot.press("n" if step % 2 == 0 else "e")
                status = live.status()
                say("status", step, clock.now().isoformat(), status.current,
                    status.projected_end.isoformat(), len(store.events(live.run.id)),
                    int(status.remaining.total_seconds()))
                topic = agenda.sessions[status.current].topic
                await pilot.press("ctrl+n", *f"w{step}", "space")
                say("typing", step)
                await pilot.press("escape")
                say("note", step, topic)
                app.main.forms.add(ActionDraft(f"item {step}", "Dana", None))
                say("action", max((a.id for a in store.actions(live.run.id)), default=0))

    asyncio.run(day())
""")


def _read_until(stream: IO[str], prefix: str, seen: list[list[str]], deadline: float) -> None:
    while time.monotonic() < deadline:
        line = stream.readline()
        if not line:
            raise AssertionError(f"the console ended early; it said {seen}")
        seen.append(line.split())
        if line.startswith(prefix):
            return
    raise AssertionError(f"no {prefix!r} line in time; got {seen}")


async def test_sigkill_mid_day_then_resume_loses_nothing_committed() -> None:
    proc = subprocess.Popen([sys.executable, "-c", CONSOLE], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=os.environ.copy())
    assert proc.stdin is not None and proc.stdout is not None
    seen: list[list[str]] = []
    deadline = time.monotonic() + 30
    try:
        _read_until(proc.stdout, "run ", seen, deadline)
        for _ in range(STEPS):
            proc.stdin.write("go\n")
            proc.stdin.flush()
            _read_until(proc.stdout, "action ", seen, deadline)
        # One more step, killed while its note is being typed.
        proc.stdin.write("go\n")
        proc.stdin.flush()
        _read_until(proc.stdout, "typing ", seen, deadline)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    except AssertionError as failure:
        proc.kill()
        _, err = proc.communicate(timeout=10)
        raise AssertionError(f"{failure}; the console's stderr: {err[-2000:]}") from None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
    assert proc.stderr is not None
    err = proc.stderr.read()
    assert proc.returncode == -signal.SIGKILL, err

    run_id = int(seen[0][1])
    statuses = [line for line in seen if line[0] == "status"]
    notes = {int(line[1]): " ".join(line[2:]) for line in seen if line[0] == "note"}
    actions = [int(line[1]) for line in seen if line[0] == "action"]
    assert len(actions) == STEPS and len(statuses) == STEPS + 1

    check = sqlite3.connect(paths.store_path())
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()

    path = resolve_agenda(None)
    agenda = load_agenda(path)
    _, _, at, current, projected, events, remaining = statuses[-1]
    clock = FakeClock(datetime.fromisoformat(at))
    with RunStore.open_default() as store:
        run = store.get_run(run_id)
        assert not run.finished
        # Every action item and every saved note is there.
        assert {a.id for a in store.actions(run_id)} == set(actions)
        saved = store.notes(run_id)
        for step, topic in notes.items():
            assert f"w{step}" in saved[topic].text, (step, topic, saved[topic].text)
        # Every schedule action taken, the last step's included.
        assert len(store.events(run_id)) == int(events)

        app = make_app(agenda, path, None, AS_OF, store, clock, resume_run=run,
                       offer_resume=False, tick_seconds=0.05, poll_seconds=0.1)
        async with app.run_test(size=(160, 48)) as pilot:
            await work_area_shown(pilot)
            assert app.live is not None and app.live.run.id == run_id
            status = app.live.status()
            # The timer is back where it was: the same session, the same time left in it, the
            # same projected end of the day.
            assert status.current == int(current)
            assert int(status.remaining.total_seconds()) == int(remaining)
            assert status.projected_end == datetime.fromisoformat(projected)
            topic = agenda.sessions[status.current].topic
            # The session's notes as last saved are back in the editor.
            editor = app.screen.query_one(NotesEditor)
            assert editor.session == topic
            questions = agenda.sessions[status.current].questions
            expected = split_note(saved[topic].text, questions)[0] if topic in saved else ""
            assert editor.text == expected
            # And the day carries on from there.
            await pilot.press("n")
            assert app.live.status().current == int(current) + 1
            assert len(store.events(run_id)) == int(events) + 1
