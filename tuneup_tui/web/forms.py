"""The attendee page's forms: what was typed, bounded, and checked as the attendee app checks it.

A form that is refused is shown again with everything typed in it (`Typed`), and one line
saying why. The checks and their sentences are the app's: the Add dialog's (store.item_form)
and the Edit dialog's (text, owner, due or none, status).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from tuneup_tui.store.day_record import ActionItem
from tuneup_tui.store.due import DueDateError
from tuneup_tui.store.item_form import (
    MISSING_FIELD,
    NewAction,
    check_new_item,
    due_after_edit,
    due_problem,
    text_and_owner,
)
from tuneup_tui.store.models import ACTION_STATUSES

NAME_LIMIT = 60
"""An attendee's or an owner's name, at most (the attendee app's name field takes as many)."""
TEXT_LIMIT = 2000
"""An item's text, at most: a sentence or a short paragraph, far past any typed in a room."""
SESSION_LIMIT = 200
DUE_LIMIT = 40
LIMITS = {"text": TEXT_LIMIT, "owner": NAME_LIMIT, "due": DUE_LIMIT, "session": SESSION_LIMIT,
          "status": 10, "name": NAME_LIMIT, "confirm": 3}
WHAT = {"text": "The text", "owner": "The owner's name", "due": "The due date",
        "session": "The session", "status": "The status", "name": "Your name",
        "confirm": "The answer"}


def clean_name(text: str) -> str:
    """A name from an address or a form: printable characters only, trimmed, at most
    NAME_LIMIT."""
    kept = "".join(c for c in text if not unicodedata.category(c).startswith("C"))
    return " ".join(kept.split())[:NAME_LIMIT]


@dataclass(frozen=True)
class Typed:
    """A form's fields as the attendee typed them (kept whole, to be shown again)."""

    fields: Mapping[str, str]

    def get(self, name: str) -> str:
        return self.fields.get(name, "")

    def too_long(self) -> str | None:
        """The first field past its limit, in one line; None when all fit."""
        for name, limit in LIMITS.items():
            if len(self.get(name)) > limit:
                return (f"{WHAT[name]} is {len(self.get(name))} characters long; "
                        f"at most {limit} are taken.")
        return None


def typed_from(form: Mapping[str, object]) -> Typed:
    """The text fields of a posted form (a file or a repeated field counts once, as text)."""
    return Typed({name: value for name in LIMITS
                  if isinstance(value := form.get(name, ""), str)})


def check_add(typed: Typed, *, roster: Sequence[str], topics: Sequence[str],
              today: date) -> tuple[str, NewAction | None]:
    """The new item, or the one-line reason it can't be added (the app's Add dialog's)."""
    problem = typed.too_long()
    if problem is not None:
        return problem, None
    return check_new_item(typed.get("text"), typed.get("owner"), typed.get("due"),
                          typed.get("session"), roster=roster, topics=topics, today=today)


@dataclass(frozen=True)
class ItemEdit:
    """An item's fields as they are to be saved."""

    text: str
    owner: str
    due: date | None
    status: str


def check_edit(typed: Typed, item: ActionItem, *, roster: Sequence[str],
               today: date) -> tuple[str, ItemEdit | None]:
    """The item as edited, or the one-line reason it can't be saved (the Edit dialog's). The
    due date it already has stands, even once it has passed; empty is no due date."""
    problem = typed.too_long()
    if problem is not None:
        return problem, None
    text, owner = text_and_owner(typed.get("text"), typed.get("owner"), roster)
    if owner is None:
        return MISSING_FIELD[text], None
    try:
        due = due_after_edit(typed.get("due"), item.due, today)
    except DueDateError as err:
        return due_problem(err), None
    status = typed.get("status").strip() or item.status
    if status not in ACTION_STATUSES:
        return f"Status: expected {', '.join(ACTION_STATUSES)}, got {status!r}.", None
    return "", ItemEdit(text=text, owner=owner, due=due, status=status)


def item_fields(item: ActionItem) -> Typed:
    """An item's fields as the edit form shows them first."""
    return Typed({"text": item.text, "owner": item.owner,
                  "due": item.due.isoformat() if item.due else "", "status": item.status})
