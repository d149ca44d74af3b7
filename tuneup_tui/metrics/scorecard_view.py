"""The scorecard written out: each row's figures as the room reads them, for the console, the
summary, `tuneup scorecard` and the `tuneup metrics` report alike.

A row's answer, target and baseline are written in the terms of the figure that answers it
("2.4%", "$48.24", "22,881"); a row not answered yet says so in its status and gives the reason
as its note; where it is dug into is the agenda's session, else the panel's title.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tuneup_tui.metrics.display import NA, fmt_figure
from tuneup_tui.metrics.names import PANEL_TITLES
from tuneup_tui.metrics.result import PanelResult, clean_value
from tuneup_tui.metrics.scorecard_questions import QUESTIONS

DASH = "–"
_SHORT = {q.key: q.short for q in QUESTIONS}
NOT_ANSWERED = "not answered yet"


@dataclass(frozen=True, slots=True)
class ScorecardLine:
    """One row of the scorecard, as text (status as its plain word, "" when none)."""

    question: str
    answer: str
    target: str
    baseline: str
    status: str
    against: str
    where: str
    note: str
    figure: str
    tactic: str | None
    short: str = ""
    """The question in a few words, for a narrow screen ("" : the question itself)."""


def scorecard_rows(result: PanelResult) -> tuple[Mapping[str, Any], ...]:
    """The scorecard's rows as the panel computed them (empty for another panel)."""
    table = result.tables.get("scorecard")
    return table.rows if table is not None else ()


def scorecard_lines(result: PanelResult) -> list[ScorecardLine]:
    """The rows written out."""
    out = []
    for row in scorecard_rows(result):
        panel, _, key = str(row["figure"]).partition(".")

        def fmt(value: Any, panel: str = panel, key: str = key) -> str:
            return DASH if value is None else fmt_figure(key, value, panel, result.currency)

        note = str(row.get("note") or "")
        pending = note.startswith(NOT_ANSWERED)
        against = str(row.get("against") or "")
        out.append(ScorecardLine(
            question=str(row["question"]),
            answer=DASH if pending else (fmt(row["answer"]) if row["answer"] is not None
                                         else NA),
            target=fmt(row.get("target")),
            baseline=fmt(row.get("baseline")),
            status=NOT_ANSWERED if pending else str(row.get("status") or ""),
            against=against,
            where=where_answered(row),
            note=note.removeprefix(f"{NOT_ANSWERED}: ") if pending else note,
            figure=str(row["figure"]),
            tactic=row.get("tactic"),
            short=_SHORT.get(str(row.get("key")), "")))
    return out


def where_answered(row: Mapping[str, Any]) -> str:
    """The session that digs into the row, else its panel's title."""
    session = row.get("session")
    if session:
        return str(session)
    panel = str(row.get("panel") or "")
    return f"{PANEL_TITLES.get(panel, panel)} panel" if panel else ""


def scorecard_json(result: PanelResult) -> list[dict[str, Any]]:
    """The rows for `tuneup scorecard --json`: numbers plain, with each figure's catalogue
    entry (label, unit, better)."""
    from tuneup_tui.metrics.targets import known_figure

    rows = []
    for row in scorecard_rows(result):
        info = known_figure(str(row["figure"]))
        rows.append({
            **{k: clean_value(row.get(k)) for k in (
                "key", "question", "figure", "tactic", "answer", "target", "against",
                "baseline", "status", "session", "panel", "note")},
            "label": info.label if info else None,
            "unit": info.unit if info else None,
            "better": info.better if info else None,
        })
    return rows


def scorecard_text(result: PanelResult) -> list[str]:
    """The scorecard as aligned text lines (no heading), notes after the table."""
    if result.error:
        return [f"error: {result.error}"]
    lines = scorecard_lines(result)
    header = ("question", "answer", "target", "baseline", "status", "dug into in")
    cells = [(ln.question, ln.answer, ln.target + _against(ln), ln.baseline, ln.status,
              ln.where) for ln in lines]
    widths = [max(len(str(r[i])) for r in [header, *cells]) for i in range(len(header))]
    widths[0] = min(widths[0], 46)
    out = []
    for r in [header, *cells]:
        first = r[0] if len(r[0]) <= widths[0] else r[0][:widths[0] - 1] + "…"
        parts = [first.ljust(widths[0])]
        parts += [str(c).rjust(w) for c, w in zip(r[1:4], widths[1:4], strict=True)]
        parts += [r[4].ljust(widths[4]), r[5]]
        out.append("  ".join(parts).rstrip())
    notes = [*scorecard_notes(result), *result.notes]
    if notes:
        out += ["", "notes:"] + [f"  {n}" for n in notes]
    return out


def scorecard_notes(result: PanelResult) -> list[str]:
    """One line per row with a note: what it covers, or why it is not answered yet."""
    return [f"{ln.question}: {ln.note}" for ln in scorecard_lines(result) if ln.note]


def _against(line: ScorecardLine) -> str:
    """A target that is a computed expectation, not the plan, is marked so."""
    return " (exp.)" if line.against == "expected" and line.target != DASH else ""
