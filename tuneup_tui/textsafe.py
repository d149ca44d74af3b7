"""Text from people and files, made safe to keep and to show.

An action item logged from a terminal, an owner's name, an agenda's topic or a referral source
in an analytics export can carry terminal control sequences: ESC starts colour codes, screen
wipes and OSC commands (a window title, a clipboard write), BEL ends them. Printed as they are,
they act on the facilitator's terminal. The store keeps text without them (`one_line` for a
field shown on one line, `multi_line` for notes), and whatever is printed or drawn goes through
`visible` or `visible_line`, which show each control character as a symbol ("␛") instead, so
text stored before this rule, agendas and data files are safe too.

No textual and no rich here: the store, the reports and the command line use it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO, cast

ELLIPSIS = "…"

_REPLACEMENT = "\ufffd"
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
"""Every break str.splitlines() knows, CR LF counted as one."""
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 controls and DEL, tab and newline apart."""
_SURROGATES = re.compile("[\ud800-\udfff]")
"""Halves of characters (undecodable bytes in arguments): no store or terminal takes them."""


def one_line(text: str) -> str:
    """`text` for a one-line field (an action item, an owner, a soft spot, a figure's name):
    line breaks and tabs become spaces, other control characters go, ends are trimmed."""
    text = _LINE_BREAK.sub(" ", text).replace("\t", " ")
    return _SURROGATES.sub(_REPLACEMENT, _CONTROLS.sub("", text)).strip()


def multi_line(text: str) -> str:
    """`text` for a field of several lines (notes): newlines and tabs stay, every line break
    is a newline, other control characters go."""
    text = _LINE_BREAK.sub("\n", text)
    return _SURROGATES.sub(_REPLACEMENT, _CONTROLS.sub("", text))


def _pictures(keep: str) -> dict[int, str]:
    """C0 controls as their Unicode control pictures (ESC as ␛), DEL as ␡, C1 controls and
    surrogates as the replacement character; the characters in `keep` as they are."""
    table: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
    table[0x7F] = "\u2421"
    table.update({code: _REPLACEMENT for code in range(0x80, 0xA0)})
    table.update({code: _REPLACEMENT for code in range(0xD800, 0xE000)})
    table.update({code: "\u2424" for code in (0x2028, 0x2029)})
    for char in keep:
        del table[ord(char)]
    return table


_VISIBLE = _pictures("\n\t")
_VISIBLE_LINE = {**_pictures(""), ord("\t"): " "}


def visible(text: str) -> str:
    """`text` to print or draw as it is: newlines and tabs stay, every other control
    character is shown as a symbol and cannot act."""
    return text.translate(_VISIBLE)


def visible_line(text: str, width: int | None = None) -> str:
    """`text` to show on one line (a table's cell, a title): line breaks show as "␊", tabs
    as spaces, other controls as symbols; cut to `width` characters with an ellipsis."""
    text = text.translate(_VISIBLE_LINE)
    return clip(text, width) if width is not None else text


def clip(text: str, width: int) -> str:
    """`text` cut to `width` characters, the last one an ellipsis when something was cut."""
    if len(text) <= width:
        return text
    return text[: max(width - 1, 0)] + ELLIPSIS if width > 0 else ""


class VisibleWriter:
    """A text stream that shows control characters as symbols (`visible`) on their way out:
    whatever a command prints, whoever wrote the text, cannot act on the terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(visible(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def visible_output() -> Iterator[None]:
    """Standard output and error written through `VisibleWriter` while the block runs."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = cast(TextIO, VisibleWriter(out)), cast(TextIO, VisibleWriter(err))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
