"""What the clock's moving on asks of the console: one bell when a session runs out, and the
end of the day (the run ended, the summary written)."""

from __future__ import annotations

from typing import Literal

from tuneup_tui.agenda.schedule import ScheduleStatus

DayEnd = Literal["end the run", "write the summary"]


class DayPulse:
    """Decides, tick by tick, when to ring and when the day is over."""

    def __init__(self, sessions: int) -> None:
        self._last = sessions - 1
        self._belled: set[tuple[int, int]] = set()
        """The sessions (and their planned length: an extended one rings again) rung for."""
        self._summary_written = False

    def ring(self, status: ScheduleStatus) -> bool:
        """Whether to ring now: once when a session's time runs out (each length it had)."""
        if status.current is None or status.paused or status.finished:
            return False
        if status.remaining.total_seconds() > 0:
            return False
        row = status.rows[status.current]
        if row.minutes <= 0:  # nothing to run out (End of Day at end_of_day)
            return False
        key = (status.current, round(row.minutes))
        if key in self._belled:
            return False
        self._belled.add(key)
        return True

    def day_end(self, status: ScheduleStatus, run_finished: bool) -> DayEnd | None:
        """What the day's end asks for now: the run ended (and its summary written) once the
        schedule is finished; the summary written once when end of day is reached (the clock
        passes it, or the last session starts)."""
        if status.finished:
            return None if run_finished else "end the run"
        reached = status.now >= status.end_of_day or (
            status.started and status.current == self._last)
        if reached and not self._summary_written:
            self._summary_written = True
            return "write the summary"
        return None
