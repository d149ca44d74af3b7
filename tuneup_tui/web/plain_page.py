"""The plain attendee page: HTML and forms from the server itself, no process per attendee.

`/j/CODE/` shows the run, the session the room is in, who you are (`?name=`), an add form and
the items; `add`, `items/ID` (edit), `items/ID/close` and `items/ID/delete` (after a question)
take the forms, each change recorded under the attendee's name as the attendee app records
it. A form that is taken redirects back to the page (303, Post/Redirect/Get) with a one-line
message; one that is refused is shown again with everything typed and why (400; 503 when the
store stayed busy). `state` answers the page's script: 204 when nothing changed since the
version it has, else the new lines and rows. The server's checks (the code, Host, Origin) are
made before any of this (web.server).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from importlib.resources import files
from pathlib import Path

from aiohttp import web

from tuneup_tui.store.day_record import ActionItem
from tuneup_tui.store.db import RunStore, StoreError
from tuneup_tui.store.item_form import is_theirs, not_theirs
from tuneup_tui.web import render
from tuneup_tui.web.forms import Typed, check_add, check_edit, clean_name, item_fields, typed_from
from tuneup_tui.web.room import RoomWatch, StoreBusyNow

STATIC = {"attendee.css": "text/css", "attendee.js": "text/javascript"}
_STATIC_ROOT = Path(str(files("tuneup_tui.web").joinpath("static")))
HEADERS = {
    "Cache-Control": "no-store",
    # Not no-referrer: with it, browsers send `Origin: null` on the page's own form posts,
    # and every post must name this page's origin. Same-origin still gives no other site
    # the address (nor its code), and the page links nowhere else.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "img-src 'self'; connect-src 'self'; form-action 'self'; "
                               "base-uri 'none'; frame-ancestors 'none'",
}
SAID = re.compile(r"(added|saved|closed|deleted)-([0-9]{1,12})")
UNREADABLE = "The form could not be read (it came damaged): send it again."
BUSY = ("The run store is busy (another tuneup is writing to it); nothing was saved yet: "
        "send it again.")


class PlainPage:
    """The handlers of the plain page for one run."""

    def __init__(self, prefix: str, title: str, watch: RoomWatch, *,
                 today: Callable[[], date] = date.today) -> None:
        self.prefix = prefix
        self.title = title
        self.watch = watch
        self.today = today

    async def route(self, request: web.Request, rest: str) -> web.StreamResponse:
        """`rest`: the path after the page's prefix."""
        post = request.method == "POST"
        typed = Typed(request.query)
        if post:
            posted = await _typed(request)
            if posted is None:
                return self._page_saying(self.view(typed.get("name")), None, UNREADABLE)
            typed = posted
        if rest == "":
            return self.page(request) if not post else _not_allowed()
        if rest == "state":
            return self.state(request) if not post else _not_allowed()
        if rest == "add":
            return await self.add(typed) if post else self._back(request)
        if rest.startswith("static/") and rest[7:] in STATIC and not post:
            return web.FileResponse(_STATIC_ROOT / rest[7:], headers={
                "Cache-Control": "no-cache", "Content-Type": STATIC[rest[7:]],
                "X-Content-Type-Options": "nosniff"})
        found = re.fullmatch(r"items/([0-9]{1,12})(/close|/delete)?", rest)
        if found is None:
            return web.Response(status=404, text="404: Not Found\n")
        item_id, step = int(found[1]), found[2] or ""
        if step == "/close":
            return await self.close(typed, item_id) if post else self._back(request)
        if step == "/delete":
            return await self.delete(typed, item_id, post)
        return await self.edit(typed, item_id, post)

    # what it shows
    def view(self, name: str) -> render.View:
        state = self.watch.state
        name = clean_name(name)
        return render.View(self.prefix, self.title,
                           state.snapshot.person(name) or name if name else "", state,
                           self.today())

    def page(self, request: web.Request) -> web.Response:
        view = self.view(request.query.get("name", ""))
        said = SAID.fullmatch(request.query.get("said", ""))
        return _html(render.main_page(view, said=self._said(view, said)))

    def state(self, request: web.Request) -> web.Response:
        """204 when the page has the latest version; else its lines and rows, as JSON."""
        state = self.watch.state
        if request.query.get("v", "") == str(state.version):
            return web.Response(status=204, headers={"Cache-Control": "no-store"})
        view = self.view(request.query.get("name", ""))
        body = {"v": state.version, "run": render.run_line(state), "now": render.now_line(state),
                "mine": render.rows(view, "mine", render.mine(view)),
                "everyone": render.rows(view, "everyone", state.items)}
        return web.Response(text=json.dumps(body), content_type="application/json",
                            headers={"Cache-Control": "no-store",
                                     "X-Content-Type-Options": "nosniff"})

    # what it takes
    async def add(self, typed: Typed) -> web.Response:
        view = self.view(typed.get("name"))
        run = view.state.run
        if run is None:
            return self._page_saying(view, typed, "No run in progress yet: items can be added "
                                     "once the day starts.")
        snapshot = view.state.snapshot
        problem, item = check_add(typed, roster=snapshot.roster, topics=snapshot.topics,
                                  today=view.today)
        if item is None:
            return self._page_saying(view, typed, problem)
        try:
            saved = await self.watch.write(
                RunStore.add_action, run.id, item.text, item.owner, due=item.due,
                session=item.session, created_by=view.attendee or "attendee")
        except StoreBusyNow:
            return self._page_saying(view, typed, BUSY, status=503)
        except StoreError as err:
            return self._page_saying(view, typed, f"Not added: {err}")
        return self._done(view, f"added-{saved.id}")

    async def edit(self, typed: Typed, item_id: int, post: bool) -> web.Response:
        view = self.view(typed.get("name"))
        item = self._theirs(view, item_id)
        if isinstance(item, web.Response):
            return item
        if not post:
            return _html(render.edit_page(view, item, item_fields(item)))
        problem, edit = check_edit(typed, item, roster=view.state.snapshot.roster,
                                   today=view.today)
        if edit is None:
            return _html(render.edit_page(view, item, typed, problem), status=400)
        try:
            await self.watch.write(RunStore.update_action, item.id, text=edit.text,
                                   owner=edit.owner, due=edit.due, clear_due=edit.due is None,
                                   status=edit.status, by=view.attendee)
        except StoreBusyNow:
            return _html(render.edit_page(view, item, typed, BUSY), status=503)
        except StoreError as err:
            return _html(render.edit_page(view, item, typed, f"Not saved: {err}"), status=400)
        return self._done(view, f"saved-{item.id}")

    async def close(self, typed: Typed, item_id: int) -> web.Response:
        view = self.view(typed.get("name"))
        item = self._theirs(view, item_id)
        if isinstance(item, web.Response):
            return item
        if item.status == "done":
            return self._page_saying(view, None, f"Item {item.id} is already done.")
        try:
            await self.watch.write(RunStore.update_action, item.id, status="done",
                                   by=view.attendee)
        except StoreBusyNow:
            return self._page_saying(view, None, BUSY, status=503)
        except StoreError as err:
            return self._page_saying(view, None, f"Not closed: {err}")
        return self._done(view, f"closed-{item.id}")

    async def delete(self, typed: Typed, item_id: int, post: bool) -> web.Response:
        view = self.view(typed.get("name"))
        item = self._theirs(view, item_id)
        if isinstance(item, web.Response):
            return item
        if not post:
            return _html(render.delete_page(view, item))
        if typed.get("confirm") != "yes":
            return _html(render.delete_page(view, item, "Delete it from this page: answer "
                                            "the question first."), status=400)
        try:
            await self.watch.write(RunStore.delete_action, item.id, by=view.attendee)
        except StoreBusyNow:
            return _html(render.delete_page(view, item, BUSY), status=503)
        except StoreError as err:
            return _html(render.delete_page(view, item, f"Not deleted: {err}"), status=400)
        return self._done(view, f"deleted-{item.id}")

    # the answers
    def _theirs(self, view: render.View, item_id: int) -> ActionItem | web.Response:
        """The item when it is the attendee's; else the page saying why not (400)."""
        item = view.state.item(item_id)
        if not view.attendee:
            problem = "Type your name first: you can change the items you own or added."
        elif item is None:
            problem = f"No action item {item_id} in this run (it may have been deleted)."
        elif not is_theirs(item, view.attendee):
            problem = not_theirs(item)
        else:
            return item
        return self._page_saying(view, None, problem)

    def _page_saying(self, view: render.View, typed: Typed | None, problem: str, *,
                     status: int = 400) -> web.Response:
        """The page again, with what was typed in the add form and why it was refused."""
        return _html(render.main_page(view, problem=problem, typed=typed), status=status)

    def _done(self, view: render.View, said: str) -> web.Response:
        raise web.HTTPSeeOther(view.url(said=said), headers={"Cache-Control": "no-store"})

    def _back(self, request: web.Request) -> web.Response:
        """A form's address opened as a page (a bookmark, a reload): the page itself."""
        raise web.HTTPSeeOther(self.prefix + (f"?{request.query_string}"
                                              if request.query_string else ""))

    @staticmethod
    def _said(view: render.View, said: re.Match[str] | None) -> str:
        """The one line a redirect after a change says (from its kind and the item's id, so
        an address can't make the page say anything else)."""
        if said is None:
            return ""
        kind, item_id = said[1], int(said[2])
        if kind == "added":
            item = view.state.item(item_id)
            if item is None:
                return f"Added item {item_id}."
            roster = view.state.snapshot.roster
            note = "" if not roster or view.state.snapshot.person(item.owner) else (
                f" ({item.owner} is not on the roster)")
            return f"Added item {item_id} for {item.owner}{note}."
        return {"saved": f"Item {item_id} saved.", "closed": f"Item {item_id} closed as done.",
                "deleted": f"Item {item_id} deleted."}[kind]


async def _typed(request: web.Request) -> Typed | None:
    """The posted form's fields; None when the body can't be read as a form (413 when it is
    past the size limit)."""
    try:
        return typed_from(await request.post())
    except web.HTTPException:
        raise
    except Exception:  # a damaged body, an unknown charset: aiohttp's many errors alike
        return None


def _html(body: str, *, status: int = 200) -> web.Response:
    return web.Response(text=body, status=status, content_type="text/html",
                        headers=HEADERS)


def _not_allowed() -> web.Response:
    return web.Response(status=405, text="405: Method Not Allowed\n")
