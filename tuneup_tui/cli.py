"""The `tuneup` command line: one entry point wiring the layers together.

Each command lives in `tuneup_tui.commands.<module>` with a `register(subparsers)` that adds its
parser and sets `func`. Commands import what they need when they run, so `tuneup run` draws its
first frame before pandas is imported.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from contextlib import nullcontext
from typing import NoReturn

from tuneup_tui import __version__
from tuneup_tui.textsafe import visible_output

COMMAND_MODULES: tuple[str, ...] = (
    "run",
    "agenda",
    "data",
    "metrics",
    "scorecard",
    "sample",
    "log",
    "actions",
    "attend",
    "summary",
    "store",
    "history",
)


INTERACTIVE_COMMANDS: frozenset[str] = frozenset({"run", "demo", "attend"})
"""Commands that draw a screen: Textual owns the terminal there and draws only what it is
given (the screens show text literally); every other command's output goes through
`textsafe.visible_output`."""

CONSOLE_COMMANDS: dict[str, str] = {"run": "run", "demo": "run"}
"""The console's commands and their module: only that command is registered when one of them
is run, so the console starts without importing or building every other command (its start is
timed)."""


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a mistake on the command line is one line (and a guess for a typo).

    Subcommand parsers are made of the same class (argparse uses the parent's class).
    """

    def error(self, message: str) -> NoReturn:
        from tuneup_tui.commands._suggest import did_you_mean

        self.exit(2, f"{self.prog}: {did_you_mean(message)}; see `{self.prog} --help`\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or only of the console command `only` ("run", "demo")."""
    parser = OneLineParser(
        prog="tuneup",
        description="The facilitator's console for a Sales and Marketing Operations Tune Up.",
    )
    parser.add_argument("--version", action="version", version=f"tuneup {__version__}")
    parser.add_argument("--store", metavar="URL",
                        help="the run store: a postgresql:// address for a shared store, or a "
                             "file (default: TUNEUP_STORE, the config file, the local file)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    if only is not None:
        module = importlib.import_module(f"tuneup_tui.commands.{CONSOLE_COMMANDS[only]}")
        module.register(sub, only=only)
        return parser
    for name in COMMAND_MODULES:
        importlib.import_module(f"tuneup_tui.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every failure the user can meet ends as one line and exit code 2."""
    from tuneup_tui.commands.boundary import guarded

    words = list(sys.argv[1:] if argv is None else argv)
    return guarded(lambda: _dispatch(words))


def _dispatch(words: list[str]) -> int:
    from tuneup_tui.commands.boundary import check_arguments

    check_arguments(words)
    words = _take_store(words)
    parser = build_parser(words[0] if words and words[0] in CONSOLE_COMMANDS else None)
    try:
        args = parser.parse_args(words)
    except SystemExit as done:  # --help, --version, or a mistake already said in one line
        return done.code if isinstance(done.code, int) else 2
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    with nullcontext() if args.command in INTERACTIVE_COMMANDS else visible_output():
        return int(func(args) or 0)


def _take_store(words: list[str]) -> list[str]:
    """Read `--store URL` before the command into TUNEUP_STORE (which the attendee app and
    every other process this one starts then share); the rest of the words as given."""
    import os

    if words and words[0].startswith("--store="):
        os.environ["TUNEUP_STORE"] = words[0].split("=", 1)[1]
        return words[1:]
    if len(words) >= 2 and words[0] == "--store":
        os.environ["TUNEUP_STORE"] = words[1]
        return words[2:]
    return words


if __name__ == "__main__":
    raise SystemExit(main())
