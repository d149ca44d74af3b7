"""The attendee app with keys: `tuneup attend` in a terminal drawn in the browser.

At `/j/CODE/terminal/`, textual-serve's page and protocol: each open page's websocket runs one
`tuneup attend` for the run (textual-serve's AppService, started without a shell, below the
console's priority), up to `max_attendees` at once; past it the page says it is full. Only the
page, its websocket and four named static files (its script, style sheet and font) are served:
no listings, no downloads. The server's checks (the code, Host, Origin) come first
(web.server); a websocket must also come with an Origin (every browser sends one).
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import os
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import quote

from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService

from tuneup_tui.web.forms import clean_name
from tuneup_tui.web.join import PAGE_ENV

_STATIC_ROOT = Path(files("textual_serve").joinpath("static"))  # type: ignore[arg-type]
STATIC_FILES = {
    "xterm.css": "css/xterm.css",
    "textual.js": "js/textual.js",
    "RobotoMono-VariableFont_wght.ttf": "fonts/RobotoMono-VariableFont_wght.ttf",
    "RobotoMono-Italic-VariableFont_wght.ttf": "fonts/RobotoMono-Italic-VariableFont_wght.ttf",
}
STOP_SECONDS = 5.0
HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
           "X-Frame-Options": "DENY",
           "Content-Security-Policy": "default-src 'self'; "
           "script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
           "connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors 'none'"}


def _template(name: str) -> Template:
    return Template(files("tuneup_tui.web").joinpath(name).read_text(encoding="utf-8"))


class TerminalApps:
    """The terminal apps of one run's page: the page, its websocket, its static files."""

    def __init__(self, prefix: str, *, base_url: str, command: list[str], title: str,
                 max_attendees: int) -> None:
        self.prefix = prefix
        """The terminal page's path, with the join code: `/j/CODE/terminal/`."""
        self.base_url = base_url
        self.command = command
        self.title = title
        self.max_attendees = max_attendees
        self.sessions = 0
        self.processes: dict[int, AttendeeProcess] = {}
        self._sockets: set[web.WebSocketResponse] = set()
        self._page_template = _template("terminal.html")
        self._full_template = _template("full.html")

    async def route(self, request: web.Request, rest: str,
                    origin: str | None) -> web.StreamResponse:
        """`rest`: the path after the terminal page's prefix."""
        if request.method not in ("GET", "HEAD"):
            return web.Response(status=405, text="405: Method Not Allowed\n")
        if rest == "":
            return self.page(request)
        if rest == "ws" or rest.startswith("ws/"):
            if origin is None:  # every browser sends one with a websocket
                return web.Response(status=403, text="403: Forbidden\n")
            return await self.websocket(request, clean_name(rest[3:]))
        if rest.startswith("static/") and rest[7:] in STATIC_FILES:
            return web.FileResponse(_STATIC_ROOT / STATIC_FILES[rest[7:]],
                                    headers={"Cache-Control": "max-age=3600"})
        return web.Response(status=404, text="404: Not Found\n")

    def page(self, request: web.Request) -> web.Response:
        if self.sessions >= self.max_attendees:
            body = self._full_template.substitute(count=self.sessions, plain=html.escape(
                self.prefix.removesuffix("terminal/")))
            return web.Response(status=503, text=body, content_type="text/html",
                                headers=HEADERS)
        name = clean_name(request.query.get("name", ""))
        scheme = "wss" if self.base_url.startswith("https") else "ws"
        websocket = f"{scheme}://{request.host}{self.prefix}ws"
        if name:
            websocket += "/" + quote(name, safe="")
        font_size = _bounded(request.query.get("fontsize", ""), 16, 8, 40)
        body = self._page_template.substitute(
            title=html.escape(self.title), static=html.escape(f"{self.prefix}static/"),
            websocket=html.escape(websocket), font_size=font_size)
        return web.Response(text=body, content_type="text/html", headers=HEADERS)

    async def websocket(self, request: web.Request, name: str) -> web.StreamResponse:
        if self.sessions >= self.max_attendees:
            return web.Response(status=503, text="503: The attendee page is full\n")
        self.sessions += 1
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=64 * 1024)
        width = _bounded(request.query.get("width", ""), 80, 20, 400)
        height = _bounded(request.query.get("height", ""), 24, 8, 200)
        argv = [*self.command, *(["--name", name] if name else [])]
        page = f"{self.base_url.split('://')[0]}://{request.host}{self.prefix}"
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

    async def close_all(self, app: web.Application) -> None:
        for websocket in list(self._sockets):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"server stopped")


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


