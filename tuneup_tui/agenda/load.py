"""Loading an agenda TOML file into an `Agenda`, with precise one-line errors.

Everything that can go wrong with the file (it is missing, a folder, not UTF-8, not TOML, or
TOML that is not an agenda) becomes an `AgendaError` whose problems are each one line:
`<file>: <key path or line, column>: <what was expected / found>`. Nothing else escapes.
Things that are allowed but probably a slip (a `who` naming no declared role) are warnings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tuneup_tui.agenda.fields import Problems, one_line, suggest
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.agenda.parsed_cache import cached_document, keep_document
from tuneup_tui.agenda.validate import build_agenda, role_label, session_label

# Patterns for tomllib's messages, compiled on the first syntax error (not at every start).
_AT_LINE = r"^(?P<msg>.*) \(at line (?P<line>\d+), column (?P<col>\d+)\)$"
_AT_END = r"^(?P<msg>.*) \(at end of document\)$"
# `start = 08:30` is a natural slip: TOML wants times quoted (or with seconds).
_BARE_TIME = r"=\s*[0-9]{1,2}:[0-9]{2}\s*(#.*)?$"


class AgendaError(Exception):
    """An agenda that can't be used: every problem found, each one line."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems: list[str] = [one_line(p) for p in problems] or ["agenda: not usable"]
        super().__init__(self.problems[0])

    def __str__(self) -> str:
        return self.problems[0]


def load_agenda(path: Path) -> Agenda:
    """The agenda in the TOML file at `path`; AgendaError (never anything else) if unusable."""
    return read_agenda(path)[0]


def read_agenda(path: Path) -> tuple[Agenda, str]:
    """The agenda in the TOML file at `path` and the text it was read from (without a leading
    byte-order mark): what the console saves with a run, so the file is read once."""
    from tuneup_tui.fsutil import MAX_AGENDA_BYTES, FileRefused, check_readable_file

    source = str(path)
    try:
        check_readable_file(Path(path), MAX_AGENDA_BYTES)
        data = Path(path).read_bytes()
    except FileRefused as err:
        raise AgendaError([f"{source}: {err.strerror}; expected an agenda .toml file"]) from None
    except FileNotFoundError:
        raise AgendaError([f"{source}: no such file"]) from None
    except IsADirectoryError:
        raise AgendaError([f"{source}: is a folder; expected an agenda .toml file"]) from None
    except PermissionError:
        raise AgendaError([f"{source}: can't be read (permission denied)"]) from None
    except OSError as err:
        raise AgendaError([f"{source}: can't be read ({err.strerror or err})"]) from None
    try:
        # A leading byte-order mark is dropped (as "utf-8-sig" would, but with error places
        # counted from the file's first byte, and without loading another codec at start).
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise AgendaError([
            f"{source}: line {line}, column {column}: not UTF-8 text (byte "
            f"0x{data[err.start]:02x}); save the agenda as UTF-8"
        ]) from None
    # A file read before is not parsed again (`parsed_cache.py`): the console's start is timed.
    doc = cached_document(text)
    if doc is None:
        doc = _parse(text, source)
        keep_document(text, doc)
    return _build(doc, source), text


def loads_agenda(text: str, source: str) -> Agenda:
    """The agenda in TOML `text`; `source` names it in problems (usually the file's path)."""
    return _build(_parse(text, source), source)


def _parse(text: str, source: str) -> dict[str, Any]:
    import tomllib  # only when the text was not parsed before

    try:
        return tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as err:
        raise AgendaError([_syntax_problem(str(err), text, source)]) from None
    except RecursionError:
        raise AgendaError([f"{source}: TOML syntax: nested too deeply"]) from None


def _build(doc: dict[str, Any], source: str) -> Agenda:
    problems = Problems(source)
    agenda = build_agenda(doc, problems)
    if agenda is None:
        raise AgendaError(problems.lines)
    return agenda


def agenda_warnings(agenda: Agenda, source: str = "") -> list[str]:
    """Things allowed in `agenda` but probably a slip, each one line like a problem.

    `source` (the file name) starts each line when given.
    """
    warnings = Problems(source) if source else None
    lines: list[str] = []

    def warn(path: str, message: str) -> None:
        if warnings is not None:
            warnings.add(path, message)
        else:
            lines.append(one_line(f"{path}: {message}"))

    role_names = [r.role for r in agenda.roles]
    # Only a team that declared its roles expects `who` to name one of them.
    if role_names:
        for i, session in enumerate(agenda.sessions, 1):
            if not session.who.strip() or session.who in role_names:
                continue
            close = suggest(session.who, role_names)
            hint = f"did you mean '{close}'?" if close else f"declared: {', '.join(role_names)}"
            warn(f"{session_label(i, {'topic': session.topic})}.who",
                 f"'{session.who}' is not a declared [[roles]] role; {hint}")
        for i, role in enumerate(agenda.roles, 1):
            if not role.people:
                warn(f"{role_label(i, {'role': role.role})}.people",
                     "nobody named; action items for this role will need an owner typed in")
    shown = {name for s in agenda.sessions for name in s.panels}
    for name in agenda.panels:
        if name not in shown:
            warn(f"panels.{name}", "settings for a panel no session shows")
    return warnings.lines if warnings is not None else lines


def _syntax_problem(message: str, text: str, source: str) -> str:
    """tomllib's message as one problem line: file, line and column, what is wrong."""
    match = re.match(_AT_LINE, message, re.S)
    if match:
        line = int(match["line"])
        problem = f"{source}: line {line}, column {match['col']}: TOML syntax: {match['msg']}"
        lines = text.split("\n")
        if 0 < line <= len(lines) and re.search(_BARE_TIME, lines[line - 1]):
            problem += ' (write times in quotes: "08:30")'
        return problem
    match = re.match(_AT_END, message, re.S)
    if match:
        return f"{source}: end of file: TOML syntax: {match['msg']}"
    return f"{source}: TOML syntax: {message}"
