"""The header: the clock, the current session and its countdown, then overtime counting up.

It turns amber (`-warning`) at five minutes left and red (`-over`) once the session runs over;
the stylesheet holds the colours. When the runs are kept in a shared store, its state closes the
line ("shared store: offline, 12 changes waiting"); while a write waits for the lock another
process holds on the store, "saving… (store busy)" does.
"""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.widgets import Static

from tuneup_tui.agenda.schedule import ScheduleStatus
from tuneup_tui.textsafe import visible_line
from tuneup_tui.ui.clock_text import fmt_countdown, fmt_drift

WARNING_AT = timedelta(minutes=5)


def countdown_text(status: ScheduleStatus) -> str:
    """"29:52 left" while the session runs, "+04:10 over" once it is past its time."""
    if status.overtime > timedelta(0) or status.remaining < timedelta(0):
        over = max(status.overtime, -status.remaining)
        return f"+{fmt_countdown(over.total_seconds())} over"
    return f"{fmt_countdown(status.remaining.total_seconds())} left"


class HeaderBar(Static):
    """The one-line header of the main screen."""

    def __init__(self, title: str, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self._title = title
        self._shown: str | None = None
        self.shared: tuple[str, str] | None = None
        """The shared store's state as the header says it, in full and short; None with a
        local store only."""
        self._last: tuple[ScheduleStatus | None, str | None, str] | None = None
        self.saving: str | None = None
        """What waits for the store, when a write does (another process holds its lock)."""

    def show_shared(self, line: str, short: str) -> None:
        """Say the shared store's state (at once, not at the next tick) when it changed."""
        if (line, short) == self.shared:
            return
        self.shared = (line, short)
        if self._last is not None:
            self.show(*self._last)

    def show_saving(self, saving: str | None) -> None:
        """Say what waits for the store ("saving… (store busy)"), and stop once it landed."""
        if saving == self.saving:
            return
        self.saving = saving
        if self._last is not None:
            self.show(*self._last)

    def show(self, status: ScheduleStatus | None, topic: str | None, position: str) -> None:
        """Redraw for `status` (None while the run is being opened)."""
        self._last = (status, topic, position)
        text = Text(no_wrap=True, overflow="ellipsis")
        if status is None:
            text.append(f" {visible_line(self._title)}", style="bold")
            self.set_classes("")
            self._show(text)
            return
        text.append(f" {status.now:%H:%M} ", style="bold")
        text.append("│ ")
        over = False
        warn = False
        drift_minutes = status.drift.total_seconds() / 60
        if status.finished:
            # Once it is over the day does not "end" any more: when it ended, against the plan.
            text.append(f"The day ended at {status.projected_end:%H:%M}", style="bold")
            text.append(f" {fmt_drift(drift_minutes)}")
        elif not status.started or status.current is None or topic is None:
            start = status.rows[0].start if status.rows else status.now
            wait = max((start - status.now).total_seconds(), 0)
            text.append(f"Starts at {start:%H:%M}", style="bold")
            text.append(f" · in {fmt_countdown(wait)}")
        elif status.rows[status.current].minutes <= 0:
            # A session planned with no time of its own (End of Day at end_of_day): no
            # countdown to run out, just how long it has been going.
            text.append(visible_line(topic), style="bold")
            text.append(f" ({position}) · {fmt_countdown(status.elapsed.total_seconds())} in")
        else:
            text.append(visible_line(topic), style="bold")
            text.append(f" ({position})")
            text.append(" · ")
            text.append(countdown_text(status), style="bold")
            over = status.overtime > timedelta(0) or status.remaining < timedelta(0)
            warn = not over and status.remaining <= WARNING_AT
            if status.paused:
                text.append(" · PAUSED", style="bold reverse")
        day_ends = ("" if status.finished else
                    f"  │ Day ends {status.projected_end:%H:%M} {fmt_drift(drift_minutes)}")
        if self.shared is None and self.saving is None:
            text.append(day_ends)
        else:
            self._append_shared(text, day_ends)
        self.set_class(warn, "-warning")
        self.set_class(over, "-over")
        self._show(text)

    def _append_shared(self, text: Text, day_ends: str) -> None:
        """The day's end and the shared store's state, in the longest form that fits; on a
        narrow terminal the day's end gives way (the agenda list shows it too)."""
        line, short = ((self.saving, self.saving.split(" (")[0]) if self.saving
                       else self.shared or ("", ""))
        width = self.size.width or 10_000
        forms = [(day_ends, line), (day_ends, short), ("", line), ("", short)]
        ends, said = next(((e, s) for e, s in forms
                           if text.cell_len + len(e) + 4 + len(s) <= width), forms[-1])
        text.append(ends)
        text.append("  │ ")
        loud = "offline" in said or "not saved" in said
        text.append(visible_line(said), style="bold" if loud else "")

    def _show(self, text: Text) -> None:
        # The header redraws every tick; skipping unchanged text and the layout pass (its
        # size never changes) keeps the ticks cheap while dialogs are typed into.
        if text.plain == self._shown:
            return
        self._shown = text.plain
        self.update(text, layout=False)
