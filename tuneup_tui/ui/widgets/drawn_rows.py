"""Rows drawn once for a width: what the agenda and the questions are made of.

Textual measures a widget's height by drawing its content, then draws it again to paint it, and
lays the first frame out twice (the second time after every widget has its size, which
throws its own caches away). The agenda's and the questions' lines depend only on the width
and on how text is wrapped, so they are worked out once for those and reused.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions
from rich.segment import Segment

DrawKey = tuple[int, object, object, object]
"""The width and the wrapping the lines were drawn for (justify, overflow, no_wrap)."""


class DrawnRows:
    """A rich renderable whose lines depend only on the width and the wrapping asked for."""

    _drawn: tuple[Console, DrawKey, list[Segment]] | None = None

    def draw(self, console: Console, options: ConsoleOptions) -> Iterable[Segment]:
        """The lines at `options.max_width`, each ended by a newline segment."""
        raise NotImplementedError

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> list[Segment]:
        key: DrawKey = (options.max_width, options.justify, options.overflow, options.no_wrap)
        drawn = self._drawn
        if drawn is None or drawn[0] is not console or drawn[1] != key:
            drawn = self._drawn = (console, key, list(self.draw(console, options)))
        return drawn[2]
