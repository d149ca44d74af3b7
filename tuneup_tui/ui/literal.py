"""Text from people and files as the console draws it: literally, and unable to act.

Textual reads a plain string given to a Static, a toast, a border title, an option or a table
cell as content markup, where "[@click=app.quit]" is a link that runs an action and "[red]"
a style. Whatever comes from an attendee, an agenda or a data file is handed to a widget as a
rich `Text` built here instead, with its control characters shown as symbols
(`tuneup_tui.textsafe`), or to a toast with markup off (`say`).
"""

from __future__ import annotations

from typing import Any, Literal

from rich.text import Text
from textual import events
from textual.app import App
from textual.widget import Widget

from tuneup_tui.textsafe import multi_line, visible, visible_line

CELL_WIDTH = 80
"""The widest a table's cell or a title is drawn: one very long name does not widen every
row."""

Severity = Literal["information", "warning", "error"]


def literal(text: str, style: str = "") -> Text:
    """`text` drawn as it is, over several lines if it has them."""
    return Text(visible(text), style=style)


def literal_line(text: str, style: str = "", width: int | None = CELL_WIDTH) -> Text:
    """`text` drawn as it is on one line (a cell, a title, an option), cut to `width`."""
    return Text(visible_line(text, width), style=style, no_wrap=True, overflow="ellipsis")


def one_line_text(text: Text, width: int | None = CELL_WIDTH) -> Text:
    """A `Text` built elsewhere, made safe to draw on one line: its control characters shown
    as symbols (one for one, so its styles stay where they were), cut to `width` cells."""
    plain = visible_line(text.plain)
    if plain != text.plain:
        text = Text(plain, style=text.style, spans=text.spans, end=text.end)
    if width is not None and text.cell_len > width:
        text = text.copy()
        text.truncate(width, overflow="ellipsis")
    return text


def plain_paste(event: events.Event) -> events.Event:
    """A paste with its control characters left out (its lines and tabs kept), any other
    event as it is: a pasted escape code never lands in a field, where it would be drawn."""
    if isinstance(event, events.Paste) and not event.is_forwarded:
        text = multi_line(event.text)
        if text != event.text:
            return events.Paste(text)
    return event


def say(node: Widget | App[Any], message: str, *, title: str = "",
        severity: Severity = "information", timeout: float | None = None) -> None:
    """A toast showing `message` as it is: names and errors quoting what people typed cannot
    style it or act."""
    node.notify(visible(message), title=visible_line(title), severity=severity,
                timeout=timeout, markup=False)
