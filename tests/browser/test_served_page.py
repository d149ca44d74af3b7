"""The attendee app with keys (`/j/CODE/terminal/`) in headless Chromium: joined with the code,
an item added lands in the store; refused without the code or from another site; nothing
leaves the machine."""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

from tests.functional.cli_runs import stored_actions
from tests.functional.serving import Served

from .conftest import Watched

ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


class Screen:
    """What the app drew in the page: the terminal output its websocket carried, as text."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.chunks: list[bytes] = []
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload: bytes | str) -> None:
        if isinstance(payload, bytes):
            self.chunks.append(payload)

    def text(self) -> str:
        raw = b"".join(self.chunks).decode("utf-8", "replace")
        return ESCAPES.sub("", raw)

    def wait_for(self, wanted: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if wanted in self.text():
                return self.text()
            self.page.wait_for_timeout(100)  # playwright delivers frames while it waits
        raise AssertionError(f"{wanted!r} never drawn; drawn: {self.text()[-2000:]!r}")


def open_app(watched: Callable[..., Watched], url: str, *, click: bool = True,
             **options: Any) -> tuple[Watched, Screen]:
    """The page at `url`, drawn, and clicked into (so keys reach the app) when `click`."""
    seen = watched(**options)
    screen = Screen(seen.page)
    seen.page.goto(url)
    seen.page.wait_for_selector("body.-first-byte", timeout=30_000)
    if click:
        seen.page.click("#terminal")
    return seen, screen


def wait_for_items(count: int, timeout: float = 10) -> list[Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        items = stored_actions()
        if len(items) >= count:
            return items
        time.sleep(0.1)
    return stored_actions()


def test_an_item_added_in_the_page_reaches_the_store(served: Served,
                                                     watched: Callable[..., Watched]) -> None:
    seen, screen = open_app(watched, served.url + "terminal/?name=priya",
                            viewport={"width": 1200, "height": 800})
    screen.wait_for("Add item")
    assert "You: Priya" in screen.text()  # the roster's spelling of the name in the address
    seen.page.keyboard.press("a")
    screen.wait_for("What is to be done")
    seen.page.keyboard.type("Recheck the 404 list")
    seen.page.keyboard.press("Enter")
    [item] = wait_for_items(1)
    assert (item.text, item.owner, item.created_by) == ("Recheck the 404 list", "Priya",
                                                        "Priya")
    assert seen.outside == []
    assert any("/terminal/ws/priya" in url for url in seen.requests)


def test_the_name_is_picked_once_and_kept_in_the_address(
        served: Served, watched: Callable[..., Watched]) -> None:
    seen, screen = open_app(watched, served.url + "terminal/",
                            viewport={"width": 1200, "height": 800})
    screen.wait_for("Who are you?")
    seen.page.keyboard.press("ArrowDown")  # Dana, then Priya
    seen.page.keyboard.press("Enter")
    seen.page.wait_for_url(re.compile(r"/terminal/\?name=Priya$"), timeout=15_000)
    screen.wait_for("You: Priya")
    assert seen.outside == []


def test_a_phone_shows_the_title_and_the_add_key(served: Served,
                                                 watched: Callable[..., Watched]) -> None:
    # Untouched: a tab opens without the focus, and the keys must show all the same.
    _, screen = open_app(watched, served.url + "terminal/?name=Dana", click=False,
                         viewport={"width": 390, "height": 844}, is_mobile=True,
                         has_touch=True)
    drawn = screen.wait_for("Add item")
    assert "tuneup attend" in drawn


def _status(url: str, headers: dict[str, str] | None = None) -> int:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as reply:
            return int(reply.status)
    except urllib.error.HTTPError as err:
        return int(err.code)


def test_without_the_code_or_from_another_site_the_page_is_refused(served: Served,
                                                                  chromium: Any) -> None:
    base = f"http://127.0.0.1:{served.port}"
    code = served.url.rstrip("/").rsplit("/", 1)[1]
    assert _status(served.url) == 200 and _status(served.url + "terminal/") == 200
    for path in ("/", "/static/", "/static/js/textual.js", "/j/not-the-code/", "/ws",
                 "/j/not-the-code/terminal/", "/terminal/ws"):
        assert _status(base + path) == 403, path
    for url in (served.url, served.url + "terminal/"):
        assert _status(url, {"Origin": "http://evil.example"}) == 403
        assert _status(url, {"Host": "evil.example"}) == 403
    # A listing of the static files is never given, with the code or without.
    assert _status(f"{base}/j/{code}/static/") == 404
    assert _status(f"{base}/j/{code}/terminal/static/") == 404
    # A web page elsewhere cannot open the websocket, though it knows the code.
    context = chromium.new_context()
    page = context.new_page()
    page.route("http://evil.example/", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<html><body>hi</body></html>"))
    page.goto("http://evil.example/")
    result = page.evaluate("""url => new Promise(done => {
        const socket = new WebSocket(url);
        socket.onopen = () => done("open");
        socket.onerror = () => done("refused");
    })""", f"ws://127.0.0.1:{served.port}/j/{code}/terminal/ws")
    context.close()
    assert result == "refused"
    assert stored_actions() == []
