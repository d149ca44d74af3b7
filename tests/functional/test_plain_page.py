"""The plain attendee page: what it shows, adding an item (Post/Redirect/Get), and every
refusal shown again with what was typed. The day is 2026-11-23, a Monday, at 09:10, in Site
Health (tests/functional/plain_served.py)."""

from __future__ import annotations

import html
import sqlite3

import pytest

from tests.functional.plain_served import (
    PAGE,
    Plain,
    cells,
    field_value,
    plain,
    plain_on_either_store,
    row_of,
    stored,
)
from tuneup_tui import paths
from tuneup_tui.store.db import RunStore
from tuneup_tui.web import room

__all__ = ["plain", "plain_on_either_store"]


async def test_the_page_shows_the_run_the_session_and_who_you_are(plain: Plain) -> None:
    status, page = await plain.get("?name=priya")
    assert status == 200
    assert f'<p id="run-line">Run {plain.run.id}: Tune Up (2026-11-23, in progress)</p>' in page
    assert '<p id="now-line">Now: Site Health</p>' in page
    assert "You: <strong>Priya</strong>" in page  # the roster's spelling of ?name=priya
    # The add form: Priya owns it unless changed, due a week ahead, in the current session.
    assert field_value(page, "owner") == "Priya"
    assert field_value(page, "due") == "2026-11-30"
    assert field_value(page, "session") == "Site Health"
    assert field_value(page, "text") == ""
    assert ('<datalist id="roster"><option value="Dana"></option><option value="Priya">'
            "</option></datalist>") in page
    assert ('<datalist id="topics"><option value="Traffic Study"></option>'
            '<option value="Site Health"></option></datalist>') in page
    for heading in ("Add an action item", "My action items", "Everyone's action items"):
        assert f"<h2>{heading}</h2>" in page
    assert "<th scope=\"col\">id</th><th scope=\"col\">owner</th><th scope=\"col\">due</th>" \
           "<th scope=\"col\">status</th><th scope=\"col\">session</th>" \
           "<th scope=\"col\">text</th>" in page
    # The app with keys, a link away; the script and style sheet from this server, no inline
    # script, nothing from elsewhere.
    assert f'<a href="{PAGE}terminal/?name=Priya">The attendee app with keys</a>' in page
    assert f'<script src="{PAGE}static/attendee.js" defer></script>' in page
    assert page.count("<script") == 1 and "http" not in page
    assert "Who are you?" not in page


async def test_without_a_name_the_roster_is_offered(plain: Plain) -> None:
    status, page = await plain.get("")
    assert status == 200
    assert "You: not named yet" in page and "<h2>Who are you?</h2>" in page
    assert f'<li><a href="{PAGE}?name=Dana">Dana</a></li>' in page
    assert f'<li><a href="{PAGE}?name=Priya">Priya</a></li>' in page
    assert f'<form method="get" action="{PAGE}" class="name-form">' in page
    assert "Not on the list? Type your name:" in page
    assert field_value(page, "owner") == ""
    # A guest's name is taken as typed, control characters left out, cut to 60.
    _, guest = await plain.get("?name=Zed%1b%5B2J%07")
    assert "You: <strong>Zed[2J</strong>" in guest
    _, long = await plain.get("?name=" + "x" * 80)
    assert f"You: <strong>{'x' * 60}</strong>" in long


async def test_an_item_added_is_stored_under_the_attendee_and_shown(plain: Plain) -> None:
    reply = await plain.post("add", {"name": "Priya", "text": "Fix the 404s on /pricing",
                                     "owner": "dana", "due": "+10", "session": "site health"})
    [item] = stored()
    assert reply.status == 303
    assert reply.headers["Location"] == f"{PAGE}?name=Priya&said=added-{item.id}"
    assert (item.text, item.owner, item.due.isoformat(), item.session, item.created_by,
            item.status) == ("Fix the 404s on /pricing", "Dana", "2026-12-03", "Site Health",
                             "Priya", "open")
    _, page = await plain.get(f"?name=Priya&said=added-{item.id}")
    assert f'<p class="said" role="status" id="said">Added item {item.id} for Dana.</p>' in page
    expected = [str(item.id), "Dana", "2026-12-03", "open", "Site Health",
                "Fix the 404s on /pricing"]
    assert cells(page, "everyone", item.id) == expected
    # Dana's to do, so not in Priya's list; Priya added it, so she can fix it from everyone's.
    assert row_of(page, "mine", item.id) is None
    assert f'href="{PAGE}items/{item.id}?name=Priya">Edit</a>' in page
    # Dana sees it as hers; Leo, neither owner nor author, only in everyone's.
    _, dana = await plain.get("?name=Dana")
    assert row_of(dana, "mine", item.id) is not None
    _, leo = await plain.get("?name=Leo")
    assert row_of(leo, "mine", item.id) is None and "Edit</a>" not in leo
    assert row_of(leo, "everyone", item.id) is not None


async def test_add_close_and_see_it_live_on_either_store(plain_on_either_store: Plain) -> None:
    plain = plain_on_either_store
    _, page = await plain.get("?name=Dana")
    version = page.split('data-v="', 1)[1].split('"', 1)[0]
    reply = await plain.post("add", {"name": "Dana", "text": "Merge the duplicate leads",
                                     "owner": "Dana", "due": "tomorrow", "session": ""})
    assert reply.status == 303
    [item] = stored()
    assert (item.owner, item.due.isoformat(), item.created_by) == ("Dana", "2026-11-24", "Dana")
    state = await plain.client.get(f"{PAGE}state?name=Dana&v={version}")
    assert state.status == 200 and "Merge the duplicate leads" in await state.text()
    closed = await plain.post(f"items/{item.id}/close", {"name": "Dana"})
    assert closed.status == 303 and stored()[0].status == "done"


async def test_an_owner_off_the_roster_is_taken_and_said(plain: Plain) -> None:
    reply = await plain.post("add", {"name": "Priya", "text": "Call the agency", "owner": "Zed",
                                     "due": "fri", "session": ""})
    [item] = stored()
    assert (item.owner, item.due.isoformat(), item.session) == ("Zed", "2026-11-27", None)
    _, page = await plain.get(reply.headers["Location"].removeprefix(PAGE))
    assert f"Added item {item.id} for Zed (Zed is not on the roster)." in page


async def test_without_a_name_the_item_is_added_by_attendee(plain: Plain) -> None:
    reply = await plain.post("add", {"text": "Ask about the budget", "owner": "Dana",
                                     "due": "", "session": ""})
    assert reply.status == 303 and reply.headers["Location"].startswith(f"{PAGE}?said=added-")
    [item] = stored()
    assert (item.created_by, item.due) == ("attendee", None)


@pytest.mark.parametrize(("fields", "reason"), [
    ({"due": "12/1"}, "Due date '12/1': expected a date like 2026-12-04, +N days, a weekday, "
                      "today or tomorrow."),
    ({"due": "2026-11-01"}, "Due date 2026-11-01 is in the past (today is 2026-11-23)."),
    ({"due": "9999-12-31"}, "Due date 9999-12-31 is more than 5 years ahead; expected one by "
                            "2031-11-23."),
    ({"text": "   "}, "Say what needs doing."),
    ({"owner": ""}, "Every action item needs an owner."),
    ({"session": "Lunch <break>"}, "No session 'Lunch <break>'; sessions: Traffic Study, "
                                   "Site Health."),
    ({"text": "x" * 2001}, "The text is 2001 characters long; at most 2000 are taken."),
])
async def test_a_refused_item_keeps_everything_typed(plain: Plain, fields: dict[str, str],
                                                     reason: str) -> None:
    typed = {"name": "Priya", "text": "Recheck <b>404s</b> & \"redirects\"", "owner": "Dana",
             "due": "2026-12-04", "session": "Traffic Study", **fields}
    reply = await plain.post("add", typed)
    page = await reply.text()
    assert reply.status == 400
    assert f'<p class="problem" role="alert" id="said">{html.escape(reason)}</p>' in page
    for name in ("text", "owner", "due", "session"):
        assert html.unescape(field_value(page, name)) == typed[name], name
    assert stored() == []


async def test_a_busy_store_refuses_with_503_and_keeps_the_form(
        plain: Plain, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(room, "BUSY_PATIENCE", 0.3)
    holder = sqlite3.connect(paths.store_address(), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        reply = await plain.post("add", {"name": "Dana", "text": "Fix the sitemap",
                                         "owner": "Dana", "due": "+3", "session": ""})
        page = await reply.text()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert reply.status == 503
    assert "The run store is busy (another tuneup is writing to it); nothing was saved yet: " \
           "send it again." in page
    assert field_value(page, "text") == "Fix the sitemap" and field_value(page, "due") == "+3"
    assert stored() == []
    # Free again: the same form goes through.
    again = await plain.post("add", {"name": "Dana", "text": "Fix the sitemap", "owner": "Dana",
                                     "due": "+3", "session": ""})
    assert again.status == 303 and [i.text for i in stored()] == ["Fix the sitemap"]


async def test_hostile_text_shows_as_typed(plain: Plain) -> None:
    text = "<script>alert(1)</script> [red]x[/] & \"quoted\" 'single'"
    with RunStore.open_default() as store:
        item = store.add_action(plain.run.id, text, "<img src=x onerror=alert(1)>",
                                session="Site Health", created_by="Priya")
        # A row written before the store kept control characters out (as the app guards).
        store._conn.execute("UPDATE action_items SET owner = ? WHERE id = ?",
                            ("Dana\x1b[2J\x07", item.id))
    await plain.settled()
    _, page = await plain.get("?name=Priya%3Cb%3E")
    assert "<script>alert" not in page and "<img" not in page and "<b>" not in page
    assert cells(page, "everyone", item.id)[5] == (
        "&lt;script&gt;alert(1)&lt;/script&gt; [red]x[/] &amp; &quot;quoted&quot; "
        "&#x27;single&#x27;")
    assert cells(page, "everyone", item.id)[1] == "Dana␛[2J␇"
    assert "You: <strong>Priya&lt;b&gt;</strong>" in page
