"""The agenda as the day stands: planned and actual times, each session's status, and the
projected end of the day.

The rows are laid out by `AgendaRows`, a small renderable of fixed columns, rather than by a
rich Table: the table measured and padded every cell again on each layout and paint (about
3 ms a time, several times before the first frame), for the same lines.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text
from textual.widgets import Static

from tuneup_tui.agenda.schedule import ScheduleStatus, SessionRow
from tuneup_tui.textsafe import visible_line
from tuneup_tui.ui.clock_text import fmt_drift
from tuneup_tui.ui.widgets.drawn_rows import DrawnRows

STATUS_LABEL = {
    "done": ("✓", "dim"),
    "current": ("▶ now", "bold reverse"),
    "next": ("next", "bold"),
    "upcoming": ("", ""),
    "skipped": ("skipped", "dim"),
    "wont_fit": ("no fit", "bold red"),
}


def _times(row: SessionRow) -> str:
    """The actual (or projected) start when it differs from the plan, else blank."""
    if f"{row.start:%H:%M}" == f"{row.planned_start:%H:%M}":
        return ""
    return f"{row.start:%H:%M}"


PLAN_WIDTH = 5
NOW_WIDTH = 5
STATE_WIDTH = 7
FIXED_WIDTH = PLAN_WIDTH + NOW_WIDTH + STATE_WIDTH + 3
"""The three fixed columns and the one-space gap after each column but the last; the topic
takes the rest of the width."""

Row = tuple[str, Text, str, Text]
"""Planned start, topic, actual or projected start (or blank), state."""


class AgendaRows(DrawnRows):
    """The agenda's rows in four columns (plan, topic, now, state), then the end-of-day line.

    The lines are those of a rich grid (`Table.grid(padding=(0, 1), expand=True)`) with the
    same columns: the topic cut with an ellipsis, each cell padded in its own style, the
    "now" column in italics, gap included.
    """

    def __init__(self, rows: Sequence[Row], end: Text) -> None:
        self.rows = rows
        self.end = end

    def draw(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        topic_width = max(options.max_width - FIXED_WIDTH, 1)
        gap = Text(" ")
        for plan, topic, now, state in self.rows:
            line = Text.assemble(
                _cell(Text(plan), PLAN_WIDTH), gap, _cell(topic, topic_width), gap,
                _cell(Text(now, style="italic"), NOW_WIDTH), Text(" ", style="italic"),
                _cell(state, STATE_WIDTH))
            yield from line.render(console)
            yield Segment.line()
        yield from console.render(self.end, options)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(FIXED_WIDTH + 1, options.max_width)


def _cell(text: Text, width: int) -> Text:
    """`text` cut (with an ellipsis) or padded to `width`, as a table cell is."""
    cell = text.copy()
    cell.truncate(width, overflow="ellipsis", pad=True)
    return cell


class AgendaList(Static):
    """The whole day, one line a session."""

    _shown: tuple[object, ...] | None = None

    def show(self, status: ScheduleStatus | None) -> None:
        if status is None:
            self.update("")
            return
        # Redrawn on every tick: only when a time or a state shown has changed.
        key = (f"{status.projected_end:%H:%M}", round(status.drift.total_seconds() / 60),
               tuple((f"{r.start:%H:%M}", r.status) for r in status.rows))
        if key == self._shown:
            return
        first = self._shown is None
        self._shown = key
        rows: list[Row] = []
        for row in status.rows:
            label, style = STATUS_LABEL.get(row.status, ("", ""))
            topic_style = "bold" if row.status == "current" else (
                "dim" if row.status in ("done", "skipped") else "")
            topic = Text(visible_line(row.topic), style=topic_style)
            if row.status == "skipped":
                topic.stylize("strike")
            state = Text(label, style=style)
            rows.append((f"{row.planned_start:%H:%M}", topic, _times(row), state))
        drift = status.drift.total_seconds() / 60
        end = Text(f"Day ends {status.projected_end:%H:%M} {fmt_drift(drift)}",
                   style="bold red" if round(drift) > 0 else "bold")
        self.update(AgendaRows(rows, end), layout=first)
