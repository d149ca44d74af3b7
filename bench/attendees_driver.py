"""The attendees of the attendee bench: `python -m bench.attendees_driver URL SERVE_PID N`.

N scripted browsers on one `tuneup serve`: each opens the page's websocket (with the page's
Origin, as a browser does), speaks textual-serve's protocol (a resize, then keys as "stdin"),
waits for its attendee app to draw, and once all have, adds one item: `a`, the text, Enter.
Meanwhile the store is read every 20 ms to see when each item is committed. Prints one JSON
line: when each item was sent and committed (time.monotonic, which every process on the
machine shares), how long the apps took to start, and the memory of the attendee processes.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp

ESCAPES = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
READY_SECONDS = 180.0
ITEM_SECONDS = 60.0


class Attendee:
    """One scripted browser tab."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.name = f"Attendee {number:02d}"
        self.text = f"Bench item from attendee {number:02d}"
        self.drawn = bytearray()
        self.socket: aiohttp.ClientWebSocketResponse | None = None
        self.sent_at: float | None = None

    def saw(self, wanted: bytes) -> bool:
        return wanted in ESCAPES.sub(b"", bytes(self.drawn))

    async def wait_for(self, wanted: bytes, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not self.saw(wanted):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name} never drew {wanted!r}")
            await asyncio.sleep(0.02)

    async def read(self) -> None:
        assert self.socket is not None
        async for message in self.socket:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.drawn += message.data
                if len(self.drawn) > 400_000:  # keep the tail: what is drawn now
                    del self.drawn[:200_000]

    async def keys(self, text: str) -> None:
        assert self.socket is not None
        await self.socket.send_str(json.dumps(["stdin", text]))


async def run(url: str, serve_pid: int, count: int) -> dict[str, Any]:
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    attendees = [Attendee(n + 1) for n in range(count)]
    committed: dict[str, float] = {}
    stop_polling = asyncio.Event()
    async with aiohttp.ClientSession() as session:
        started = time.monotonic()
        readers = []
        for attendee in attendees:
            ws_url = (f"ws://{parts.netloc}{parts.path}ws/{attendee.name.replace(' ', '%20')}"
                      "?width=100&height=30")
            attendee.socket = await session.ws_connect(ws_url, headers={"Origin": origin},
                                                       max_msg_size=0)
            readers.append(asyncio.create_task(attendee.read()))
        await asyncio.gather(*(a.wait_for(b"Add item", READY_SECONDS) for a in attendees))
        ready_seconds = time.monotonic() - started
        await asyncio.sleep(1.0)  # settled: every app idle, as in the room before anyone types
        memory = attendee_memory(serve_pid)
        poller = asyncio.create_task(poll_store(committed, stop_polling))
        await asyncio.gather(*(add_item(a) for a in attendees))
        deadline = time.monotonic() + ITEM_SECONDS
        while len(committed) < count and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        stop_polling.set()
        await poller
        for attendee in attendees:
            assert attendee.socket is not None
            await attendee.socket.close()
        for reader in readers:
            reader.cancel()
    return {
        "attendees": count,
        "ready_seconds": round(ready_seconds, 2),
        "sent": {a.text: a.sent_at for a in attendees if a.sent_at is not None},
        "committed": committed,
        **memory,
    }


async def add_item(attendee: Attendee) -> None:
    await attendee.keys("a")
    await attendee.wait_for(b"What is to be done", ITEM_SECONDS)
    await attendee.keys(attendee.text)
    await attendee.wait_for(attendee.text.encode(), ITEM_SECONDS)
    await attendee.keys("\r")
    attendee.sent_at = time.monotonic()


async def poll_store(committed: dict[str, float], stop: asyncio.Event) -> None:
    """When each item is first seen in the store (read every 20 ms, in a thread)."""
    from tuneup_tui.store.db import RunStore

    store = RunStore.open_default()
    try:
        while not stop.is_set():
            texts = await asyncio.to_thread(lambda: [a.text for a in store.actions()])
            now = time.monotonic()
            for text in texts:
                committed.setdefault(text, now)
            await asyncio.sleep(0.02)
    finally:
        store.close()


def attendee_memory(serve_pid: int) -> dict[str, Any]:
    """Resident and proportional memory of every process `tuneup serve` started (one per
    attendee), from /proc."""
    rss: list[float] = []
    pss: list[float] = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) != serve_pid:
                continue
            rss.append(_kb(stat.parent / "status", "VmRSS:") / 1024)
            pss.append(_kb(stat.parent / "smaps_rollup", "Pss:") / 1024)
        except (OSError, IndexError, ValueError):
            continue
    return {"processes": len(rss), "rss_mb": [round(r, 1) for r in rss],
            "pss_mb": [round(p, 1) for p in pss],
            "serve_rss_mb": round(_kb(Path(f"/proc/{serve_pid}/status"), "VmRSS:") / 1024, 1)}


def _kb(path: Path, key: str) -> float:
    for line in path.read_text().splitlines():
        if line.startswith(key):
            return float(line.split()[1])
    raise ValueError(f"no {key} in {path}")


def main() -> None:
    url, serve_pid, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    print(json.dumps(asyncio.run(run(url, serve_pid, count))))


if __name__ == "__main__":
    main()
