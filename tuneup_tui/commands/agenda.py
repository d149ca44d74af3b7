"""`tuneup agenda`: check an agenda, list the built-ins, copy one to edit, derive shorter ones.

`check` is what the facilitator runs the evening before: a one-screen outline of the day when
the agenda is sound, or every problem on its own line (file, key path, what was expected) and
exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tuneup_tui.agenda.model import Agenda, format_hhmm, minutes_of
from tuneup_tui.commands.errors import CliError, refuse_special_dest
from tuneup_tui.textsafe import clip, visible_line


def register(sub: Any) -> None:
    """Add `tuneup agenda` and its subcommands."""
    parser = sub.add_parser(
        "agenda",
        help="check, list, copy or derive agendas",
        description="Work with agenda TOML files (see docs/agenda.md).",
    )
    parser.set_defaults(func=lambda _args: _help(parser))
    agenda_sub = parser.add_subparsers(dest="agenda_command", metavar="SUBCOMMAND")

    check = agenda_sub.add_parser(
        "check",
        help="validate an agenda and print its outline",
        description="Validate an agenda file or built-in agenda and print the day's outline. "
        "Problems are printed one a line to stderr, exit code 2.",
    )
    check.add_argument("agenda", metavar="FILE_OR_NAME",
                       help="an agenda .toml file or a built-in name (e.g. one-day-tuneup)")
    check.set_defaults(func=run_check)

    listing = agenda_sub.add_parser("list", help="list the built-in agendas",
                                    description="List the agendas shipped with tuneup.")
    listing.set_defaults(func=run_list)

    copy = agenda_sub.add_parser(
        "copy",
        help="copy a built-in agenda to a file you can edit",
        description="Copy a built-in agenda (comments included) to DEST to edit it.",
    )
    copy.add_argument("name", metavar="NAME", help="a built-in agenda (see `tuneup agenda list`)")
    copy.add_argument("dest", metavar="DEST", type=Path, help="the new .toml file")
    copy.add_argument("--force", action="store_true", help="replace DEST if it exists")
    copy.set_defaults(func=run_copy)

    from tuneup_tui.commands.derive import add_derive_parser

    add_derive_parser(agenda_sub)


def run_check(args: argparse.Namespace) -> int:
    from tuneup_tui.agenda.builtins import resolve_agenda
    from tuneup_tui.agenda.load import AgendaError, agenda_warnings, load_agenda

    try:
        path = resolve_agenda(args.agenda)
        agenda = load_agenda(path)
    except AgendaError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return 2
    for line in outline(agenda):
        print(line)
    warnings = agenda_warnings(agenda, str(path))
    for warning in warnings:
        print(f"warning: {warning}")
    print(f"{path}: agenda is sound" + (f" ({len(warnings)} warning"
                                         f"{'s' if len(warnings) != 1 else ''})"
                                         if warnings else ""))
    return 0


def run_list(args: argparse.Namespace) -> int:
    from tuneup_tui.agenda.builtins import builtin_agendas
    from tuneup_tui.agenda.load import AgendaError, load_agenda

    builtins = builtin_agendas()
    if not builtins:
        raise CliError("no built-in agendas found in this installation")
    rows = []
    for name, path in builtins.items():
        try:
            agenda = load_agenda(path)
        except AgendaError as err:
            rows.append((name, "-", "-", f"broken: {err}"))
            continue
        first, last = agenda.sessions[0].start, agenda.end_of_day
        rows.append((name, agenda.cadence,
                     f"{format_hhmm(first)}-{format_hhmm(last)} ({_length(_day_minutes(agenda))})",
                     agenda.title))
    headers = ("name", "cadence", "day", "title")
    widths = [max(len(str(r[i])) for r in (headers, *rows)) for i in range(3)]
    for row in (headers, *rows):
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row[:3], widths, strict=True))
              + "  " + row[3])
    return 0


def run_copy(args: argparse.Namespace) -> int:
    from tuneup_tui.agenda.builtins import builtin_agendas

    builtins = builtin_agendas()
    name = args.name.removesuffix(".toml")
    if name not in builtins:
        raise CliError(f"{args.name}: no built-in agenda of that name "
                       f"(built-ins: {', '.join(builtins)})")
    dest: Path = args.dest
    if dest.is_dir():
        dest = dest / f"{name}.toml"
    if dest.exists() and not args.force:
        raise CliError(f"{dest}: already exists (use --force to replace it)")
    refuse_special_dest(dest)
    if not dest.parent.is_dir():
        raise CliError(f"{dest}: the folder {dest.parent} does not exist")
    try:
        from tuneup_tui.fsutil import atomic_write_bytes

        atomic_write_bytes(dest, builtins[name].read_bytes())
    except OSError as err:
        raise CliError(f"{dest}: can't be written ({err.strerror or err})") from None
    print(f"{dest}: copied from the built-in {name}; put your people in its [[roles]], "
          f"then run `tuneup agenda check {dest}`")
    return 0


def outline(agenda: Agenda) -> list[str]:
    """The day on one screen: start, minutes, topic, who, panels."""
    lines = [
        visible_line(agenda.title),
        f"series {agenda.series} · cadence {agenda.cadence} · reviews the last {agenda.period} "
        f"against the {agenda.baseline_periods} {agenda.period}"
        f"{'s' if agenda.baseline_periods != 1 else ''} before · "
        f"{format_hhmm(agenda.sessions[0].start)}"
        f" to {format_hhmm(agenda.end_of_day)} ({_length(_day_minutes(agenda))})",
        "",
    ]
    rows = [("start", "min", "topic", "who", "panels")]
    for i, session in enumerate(agenda.sessions):
        rows.append((format_hhmm(session.start), str(agenda.session_length(i)),
                     _cut(session.topic, 34), _cut(session.who, 26) or "-",
                     ", ".join(session.panels) or "-"))
    widths = [max(len(r[c]) for r in rows) for c in range(4)]
    for row in rows:
        cells = [row[0].ljust(widths[0]), row[1].rjust(widths[1]),
                 row[2].ljust(widths[2]), row[3].ljust(widths[3]), row[4]]
        lines.append("  ".join(cells).rstrip())
    lines.append("")
    return lines


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _day_minutes(agenda: Agenda) -> int:
    return minutes_of(agenda.end_of_day) - minutes_of(agenda.sessions[0].start)


def _length(minutes: int) -> str:
    hours, mins = divmod(minutes, 60)
    if not hours:
        return f"{mins} min"
    return f"{hours} h" + (f" {mins} min" if mins else "")


def _cut(text: str, width: int) -> str:
    return clip(visible_line(" ".join(text.split())), width)
