"""The attendee page's server: one run's page behind a join code, answering only its own names.

Every request must name a host this server answers to and carry the run's join code in its
path (`/j/CODE/`); anything else gets a bare 403. A request that names an Origin must name one
of this server's, and every POST must name one (browsers send it with every form they post):
a page elsewhere can neither post to it nor open its websocket.

Behind those checks: the plain attendee page (web.plain_page: HTML and forms, no process per
attendee) at `/j/CODE/`, and the attendee app with keys (web.terminal: `tuneup attend` per open
page, up to `max_attendees`) at `/j/CODE/terminal/`.
"""

from __future__ import annotations

import asyncio
import hmac
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

from tuneup_tui.store.db import RunStore
from tuneup_tui.web.forms import NAME_LIMIT, clean_name
from tuneup_tui.web.join import page_path
from tuneup_tui.web.plain_page import PlainPage
from tuneup_tui.web.room import POLL_SECONDS, RoomWatch
from tuneup_tui.web.terminal import STATIC_FILES, TerminalApps

__all__ = ["NAME_LIMIT", "STATIC_FILES", "AttendeePage", "AttendeeServer", "PortInUse",
           "clean_name", "run"]

BODY_LIMIT = 64 * 1024
TERMINAL = "terminal/"


@dataclass
class AttendeePage:
    """What the server serves: one run's attendee page, to the hosts it answers to."""

    run_id: int
    code: str
    base_url: str
    """Scheme, host and port attendees are given (`http://192.168.1.20:8000`)."""
    hosts: frozenset[str]
    max_attendees: int = 40
    """How many attendee apps with keys (terminal pages) may run at once."""
    command: list[str] = field(default_factory=list)
    """The attendee app's command (`python -m tuneup_tui attend --run N`), without --name."""
    title: str = "tuneup attend"


class AttendeeServer:
    """The aiohttp application for one AttendeePage."""

    def __init__(self, page: AttendeePage, *,
                 open_store: Callable[[], RunStore] = RunStore.open_default,
                 today: Callable[[], date] = date.today,
                 now: Callable[[], datetime] = datetime.now,
                 poll_seconds: float = POLL_SECONDS) -> None:
        self.page = page
        self._prefix = page_path(page.code)
        self.room = RoomWatch(page.run_id, open_store=open_store, now=now,
                              poll_seconds=poll_seconds)
        self.plain = PlainPage(self._prefix, page.title, self.room, today=today)
        self.terminal = TerminalApps(self._prefix + TERMINAL, base_url=page.base_url,
                                     command=page.command, title=page.title,
                                     max_attendees=page.max_attendees)

    @property
    def sessions(self) -> int:
        """Attendee apps with keys open now."""
        return self.terminal.sessions

    @property
    def processes(self) -> dict[int, Any]:
        return self.terminal.processes

    def make_app(self) -> web.Application:
        app = web.Application(client_max_size=BODY_LIMIT)
        app.router.add_route("*", "/{tail:.*}", self.handle)
        app.on_startup.append(self._start)
        app.on_shutdown.append(self.terminal.close_all)
        app.on_cleanup.append(self._stop)
        return app

    async def _start(self, app: web.Application) -> None:
        await self.room.start()

    async def _stop(self, app: web.Application) -> None:
        await self.room.stop()

    async def handle(self, request: web.Request) -> web.StreamResponse:
        if request.host.lower() not in self.page.hosts or not self._has_code(request.path):
            return _forbidden()
        origin = request.headers.get("Origin")
        if origin is not None and not self._origin_ok(origin):
            return _forbidden()
        if request.method not in ("GET", "HEAD", "POST"):
            return web.Response(status=405, text="405: Method Not Allowed\n")
        if request.method == "POST" and origin is None:
            return _forbidden()
        if request.path + "/" in (self._prefix, self._prefix + TERMINAL):
            raise web.HTTPFound(request.path + "/" + (f"?{request.query_string}"
                                                      if request.query_string else ""))
        rest = request.path[len(self._prefix):]
        try:
            if rest.startswith(TERMINAL):
                return await self.terminal.route(request, rest[len(TERMINAL):], origin)
            return await self.plain.route(request, rest)
        except web.HTTPException:
            raise
        except (asyncio.CancelledError, ConnectionError):
            raise
        except Exception as err:  # one broken request never stops the server
            print(f"tuneup serve: {request.method} {rest[:60]!r} failed: "
                  f"{type(err).__name__}: {err}".splitlines()[0], file=sys.stderr, flush=True)
            return web.Response(status=500, text="500: the page could not be made; "
                                "what you typed was not saved, go back and send it again\n")

    def _has_code(self, path: str) -> bool:
        parts = path.split("/", 3)
        return (len(parts) >= 3 and parts[0] == "" and parts[1] == "j"
                and hmac.compare_digest(parts[2].encode(), self.page.code.encode()))

    def _origin_ok(self, origin: str) -> bool:
        parts = urlsplit(origin)
        return parts.scheme in ("http", "https") and parts.netloc.lower() in self.page.hosts


def _forbidden() -> web.Response:
    return web.Response(status=403, text="403: Forbidden\n")


class PortInUse(Exception):
    """The address could not be listened on (in use, or not this machine's)."""


def run(server: AttendeeServer, host: str, port: int, *, ready: Any = None) -> None:
    """Serve until SIGINT or SIGTERM; `ready()` is called once the port is listened on."""
    asyncio.run(_run(server, host, port, ready))


async def _run(server: AttendeeServer, host: str, port: int, ready: Any) -> None:
    runner = web.AppRunner(server.make_app(), access_log=None, handle_signals=False,
                           shutdown_timeout=3)
    await runner.setup()
    try:
        await web.TCPSite(runner, host.strip("[]") or None, port).start()
    except OSError as err:
        await runner.cleanup()
        raise PortInUse(f"cannot listen on {host} port {port}: "
                        f"{err.strerror or err}") from None
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    if ready is not None:
        ready()
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
