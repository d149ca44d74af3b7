"""`tuneup attend` and `tuneup serve`: the attendee app in a terminal, or in browsers.

`tuneup serve` runs `tuneup attend` once per browser tab through textual-serve, on this machine
only (127.0.0.1) unless --host says otherwise: anyone who can reach the page can add items to
the run.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import socket
import sys
from typing import Any

from tuneup_tui.cli import CliError
from tuneup_tui.commands._args import record_id
from tuneup_tui.commands._team import add_team, current_run, no_run, team_of


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
        "serve", help="serve the attendee app to browsers",
        description="Serve `tuneup attend` to browsers (textual-serve).")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--run", type=int, metavar="ID", help="the run (default: the current one)")
    serve.add_argument("--public-url", metavar="URL",
                       help="the address browsers use to reach the page (default: from --host;"
                            " this machine's name when --host is 0.0.0.0 or ::)")
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

        AttendApp(store, run_id=run_id, name=args.name).run()
    finally:
        store.close()
    return 0


def run_serve(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        raise CliError(f"--port: expected a port from 1 to 65535, got {args.port}")
    if not is_loopback(args.host):
        print(f"tuneup: warning: serving on {args.host}: anyone who can reach this address "
              "can see the run's action items and add to them", file=sys.stderr)
    command = attend_command(args.run)
    from textual_serve.server import Server

    public_url = args.public_url or public_url_for(args.host, args.port)
    print(f"tuneup: serving the attendee app on {public_url}/", file=sys.stderr)
    Server(command, host=args.host, port=args.port, title="tuneup attend",
           public_url=public_url).serve()
    return 0


def attend_command(run_id: int | None) -> str:
    """The shell command textual-serve runs for each browser: this Python, this tuneup."""
    parts = [sys.executable, "-m", "tuneup_tui", "attend"]
    if run_id is not None:
        parts += ["--run", str(run_id)]
    return shlex.join(parts)


def is_loopback(host: str) -> bool:
    """Whether `host` only listens on this machine (127.0.0.0/8, ::1, localhost)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def public_url_for(host: str, port: int) -> str:
    """The page's address. The page's websocket is opened on it, so a wildcard listen address
    (which no browser can connect to) is replaced by this machine's name."""
    if host.strip("[]") in ("0.0.0.0", "::", ""):
        host = socket.gethostname()
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"
