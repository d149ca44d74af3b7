"""`tuneup attend` and `tuneup serve`: the attendee app in a terminal, or in browsers.

`tuneup serve` serves one run's attendee page behind that run's join code (tuneup_tui.web): a
plain page of forms from the server itself, and the attendee app with keys (`tuneup attend` per
browser tab, through textual-serve's protocol) beside it; on this machine only (127.0.0.1)
unless --host says otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from tuneup_tui.commands._args import record_id
from tuneup_tui.commands._team import add_team, current_run, no_run, team_of
from tuneup_tui.commands.errors import CliError

if TYPE_CHECKING:
    from tuneup_tui.store.models import Run


def register(sub: Any) -> None:
    attend = sub.add_parser(
        "attend", help="open the attendee app: the current session, your action items",
        description="The attendee app: the run in progress, your action items and everyone's, "
                    "and adding one.")
    attend.add_argument("--run", type=record_id, metavar="ID",
                        help="the run (default: the current one)")
    attend.add_argument("--name", default="", metavar="NAME", help="your name, as items name you")
    add_team(attend)
    attend.set_defaults(func=run_attend)

    serve = sub.add_parser(
        "serve", help="serve the attendee page to browsers, behind a join code",
        description="Serve one run's attendee page to browsers: the run, the session, your "
                    "action items and everyone's, a form to add one; and the attendee app with "
                    "keys beside it. The page's address carries the run's secret join code; a "
                    "request without it is refused.")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1: this machine only; "
                            "0.0.0.0: the room's network)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--run", type=record_id, metavar="ID",
                       help="the run (default: the current one)")
    serve.add_argument("--public-url", metavar="URL",
                       help="the address browsers use to reach the page (default: from --host;"
                            " this machine's address when --host is 0.0.0.0 or ::)")
    serve.add_argument("--new-code", action="store_true",
                       help="make a new join code first (the old address stops working)")
    serve.add_argument("--max-attendees", type=int, default=40, metavar="N",
                       help="how many attendee apps with keys (each a process) may be open at "
                            "once (default 40); the plain page has no limit")
    serve.set_defaults(func=run_serve)


def run_attend(args: argparse.Namespace) -> int:
    from tuneup_tui.store.db import RunStore, StoreError

    try:
        store = RunStore.open_default()
    except StoreError as err:
        raise CliError(str(err)) from err
    try:
        run_id = args.run
        if run_id is not None:
            try:
                store.get_run(run_id)
            except StoreError as err:
                raise CliError(str(err)) from err
        elif (team := team_of(args)) is not None:
            # One team's day out of a shared store: follow its run in progress.
            run = current_run(store, team)
            if run is None:
                raise CliError(no_run(team))
            run_id = run.id
        from tuneup_tui.ui.attend.app import AttendApp
        from tuneup_tui.web.join import PAGE_ENV

        # Set by `tuneup serve` for the app it runs in each browser: the page's address.
        page_url = os.environ.pop(PAGE_ENV, "")
        app = AttendApp(store, run_id=run_id, name=args.name, page_url=page_url)
        app.run()
    finally:
        store.close()
    for line in app.writes.unsaved:  # the store never took them: on the terminal, not lost
        print(f"tuneup attend: not saved: {line}", file=sys.stderr)
    return 2 if app.writes.unsaved else 0


def run_serve(args: argparse.Namespace) -> int:
    from tuneup_tui.web import hosts, join

    if not 0 < args.port < 65536:
        raise CliError(f"--port: expected a port from 1 to 65535, got {args.port}")
    if not 0 < args.max_attendees <= MAX_ATTENDEES:
        raise CliError(f"--max-attendees: expected 1 to {MAX_ATTENDEES}, "
                       f"got {args.max_attendees}")
    base = _public_url(args.public_url) if args.public_url else hosts.base_url(args.host,
                                                                                args.port)
    run = _serving_run(args.run)
    code = join.join_code(run.id, new=args.new_code)
    from tuneup_tui.web.server import AttendeePage, AttendeeServer, PortInUse
    from tuneup_tui.web.server import run as serve

    page = AttendeePage(run_id=run.id, code=code, base_url=base,
                        hosts=hosts.allowed_hosts(args.host, args.port, base),
                        max_attendees=args.max_attendees, command=attend_command(run.id),
                        title=f"tuneup attend: {run.title}")
    url = join.page_url(base, code)

    def announce() -> None:
        join.write_served(run.id, url)
        print(f"tuneup: serving the attendee page for run {run.id} ({run.title})\n"
              f"  share this address: {url}\n"
              f"  the attendee app with keys: {url}terminal/ (up to {args.max_attendees} "
              "at once)\n"
              "  Ctrl+C stops; `tuneup serve --new-code` makes a new address", flush=True)
        if not hosts.is_loopback(args.host):
            print(f"tuneup: warning: serving on {args.host}: anyone who has the address can "
                  "see this run's action items and add their own; the network carries it "
                  "unencrypted", file=sys.stderr, flush=True)

    try:
        serve(AttendeeServer(page), args.host, args.port, ready=announce)
    except PortInUse as err:
        raise CliError(str(err)) from None
    finally:
        join.clear_served(run.id)
    return 0


MAX_ATTENDEES = 1000


def _serving_run(run_id: int | None) -> Run:
    """The run to serve, checked before anything listens: --run's, else the run in progress."""
    from tuneup_tui.commands.log import open_store, resolve_run

    store = open_store()
    try:
        return resolve_run(store, run_id)
    finally:
        store.close()


def _public_url(text: str) -> str:
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CliError(f"--public-url: expected an address like http://192.168.1.20:8000, "
                       f"got {text!r}")
    try:
        parts.port  # noqa: B018 (a bad port raises here)
    except ValueError:
        raise CliError(f"--public-url: bad port in {text!r}") from None
    return f"{parts.scheme}://{parts.netloc}"


def attend_command(run_id: int) -> list[str]:
    """The command textual-serve runs for each browser: this Python, this tuneup, this run."""
    return [sys.executable, "-m", "tuneup_tui", "attend", "--run", str(run_id)]
