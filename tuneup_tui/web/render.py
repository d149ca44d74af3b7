"""The attendee page's HTML: the run, the session, the attendee, the add form and the items.

Every text that came from people or files (an item, a name, a title, a topic) goes through
`esc`: control characters become symbols (textsafe.visible_line, as the attendee app draws
them) and HTML's own characters are escaped, so `<script>` or `[red]x[/]` show as typed. The
page loads its style sheet and script from this server only, and has no inline script.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlencode

from tuneup_tui.store.day_record import ActionItem
from tuneup_tui.store.item_form import ITEM_COLUMNS, is_theirs, item_cells
from tuneup_tui.store.models import ACTION_STATUSES
from tuneup_tui.textsafe import visible_line
from tuneup_tui.web.forms import (
    DUE_LIMIT,
    NAME_LIMIT,
    SESSION_LIMIT,
    TEXT_LIMIT,
    Typed,
)
from tuneup_tui.web.room import RoomState

DUE_HINT = "2026-12-04, +N days, fri, today"


def esc(text: str) -> str:
    """`text` shown as typed, on one line, safe inside HTML text and attribute values."""
    return html.escape(visible_line(text), quote=True)


@dataclass(frozen=True)
class View:
    """One attendee's view of the room: where the page is, who they are, what it shows."""

    prefix: str
    """The page's path with its join code: `/j/CODE/`."""
    title: str
    attendee: str
    state: RoomState
    today: date

    def url(self, path: str = "", **query: str) -> str:
        """A path of this page, the attendee's name kept in it."""
        params = {"name": self.attendee} if self.attendee else {}
        params.update({k: v for k, v in query.items() if v})
        return self.prefix + path + (f"?{urlencode(params)}" if params else "")

    def hidden_name(self) -> str:
        return f'<input type="hidden" name="name" value="{esc(self.attendee)}">'


def run_line(state: RoomState) -> str:
    if state.run is None:
        return ("No run in progress yet; this page follows the day once it starts."
                if state.problem is None else f"The run store can't be read: {state.problem}")
    run = state.run
    when = "ended" if run.finished else "in progress"
    return f"Run {run.id}: {run.title} ({run.as_of.isoformat()}, {when})"


def now_line(state: RoomState) -> str:
    return f"Now: {state.session}" if state.session else "Now: no session running"


def document(view: View, title: str, body: str) -> str:
    """A whole page: its head (this server's style sheet and script) and `body`."""
    static = html.escape(view.prefix + "static/", quote=True)
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{esc(title)}</title>\n"
            f"<link rel=\"stylesheet\" href=\"{static}attendee.css\">\n"
            f"<script src=\"{static}attendee.js\" defer></script>\n"
            f"</head>\n<body>\n{body}\n</body>\n</html>\n")


def main_page(view: View, *, said: str = "", problem: str = "",
              typed: Typed | None = None) -> str:
    """The attendee page: the run and session, who you are, the add form (with what was
    typed, after a refusal), my items and everyone's."""
    state = view.state
    parts = [_header(view), _said(said, problem)]
    if not view.attendee:
        parts.append(_picker(view))
    parts.append(f'<div id="room" data-state="{esc(view.url("state"))}" '
                 f'data-v="{state.version}">')
    parts.append(_add_form(view, typed))
    parts.append(_table(view, "mine", "My action items", mine(view)))
    parts.append(_table(view, "everyone", "Everyone's action items", state.items))
    parts.append("</div>")
    parts.append(_footer(view))
    return document(view, view.title, "\n".join(p for p in parts if p))


def mine(view: View) -> list[ActionItem]:
    """The items the attendee owns (as the attendee app's "My action items" lists them; those
    they added for others show in everyone's, with Edit)."""
    me = view.attendee.strip().casefold()
    return [i for i in view.state.items if me and i.owner.casefold() == me]


def rows(view: View, table_id: str, items: Sequence[ActionItem]) -> str:
    """A table's rows (the live script swaps them in as they change)."""
    if not items:
        return (f'<tr class="none"><td colspan="{len(ITEM_COLUMNS) + 1}">'
                "No action items yet.</td></tr>")
    return "\n".join(_row(view, table_id, item) for item in items)


def _row(view: View, table_id: str, item: ActionItem) -> str:
    tds = "".join(f'<td data-label="{name}" class="{name}">{esc(value)}</td>'
                  for name, value in zip(ITEM_COLUMNS, item_cells(item), strict=True))
    controls = ""
    if is_theirs(item, view.attendee):
        controls = f'<a href="{esc(view.url(f"items/{item.id}"))}">Edit</a>'
        if item.status != "done":
            controls += (f'<form method="post" action="{esc(view.prefix)}items/{item.id}/close">'
                         f'{view.hidden_name()}<button type="submit">Close</button></form>')
    return (f'<tr id="{table_id}-{item.id}" class="{item.status}">{tds}'
            f'<td class="yours">{controls}</td></tr>')


def _header(view: View) -> str:
    state = view.state
    me = (f'You: <strong>{esc(view.attendee)}</strong> · <a href="{esc(view.prefix)}">'
          "not you?</a>" if view.attendee else "You: not named yet: pick your name below.")
    return ("<header>\n<h1>tuneup attend</h1>\n"
            f'<p id="run-line">{esc(run_line(state))}</p>\n'
            f'<p id="now-line">{esc(now_line(state))}</p>\n'
            f'<p id="me-line">{me} · <a href="{esc(view.url())}" id="refresh">Refresh</a>'
            '<span id="live" hidden></span></p>\n</header>')


def _said(said: str, problem: str) -> str:
    if problem:
        return f'<p class="problem" role="alert" id="said">{esc(problem)}</p>'
    if said:
        return f'<p class="said" role="status" id="said">{esc(said)}</p>'
    return ""


def _picker(view: View) -> str:
    roster = view.state.snapshot.roster
    links = "".join(f'<li><a href="{esc(view.prefix)}?{esc(urlencode({"name": name}))}">'
                    f"{esc(name)}</a></li>" for name in roster)
    listed = (f'<p>Pick your name:</p>\n<ul class="roster">{links}</ul>\n' if roster else "")
    ask = "Not on the list? Type your name:" if roster else "Your name:"
    return ('<section id="who">\n<h2>Who are you?</h2>\n' + listed +
            f'<form method="get" action="{esc(view.prefix)}" class="name-form">'
            f'<label for="name-typed">{ask}</label>'
            f'<input id="name-typed" name="name" maxlength="{NAME_LIMIT}" required '
            'autocomplete="name">'
            '<button type="submit">That\'s me</button></form>\n</section>')


def _add_form(view: View, typed: Typed | None) -> str:
    state = view.state
    if typed is None:
        typed = Typed({"text": "", "owner": view.attendee,
                       "due": (view.today + timedelta(days=7)).isoformat(),
                       "session": state.session or ""})
    return ('<section id="add">\n<h2>Add an action item</h2>\n'
            f'<form method="post" action="{esc(view.prefix)}add" class="item-form">\n'
            f"{view.hidden_name()}\n"
            + _field("text", "Text", typed, TEXT_LIMIT, placeholder="What is to be done",
                     required=True)
            + _field("owner", "Owner", typed, NAME_LIMIT, listed="roster", required=True,
                     placeholder="who will do it")
            + _field("due", "Due", typed, DUE_LIMIT, placeholder=DUE_HINT,
                     hint="a date, +N days, a weekday, today or tomorrow; empty: none")
            + _field("session", "Session", typed, SESSION_LIMIT, listed="topics",
                     placeholder="optional")
            + _options("roster", state.snapshot.roster) + _options("topics",
                                                                  state.snapshot.topics)
            + '<button type="submit" class="primary">Add</button>\n</form>\n</section>')


def _field(name: str, label: str, typed: Typed, limit: int, *, placeholder: str = "",
           listed: str = "", hint: str = "", required: bool = False) -> str:
    field_id = f"field-{name}"
    extra = f' list="{listed}"' if listed else ""
    extra += " required" if required else ""
    extra += f' aria-describedby="{field_id}-hint"' if hint else ""
    shown_hint = f'<small id="{field_id}-hint">{esc(hint)}</small>' if hint else ""
    # What was typed comes back exactly (html.escape only): nothing typed is changed or lost.
    value = html.escape(typed.get(name), quote=True)
    return (f'<label for="{field_id}">{label}</label>'
            f'<input id="{field_id}" name="{name}" value="{value}" maxlength="{limit}" '
            f'placeholder="{esc(placeholder)}" autocomplete="off"{extra}>{shown_hint}\n')


def _options(list_id: str, names: Iterable[str]) -> str:
    options = "".join(f'<option value="{esc(name)}"></option>' for name in names)
    return f'<datalist id="{list_id}">{options}</datalist>\n'


def _table(view: View, table_id: str, heading: str, items: Sequence[ActionItem]) -> str:
    head = "".join(f'<th scope="col">{name}</th>' for name in ITEM_COLUMNS)
    return (f'<section id="{table_id}">\n<h2>{heading}</h2>\n'
            f'<table class="items"><thead><tr>{head}<th scope="col" class="yours">'
            '<span class="hidden">yours</span></th></tr></thead>\n'
            f'<tbody id="{table_id}-rows">{rows(view, table_id, items)}</tbody></table>\n'
            "</section>")


def _footer(view: View) -> str:
    return ('<footer>\n<p><a href="' + esc(view.url("terminal/")) + '">The attendee app '
            "with keys</a>: the same in a terminal drawn in the browser, for a keyboard.</p>\n"
            "<p>Every change you make is kept under your name.</p>\n</footer>")


def edit_page(view: View, item: ActionItem, typed: Typed, problem: str = "") -> str:
    """The form to fix one of the attendee's items: text, owner, due (empty: none), status;
    Delete asks first."""
    where = f" · {item.session}" if item.session else ""
    statuses = "".join(
        f'<option value="{s}"{" selected" if typed.get("status") == s else ""}>{s}</option>'
        for s in ACTION_STATUSES)
    body = (f'<header>\n<h1>{esc(f"Action item {item.id}{where}")}</h1>\n'
            f'<p><a href="{esc(view.url())}">Back to the items</a></p>\n</header>\n'
            + _said("", problem) +
            f'\n<section id="edit">\n<form method="post" action="{esc(view.prefix)}items/'
            f'{item.id}" class="item-form">\n{view.hidden_name()}\n'
            + _field("text", "Text", typed, TEXT_LIMIT, required=True)
            + _field("owner", "Owner", typed, NAME_LIMIT, listed="roster", required=True)
            + _field("due", "Due (empty: none)", typed, DUE_LIMIT, placeholder=DUE_HINT)
            + f'<label for="field-status">Status</label><select id="field-status" '
            f'name="status">{statuses}</select>\n'
            + _options("roster", view.state.snapshot.roster)
            + '<div class="buttons"><button type="submit" class="primary">Save</button>'
            f'<a href="{esc(view.url(f"items/{item.id}/delete"))}" class="danger">Delete…</a>'
            f'<a href="{esc(view.url())}">Cancel</a></div>\n</form>\n</section>')
    return document(view, f"Action item {item.id}", body)


def delete_page(view: View, item: ActionItem, problem: str = "") -> str:
    """The question before an item is deleted."""
    question = (f"Delete action item {item.id}: {item.text} (owner {item.owner}, "
                f"{item.status})?")
    body = ('<header>\n<h1>Delete this action item?</h1>\n</header>\n' + _said("", problem)
            + f'\n<section id="delete">\n<p>{esc(question)}</p>\n'
            "<p>It leaves the day, the summary, actions.csv and the calendar. Its history is "
            "kept in the store.</p>\n"
            f'<form method="post" action="{esc(view.prefix)}items/{item.id}/delete">'
            f'{view.hidden_name()}<input type="hidden" name="confirm" value="yes">'
            '<div class="buttons"><button type="submit" class="danger">Delete</button>'
            f'<a href="{esc(view.url(f"items/{item.id}"))}">Keep it</a></div></form>\n'
            "</section>")
    return document(view, f"Delete action item {item.id}?", body)


def refused_page(view: View, problem: str) -> str:
    """A page with one line saying why, and the way back."""
    body = (f'<header>\n<h1>tuneup attend</h1>\n</header>\n{_said("", problem)}\n'
            f'<p><a href="{esc(view.url())}">Back to the items</a></p>')
    return document(view, "tuneup attend", body)
