"""The child process the responsiveness benchmark runs: `python -m bench.responsiveness_child`.

It runs the real console (headless, `run_test`) on the demo's sample pack and a fresh run
store, with a 5 ms interval timer on the app that records the longest gap between its ticks:
the longest stretch the event loop could not run. Four windows are measured in turn: idle (the
baseline), panels computing, typing notes, and five attendees logging action items (with 0
characters to type, only the first two).
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from bench.common import AS_OF

TICK_SECONDS = 0.005
# Five attendees in other terminals, each logging its items one `tuneup log` after another.
ATTENDEES = """
import subprocess, sys, threading
per = int(sys.argv[1])
def attendee(n):
    for i in range(per):
        subprocess.run([sys.executable, "-m", "tuneup_tui", "log", f"attendee {n} item {i}",
                        "--owner", "Dana", "--by", f"attendee{n}"], check=True,
                       capture_output=True)
threads = [threading.Thread(target=attendee, args=(n,)) for n in range(5)]
for t in threads: t.start()
for t in threads: t.join()
"""


class StallProbe:
    """Records the longest gap between ticks of a fast interval timer."""

    def __init__(self) -> None:
        self.last: float | None = None
        self.longest = 0.0

    def tick(self) -> None:
        now = time.perf_counter()
        if self.last is not None:
            self.longest = max(self.longest, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = None
        self.longest = 0.0

    def take_ms(self) -> float:
        longest = self.longest * 1000
        self.reset()
        return round(longest, 2)


async def measure(pack: Path, chars: int, items_each: int) -> dict[str, Any]:
    from tuneup_tui.agenda.builtins import resolve_agenda
    from tuneup_tui.agenda.clock import SystemClock
    from tuneup_tui.agenda.load import load_agenda
    from tuneup_tui.store.db import RunStore
    from tuneup_tui.ui.app import make_app

    path = resolve_agenda(None)
    agenda = load_agenda(path)
    store = RunStore.open_default()
    go = threading.Event()

    def prepare() -> Path:
        # The panel worker waits here until the probe runs, so the whole computation is seen.
        go.wait()
        return pack

    app = make_app(agenda, path, None, AS_OF, store, SystemClock(), start_now=True,
                   offer_resume=False, prepare_data=prepare)
    probe = StallProbe()
    out: dict[str, Any] = {}
    try:
        await _windows(app, agenda, store, probe, out, go, chars, items_each)
    finally:
        store.close()  # once the console has shut down: its last ticks may still read it
    if chars == 0:
        return out
    out["bare_logging_ms"] = await bare_under_loggers(items_each)
    return out


async def _windows(app: Any, agenda: Any, store: Any, probe: StallProbe, out: dict[str, Any],
                   go: threading.Event, chars: int, items_each: int) -> None:
    """The measured windows, in the running console; results go into `out`."""
    from tuneup_tui.run.panels import panel_order

    async with app.run_test(size=(160, 48)) as pilot:
        app.set_interval(TICK_SECONDS, probe.tick)
        await asyncio.sleep(1.0)
        out["idle_ms"] = probe.take_ms()

        go.set()
        started = time.perf_counter()
        wanted = set(panel_order(agenda, None))
        while not wanted <= set(app.results):
            await asyncio.sleep(0.02)
        out["panels_seconds"] = round(time.perf_counter() - started, 2)
        out["panels_ms"] = probe.take_ms()
        if chars == 0:  # only the panels were asked for (the scaled pack)
            return

        await pilot.press("ctrl+n")
        text = ("Organic converts below its average; ask Dana about the form. " * 20)[:chars]
        probe.reset()
        await pilot.press(*[("space" if c == " " else c) for c in text])
        await asyncio.sleep(1.3)  # the notes are saved a second after the last key
        out["typing_ms"] = probe.take_ms()
        out["notes_saved"] = text.strip() in "".join(n.text for n in store.notes(
            app.live.run.id).values()) if app.live else False
        await pilot.press("escape")

        before = len(store.actions())
        proc = subprocess.Popen([sys.executable, "-c", ATTENDEES, str(items_each)])
        probe.reset()
        while proc.poll() is None:
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.8)  # the console polls the store every half second
        out["logging_ms"] = probe.take_ms()
        out["logged"] = len(store.actions()) - before
        out["attendee_exit"] = proc.returncode
        table = app.screen.query_one("#actions")
        out["console_rows"] = getattr(table, "row_count", None)

        await asyncio.sleep(1.0)
        out["idle_after_ms"] = probe.take_ms()


async def bare_under_loggers(items_each: int) -> float:
    """The same logging window on a bare Textual app (its store untouched by the loggers'
    items being shown): how much of the stall is the machine's, not the console's."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Static

    class BareApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("bare")
            yield Footer()

    app = BareApp()
    probe = StallProbe()
    async with app.run_test(size=(160, 48)):
        app.set_interval(TICK_SECONDS, probe.tick)
        await asyncio.sleep(0.5)
        proc = subprocess.Popen([sys.executable, "-c", ATTENDEES, str(items_each)])
        probe.reset()
        while proc.poll() is None:
            await asyncio.sleep(0.02)
        return probe.take_ms()


def main() -> None:
    if sys.argv[1] == "--pack":
        from tuneup_tui.data.demo import demo_pack

        print(json.dumps({"pack": str(demo_pack(AS_OF))}))
        return
    pack, chars, items_each = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    print(json.dumps(asyncio.run(measure(pack, chars, items_each))))


if __name__ == "__main__":
    main()
