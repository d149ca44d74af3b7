"""The session's questions with check-offs, wrapped in full (the room reads them aloud).

Focus it with tab; up and down move, enter (or x) ticks the highlighted question off or on.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import ClassVar

from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

from tuneup_tui.textsafe import visible_line
from tuneup_tui.ui.widgets.drawn_rows import DrawnRows


class QuestionRows(DrawnRows):
    """Each question beside its box, wrapped with a hanging indent under the box.

    The lines of a two-column rich grid (`Table.grid(padding=(0, 1), expand=True)`, the box
    one cell wide), drawn without the table's measuring: the card is laid out several times
    before the first frame.
    """

    def __init__(self, rows: Sequence[tuple[Text, Text]]) -> None:
        self.rows = rows

    def draw(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        # Rendered as the grid renders its cells: left-justified (each line padded in the
        # question's own style), the box cut to its one cell.
        text_options = options.update(width=max(options.max_width - 2, 1), height=None,
                                      justify="left", overflow="ellipsis")
        box_options = options.update(width=1, height=None, justify="left", overflow="ellipsis",
                                     no_wrap=True)
        gap = Segment(" ")
        for box, question in self.rows:
            lines = console.render_lines(question, text_options, pad=True)
            first = console.render_lines(box, box_options, pad=True)[0]
            for i, line in enumerate(lines):
                yield from (first if i == 0 else (gap,))
                yield gap
                yield from line
                yield Segment.line()


class QuestionList(Static, can_focus=True):
    """Questions, each ☐ or ☑."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False, id="questions.up"),
        Binding("down", "move(1)", "Down", show=False, id="questions.down"),
        Binding("enter,x", "tick", "Tick", id="questions.toggle"),
    ]

    class Toggled(Message):
        """The ticked questions changed."""

        def __init__(self, questions: QuestionList, checked: frozenset[int]) -> None:
            super().__init__()
            self.questions = questions
            self.checked = checked

        @property
        def control(self) -> QuestionList:
            return self.questions

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.questions: tuple[str, ...] = ()
        self.checked: set[int] = set()
        self.cursor = 0

    def set_questions(self, questions: Sequence[str], checked: Collection[int]) -> None:
        self.questions = tuple(questions)
        self.checked = {i for i in checked if 0 <= i < len(self.questions)}
        self.cursor = 0
        self.display = bool(self.questions)
        self._draw()

    def action_move(self, step: int) -> None:
        if self.questions:
            self.cursor = (self.cursor + step) % len(self.questions)
            self._draw()

    def action_tick(self) -> None:
        if not self.questions:
            return
        self.checked ^= {self.cursor}
        self._draw()
        self.post_message(self.Toggled(self, frozenset(self.checked)))

    def on_focus(self) -> None:
        self._draw()

    def on_blur(self) -> None:
        self._draw()

    def _draw(self) -> None:
        rows: list[tuple[Text, Text]] = []
        for i, question in enumerate(self.questions):
            ticked = i in self.checked
            style = "reverse" if self.has_focus and i == self.cursor else (
                "dim" if ticked else "")
            rows.append((Text("☑" if ticked else "☐", style="bold green" if ticked else ""),
                         Text(visible_line(question), style=style)))
        self.update(QuestionRows(rows))
        done = len(self.checked)
        self.border_title = f"Questions {done}/{len(self.questions)}"
        self.border_subtitle = "enter ticks" if self.has_focus else ""
