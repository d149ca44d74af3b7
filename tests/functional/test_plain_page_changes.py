"""The plain attendee page: fixing one's own items (edit, close, delete after a question), the
refusals, the server's checks on every request, and the state the page's script polls."""

from __future__ import annotations

import asyncio
import html
import json
import os
import subprocess
import sys

import pytest

from tests.functional.plain_served import (
    PAGE,
    Plain,
    cells,
    field_value,
    plain,
    row_of,
    stored,
)
from tuneup_tui.store.db import RunStore

__all__ = ["plain"]


def _add(plain: Plain, text: str, owner: str, by: str, *, due: str | None = None) -> int:
    from datetime import date

    with RunStore.open_default() as store:
        return store.add_action(plain.run.id, text, owner, created_by=by,
                                due=date.fromisoformat(due) if due else None).id


def _changes(item_id: int) -> list[tuple[str, str, dict[str, object]]]:
    with RunStore.open_default() as store:
        return [(c.change, c.changed_by, dict(c.new_values))
                for c in store.action_changes(item_id)]


async def test_an_own_item_is_edited_and_the_change_kept_under_the_name(plain: Plain) -> None:
    item_id = _add(plain, "Fix the 404s", "Dana", "Priya", due="2026-11-20")
    await plain.settled()
    status, form = await plain.get(f"items/{item_id}?name=priya")
    assert status == 200
    assert f"<h1>Action item {item_id}</h1>" in form
    # The due date it has stands, though it has passed.
    assert (field_value(form, "text"), field_value(form, "owner"),
            field_value(form, "due")) == ("Fix the 404s", "Dana", "2026-11-20")
    assert '<option value="open" selected>open</option>' in form
    assert f'href="{PAGE}items/{item_id}/delete?name=Priya" class="danger">Delete…</a>' in form
    kept = await plain.post(f"items/{item_id}", {"name": "Priya", "text": "Fix the 404s",
                                                 "owner": "dana", "due": "2026-11-20",
                                                 "status": "open"})
    assert kept.status == 303  # nothing changed, nothing refused
    reply = await plain.post(f"items/{item_id}", {"name": "Priya", "text": "Fix every 404",
                                                  "owner": "pri", "due": "", "status": "done"})
    assert reply.status == 303
    assert reply.headers["Location"] == f"{PAGE}?name=Priya&said=saved-{item_id}"
    [item] = stored()
    assert (item.text, item.owner, item.due, item.status) == ("Fix every 404", "Priya", None,
                                                              "done")
    assert _changes(item_id)[-1][1] == "Priya"
    _, page = await plain.get(f"?name=Priya&said=saved-{item_id}")
    assert f"Item {item_id} saved." in page
    assert cells(page, "mine", item_id)[1:4] == ["Priya", "-", "done"]


@pytest.mark.parametrize(("fields", "reason"), [
    ({"text": ""}, "Say what needs doing."),
    ({"owner": " "}, "Every action item needs an owner."),
    ({"due": "yesterday"}, "Due date 'yesterday': expected a date like 2026-12-04, +N days, "
                           "a weekday, today or tomorrow."),
    ({"due": "2026-11-22"}, "Due date 2026-11-22 is in the past (today is 2026-11-23)."),
    ({"status": "closed"}, "Status: expected open, done, dropped, got 'closed'."),
])
async def test_a_refused_edit_keeps_what_was_typed(plain: Plain, fields: dict[str, str],
                                                   reason: str) -> None:
    item_id = _add(plain, "Fix the 404s", "Dana", "Dana")
    await plain.settled()
    typed = {"name": "Dana", "text": "Fix the 404s <today>", "owner": "Dana",
             "due": "+2", "status": "open", **fields}
    reply = await plain.post(f"items/{item_id}", typed)
    page = await reply.text()
    assert reply.status == 400
    assert f'<p class="problem" role="alert" id="said">{html.escape(reason)}</p>' in page
    for name in ("text", "owner", "due"):
        assert html.unescape(field_value(page, name)) == typed[name]
    assert [i.text for i in stored()] == ["Fix the 404s"] and _changes(item_id) == []


async def test_close_marks_it_done_under_the_name(plain: Plain) -> None:
    item_id = _add(plain, "Send the deck", "Priya", "facilitator")
    await plain.settled()
    reply = await plain.post(f"items/{item_id}/close", {"name": "Priya"})
    assert reply.status == 303
    assert reply.headers["Location"] == f"{PAGE}?name=Priya&said=closed-{item_id}"
    assert stored()[0].status == "done"
    assert _changes(item_id) == [("close", "Priya", {"status": "done"})]
    _, page = await plain.get(f"?name=Priya&said=closed-{item_id}")
    assert f"Item {item_id} closed as done." in page
    assert "Close</button>" not in page  # done: nothing left to close
    again = await plain.post(f"items/{item_id}/close", {"name": "Priya"})
    assert again.status == 400 and f"Item {item_id} is already done." in await again.text()


async def test_delete_asks_first(plain: Plain) -> None:
    item_id = _add(plain, "Draft the FAQ", "Dana", "Dana")
    await plain.settled()
    status, question = await plain.get(f"items/{item_id}/delete?name=Dana")
    assert status == 200
    assert f"Delete action item {item_id}: Draft the FAQ (owner Dana, open)?" in question
    assert '<input type="hidden" name="confirm" value="yes">' in question
    assert f'href="{PAGE}items/{item_id}?name=Dana">Keep it</a>' in question
    unasked = await plain.post(f"items/{item_id}/delete", {"name": "Dana"})
    assert unasked.status == 400 and len(stored()) == 1
    reply = await plain.post(f"items/{item_id}/delete", {"name": "Dana", "confirm": "yes"})
    assert reply.status == 303
    assert reply.headers["Location"] == f"{PAGE}?name=Dana&said=deleted-{item_id}"
    assert stored() == []
    assert _changes(item_id)[-1][:2] == ("delete", "Dana")
    _, page = await plain.get(f"?name=Dana&said=deleted-{item_id}")
    assert f"Item {item_id} deleted." in page and row_of(page, "everyone", item_id) is None


async def test_someone_elses_item_is_refused_with_the_apps_sentence(plain: Plain) -> None:
    item_id = _add(plain, "Find the 1,000 leads", "Dana", "facilitator")
    await plain.settled()
    sentence = (f"Item {item_id} is Dana's (added by facilitator): only they or the "
                "facilitator can change it.")
    for method, path, data in (("GET", f"items/{item_id}?name=Priya", None),
                               ("POST", f"items/{item_id}", {"name": "Priya", "text": "x",
                                                             "owner": "Priya", "due": "",
                                                             "status": "dropped"}),
                               ("POST", f"items/{item_id}/close", {"name": "Priya"}),
                               ("GET", f"items/{item_id}/delete?name=Priya", None),
                               ("POST", f"items/{item_id}/delete", {"name": "Priya",
                                                                    "confirm": "yes"})):
        if method == "GET":
            status, page = await plain.get(path)
        else:
            reply = await plain.post(path, data or {})
            status, page = reply.status, await reply.text()
        assert status == 400, path
        assert html.escape(sentence) in page, path
    nameless = await plain.post(f"items/{item_id}/close", {})
    assert "Type your name first: you can change the items you own or added." in (
        await nameless.text())
    missing = await plain.post("items/99/close", {"name": "Dana"})
    assert "No action item 99 in this run" in await missing.text()
    [item] = stored()
    assert item.status == "open" and _changes(item_id) == []


async def test_the_servers_checks_come_first(plain: Plain) -> None:
    for path in ("/", f"/j/{'x' * 16}/", f"/j/{PAGE[3:-2]}/state", "/j/",
                 "/static/attendee.js", f"/j/{PAGE[3:-1].upper()}/"):
        reply = await plain.client.get(path)
        assert (reply.status, await reply.text()) == (403, "403: Forbidden\n"), path
    port = plain.client.port
    for headers in ({"Host": "evil.example"}, {"Host": f"evil.example:{port}"}):
        assert (await plain.get("", **headers))[0] == 403
    form = {"name": "Dana", "text": "Plant a backdoor", "owner": "Dana", "due": "",
            "session": ""}
    for origin in (None, "http://evil.example", "null", f"http://127.0.0.1:{port + 1}"):
        reply = await plain.post("add", form, origin=origin)
        assert (reply.status, await reply.text()) == (403, "403: Forbidden\n"), origin
    reply = await plain.post("add", form, origin=None, Host=f"evil.example:{port}")
    assert reply.status == 403
    assert stored() == []
    too_big = await plain.post("add", {**form, "text": "x" * 70_000})
    assert too_big.status == 413 and stored() == []
    # Nothing but the page's own files: no listing, no other file.
    for path in ("static/", "static/attendee.css", "static/attendee.js",
                 "static/../room.py", "static/%2e%2e/room.py", "room.py", "items/x"):
        status, body = await plain.get(path)
        served = path in ("static/attendee.css", "static/attendee.js")
        assert (status == 200) == served and "<a href" not in body, path
    reply = await plain.client.get(PAGE + "static/attendee.js")
    assert reply.headers["Content-Type"].startswith("text/javascript")
    assert (await plain.client.put(PAGE + "add", headers={"Origin": plain.origin})).status == 405


async def test_every_page_says_how_it_may_be_used(plain: Plain) -> None:
    item_id = _add(plain, "Fix the 404s", "Dana", "Dana")
    await plain.settled()
    for path in ("?name=Dana", f"items/{item_id}?name=Dana",
                 f"items/{item_id}/delete?name=Dana"):
        reply = await plain.client.get(PAGE + path)
        assert reply.status == 200
        headers = reply.headers
        assert headers["Cache-Control"] == "no-store"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "same-origin"
        policy = headers["Content-Security-Policy"]
        assert "script-src 'self';" in policy and "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy and "form-action 'self'" in policy


async def test_the_state_answers_204_until_something_changes(plain: Plain) -> None:
    _, page = await plain.get("?name=Priya")
    version = page.split('data-v="', 1)[1].split('"', 1)[0]
    reply = await plain.client.get(f"{PAGE}state?name=Priya&v={version}")
    assert reply.status == 204 and await reply.read() == b""
    # `tuneup log` in another process: the watch sees the commit, the state carries the item.
    env = {**os.environ}
    result = subprocess.run([sys.executable, "-m", "tuneup_tui", "log", "Check the UTM tags",
                             "--owner", "Priya", "--by", "Dana"], capture_output=True,
                            text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    for _ in range(200):
        reply = await plain.client.get(f"{PAGE}state?name=Priya&v={version}")
        if reply.status == 200:
            break
        await asyncio.sleep(0.05)
    assert reply.status == 200
    state = json.loads(await reply.text())
    assert state["v"] == int(version) + 1
    assert state["now"] == "Now: Site Health"
    assert state["run"] == f"Run {plain.run.id}: Tune Up (2026-11-23, in progress)"
    assert "Check the UTM tags" in state["everyone"] and "Check the UTM tags" in state["mine"]
    assert "Edit</a>" in state["mine"]  # Priya owns it
    reply = await plain.client.get(f"{PAGE}state?name=Priya&v={state['v']}")
    assert reply.status == 204
    # A commit that changes nothing shown (another run's item) moves no version.
    with RunStore.open_default() as store:
        other = store.create_run(title="Other", series="x", cadence="day", agenda_toml="",
                                 as_of=plain.run.as_of, data_dir=None, mode="facilitator",
                                 speed=1, anchor=plain.run.anchor,
                                 started_at=plain.run.started_at)
        store.add_action(other.id, "Not on this page", "Leo")
    await asyncio.sleep(0.3)
    assert plain.server.room.state.version == state["v"]


async def test_a_damaged_form_is_one_line_and_the_server_goes_on(plain: Plain) -> None:
    damaged = (b'--b\r\nContent-Disposition: form-data; name="text"\r\n\r\nx\r\n--b\r\nbroken',
               "multipart/form-data; boundary=b")
    unknown = (b"text=x&owner=Dana", "application/x-www-form-urlencoded; charset=klingon")
    for body, kind in (damaged, unknown):
        reply = await plain.client.post(f"{PAGE}add?name=Dana", data=body, headers={
            "Origin": plain.origin, "Content-Type": kind})
        page = await reply.text()
        assert reply.status == 400
        assert ('<p class="problem" role="alert" id="said">The form could not be read (it came '
                "damaged): send it again.</p>") in page
        assert "You: <strong>Dana</strong>" in page
    assert stored() == []
    assert (await plain.get("?name=Dana"))[0] == 200
