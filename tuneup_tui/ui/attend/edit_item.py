"""An attendee fixes or closes an item of their own from the attendee app.

"Their own": items they own, or items they added. Enter on one in either list opens the same
dialog the facilitator's console opens (text, owner, due, status; delete after a question); `c`
closes the highlighted one as done. Someone else's item is refused with a line saying whose it
is. Every change is kept in the store with the attendee's name.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from tuneup_tui.store.day_record import ActionItem
from tuneup_tui.store.db import RunStore, StoreError
from tuneup_tui.store.item_form import is_theirs, not_theirs
from tuneup_tui.ui.dialogs.edit_action import ActionEdit, EditActionDialog
from tuneup_tui.ui.literal import say

if TYPE_CHECKING:
    from tuneup_tui.ui.attend.app import AttendApp


def open_item(app: AttendApp, item_id: int) -> None:
    """Open the item to fix it, when it is the attendee's."""
    item = _theirs(app, item_id)
    if item is not None:
        app.push_screen(EditActionDialog(item, app.snapshot.roster, app.today()),
                        partial(_save, app, item.id))


def close_item(app: AttendApp, item_id: int) -> None:
    """Mark the item done, when it is the attendee's."""
    item = _theirs(app, item_id)
    if item is None:
        return
    if item.status == "done":
        say(app, f"Item {item.id} is already done.")
        return
    try:
        app.writes.save(RunStore.update_action, item.id, status="done", by=app.attendee)
    except StoreError as err:
        say(app, str(err), severity="error")
        return
    say(app, f"Item {item.id} closed as done{_later(app)}.")
    app.action_refresh()


def _theirs(app: AttendApp, item_id: int) -> ActionItem | None:
    if not app.attendee:
        say(app, "Type your name first: you can change the items you own or added.",
                   severity="warning")
        return None
    try:
        item = app.store.action(item_id)
    except StoreError as err:  # deleted meanwhile
        say(app, str(err), severity="warning")
        app.action_refresh()
        return None
    if not is_theirs(item, app.attendee):
        say(app, not_theirs(item), severity="warning")
        return None
    return item


def _save(app: AttendApp, item_id: int, edit: ActionEdit | None) -> None:
    if edit is None:
        return
    try:
        if edit.delete:
            app.writes.save(RunStore.delete_action, item_id, by=app.attendee)
            say(app, f"Item {item_id} deleted{_later(app)}.")
        else:
            app.writes.save(RunStore.update_action, item_id, text=edit.text,
                                    owner=edit.owner, due=edit.due, clear_due=edit.due is None,
                                    status=edit.status, by=app.attendee)
            say(app, f"Item {item_id} saved{_later(app)}.")
    except StoreError as err:
        say(app, str(err), severity="error")
    app.action_refresh()


def _later(app: AttendApp) -> str:
    """What the line adds when the change waits behind a busy store (writes land in order:
    with any waiting, this one waits too)."""
    return " (the store is busy: it lands as soon as it frees)" if app.writes.waiting else ""
