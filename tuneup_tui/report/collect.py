"""Gathering a run's `Summary` from the run store (and, when given, the panels it computed).

How the day ran is the schedule replayed from the run's recorded actions, on a clock stopped at
the run's end (or its last action); changes are against the previous run of the same series.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import datetime
from typing import Any, cast

from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.derive import DerivedCadence, DeriveError, derive_agenda
from tuneup_tui.agenda.load import loads_agenda
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.agenda.schedule import ActionKind, Schedule, ScheduleAction
from tuneup_tui.data.period import review_period
from tuneup_tui.metrics.coverage_line import coverage_line
from tuneup_tui.metrics.names import PANEL_TITLES
from tuneup_tui.metrics.recorded_checks import Recorded, with_recorded
from tuneup_tui.metrics.result import PanelResult
from tuneup_tui.metrics.scorecard_view import ScorecardLine, scorecard_json, scorecard_lines
from tuneup_tui.report.model import (
    CadenceProposal,
    CarriedItem,
    CarriedOutcome,
    DayRun,
    FigureLine,
    PanelFigure,
    PanelFigures,
    SessionRecord,
    Summary,
)
from tuneup_tui.store.day_record import ActionItem, SoftSpot
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.models import Run
from tuneup_tui.store.note_text import split_note

# Placeholder names a roster uses for "the whole room"; they are not attendees.
NOT_PEOPLE = frozenset({"everyone", "all", "team", "the team"})
# Which shorter agendas to propose after a run of each cadence.
NEXT_CADENCES: dict[str, tuple[DerivedCadence, ...]] = {
    "day": ("month", "week"),
    "month": ("week",),
}


def collect_summary(store: RunStore, run_id: int,
                    panel_results: Mapping[str, PanelResult] | None = None, *,
                    compare_with: int | None = None) -> Summary:
    """The summary of run `run_id` (StoreError when it is unknown), compared with run
    `compare_with`, else with the series' previous real run (rehearsals passed over)."""
    run = store.get_run(run_id)
    agenda = loads_agenda(run.agenda_toml, f"run {run.id} agenda")
    previous = (store.get_run(compare_with) if compare_with is not None
                else store.previous_run(run))
    spots = store.soft_spots(run.id)
    figures = _figures(store, run, previous)
    # the room's recorded figures checked against the panels they concern
    panel_results = with_recorded(panel_results or {}, {
        f.name: Recorded(f.value, f.session) for f in store.figures(run.id)})
    scorecard = _scorecard(panel_results)
    return Summary(
        title=agenda.title,
        series=agenda.series,
        day=run.started_at.date(),
        period=review_period(run.as_of, agenda.period),
        baseline_periods=agenda.baseline_periods,
        attendees=tuple(p for p in agenda.roster if p.casefold() not in NOT_PEOPLE),
        run_id=run.id,
        previous_run_id=previous.id if previous else None,
        actions=tuple(store.actions(run.id)),
        soft_spots=tuple(spots),
        figures=figures,
        panels=_panels(store, run, previous, agenda, panel_results or {}),
        scorecard=scorecard[0],
        scorecard_missing=scorecard[1],
        scorecard_values=scorecard[2],
        day_run=day_run(store, run, agenda),
        carried=_carried(store, run, previous),
        cadence=proposals(agenda, soft_spot_counts(spots)),
        sessions=session_records(agenda, {n.session: n.text for n in
                                          store.notes(run.id).values()}, figures),
    )


def _scorecard(results: Mapping[str, PanelResult]) -> tuple[
        tuple[ScorecardLine, ...], str | None, tuple[Mapping[str, Any], ...]]:
    """The scorecard's rows for the summary (written out, and with plain numbers), or why
    there are none."""
    result = results.get("scorecard")
    if result is None:
        why = ("this agenda shows no scorecard panel (add \"scorecard\" to a session's panels)"
               if results else "no data folder was read for this summary "
                               "(`tuneup summary --data DIR`)")
        return (), why, ()
    if result.error:
        return (), result.error, ()
    return tuple(scorecard_lines(result)), None, tuple(scorecard_json(result))


def session_records(agenda: Agenda, notes: Mapping[str, str],
                    figures: tuple[FigureLine, ...]) -> tuple[SessionRecord, ...]:
    """Session by session, in the agenda's order, those with notes, questions or figures;
    then the figures recorded outside any of the agenda's sessions (a record with no topic).
    """
    out = []
    topics = set()
    for session in agenda.sessions:
        topics.add(session.topic)
        text, ticked = split_note(notes.get(session.topic, ""), session.questions)
        questions = tuple((q, i in ticked) for i, q in enumerate(session.questions))
        own = tuple(f for f in figures if f.session == session.topic)
        if text.strip() or questions or own:
            out.append(SessionRecord(
                topic=session.topic, who=session.who,
                start=f"{session.start.hour:02d}:{session.start.minute:02d}",
                notes=text.strip(), questions=questions, figures=own))
    elsewhere = tuple(f for f in figures if f.session not in topics)
    if elsewhere:
        out.append(SessionRecord(topic="", figures=elsewhere))
    return tuple(out)


def soft_spot_counts(spots: list[SoftSpot]) -> dict[str, int]:
    """How many soft spots the run found per session topic."""
    return dict(Counter(s.session for s in spots if s.session))


def proposals(agenda: Agenda, counts: Mapping[str, int]) -> tuple[CadenceProposal, ...]:
    """The shorter agendas to repeat this one with (monthly and weekly after a day)."""
    out = []
    for cadence in NEXT_CADENCES.get(agenda.cadence, ()):
        try:
            derived = derive_agenda(agenda, cadence, soft_spot_counts=counts)
        except DeriveError:
            continue  # an agenda too odd to shorten: the summary just proposes nothing
        out.append(CadenceProposal(cadence, derived))
    return tuple(out)


def day_run(store: RunStore, run: Run, agenda: Agenda) -> DayRun | None:
    """The schedule replayed on a clock stopped at the run's end (or its last action)."""
    events = store.events(run.id)
    if not events:
        return None
    stop = run.ended_at or events[-1].at
    actions = [ScheduleAction(cast(ActionKind, e.kind), e.at, e.payload) for e in events]
    try:
        schedule = Schedule.restore(agenda, FakeClock(stop), anchor=run.anchor, mode=run.mode,
                                    actions=actions)
    except ValueError:
        return None  # events that no longer replay (an edited store): no timings rather than none
    status = schedule.status()
    ended: datetime = stop if (run.ended_at or status.finished) else status.projected_end
    kinds = Counter(e.kind for e in events)
    return DayRun(rows=status.rows, planned_end=status.end_of_day, ended_at=ended,
                  projected=not (run.ended_at or status.finished),
                  compressions=kinds["compress"], extensions=kinds["extend"])


def _figures(store: RunStore, run: Run, previous: Run | None) -> tuple[FigureLine, ...]:
    before = {f.name: f.value for f in store.figures(previous.id)} if previous else {}
    return tuple(
        FigureLine(f.name, f.value, f.unit, f.session, before.get(f.name))
        for f in store.figures(run.id)
    )


def _panels(store: RunStore, run: Run, previous: Run | None, agenda: Agenda,
            results: Mapping[str, PanelResult]) -> tuple[PanelFigures, ...]:
    saved = store.panel_figures(run.id)
    before = store.panel_figures(previous.id) if previous else {}
    in_agenda = [p for s in agenda.sessions for p in s.panels]
    names = [n for n in dict.fromkeys([*in_agenda, *sorted(results), *sorted(saved)])
             if n in results or n in saved]
    out = []
    for name in names:
        result = results.get(name)
        if result is not None and result.error and saved.get(name):
            result = None  # computed again but failed: what the run saved still tells
        values = dict(result.figures) if result else dict(saved.get(name, {}))
        baseline = dict(result.baseline_figures) if result else {}
        earlier = before.get(name, {})
        out.append(PanelFigures(
            panel=name,
            title=result.title if result else PANEL_TITLES.get(name, name),
            figures=tuple(PanelFigure(k, v, baseline.get(k), earlier.get(k))
                          for k, v in values.items()),
            error=result.error if result else None,
            coverage=(coverage_line(result.baseline_coverage, result.period.kind)
                      if result else None),
        ))
    return tuple(out)


def _carried(store: RunStore, run: Run, previous: Run | None) -> tuple[CarriedItem, ...]:
    """What became of the previous run's open items: carried (kept, re-owned, closed, dropped
    here), closed or dropped when this run opened, or still open and not carried."""
    if previous is None:
        return ()
    carriers: dict[int, ActionItem] = {
        a.carried_from: a for a in store.actions(run.id) if a.carried_from is not None
    }
    out = []
    for old in store.actions(previous.id):
        now = carriers.get(old.id)
        if now is not None:
            out.append(CarriedItem(now.text, old.owner, now.owner, _outcome(old, now), now.due,
                                   old.id, now.id))
        elif old.status != "open" and old.updated_at >= run.started_at:
            outcome: CarriedOutcome = "closed" if old.status == "done" else "dropped"
            out.append(CarriedItem(old.text, old.owner, old.owner, outcome, old.due, old.id))
        elif old.status == "open":
            out.append(CarriedItem(old.text, old.owner, old.owner, "not carried", old.due,
                                   old.id))
    return tuple(out)


def _outcome(old: ActionItem, now: ActionItem) -> CarriedOutcome:
    if now.status == "done":
        return "closed"
    if now.status == "dropped":
        return "dropped"
    return "re-owned" if now.owner.casefold() != old.owner.casefold() else "kept"
