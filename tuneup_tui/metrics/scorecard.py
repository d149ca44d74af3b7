"""Scorecard panel: the Monday questions, each answered for the period against its target.

Each row (scorecard_questions.QUESTIONS) takes its answer and baseline from the panel whose
figure answers it (computed once, the same result that panel shows), its target from the
team's plan (targets.py) over the row's span of days, and a status (scorecard_status.py).
A row whose figure cannot be computed from this pack says "not answered yet" and why; a row
the console does not compute yet says so too. Never a made-up number.

Spans: a period row's target covers the period's days; the quarter row (bookings) covers the
quarter from its first day to the period's end, against the same number of days of the quarter
before; the calendar row covers the calendar's coming weeks (the Calendar panel's `weeks`, 4).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.catalogue import figure_info
from tuneup_tui.metrics.result import PanelResult, PanelSettings, Table
from tuneup_tui.metrics.scorecard_figures import own_figure, quarter_start, tactic_value
from tuneup_tui.metrics.scorecard_questions import QUESTIONS, Question
from tuneup_tui.metrics.scorecard_status import judge
from tuneup_tui.metrics.targets import TargetPlan, read_targets

NAME = "scorecard"
TITLE = "Monday scorecard"
COLUMNS = ("key", "question", "answer", "target", "baseline", "status", "against", "session",
           "panel", "figure", "tactic", "note")
NOT_ANSWERED = "not answered yet"


@dataclass
class _Day:
    """What the rows are answered from."""

    pack: DataPack
    period: Period
    settings: PanelSettings
    plan: TargetPlan
    results: dict[str, PanelResult | str]


def compute(pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """The scorecard for the period: one row per question (and per tactic the plan names)."""
    baseline = period.baseline(settings.baseline_periods)
    plan = read_targets(pack)
    day = _Day(pack, period, settings, plan, {})
    rows: list[dict[str, Any]] = []
    for q in QUESTIONS:
        rows.extend(_rows(q, day))
    figures = {r["key"]: r["answer"] for r in rows if r["tactic"] is None and not r["pending"]}
    base = {r["key"]: r["baseline"] for r in rows if r["tactic"] is None and not r["pending"]}
    notes = [plan.missing] if plan.missing else []
    notes += [line for line in plan.set_aside if line not in notes]
    return PanelResult(
        name=NAME, title=TITLE, period=period, baseline=baseline,
        figures=figures, baseline_figures=base,
        tables={"scorecard": Table("The Monday questions", COLUMNS, tuple(rows))},
        notes=tuple(notes))


def _rows(q: Question, day: _Day) -> list[dict[str, Any]]:
    panel, _, key = q.figure.partition(".")
    row = {"key": q.key, "question": q.question, "figure": q.figure, "tactic": None,
           "answer": None, "target": None, "baseline": None, "status": None, "against": None,
           "session": day.settings.sessions.get(q.panel), "panel": q.panel, "note": None,
           "pending": q.pending is not None}
    if q.pending is not None:
        return [{**row, "note": f"{NOT_ANSWERED}: {q.pending}"}]
    if panel == NAME:
        answer, base, why = own_figure(q.key, day.pack, day.period, _baseline(day),
                                       lambda: _result(day, "paid"))
    else:
        answer, base, why = _from_panel(day, panel, key)
    if why is not None:
        return [{**row, "note": f"{NOT_ANSWERED}: {why}"}]
    start, end = _span(q, day)
    target, against = _target(q, day, start, end)
    info = figure_info(NAME, q.key)
    better = info.better if info is not None else "neither"
    held = target if target is not None else base
    out = [{**row, "answer": answer, "baseline": base, "target": target,
            "against": against if target is not None else ("baseline" if base is not None
                                                           else None),
            "status": judge(better, answer, held), "note": _span_note(q, start, end)}]
    if q.by_tactic:
        for tactic in day.plan.tactics(q.plan_figure or q.figure):
            out.append(_tactic_row(q, day, out[0], tactic, start, end, better))
    return out


def _tactic_row(q: Question, day: _Day, whole: Mapping[str, Any], tactic: str, start: date,
                end: date, better: Any) -> dict[str, Any]:
    target = day.plan.over(q.plan_figure or q.figure, start, end, tactic)
    paid = _result(day, "paid") if q.figure.startswith("paid.") else None
    answer, base, why = tactic_value(q.figure, tactic, day.pack, day.period, _baseline(day),
                                     paid)
    row = {**whole, "question": f"{q.question}: {tactic}", "tactic": tactic,
           "answer": answer, "baseline": base, "target": target, "note": None}
    if why is not None:
        return {**row, "status": None, "against": None, "note": f"{NOT_ANSWERED}: {why}"}
    held = target if target is not None else base
    against = "target" if target is not None else ("baseline" if base is not None else None)
    return {**row, "against": against, "status": judge(better, answer, held)}


def _from_panel(day: _Day, panel: str, key: str) -> tuple[Any, Any, str | None]:
    result = _result(day, panel)
    if isinstance(result, str):
        return None, None, result
    if key not in result.figures:
        return None, None, f"the {panel} panel has no {key}"
    return result.figures[key], result.baseline_figures.get(key), None


def _result(day: _Day, panel: str) -> PanelResult | str:
    """The panel's result, or its error in one line."""
    if panel not in day.results:
        from tuneup_tui.metrics.registry import computed

        settings = replace(day.settings, options=dict(day.settings.panel_options.get(panel, {})))
        try:
            result, _ = computed(panel, day.pack, day.period, settings)
            day.results[panel] = result.error or result
        except DataError as err:
            day.results[panel] = str(err)
        except Exception as err:  # another panel's bug is that row's gap, not the scorecard's
            day.results[panel] = f"{panel}: could not compute ({type(err).__name__})"
    return day.results[panel]


def _span(q: Question, day: _Day) -> tuple[date, date]:
    period = day.period
    if q.span == "quarter":
        return quarter_start(period.end), period.end
    if q.span == "ahead":
        weeks = int(day.settings.panel_options.get("calendar", {}).get("weeks", 4))
        return period.end + timedelta(days=1), period.end + timedelta(days=7 * weeks)
    return period.start, period.end


def _target(q: Question, day: _Day, start: date, end: date) -> tuple[float | None, str | None]:
    if q.against is not None:
        panel, _, key = q.against.partition(".")
        result = _result(day, panel)
        value = None if isinstance(result, str) else result.figures.get(key)
        return (None if value is None else float(value)), "expected"
    return day.plan.over(q.plan_figure or q.figure, start, end), "target"


def _span_note(q: Question, start: date, end: date) -> str | None:
    if q.span == "quarter":
        return f"{start:%d %b} to {end:%d %b}"
    if q.span == "ahead":
        return f"{start:%d %b} to {end:%d %b}"
    if q.span == "life":
        return "each tactic's life to date"
    return None


def _baseline(day: _Day) -> Baseline:
    return day.period.baseline(day.settings.baseline_periods)
