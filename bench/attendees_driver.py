"""The attendees of the attendee bench: `python -m bench.attendees_driver URL SERVE_PID N`.

N scripted browsers on one `tuneup serve`'s plain attendee page, each as a browser uses it:
its own connection, the page with its name (`?name=`) and the page's two static files, then
the page's script's poll of the state endpoint every second (204 while nothing changed). Once
all have joined and polled a few times, all at once post the add form (with the page's Origin,
as a browser does) and follow the redirect back to the page. Meanwhile the store is read every
20 ms to see when each item is committed. Prints one JSON line: when each item was sent and
committed (time.monotonic, which every process on the machine shares), how long joining took,
the server's memory before the attendees came, once they had joined and polled, and after
their items, and what the polls were answered.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import aiohttp

POLL_SECONDS = 1.0
"""The page's script asks every second (tuneup_tui/web/static/attendee.js)."""
SETTLE_SECONDS = 3.0
"""How long every attendee polls before the memory is read and anyone adds an item."""
ITEM_SECONDS = 60.0
VERSION = re.compile(r'data-v="([0-9]+)"')
SESSION = re.compile(r'<input id="field-session" name="session" value="([^"]*)"')


class Attendee:
    """One scripted browser tab on the plain page."""

    def __init__(self, number: int, page: str, origin: str) -> None:
        self.number = number
        self.name = f"Attendee {number:02d}"
        self.text = f"Bench item from attendee {number:02d}"
        self.page = page
        self.origin = origin
        self.version = ""
        self.session_default = ""
        self.sent_at: float | None = None
        self.answered_at: float | None = None
        self.status: int | None = None
        self.polls: dict[int, int] = {}
        self.client: aiohttp.ClientSession | None = None

    async def join(self) -> None:
        """The page with the attendee's name, then its style sheet and script."""
        # A connection of its own, as a browser on its own device has.
        self.client = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=6))
        async with self.client.get(f"{self.page}?name={quote(self.name)}") as reply:
            reply.raise_for_status()
            body = await reply.text()
        self._read_page(body)
        for name in ("attendee.css", "attendee.js"):
            async with self.client.get(f"{self.page}static/{name}") as reply:
                reply.raise_for_status()
                await reply.read()

    def _read_page(self, body: str) -> None:
        found = VERSION.search(body)
        self.version = found[1] if found else ""
        session = SESSION.search(body)
        self.session_default = session[1] if session else ""

    async def poll(self, stop: asyncio.Event) -> None:
        """The page's script: the state endpoint every second, the version it has sent."""
        assert self.client is not None
        while not stop.is_set():
            url = f"{self.page}state?name={quote(self.name)}&v={self.version}"
            async with self.client.get(url) as reply:
                self.polls[reply.status] = self.polls.get(reply.status, 0) + 1
                if reply.status == 200:
                    self.version = str((await reply.json())["v"])
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), POLL_SECONDS)

    async def add_item(self) -> None:
        """The add form as the page fills it (owner: the attendee, due a week ahead, the
        current session), posted with the page's Origin; the redirect followed to the page."""
        assert self.client is not None
        form = {"name": self.name, "text": self.text, "owner": self.name,
                "due": (date.today() + timedelta(days=7)).isoformat(),
                "session": self.session_default}
        self.sent_at = time.monotonic()
        async with self.client.post(f"{self.page}add", data=form,
                                    headers={"Origin": self.origin}) as reply:
            self.status = reply.history[0].status if reply.history else reply.status
            body = await reply.text()
        self.answered_at = time.monotonic()
        self._read_page(body)

    async def close(self) -> None:
        if self.client is not None:
            await self.client.close()


async def run(url: str, serve_pid: int, count: int) -> dict[str, Any]:
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    page = url.split("?", 1)[0]
    attendees = [Attendee(n + 1, page, origin) for n in range(count)]
    committed: dict[str, float] = {}
    stop_store, stop_polls = asyncio.Event(), asyncio.Event()
    await asyncio.sleep(1.0)  # the server settled after its start
    before = rss_mb(serve_pid)
    started = time.monotonic()
    try:
        await asyncio.gather(*(a.join() for a in attendees))
        ready_seconds = time.monotonic() - started
        pollers = [asyncio.create_task(a.poll(stop_polls)) for a in attendees]
        await asyncio.sleep(SETTLE_SECONDS)  # the room before anyone types
        joined = rss_mb(serve_pid)
        store_reader = asyncio.create_task(poll_store(committed, stop_store))
        await asyncio.gather(*(a.add_item() for a in attendees))
        deadline = time.monotonic() + ITEM_SECONDS
        while len(committed) < count and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        await asyncio.sleep(2 * POLL_SECONDS)  # every page's script sees the new items
        after = rss_mb(serve_pid)
        stop_store.set()
        stop_polls.set()
        await store_reader
        await asyncio.gather(*pollers)
    finally:
        await asyncio.gather(*(a.close() for a in attendees))
    polls: dict[str, int] = {}
    for attendee in attendees:
        for status, times in attendee.polls.items():
            polls[str(status)] = polls.get(str(status), 0) + times
    return {
        "attendees": count,
        "ready_seconds": round(ready_seconds, 2),
        "sent": {a.text: a.sent_at for a in attendees if a.sent_at is not None},
        "answered": {a.text: a.answered_at for a in attendees if a.answered_at is not None},
        "statuses": sorted({a.status for a in attendees if a.status is not None}),
        "committed": committed,
        "polls": polls,
        "serve_rss_before_mb": before,
        "serve_rss_joined_mb": joined,
        "serve_rss_after_mb": after,
        "processes": len(child_pids(serve_pid)),
    }


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


def rss_mb(pid: int) -> float:
    """The resident memory of process `pid`, in MB (from /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(float(line.split()[1]) / 1024, 2)
    raise ValueError(f"no VmRSS for process {pid}")


def child_pids(pid: int) -> list[int]:
    """The processes `pid` started (the plain page starts none)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def main() -> None:
    url, serve_pid, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    print(json.dumps(asyncio.run(run(url, serve_pid, count))))


if __name__ == "__main__":
    main()
