"""The next-steps summary of a run, as plain data the renderers share.

A `Summary` is built from plain inputs (the run's facts, its action items, soft spots, recorded
figures, how the day ran, panel key figures, carried-over items, the proposed cadence), so the
Markdown, HTML, JSON, CSV and ICS renderers can be tested without a store or a schedule.
`tuneup_tui.report.collect` builds one from the run store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

from tuneup_tui.agenda.model import Agenda
from tuneup_tui.agenda.schedule import SessionRow
from tuneup_tui.data.period import Period
from tuneup_tui.metrics.result import SEVERITY_ORDER, Number
from tuneup_tui.metrics.scorecard_view import ScorecardLine
from tuneup_tui.store.day_record import ActionItem, SoftSpot

CarriedOutcome = Literal["closed", "kept", "re-owned", "dropped", "not carried"]


@dataclass(frozen=True)
class FigureLine:
    """A recorded figure with its value in the previous run of the series, when it had one."""

    name: str
    value: float
    unit: str = ""
    session: str | None = None
    previous: float | None = None

    @property
    def change(self) -> float | None:
        return None if self.previous is None else self.value - self.previous


@dataclass(frozen=True)
class SessionRecord:
    """What the room recorded in one session: its notes, its questions (ticked or not), the
    figures recorded in it. A record with no topic holds figures recorded outside any session."""

    topic: str
    who: str = ""
    start: str = ""
    """The planned start, "HH:MM"."""
    notes: str = ""
    questions: tuple[tuple[str, bool], ...] = ()
    """(question, ticked) in the agenda's order."""
    figures: tuple[FigureLine, ...] = ()

    @property
    def decisions(self) -> tuple[str, ...]:
        """The notes' lines that say what was decided ("Decision: ...", "Decided: ...")."""
        found = []
        for line in self.notes.splitlines():
            text = line.strip().lstrip("-*").strip()
            head, sep, rest = text.partition(":")
            if sep and head.strip().casefold() in DECISION_WORDS and rest.strip():
                found.append(rest.strip())
        return tuple(found)


DECISION_WORDS = frozenset({"decision", "decided", "agreed"})
"""A notes line starting with one of these and a colon is one of the day's decisions."""


@dataclass(frozen=True)
class PanelFigure:
    """One headline figure of a panel: this period, the baseline, the previous run."""

    name: str
    value: Number
    baseline: Number = None
    previous: Number = None

    @property
    def vs_baseline(self) -> float | None:
        return _difference(self.value, self.baseline)

    @property
    def vs_previous(self) -> float | None:
        return _difference(self.value, self.previous)


@dataclass(frozen=True)
class PanelFigures:
    """A panel's key figures, in the panel's own order."""

    panel: str
    title: str
    figures: tuple[PanelFigure, ...]
    error: str | None = None
    coverage: str | None = None
    """"baseline: 2 of 3 months have data" when some baseline periods had no data (their
    means leave them out); None when every period had data."""


@dataclass(frozen=True)
class DayRun:
    """How the day ran against its plan."""

    rows: tuple[SessionRow, ...]
    planned_end: datetime
    """end_of_day on the run's date (where the plan ends)."""
    ended_at: datetime | None = None
    """When the day ended (the run's end, or its last recorded action), or is projected to."""
    projected: bool = False
    """True when the day has not ended and `ended_at` is the projected end."""
    compressions: int = 0
    extensions: int = 0

    @property
    def overruns(self) -> tuple[SessionRow, ...]:
        """Sessions that took longer than planned (by a whole minute or more)."""
        return tuple(r for r in self.rows if (over := overrun_minutes(r)) is not None and over > 0)

    @property
    def skipped(self) -> tuple[SessionRow, ...]:
        return tuple(r for r in self.rows if r.status == "skipped")

    @property
    def end_drift_minutes(self) -> int | None:
        """Minutes the day ended after end_of_day (negative: early); None when it has not."""
        if self.ended_at is None:
            return None
        return round((self.ended_at - self.planned_end).total_seconds() / 60)


@dataclass(frozen=True)
class CarriedItem:
    """An item open at the end of the previous run and what became of it in this one."""

    text: str
    previous_owner: str
    owner: str
    outcome: CarriedOutcome
    due: date | None = None
    previous_id: int | None = None
    item_id: int | None = None


@dataclass(frozen=True)
class CadenceProposal:
    """A derived shorter agenda, summarised: its sessions and their lengths."""

    cadence: str
    agenda: Agenda

    @property
    def minutes(self) -> int:
        return sum(self.agenda.session_length(i) for i in range(len(self.agenda.sessions)))

    @property
    def sessions(self) -> tuple[tuple[str, str, int], ...]:
        """(start "HH:MM", topic, minutes) per session."""
        a = self.agenda
        return tuple(
            (f"{s.start.hour:02d}:{s.start.minute:02d}", s.topic, a.session_length(i))
            for i, s in enumerate(a.sessions)
        )


@dataclass(frozen=True)
class Summary:
    """Everything the next-steps summary says about one run."""

    title: str
    series: str
    day: date
    period: Period | None = None
    baseline_periods: int = 0
    attendees: tuple[str, ...] = ()
    run_id: int | None = None
    previous_run_id: int | None = None
    actions: tuple[ActionItem, ...] = ()
    soft_spots: tuple[SoftSpot, ...] = ()
    figures: tuple[FigureLine, ...] = ()
    panels: tuple[PanelFigures, ...] = ()
    day_run: DayRun | None = None
    carried: tuple[CarriedItem, ...] = ()
    cadence: tuple[CadenceProposal, ...] = field(default_factory=tuple)
    sessions: tuple[SessionRecord, ...] = ()
    """Session by session, in the agenda's order: the ones with notes, questions or figures."""
    scorecard: tuple[ScorecardLine, ...] = ()
    """The Monday scorecard's rows, written out (empty when it was not computed)."""
    scorecard_missing: str | None = None
    scorecard_values: tuple[Mapping[str, Any], ...] = ()
    """The same rows with plain numbers (`tuneup scorecard --json`'s rows), for summary.json."""
    """Why there is no scorecard (no data folder, or its error), for its section to say."""

    def decisions(self) -> list[tuple[str, str]]:
        """(session topic, what was decided), in the agenda's order."""
        return [(r.topic, text) for r in self.sessions for text in r.decisions]

    def fix_due(self, spot: SoftSpot) -> date | None:
        """When the soft spot's fix is due: the earliest due date of its owner's open action
        items from its session (None without an owner, a session or such an item)."""
        if not spot.owner or not spot.session:
            return None
        owner = spot.owner.casefold()
        dates = [a.due for a in self.actions if a.due is not None and a.status == "open"
                 and a.session == spot.session and a.owner.casefold() == owner]
        return min(dates, default=None)

    def actions_by_owner(self) -> list[tuple[str, list[ActionItem]]]:
        """Action items grouped by owner (owners A to Z), each group by due date then id.

        Items without a due date come last in their group.
        """
        groups: dict[str, list[ActionItem]] = {}
        for item in self.actions:
            groups.setdefault(item.owner or "(no owner)", []).append(item)
        return [
            (owner, sorted(items, key=_due_key))
            for owner, items in sorted(groups.items(), key=lambda kv: kv[0].casefold())
        ]

    def ranked_soft_spots(self) -> list[SoftSpot]:
        """Soft spots, most severe first; within a severity, in the order they were found."""
        return sorted(self.soft_spots, key=lambda s: (SEVERITY_ORDER.get(s.severity, 3), s.id))


def overrun_minutes(row: SessionRow) -> int | None:
    """Whole minutes a session ran past its plan (negative: it finished early)."""
    actual = actual_minutes(row)
    if actual is None:
        return None
    return round(actual) - row.planned_minutes


def actual_minutes(row: SessionRow) -> float | None:
    """Minutes a finished session actually took, or None when it did not run to its end."""
    if row.actual_start is None or row.actual_end is None:
        return None
    # time spent (pauses out, every visit added) when the engine counted it
    if row.spent > timedelta(0):
        return row.spent.total_seconds() / 60
    return (row.actual_end - row.actual_start).total_seconds() / 60


def _due_key(item: ActionItem) -> tuple[int, date, int]:
    return (0, item.due, item.id) if item.due else (1, date.max, item.id)


def _difference(value: Number, other: Number) -> float | None:
    if value is None or other is None:
        return None
    return float(value) - float(other)
