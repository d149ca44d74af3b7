"""The console side of the attendee bench: `python -m bench.attendees_child N`.

Runs the real console headless (as bench/responsiveness_child.py does, without panels: no data
folder) on a fresh store, starts `tuneup serve` for its run on 127.0.0.1, and runs the scripted
attendees (bench/attendees_driver.py, on the plain page) in another process. A 5 ms timer in
the console records its longest stall while the attendees join, poll and add their items; the
console's action items table records when it first shows each item. Prints one JSON line.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sys
import time
from typing import Any

from bench.common import AS_OF
from bench.responsiveness_child import TICK_SECONDS, StallProbe

SERVE_SECONDS = 30.0


async def measure(count: int) -> dict[str, Any]:
    from tuneup_tui.agenda.builtins import resolve_agenda
    from tuneup_tui.agenda.clock import SystemClock
    from tuneup_tui.agenda.load import load_agenda
    from tuneup_tui.store.db import RunStore
    from tuneup_tui.ui.app import make_app
    from tuneup_tui.ui.widgets.actions_table import ActionsTable

    shown: dict[str, float] = {}
    show = ActionsTable.show

    def recording_show(table: ActionsTable, items: Any, session: str | None) -> None:
        show(table, items, session)
        now = time.monotonic()
        for item in items:
            shown.setdefault(item.text, now)

    ActionsTable.show = recording_show  # type: ignore[method-assign]
    path = resolve_agenda(None)
    store = RunStore.open_default()
    app = make_app(load_agenda(path), path, None, AS_OF, store, SystemClock(),
                   start_now=True, offer_resume=False)
    probe = StallProbe()
    out: dict[str, Any] = {}
    try:
        async with app.run_test(size=(160, 48)):
            app.set_interval(TICK_SECONDS, probe.tick)
            while app.live is None:
                await asyncio.sleep(0.05)
            await asyncio.sleep(1.0)
            out["idle_ms"] = probe.take_ms()
            serve = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "tuneup_tui", "serve", "--port", str(_free_port()),
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
            try:
                url = await _address(serve)
                drain = asyncio.create_task(_drain(serve))
                probe.reset()
                driver = await asyncio.create_subprocess_exec(
                    sys.executable, "-m", "bench.attendees_driver", url, str(serve.pid),
                    str(count), stdout=asyncio.subprocess.PIPE)
                stdout, _ = await driver.communicate()
                await asyncio.sleep(1.0)  # the console polls the store twice a second
                out["busy_ms"] = probe.take_ms()
                if driver.returncode != 0:
                    raise RuntimeError(f"the attendees' driver failed ({driver.returncode})")
                out.update(json.loads(stdout.decode().strip().splitlines()[-1]))
            finally:
                if serve.returncode is None:
                    serve.send_signal(signal.SIGTERM)
                    await asyncio.wait_for(serve.wait(), SERVE_SECONDS)
            drain.cancel()
            out["shown"] = {text: shown[text] for text in out["sent"] if text in shown}
    finally:
        store.close()
    return out


async def _address(serve: asyncio.subprocess.Process) -> str:
    assert serve.stdout is not None
    deadline = time.monotonic() + SERVE_SECONDS
    while time.monotonic() < deadline:
        line = (await asyncio.wait_for(serve.stdout.readline(), SERVE_SECONDS)).decode()
        if not line:
            break
        if "share this address:" in line:
            return line.split("share this address:", 1)[1].strip()
    raise RuntimeError("tuneup serve printed no address")


async def _drain(serve: asyncio.subprocess.Process) -> None:
    assert serve.stdout is not None
    while await serve.stdout.readline():
        pass


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main() -> None:
    print(json.dumps(asyncio.run(measure(int(sys.argv[1])))))


if __name__ == "__main__":
    main()
