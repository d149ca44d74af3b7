"""`tuneup data inspect DIR`: what each file of a data pack was taken as, and any trouble.

For each file: the source and preset (and layout variant), its period, rows and dates, the
columns mapped (canonical <- export), what was dropped and why, and the notes; then the files it
could not place (with the closest preset and the columns missing) and one line per source.
Exit 0, or 2 for a missing folder or a broken datapack.toml (the rest is still shown).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tuneup_tui.commands.errors import CliError


def register(sub: Any) -> None:
    """Add `tuneup data` and its `inspect` subcommand."""
    parser = sub.add_parser("data", help="look at a data pack",
                            description="Look at a data pack: what each file was taken as.")
    actions = parser.add_subparsers(dest="data_command", metavar="ACTION")
    inspect = actions.add_parser(
        "inspect", help="show how each file of a pack is read",
        description="Show each file of a data pack: the source and preset it was taken as, "
                    "its period, rows, the columns mapped, what was dropped and why.")
    inspect.add_argument("dir", metavar="DIR", help="the data pack folder")
    inspect.set_defaults(func=run_inspect)
    parser.set_defaults(func=_usage(parser))


def _usage(parser: argparse.ArgumentParser) -> Any:
    def show(args: argparse.Namespace) -> int:
        del args
        parser.print_help()
        return 2

    return show


def run_inspect(args: argparse.Namespace) -> int:
    """Inspect the pack and print the report."""
    from tuneup_tui.data.inspect import inspect_pack, render

    root = Path(args.dir)
    if not root.is_dir():
        raise CliError(f"{root}: no such data folder")
    report = inspect_pack(root)
    sys.stdout.write(render(report))
    if report.error:
        print(f"tuneup: {report.error}", file=sys.stderr)
        return 2
    return 0
