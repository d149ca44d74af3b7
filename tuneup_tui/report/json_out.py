"""The next-steps summary as JSON for scripts (keys documented in docs/summary.md).

Dates and times are ISO 8601 text; numbers are plain (rates as fractions); anything unknown is
null. The keys are a contract: add, never rename.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from tuneup_tui.metrics.result import clean_number
from tuneup_tui.report.model import FigureLine, Summary, actual_minutes, overrun_minutes


def render_json(summary: Summary) -> str:
    """The summary as an indented JSON document (ends with a newline)."""
    return json.dumps(summary_to_json(summary), indent=2, ensure_ascii=False) + "\n"


def summary_to_json(s: Summary) -> dict[str, Any]:
    """The summary as plain JSON values."""
    return {
        "run": {
            "id": s.run_id,
            "title": s.title,
            "series": s.series,
            "date": s.day.isoformat(),
            "previous_run_id": s.previous_run_id,
        },
        "period": None if s.period is None else {
            "label": s.period.label,
            "kind": s.period.kind,
            "start": s.period.start.isoformat(),
            "end": s.period.end.isoformat(),
            "baseline_periods": s.baseline_periods,
        },
        "attendees": list(s.attendees),
        "actions": [
            {"id": i.id, "text": i.text, "owner": i.owner, "due": _iso(i.due),
             "session": i.session, "status": i.status, "carried_from": i.carried_from}
            for _, items in s.actions_by_owner() for i in items
        ],
        "soft_spots": [
            {"rank": n, "id": sp.id, "severity": sp.severity, "text": sp.text,
             "session": sp.session, "owner": sp.owner, "fix_due": _iso(s.fix_due(sp)),
             "panel": sp.panel,
             "finding_key": sp.finding_key,
             "figures": {k: _plain(v) for k, v in sp.figures.items()}}
            for n, sp in enumerate(s.ranked_soft_spots(), start=1)
        ],
        "figures": [_figure(f) for f in s.figures],
        "scorecard": {"rows": [dict(row) for row in s.scorecard_values],
                      "missing": s.scorecard_missing},
        "panels": {
            p.panel: {
                "title": p.title,
                "error": p.error,
                "baseline_coverage": p.coverage,
                "figures": {
                    f.name: {"value": clean_number(f.value),
                             "baseline": clean_number(f.baseline),
                             "vs_baseline": clean_number(f.vs_baseline),
                             "previous": clean_number(f.previous),
                             "vs_previous": clean_number(f.vs_previous)}
                    for f in p.figures
                },
            }
            for p in s.panels
        },
        "day": _day(s),
        "carried": [
            {"text": c.text, "previous_owner": c.previous_owner, "owner": c.owner,
             "due": _iso(c.due), "outcome": c.outcome, "previous_id": c.previous_id,
             "item_id": c.item_id}
            for c in s.carried
        ],
        "cadence": {
            p.cadence: {
                "title": p.agenda.title,
                "minutes": p.minutes,
                "period": p.agenda.period,
                "baseline_periods": p.agenda.baseline_periods,
                "sessions": [{"start": st, "topic": t, "minutes": m} for st, t, m in p.sessions],
            }
            for p in s.cadence
        },
        "decisions": [{"session": topic, "text": text} for topic, text in s.decisions()],
        "sessions": [
            {"topic": r.topic or None, "who": r.who, "start": r.start or None,
             "notes": r.notes,
             "questions": [{"question": q, "covered": ticked} for q, ticked in r.questions],
             "figures": [_figure(f) for f in r.figures]}
            for r in s.sessions
        ],
    }


def _figure(f: FigureLine) -> dict[str, Any]:
    return {"name": f.name, "value": clean_number(f.value), "unit": f.unit,
            "session": f.session, "previous": clean_number(f.previous),
            "change": clean_number(f.change)}


def _day(s: Summary) -> dict[str, Any] | None:
    d = s.day_run
    if d is None:
        return None
    return {
        "planned_end": _iso(d.planned_end),
        "ended_at": _iso(d.ended_at),
        "end_drift_minutes": d.end_drift_minutes,
        "compressions": d.compressions,
        "extensions": d.extensions,
        "overruns": len(d.overruns),
        "skipped": len(d.skipped),
        "sessions": [
            {"index": r.index, "topic": r.topic, "who": r.who,
             "planned_start": _iso(r.planned_start), "planned_minutes": r.planned_minutes,
             "actual_start": _iso(r.actual_start), "actual_end": _iso(r.actual_end),
             "actual_minutes": clean_number(actual_minutes(r)),
             "over_minutes": overrun_minutes(r), "status": r.status}
            for r in d.rows
        ],
    }


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _plain(value: Any) -> Any:
    if isinstance(value, str | bool) or value is None:
        return value
    return clean_number(value)
