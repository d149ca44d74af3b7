"""`tuneup actions edit|close|delete ID` and `tuneup runs delete ID`: fixing what the day
recorded from any terminal.

Every change to an item is kept in the run store with who made it (`--by`, default your login)
and when. Deleting asks first (answer y), or takes `--yes`; without a terminal to ask on,
`--yes` is required.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from tuneup_tui.commands._args import record_id
from tuneup_tui.commands.errors import CliError
from tuneup_tui.textsafe import visible_line

if TYPE_CHECKING:
    from tuneup_tui.store.day_record import ActionItem
    from tuneup_tui.store.db import RunStore


def register_actions(actions: argparse.ArgumentParser) -> None:
    """Add edit, close and delete under `tuneup actions`."""
    verbs = actions.add_subparsers(dest="verb", metavar="edit|close|delete")
    edit = verbs.add_parser("edit", help="change an item's text, owner or due date",
                            description="Change an action item's text, owner or due date.")
    edit.add_argument("id", type=record_id, metavar="ID", help="the item (see `tuneup actions`)")
    edit.add_argument("--text", help="what is to be done")
    edit.add_argument("--owner", dest="new_owner", metavar="NAME", help="who will do it")
    edit.add_argument("--due", metavar="DATE",
                      help="2026-12-04, +N days, a weekday (fri), today, tomorrow; none clears")
    close = verbs.add_parser("close", help="mark an item done (or --dropped)",
                             description="Mark an action item done, or dropped.")
    close.add_argument("id", type=record_id, metavar="ID", help="the item (see `tuneup actions`)")
    close.add_argument("--dropped", action="store_true", help="dropped rather than done")
    delete = verbs.add_parser("delete", help="remove an item (after a confirmation)",
                              description="Remove an action item from its run, its summary, "
                              "actions.csv and actions.ics (its history is kept).")
    delete.add_argument("id", type=record_id, metavar="ID", help="the item (see `tuneup actions`)")
    delete.add_argument("--yes", action="store_true", help="do not ask for a confirmation")
    for parser, func in ((edit, run_edit), (close, run_close), (delete, run_delete)):
        parser.add_argument("--by", metavar="NAME", help="who is changing it (default: your "
                            "login)")
        parser.set_defaults(func=func)


def register_runs(runs: argparse.ArgumentParser) -> None:
    """Add delete under `tuneup runs`."""
    verbs = runs.add_subparsers(dest="verb", metavar="delete")
    delete = verbs.add_parser("delete", help="remove a run and all it recorded",
                              description="Remove a run (a rehearsal, say) and everything "
                              "recorded in it, after a confirmation.")
    delete.add_argument("id", type=record_id, metavar="ID", help="the run (see `tuneup runs`)")
    delete.add_argument("--yes", action="store_true", help="do not ask for a confirmation")
    delete.set_defaults(func=run_delete_run)


def run_edit(args: argparse.Namespace) -> int:
    from tuneup_tui.commands.log import parse_due
    from tuneup_tui.store.snapshot import snapshot_of

    if args.text is None and args.new_owner is None and args.due is None:
        raise CliError("actions edit: say what to change: --text, --owner or --due")
    text = None if args.text is None else _given(args.text, "--text", "what is to be done")
    owner = None if args.new_owner is None else _given(args.new_owner, "--owner", "a name")
    clear_due = args.due is not None and args.due.strip().lower() == "none"
    due: date | None = None
    if args.due is not None and not clear_due:
        due = parse_due(args.due, today=date.today())
    with _store() as store:
        item = _item(store, args.id)
        if owner is not None:
            snapshot = snapshot_of(store.get_run(item.run_id))
            known = snapshot.person(owner)
            if known is not None:
                owner = known
            elif snapshot.roster:
                print(f"tuneup: warning: {visible_line(owner)} is not on run {item.run_id}'s "
                      f"roster ({', '.join(snapshot.roster)}); changed anyway", file=sys.stderr)
        item = _change(store, args.id, text=text, owner=owner, due=due, clear_due=clear_due,
                       by=_by(args))
    print(f"action item {item.id} changed: {_describe(item)}")
    return 0


def run_close(args: argparse.Namespace) -> int:
    status = "dropped" if args.dropped else "done"
    with _store() as store:
        _item(store, args.id)
        item = _change(store, args.id, status=status, by=_by(args))
    print(f"action item {item.id} {status}: {_describe(item)}")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from tuneup_tui.store.db import StoreError

    with _store() as store:
        item = _item(store, args.id)
        if not confirm(f"Delete action item {item.id}: {_describe(item)}?", args.yes):
            print("nothing deleted")
            return 1
        try:
            store.delete_action(item.id, by=_by(args))
        except StoreError as err:
            raise CliError(str(err)) from err
    print(f"action item {item.id} deleted (its history is kept)")
    return 0


def run_delete_run(args: argparse.Namespace) -> int:
    from tuneup_tui.store.db import StoreError

    with _store() as store:
        try:
            run = store.get_run(args.id)
            items = len(store.actions(run.id))
        except StoreError as err:
            raise CliError(str(err)) from err
        kind = "rehearsal" if run.rehearsal else "run"
        question = (f"Delete {kind} {run.id} ({visible_line(run.title)}, started "
                    f"{run.started_at:%Y-%m-%d %H:%M}, {items} action items)?")
        if not confirm(question, args.yes):
            print("nothing deleted")
            return 1
        try:
            store.delete_run(run.id)
        except StoreError as err:
            raise CliError(str(err)) from err
    print(f"{kind} {run.id} deleted")
    return 0


def confirm(question: str, yes: bool) -> bool:
    """True with --yes, or when the person at the terminal answers y."""
    if yes:
        return True
    if not sys.stdin.isatty():
        raise CliError(f"{question[:-1]}: there is no terminal to ask on; add --yes")
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def _store() -> RunStore:
    from tuneup_tui.commands.log import open_store

    return open_store()


def _item(store: RunStore, item_id: int) -> ActionItem:
    from tuneup_tui.store.db import StoreError

    try:
        return store.action(item_id)
    except StoreError as err:
        raise CliError(str(err)) from err


def _change(store: RunStore, item_id: int, **changes: Any) -> ActionItem:
    from tuneup_tui.store.db import StoreError

    try:
        return store.update_action(item_id, **changes)
    except StoreError as err:
        raise CliError(str(err)) from err


def _given(value: str, option: str, expected: str) -> str:
    if not value.strip():
        raise CliError(f"{option}: expected {expected}, got nothing")
    return value.strip()


def _by(args: argparse.Namespace) -> str:
    from tuneup_tui.commands.log import login

    return (args.by or login()).strip() or "attendee"


def _describe(item: ActionItem) -> str:
    """The item on one line, its text and owner shown as typed (controls as symbols)."""
    due = f", due {item.due.isoformat()}" if item.due else ""
    return visible_line(f"{item.text} (owner {item.owner}{due}, {item.status})")
