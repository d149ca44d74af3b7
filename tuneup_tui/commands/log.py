"""`tuneup log`: add an action item to the run in progress, from any terminal.

Attendees use it beside the facilitator's console; the item shows in the console within two
seconds. Owners outside the run's roster are accepted with a warning (guests and attendees own
items too); every other doubt is a one-line error, exit 2, with nothing written.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from tuneup_tui.commands._args import record_id
from tuneup_tui.commands._team import add_team, current_run, no_run, team_of
from tuneup_tui.commands.errors import CliError
from tuneup_tui.textsafe import one_line, visible_line

if TYPE_CHECKING:
    from tuneup_tui.store.db import RunStore
    from tuneup_tui.store.models import Run

NAME_WIDTH = 60
"""The most of an owner's name a message shows."""
NO_RUN = "no run in progress; start one with `tuneup run`"


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "log", help="add an action item to the run in progress",
        description="Add an action item to the run in progress (or --run ID).")
    parser.add_argument("text", help='what is to be done, e.g. "Fix the 404s on /pricing"')
    parser.add_argument("--owner", required=True, help="who will do it")
    parser.add_argument("--due",
                        help="due date: 2026-12-04, +N days, a weekday (fri), today, tomorrow")
    parser.add_argument("--session",
                        help="the session it came from (a topic of the agenda; default: the "
                             "session the room is in now)")
    parser.add_argument("--run", type=record_id, metavar="ID",
                        help="the run (default: the current one)")
    parser.add_argument("--by", metavar="NAME",
                        help="who is logging it (default: your login), spelled as the roster "
                             "does")
    add_team(parser)
    parser.set_defaults(func=run_log)


def run_log(args: argparse.Namespace) -> int:
    from tuneup_tui.store.db import StoreError
    from tuneup_tui.store.snapshot import snapshot_of

    text = one_line(args.text)
    if not text:
        raise CliError("an action item needs its text: tuneup log \"what to do\" --owner NAME")
    owner = one_line(args.owner)
    if not owner:
        raise CliError("--owner: expected a name, got nothing")
    due = parse_due(args.due, today=date.today()) if args.due is not None else None
    store = open_store()
    try:
        run = resolve_run(store, args.run, team_of(args))
        snapshot = snapshot_of(run)
        session = _session(args.session, snapshot.topics, run.id)
        if args.session is None:
            session = _room_session(store, run)
        known = snapshot.person(owner)
        if known is not None:
            owner = known
        elif snapshot.roster:
            print(f"tuneup: warning: {visible_line(owner, NAME_WIDTH)} is not on run "
                  f"{run.id}'s roster ({', '.join(snapshot.roster)}); added anyway",
                  file=sys.stderr)
        try:
            by = " ".join((args.by or login()).split())
            item = store.add_action(run.id, text, owner, due=due, session=session,
                                    created_by=snapshot.person(by) or by or "attendee")
        except StoreError as err:
            raise CliError(str(err)) from err
    finally:
        store.close()
    due_text = f", due {item.due.isoformat()}" if item.due else ""
    session_text = f", session {item.session}" if item.session else ""
    owner_text = visible_line(item.owner, NAME_WIDTH)
    print(visible_line(f"action item {item.id} added to run {run.id}: {item.text} "
                       f"(owner {owner_text}{due_text}{session_text})"))
    return 0


def parse_due(text: str, *, today: date) -> date | None:
    """A due date from the command line, read as the console reads it (store/due.py)."""
    from tuneup_tui.store.due import DueDateError, read_due

    try:
        return read_due(text, today)
    except DueDateError as err:
        raise CliError(f"--due: {err}") from None


def open_store() -> RunStore:
    """The run store, or CliError(NO_RUN) when there is none yet (nothing is created)."""
    from tuneup_tui import paths
    from tuneup_tui.store.db import RunStore, StoreError

    if not paths.store_exists():
        raise CliError(NO_RUN)
    try:
        return RunStore.open_default()
    except StoreError as err:
        raise CliError(str(err)) from err


def resolve_run(store: RunStore, run_id: int | None, team: str | None = None) -> Run:
    """The run asked for, or the one in progress (of `team`); CliError when there is none."""
    from tuneup_tui.store.db import StoreError

    if run_id is not None:
        try:
            return store.get_run(run_id)
        except StoreError as err:
            raise CliError(str(err)) from err
    run = current_run(store, team)
    if run is None:
        raise CliError(no_run(team))
    return run


def _session(wanted: str | None, topics: tuple[str, ...], run_id: int) -> str | None:
    if wanted is None:
        return None
    if not wanted.strip():
        raise CliError("--session: expected a session topic, got nothing")
    if not topics:
        # The snapshot could not be read: take the name as given rather than refuse the item.
        return wanted.strip()
    key = wanted.strip().casefold()
    for topic in topics:
        if topic.casefold() == key:
            return topic
    raise CliError(f"--session: no session {wanted!r} in run {run_id}'s agenda; "
                   f"sessions: {', '.join(topics)}")


def _room_session(store: RunStore, run: Run) -> str | None:
    """The session the room is in now (None before the day, between sessions, after it)."""
    from tuneup_tui.agenda.room import current_session
    from tuneup_tui.store.db import StoreError

    try:
        return current_session(run, store.events(run.id))
    except StoreError:
        return None


def login() -> str:
    """Who is typing: the login name, or "attendee" when it cannot be read."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "attendee"
