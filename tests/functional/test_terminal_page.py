"""The attendee app with keys (`/j/CODE/terminal/`) in process (aiohttp's test client): the
code, the Host and Origin checks, the cap on attendee apps and its page, the static files; with
a stand-in attendee app."""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from tuneup_tui.web.server import AttendeePage, AttendeeServer, clean_name

CODE = "abcdefghijklmnop"
WS = f"/j/{CODE}/terminal/ws"
# Speaks just enough of the protocol: announces itself, then quits on the first meta packet
# (the server's "quit") or at end of input.
STAND_IN = ("import sys\n"
            "sys.stdout.write('__GANGLION__\\n'); sys.stdout.flush()\n"
            "while (kind := sys.stdin.buffer.read(1)) not in (b'', b'M'):\n"
            "    size = int.from_bytes(sys.stdin.buffer.read(4), 'big')\n"
            "    sys.stdin.buffer.read(size)\n")


@pytest.fixture
async def client() -> AsyncIterator[tuple[TestClient[Any, Any], AttendeeServer]]:
    test_server = TestServer(aiohttp.web.Application())  # for its port
    await test_server.start_server()
    port = test_server.port
    await test_server.close()
    page = AttendeePage(run_id=1, code=CODE, base_url=f"http://127.0.0.1:{port}",
                        hosts=frozenset({f"127.0.0.1:{port}", f"localhost:{port}"}),
                        max_attendees=2, command=[sys.executable, "-c", STAND_IN],
                        title="tuneup attend: <Tune Up>")
    served = AttendeeServer(page)
    real = TestServer(served.make_app(), host="127.0.0.1", port=port)
    async with TestClient(real) as test_client:
        yield test_client, served


def origin(client: TestClient[Any, Any]) -> dict[str, str]:
    return {"Origin": f"http://127.0.0.1:{client.port}"}


async def test_the_page_with_the_code(client: tuple[TestClient[Any, Any], AttendeeServer]) -> None:
    test_client, _ = client
    reply = await test_client.get(f"/j/{CODE}/terminal/?name=priya%0a%1b[31m&fontsize=999")
    body = await reply.text()
    assert reply.status == 200
    assert f"ws://127.0.0.1:{test_client.port}/j/{CODE}/terminal/ws/priya%5B31m" in body
    assert "<title>tuneup attend: &lt;Tune Up&gt;</title>" in body
    assert 'data-font-size="40"' in body
    assert reply.headers["X-Frame-Options"] == "DENY"
    # No font, script or style from anywhere but this server.
    assert "http" not in body.replace(f"ws://127.0.0.1:{test_client.port}", "")


@pytest.mark.parametrize("path", ["/", "/ws", "/static/js/textual.js", "/static/",
                                  "/download/x", "/j/", f"/j/{CODE[:-1]}/",
                                  f"/j/{CODE}x/", f"/x/{CODE}/", f"/j/{CODE.upper()}/",
                                  f"/j/{CODE[:-1]}/terminal/", "/terminal/",
                                  f"/j/{CODE.upper()}/terminal/static/textual.js"])
async def test_without_the_code_403_and_nothing_else(
        client: tuple[TestClient[Any, Any], AttendeeServer], path: str) -> None:
    test_client, _ = client
    reply = await test_client.get(path)
    assert (reply.status, await reply.text()) == (403, "403: Forbidden\n")


async def test_another_host_or_origin_is_refused(
        client: tuple[TestClient[Any, Any], AttendeeServer]) -> None:
    test_client, _ = client
    for headers in ({"Host": "evil.example"}, {"Host": f"evil.example:{test_client.port}"},
                    {"Origin": "http://evil.example"}, {"Origin": "null"},
                    {"Origin": f"http://127.0.0.1:{test_client.port + 1}"}):
        for path in ("", "terminal/"):
            reply = await test_client.get(f"/j/{CODE}/{path}", headers=headers)
            assert reply.status == 403, (path, headers)
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await test_client.ws_connect(WS, headers={"Origin": "http://evil.example"})
    assert refused.value.status == 403
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:  # no Origin at all
        await test_client.ws_connect(WS)
    assert refused.value.status == 403


async def test_static_files_by_name_only(
        client: tuple[TestClient[Any, Any], AttendeeServer]) -> None:
    test_client, _ = client
    reply = await test_client.get(f"/j/{CODE}/terminal/static/textual.js")
    assert reply.status == 200 and len(await reply.read()) > 100_000
    for path in ("static/", "static/js/textual.js", "static/css/xterm.css",
                 "static/%2e%2e/page.html", "download/x", "static/background.png",
                 "static/textual.js", "terminal/static/", "terminal/static/js/textual.js",
                 "terminal/static/%2e%2e/terminal.html", "terminal/static/attendee.js",
                 "static/../terminal.html"):
        reply = await test_client.get(f"/j/{CODE}/{path}")
        assert reply.status in (403, 404), path
        assert "<a href" not in await reply.text()


async def test_past_the_cap_the_page_says_it_is_full(
        client: tuple[TestClient[Any, Any], AttendeeServer]) -> None:
    test_client, served = client
    first = await test_client.ws_connect(f"{WS}/Dana", headers=origin(test_client))
    second = await test_client.ws_connect(WS, headers=origin(test_client))
    assert served.sessions == 2
    reply = await test_client.get(f"/j/{CODE}/terminal/")
    assert reply.status == 503
    full = await reply.text()
    assert "The attendee app with keys is full" in full
    assert f'<a href="/j/{CODE}/">attendee page</a> has no limit' in full
    # The plain page takes no place: it is there for everyone.
    assert (await test_client.get(f"/j/{CODE}/")).status == 200
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await test_client.ws_connect(WS, headers=origin(test_client))
    assert refused.value.status == 503
    await first.close()
    for _ in range(100):  # the stand-in quits, the place is free again
        if served.sessions < 2:
            break
        await _sleep()
    assert (await test_client.get(f"/j/{CODE}/terminal/")).status == 200
    await second.close()
    await _ended(served)


async def test_one_process_per_attendee_started_without_a_shell(
        client: tuple[TestClient[Any, Any], AttendeeServer]) -> None:
    test_client, served = client
    socket = await test_client.ws_connect(f"{WS}/Priya%20K", headers=origin(test_client))
    for _ in range(100):
        if served.processes:
            break
        await _sleep()
    [process] = served.processes.values()
    assert process.argv[-2:] == ["--name", "Priya K"]
    with open(f"/proc/{process.pid}/cmdline", "rb") as cmdline:
        assert cmdline.read().split(b"\0")[0] == sys.executable.encode()
    # Below the console's priority, so thirty apps starting at once leave it room to draw.
    with open(f"/proc/{process.pid}/stat", encoding="ascii") as stat:
        niceness = int(stat.read().rsplit(")", 1)[1].split()[16])
    assert niceness == min(19, os.nice(0) + 10)
    await socket.close()
    await _ended(served)


def test_clean_name() -> None:
    assert clean_name("  Priya\t K \x1b[2J\x07") == "Priya K [2J"
    assert clean_name("x" * 500) == "x" * 60


async def _ended(served: AttendeeServer) -> None:
    """Until every attendee's app has ended (before the test's loop closes)."""
    for _ in range(200):
        if served.sessions == 0:
            return
        await _sleep()
    raise AssertionError(f"{served.sessions} sessions never ended")


async def _sleep() -> None:
    import asyncio

    await asyncio.sleep(0.05)
