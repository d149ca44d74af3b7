"""`tuneup store check`: is the run store whole, which schema is it at, where are its copies.

Reads only: the store is opened read-only, never created, migrated or repaired. Exit code 0 when
the store is healthy (or there is none yet), 2 with the trouble in one line on stderr otherwise.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tuneup_tui.cli import CliError


def register(sub: Any) -> None:
    store = sub.add_parser("store", help="the run store's health",
                           description="The run store: its health and the copies kept of it.")
    actions = store.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check", help="check the run store (read-only) and list the copies kept of it",
        description="Check the run store without changing it: that it is an SQLite file, "
                    "whole (SQLite's integrity check), at a schema this tuneup knows; and list "
                    "the copies kept before migrations.")
    check.add_argument("--path", type=Path, metavar="FILE",
                       help="the store file to check (default: the run store)")
    check.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    from tuneup_tui import paths
    from tuneup_tui.store.checkup import check_store

    path: Path = args.path or paths.store_path()
    report = check_store(path)
    for line in report.lines:
        print(line)
    if report.trouble is not None:
        raise CliError(report.trouble)
    return 0
