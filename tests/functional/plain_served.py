"""The plain attendee page in process (aiohttp's test client) on a run under way, on a fixed
day and clock: 2026-11-23 (a Monday) at 09:10, the room in its second session, Site Health."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from tests.functional.run_under_way import NOW, TODAY, start_run
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.models import Run
from tuneup_tui.web.server import AttendeePage, AttendeeServer

CODE = "abcdefghijklmnop"
PAGE = f"/j/{CODE}/"


@dataclass
class Plain:
    """The test client, the server, and the run it serves."""

    client: TestClient[Any, Any]
    server: AttendeeServer
    run: Run

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.client.port}"

    async def get(self, path: str, **headers: str) -> tuple[int, str]:
        reply = await self.client.get(PAGE + path, headers=headers, allow_redirects=False)
        return reply.status, await reply.text()

    async def post(self, path: str, data: dict[str, str], *, origin: str | None = "",
                   **headers: str) -> aiohttp.ClientResponse:
        """A form posted as a browser posts it: with this page's Origin unless told."""
        if origin is not None:
            headers["Origin"] = origin or self.origin
        return await self.client.post(PAGE + path, data=data, headers=headers,
                                      allow_redirects=False)

    async def settled(self) -> None:
        """Until the server has read what other connections committed."""
        await self.server.room.refresh()



@pytest.fixture
async def plain() -> AsyncIterator[Plain]:
    async for served in _serving():
        yield served


@pytest.fixture
async def plain_on_either_store(store_target: str,
                                monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Plain]:
    """The same, once on the store file of TUNEUP_HOME, then on a shared (PostgreSQL) store."""
    if store_target.startswith("postgresql://"):
        monkeypatch.setenv("TUNEUP_STORE", store_target)
    async for served in _serving():
        yield served


async def _serving() -> AsyncIterator[Plain]:
    with RunStore.open_default() as store:
        run = start_run(store)
    probe = TestServer(aiohttp.web.Application())  # for a free port
    await probe.start_server()
    port = probe.port
    await probe.close()
    page = AttendeePage(run_id=run.id, code=CODE, base_url=f"http://127.0.0.1:{port}",
                        hosts=frozenset({f"127.0.0.1:{port}", f"localhost:{port}"}),
                        title="tuneup attend: Tune Up")
    server = AttendeeServer(page, today=lambda: TODAY, now=lambda: NOW, poll_seconds=0.05)
    async with TestClient(TestServer(server.make_app(), host="127.0.0.1", port=port)) as client:
        yield Plain(client, server, run)


def stored() -> list[Any]:
    with RunStore.open_default() as store:
        return store.actions()


def field_value(page: str, name: str) -> str:
    """The value an input of the page's form holds (as HTML writes it)."""
    found = re.search(rf'<input id="field-{name}" name="{name}" value="([^"]*)"', page)
    assert found is not None, f"no field {name}"
    return found[1]


def row_of(page: str, table: str, item_id: int) -> str | None:
    """An item's row in a table ("mine", "everyone"), or None when it has none there."""
    found = re.search(rf'<tr id="{table}-{item_id}" [^>]*>(.*?)</tr>', page, re.S)
    return None if found is None else found[1]


def cells(page: str, table: str, item_id: int) -> list[str]:
    """The six columns of an item's row in a table: id, owner, due, status, session, text."""
    row = row_of(page, table, item_id)
    assert row is not None, f"no row for item {item_id} in {table}"
    return re.findall(r'<td data-label="[a-z]+" class="[a-z]+">(.*?)</td>', row)
