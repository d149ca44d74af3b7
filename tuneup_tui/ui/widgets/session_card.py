"""The session card: topic, who (and the people behind the role), what the session does, its
questions with check-offs, and every figure recorded so far today.

The card joins the main screen just after its first frame (the header and the agenda already
say which session is on and how long it has left), with the rest of the screen that is not
needed to see where the day stands. It can be told what to show before it is mounted.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tuneup_tui.textsafe import visible, visible_line
from tuneup_tui.ui.widgets.questions import QuestionList

if TYPE_CHECKING:
    from tuneup_tui.agenda.model import Agenda, Session
    from tuneup_tui.store.day_record import RecordedFigure


class SessionCard(VerticalScroll, can_focus=False):
    """What the current session is for."""

    _recorded_shown: tuple[object, ...] | None = None

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.head = Static(id="card-head")
        """Topic, who and what the session does (or that the day is over)."""
        self.recorded = Static(id="recorded")
        """Every figure recorded today (hidden while there are none)."""
        self.questions = QuestionList(id="questions")
        """The session's questions, ticked off as they are covered."""

    def compose(self) -> ComposeResult:
        yield self.head
        yield self.recorded
        yield self.questions

    def show(self, agenda: Agenda, session: Session | None, checked: Collection[int]) -> None:
        """Show `session` (None before the day starts) with its ticked questions."""
        head = self.head
        if session is None:
            head.update(Text("Waiting for the first session.", style="italic"))
            self.questions.set_questions((), ())
            return
        text = Text()
        text.append(visible_line(session.topic), style="bold")
        if session.who:
            people = agenda.people_for(session.who)
            text.append(f"\n{visible_line(session.who)}", style="italic")
            if people:
                text.append(f": {visible_line(', '.join(people))}")
        if session.description:
            text.append(f"\n{visible(session.description)}")
        head.update(text)
        self.questions.set_questions(session.questions, checked)

    def show_day_over(self, summary: Path | None) -> None:
        """The day has ended: say so, and where its summary is."""
        text = Text("The day is over.", style="bold")
        if summary is not None:
            text.append(f"\n\nThe next-steps summary is in\n{visible(str(summary))}")
        else:
            text.append("\n\nWriting the next-steps summary…")
        text.append("\n\nEverything is saved; q quits.")
        self.head.update(text)

    def show_recorded(self, figures: Sequence[RecordedFigure], highlight: Collection[str]
                      ) -> None:
        """Every figure recorded today; those this session uses are highlighted."""
        # The figures' writing rules (and the report module they live in) are imported when
        # the first figures are shown.
        from tuneup_tui.report.text import fmt_value
        from tuneup_tui.ui.format import label

        shown = (tuple(figures), frozenset(highlight))
        if shown == self._recorded_shown:  # the store's every change asks for this
            return
        self._recorded_shown = shown
        box = self.recorded
        box.display = bool(figures)
        text = Text()
        for i, fig in enumerate(figures):
            if i:
                text.append("\n")
            style = "bold reverse" if fig.name in highlight else ""
            value = fmt_value(fig.value, fig.unit, fig.name)
            text.append(visible_line(f"{label(fig.name)}: {value}"), style=style)
            if fig.session:
                text.append(f" ({visible_line(fig.session)})", style="dim")
        box.update(text)
        box.border_title = "Recorded today"
