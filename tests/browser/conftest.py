"""A real browser for the served page and the written summary: Debian's Chromium, headless,
driven with playwright (its own browser download cannot be used here).

Every request a page makes is seen: `Browser.outside` lists those that would leave the machine
(each is refused before it is sent), so a test can assert there were none.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.functional.cli_runs import start_run
from tests.functional.serving import Served, start_serving, stop

CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage"]
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def chromium() -> Iterator[Any]:
    """The browser, for one test: playwright's synchronous driver keeps an event loop running
    on this thread while it lives, which the other tests' own loops cannot share."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium; .ci/run does)")
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Watched:
    """A page and every address it asked for."""

    page: Any
    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.scheme == "file" or (parts.hostname or "") in LOCAL_HOSTS


@pytest.fixture
def watched(chromium: Any) -> Iterator[Callable[..., Watched]]:
    """Opens pages whose every request is recorded, and refused unless it stays local."""
    contexts: list[Any] = []

    def open_page(**context_options: Any) -> Watched:
        context = chromium.new_context(**context_options)
        contexts.append(context)
        page = context.new_page()
        seen = Watched(page)

        def route(route: Any) -> None:
            url = route.request.url
            seen.requests.append(url)
            if _is_local(url):
                route.continue_()
            else:
                seen.outside.append(url)
                route.abort()

        def route_socket(socket_route: Any) -> None:
            seen.requests.append(socket_route.url)
            if _is_local(socket_route.url):
                socket_route.connect_to_server()
            else:
                seen.outside.append(socket_route.url)
                socket_route.close()

        context.route("**/*", route)
        context.route_web_socket(re.compile(".*"), route_socket)
        return seen

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def served() -> Iterator[Served]:
    """A run in progress and a `tuneup serve` of it (stopped after the test)."""
    start_run()
    running = start_serving()
    yield running
    stop(running.process)
