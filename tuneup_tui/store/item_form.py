"""An action item as an attendee types it, checked the same way wherever it is typed.

The attendee app's Add dialog and the served attendee page take the same fields (text, owner,
due, session) and refuse the same things with the same one-line sentences; an attendee may
change the items they own or added, in the app as on the page. No textual here: the page's
server uses it too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tuneup_tui.store.day_record import ActionItem
from tuneup_tui.store.due import DueDateError, read_due

MISSING_FIELD = {"text": "Say what needs doing.", "owner": "Every action item needs an owner."}
"""What every action item form says of a missing field: the console's, the attendee app's and
the attendee page's."""


@dataclass(frozen=True)
class NewAction:
    """What the attendee typed, checked."""

    text: str
    owner: str
    due: date | None
    session: str | None


def check_new_item(text: str, owner: str, due: str, session: str, *,
                   roster: Sequence[str], topics: Sequence[str],
                   today: date) -> tuple[str, NewAction | None]:
    """The item as typed, or the one-line reason it can't be added. The owner and session are
    spelled as the roster and the agenda spell them; an owner outside the roster is taken."""
    text, owner, due, session = text.strip(), owner.strip(), due.strip(), session.strip()
    if not text:
        return MISSING_FIELD["text"], None
    if not owner:
        return MISSING_FIELD["owner"], None
    owner = match(roster, owner) or owner
    try:
        when = read_due(due, today)
    except DueDateError as err:
        return due_problem(err), None
    topic: str | None = None
    if session:
        topic = match(topics, session) if topics else session
        if topic is None:
            return f"No session {session!r}; sessions: {', '.join(topics)}.", None
    return "", NewAction(text=text, owner=owner, due=when, session=topic)


def text_and_owner(text: str, owner: str,
                   roster: Sequence[str]) -> tuple[str, str] | tuple[str, None]:
    """An edited item's text and owner (completed from the roster), as the edit forms take
    them; else the field that is missing ("text", "owner") and None. `MISSING_FIELD` says why.
    """
    text, owner = text.strip(), complete_name(owner, roster)
    if not text:
        return "text", None
    if not owner:
        return "owner", None
    return text, owner




def due_after_edit(typed: str, before: date | None, today: date) -> date | None:
    """The due date an edit leaves: the one the item had stands as it is, even once it has
    passed; anything else is read as a new due date (DueDateError when it can't be)."""
    typed = typed.strip()
    if before is not None and typed == before.isoformat():
        return before
    return read_due(typed, today)


def due_problem(err: DueDateError) -> str:
    """A due date's refusal as a form says it: "Due date '12/1': expected ...". """
    said = str(err)
    return f"{said[0].upper()}{said[1:]}."


ITEM_COLUMNS = ("id", "owner", "due", "status", "session", "text")
"""The columns the attendee app and the attendee page list action items in."""


def item_cells(item: ActionItem) -> tuple[str, ...]:
    """An item's cells in ITEM_COLUMNS' order ("-" for no due date or session)."""
    return (str(item.id), item.owner, item.due.isoformat() if item.due else "-",
            str(item.status), item.session or "-", item.text)


def is_theirs(item: ActionItem, attendee: str) -> bool:
    """Whether `attendee` owns the item or added it (whatever the case)."""
    me = attendee.strip().casefold()
    return bool(me) and me in (item.owner.casefold(), item.created_by.casefold())


def not_theirs(item: ActionItem) -> str:
    """Why an attendee may not change someone else's item, in one line."""
    return (f"Item {item.id} is {item.owner}'s (added by {item.created_by}): only they or "
            "the facilitator can change it.")


def match(names: Sequence[str], wanted: str) -> str | None:
    """The spelling in `names` of `wanted` (whatever the case), or None."""
    key = wanted.strip().casefold()
    return next((name for name in names if name.casefold() == key), None)


def complete_name(text: str, roster: Sequence[str]) -> str:
    """`text` completed to the one roster name it starts (case-insensitive), else as typed."""
    typed = text.strip()
    if not typed:
        return typed
    exact = [p for p in roster if p.casefold() == typed.casefold()]
    if exact:
        return exact[0]
    matches = [p for p in roster if p.casefold().startswith(typed.casefold())]
    return matches[0] if len(matches) == 1 else typed
