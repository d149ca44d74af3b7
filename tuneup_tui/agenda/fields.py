"""Reading single agenda values out of parsed TOML, with one-line problems when they are wrong.

The validator (`tuneup_tui.agenda.validate`) walks the document; these helpers check one value
each and say, in the facilitator's words, what was expected and what was found. Every problem
is `<file>: <key path>: <what was expected / found>` on one line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

# A clock time as the agenda writes it: 24-hour, two digits each ("08:30", "16:00").
_HHMM = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
_FIGURE_NAME = re.compile(r"[a-z][a-z0-9_]*")

# Everything str.splitlines() breaks on: a problem must stay on one line whatever it quotes.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LABEL_WIDTH = 40
_VALUE_WIDTH = 60


def one_line(text: str) -> str:
    """`text` with every line break written as an escape, so it prints as one line."""
    if not any(c in _LINE_BREAKS for c in text):
        return text
    return "".join(_escape(c) if c in _LINE_BREAKS else c for c in text)


def _escape(c: str) -> str:
    return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"


def read_clock_time(value: Any) -> time | None:
    """A clock time from "HH:MM" (24-hour) or a TOML local time without seconds, else None."""
    if isinstance(value, time) and not (value.second or value.microsecond or value.tzinfo):
        return time(value.hour, value.minute)
    if isinstance(value, str):
        match = _HHMM.fullmatch(value)
        if match:
            return time(int(match.group(1)), int(match.group(2)))
    return None


def short(text: str, width: int = _LABEL_WIDTH) -> str:
    """`text` cut to `width` characters (with an ellipsis) for a label in a key path."""
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def kind_of(value: Any) -> str:
    """What a TOML value is, in words: "text", "a whole number", "a table", ..."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, datetime):
        return "a date and time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, time):
        return "a time"
    return type(value).__name__


def found(value: Any) -> str:
    """The "found ..." half of a problem: the value itself when it is short, and its kind."""
    if isinstance(value, str):
        import json  # only a problem needs it

        return f"found {short(json.dumps(value, ensure_ascii=False), _VALUE_WIDTH)} (text)"
    if isinstance(value, bool):
        return f"found {str(value).lower()} (true/false)"
    if isinstance(value, int | float):
        return f"found {short(repr(value), _VALUE_WIDTH)} ({kind_of(value)})"
    if isinstance(value, date | time):
        return f"found {value.isoformat()} ({kind_of(value)})"
    return f"found {kind_of(value)}"


def suggest(name: str, known: Sequence[str]) -> str | None:
    """The known name closest to `name` (ignoring case), or None when nothing is close."""
    by_fold = {k.casefold(): k for k in known}
    close = difflib.get_close_matches(name.casefold(), list(by_fold), n=1, cutoff=0.6)
    return by_fold[close[0]] if close else None


class Problems:
    """The problems found in one agenda file, each one line naming the file and key path."""

    def __init__(self, source: str) -> None:
        self.source = one_line(source)
        self.lines: list[str] = []

    def add(self, path: str, message: str) -> None:
        place = f"{one_line(path)}: " if path else ""
        self.lines.append(f"{self.source}: {place}{one_line(message)}")

    def __bool__(self) -> bool:
        return bool(self.lines)

    # -- typed readers: each returns the value, or None after recording a problem ----------

    def text(self, value: Any, path: str, *, what: str = "text", empty_ok: bool = False,
             ) -> str | None:
        if not isinstance(value, str):
            self.add(path, f"expected {what}, {found(value)}")
            return None
        if not empty_ok and not value.strip():
            self.add(path, f"expected {what}, found empty text")
            return None
        return value

    def clock_time(self, value: Any, path: str) -> time | None:
        """A time "HH:MM" (24-hour). A TOML local time (08:30:00) with no seconds is taken too."""
        parsed = read_clock_time(value)
        if parsed is not None:
            return parsed
        self.add(path, f'expected a time "HH:MM" (24-hour, e.g. "08:30"), {found(value)}')
        return None

    def positive_int(self, value: Any, path: str) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.add(path, f"expected a positive whole number (e.g. 8), {found(value)}")
            return None
        return value

    def choice(self, value: Any, path: str, choices: Sequence[str]) -> str | None:
        if isinstance(value, str) and value in choices:
            return value
        self.add(path, f"expected one of {', '.join(choices)}, {found(value)}")
        return None

    def text_list(self, value: Any, path: str, *, what: str = "text") -> tuple[str, ...] | None:
        """A list of non-empty texts; each bad item is its own problem."""
        if not isinstance(value, list):
            self.add(path, f'expected a list of {what} (e.g. ["..."]), {found(value)}')
            return None
        items: list[str] = []
        ok = True
        for i, item in enumerate(value, 1):
            checked = self.text(item, f"{path}[{i}]", what=what)
            if checked is None:
                ok = False
            else:
                items.append(checked)
        return tuple(items) if ok else None

    def figure_names(self, value: Any, path: str) -> tuple[str, ...] | None:
        """Figure names to record: snake_case, each once."""
        names = self.text_list(value, path, what="figure names")
        if names is None:
            return None
        ok = True
        seen: set[str] = set()
        for i, name in enumerate(names, 1):
            if not _FIGURE_NAME.fullmatch(name):
                self.add(f"{path}[{i}]", 'expected a snake_case figure name like '
                         f'"cost_per_lead", {found(name)}')
                ok = False
            elif name in seen:
                self.add(f"{path}[{i}]", f'"{name}" is listed twice')
                ok = False
            seen.add(name)
        return names if ok else None

    def unknown_keys(self, table: dict[str, Any], path: str, known: Sequence[str]) -> None:
        """One problem per key the table should not have, with the closest known key."""
        for key in table:
            if key in known:
                continue
            where = f"{path}.{key}" if path else key
            close = suggest(key, known)
            if close is not None:
                hint = f"did you mean '{close}'?"
            else:
                hint = f"known keys: {', '.join(known)}"
            self.add(where, f"unknown key '{short(key)}'; {hint}")
