"""The attendee page: textual-serve's protocol behind a join code, for one run.

Every request must name a host this server answers to and carry the run's join code in its
path (`/j/CODE/`); anything else gets a bare 403. A websocket must also come from a page of this
server (its Origin). Each websocket runs one `tuneup attend` for that run (textual-serve's
AppService, started without a shell), up to a cap; past it the page says it is full. Only the
page, its websocket and five named static files are served: no listings, no downloads.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import html
import os
import signal
import unicodedata
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import quote, urlsplit

from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService

from tuneup_tui.web.join import PAGE_ENV, page_path

_STATIC_ROOT = Path(files("textual_serve").joinpath("static"))  # type: ignore[arg-type]
STATIC_FILES = {
    "xterm.css": "css/xterm.css",
    "textual.js": "js/textual.js",
    "RobotoMono-VariableFont_wght.ttf": "fonts/RobotoMono-VariableFont_wght.ttf",
    "RobotoMono-Italic-VariableFont_wght.ttf": "fonts/RobotoMono-Italic-VariableFont_wght.ttf",
}
NAME_LIMIT = 60
STOP_SECONDS = 5.0


@dataclass
class AttendeePage:
    """What the server serves: one run's attendee app, to the hosts it answers to."""

    run_id: int
    code: str
    base_url: str
    """Scheme, host and port attendees are given (`http://192.168.1.20:8000`)."""
    hosts: frozenset[str]
    max_attendees: int = 40
    command: list[str] = field(default_factory=list)
    """The attendee app's command (`python -m tuneup_tui attend --run N`), without --name."""
    title: str = "tuneup attend"


def clean_name(text: str) -> str:
    """A name from an address: printable characters only, trimmed, at most NAME_LIMIT."""
    kept = "".join(c for c in text if not unicodedata.category(c).startswith("C"))
    return " ".join(kept.split())[:NAME_LIMIT]


class AttendeeProcess(AppService):
    """textual-serve's app process, started without a shell (one process per attendee, not
    two), with the page's address in its environment."""

    def __init__(self, argv: list[str], extra_env: dict[str, str], **kwargs: Any) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = argv
        self.extra_env = extra_env

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        environment = self._build_environment(width=width, height=height)
        environment.update(self.extra_env)
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE, env=environment)
        _lower_priority(process.pid)
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def stop_within(self, seconds: float) -> None:
        """Ask the app to quit and wait for it to end; kill it if it has not within `seconds`
        (a hung app must not hold an attendee's place)."""
        process = self._process
        try:
            await asyncio.wait_for(asyncio.shield(self.stop()), seconds)
            if process is not None:
                await asyncio.wait_for(process.wait(), seconds)
        except TimeoutError:
            if process is not None and process.returncode is None:
                process.kill()
                await process.wait()
        finally:
            # asyncio leaves a subprocess's transport to be closed by its owner; left to the
            # garbage collector it is closed once the loop is gone, and complains.
            transport = getattr(process, "_transport", None)
            if transport is not None:
                transport.close()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None


ATTENDEE_NICENESS = 10
"""How much lower an attendee's app runs than the console: thirty of them starting at once
take seconds of CPU each, and the facilitator's console must keep drawing meanwhile."""


def _lower_priority(pid: int) -> None:
    """Set as soon as the attendee's process exists (it is still importing)."""
    with contextlib.suppress(OSError):
        current = os.getpriority(os.PRIO_PROCESS, 0)
        os.setpriority(os.PRIO_PROCESS, pid, min(19, current + ATTENDEE_NICENESS))


def _forbidden() -> web.Response:
    return web.Response(status=403, text="403: Forbidden\n")


def _template(name: str) -> Template:
    return Template(files("tuneup_tui.web").joinpath(name).read_text(encoding="utf-8"))


class AttendeeServer:
    """The aiohttp application for one AttendeePage."""

    def __init__(self, page: AttendeePage) -> None:
        self.page = page
        self.sessions = 0
        self.processes: dict[int, AttendeeProcess] = {}
        self._sockets: set[web.WebSocketResponse] = set()
        self._page_template = _template("page.html")
        self._full_template = _template("full.html")
        self._prefix = page_path(page.code)

    def make_app(self) -> web.Application:
        app = web.Application(client_max_size=64 * 1024)
        app.router.add_route("*", "/{tail:.*}", self.handle)
        app.on_shutdown.append(self._close_all)
        return app

    async def handle(self, request: web.Request) -> web.StreamResponse:
        if request.host.lower() not in self.page.hosts or not self._has_code(request.path):
            return _forbidden()
        origin = request.headers.get("Origin")
        if origin is not None and not self._origin_ok(origin):
            return _forbidden()
        if request.method not in ("GET", "HEAD"):
            return web.Response(status=405, text="405: Method Not Allowed\n")
        if request.path + "/" == self._prefix:
            raise web.HTTPFound(self._prefix + (f"?{request.query_string}"
                                                if request.query_string else ""))
        rest = request.path[len(self._prefix):]
        if rest == "":
            return self._index(request)
        if rest == "ws" or rest.startswith("ws/"):
            if origin is None:  # every browser sends one with a websocket
                return _forbidden()
            return await self._websocket(request, clean_name(rest[3:]))
        if rest.startswith("static/") and rest[7:] in STATIC_FILES:
            return web.FileResponse(_STATIC_ROOT / STATIC_FILES[rest[7:]],
                                    headers={"Cache-Control": "max-age=3600"})
        return web.Response(status=404, text="404: Not Found\n")

    def _has_code(self, path: str) -> bool:
        parts = path.split("/", 3)
        return (len(parts) >= 3 and parts[0] == "" and parts[1] == "j"
                and hmac.compare_digest(parts[2].encode(), self.page.code.encode()))

    def _origin_ok(self, origin: str) -> bool:
        parts = urlsplit(origin)
        return parts.scheme in ("http", "https") and parts.netloc.lower() in self.page.hosts

    def _index(self, request: web.Request) -> web.Response:
        headers = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
                   "X-Frame-Options": "DENY",
                   "Content-Security-Policy": "default-src 'self'; "
                   "script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                   "connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors 'none'"}
        if self.sessions >= self.page.max_attendees:
            body = self._full_template.substitute(count=self.sessions)
            return web.Response(status=503, text=body, content_type="text/html",
                                headers=headers)
        name = clean_name(request.query.get("name", ""))
        scheme = "wss" if self.page.base_url.startswith("https") else "ws"
        websocket = f"{scheme}://{request.host}{self._prefix}ws"
        if name:
            websocket += "/" + quote(name, safe="")
        font_size = _bounded(request.query.get("fontsize", ""), 16, 8, 40)
        body = self._page_template.substitute(
            title=html.escape(self.page.title), static=html.escape(f"{self._prefix}static/"),
            websocket=html.escape(websocket), font_size=font_size)
        return web.Response(text=body, content_type="text/html", headers=headers)

    async def _websocket(self, request: web.Request, name: str) -> web.StreamResponse:
        if self.sessions >= self.page.max_attendees:
            return web.Response(status=503, text="503: The attendee page is full\n")
        self.sessions += 1
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=64 * 1024)
        width = _bounded(request.query.get("width", ""), 80, 20, 400)
        height = _bounded(request.query.get("height", ""), 24, 8, 200)
        argv = [*self.page.command, *(["--name", name] if name else [])]
        page = f"{self.page.base_url.split('://')[0]}://{request.host}{self._prefix}"
        service: AttendeeProcess | None = None
        try:
            await websocket.prepare(request)
            self._sockets.add(websocket)
            service = AttendeeProcess(argv, {PAGE_ENV: page}, write_bytes=websocket.send_bytes,
                                      write_str=websocket.send_str, close=websocket.close,
                                      download_manager=_NO_DOWNLOADS)
            await service.start(width, height)
            if service.pid is not None:
                self.processes[service.pid] = service
            await self._relay(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        finally:
            self.sessions -= 1
            self._sockets.discard(websocket)
            if service is not None:
                if service.pid is not None:
                    self.processes.pop(service.pid, None)
                await service.stop_within(STOP_SECONDS)
        return websocket

    async def _relay(self, websocket: web.WebSocketResponse, service: AttendeeProcess) -> None:
        """Keys, resizes and focus from the browser to the app (textual-serve's protocol)."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = message.json()
                kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            except (ValueError, TypeError, IndexError, KeyError):
                continue
            if kind == "stdin" and isinstance(data, str):
                await service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await service.set_terminal_size(_bounded(data.get("width"), 80, 20, 400),
                                                _bounded(data.get("height"), 24, 8, 200))
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    async def _close_all(self, app: web.Application) -> None:
        for websocket in list(self._sockets):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"server stopped")


def _bounded(value: object, default: int, low: int, high: int) -> int:
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
    return min(max(number, low), high)


class _NoDownloads:
    """The attendee app delivers no files: textual-serve's download manager, refusing."""

    async def create_download(self, **kwargs: Any) -> None:
        raise KeyError("downloads are off")

    async def cancel_app_downloads(self, app_service_id: str) -> None:
        return None

    async def chunk_received(self, delivery_key: str, chunk: bytes | str) -> None:
        return None


_NO_DOWNLOADS: Any = _NoDownloads()


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
