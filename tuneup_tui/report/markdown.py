"""The next-steps summary as Markdown: reads well pasted into an email or a wiki.

It reads as a VP forwards it: the Monday scorecard first (each question against its target),
then the day's soft spots (whose fix, due when, the numbers behind each), then what was decided
and the action items, then session by session what the room noted, which questions it covered
and which figures it recorded; the panels' key figures, how the day ran, what became of last
run's items and the shorter agendas follow.

Figures show their label ("Goal conversion", not `goal_conversion`) and their value as the room
reads it ("2.8%", "$52.50"), the way `tuneup_tui.metrics.display` writes them. User text
(action items, soft spots, names, topics) is escaped so that a `|` or a `*` typed in the room
never breaks a table or turns into emphasis.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tuneup_tui.metrics.catalogue import figure_label, verdict
from tuneup_tui.metrics.result import Number
from tuneup_tui.metrics.scorecard_view import ScorecardLine
from tuneup_tui.report.model import (
    CadenceProposal,
    DayRun,
    FigureLine,
    PanelFigures,
    SessionRecord,
    Summary,
    actual_minutes,
    overrun_minutes,
)
from tuneup_tui.report.text import (
    fmt_change,
    fmt_clock,
    fmt_day,
    fmt_figure,
    fmt_minutes,
    fmt_signed,
    fmt_value,
    label,
    md_escape,
    plural,
)

# Keys a soft spot may give without saying what they average: read as the figure before them.
_COMPANIONS = frozenset({"average", "avg", "baseline", "previous", "expected", "median"})

DASH = "—"
CADENCE_NAMES = {"month": "Monthly", "week": "Weekly", "day": "Day"}


def render_markdown(summary: Summary) -> str:
    """The whole summary as one Markdown document (ends with a newline)."""
    parts = [
        _headline(summary),
        _scorecard(summary),
        _soft_spots(summary),
        _decisions(summary),
        _actions(summary),
        _sessions(summary),
        _panels(summary.panels),
        _day_run(summary.day_run),
        _carried(summary),
        _cadence(summary.cadence),
    ]
    return "\n\n".join(p.rstrip("\n") for p in parts) + "\n"


def period_text(summary: Summary) -> str:
    """"2026-W47 (2026-11-16 to 2026-11-22), against the 8 weeks before"."""
    p = summary.period
    if p is None:
        return DASH
    text = f"{p.label} ({p.start.isoformat()} to {p.end.isoformat()})"
    if summary.baseline_periods:
        text += f", against the {plural(summary.baseline_periods, p.kind)} before"
    return text


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A pipe table; cells must already be escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(c if c else DASH for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _headline(s: Summary) -> str:
    lines = [
        f"# Next steps: {md_escape(s.title)}",
        "",
        f"- **Date:** {fmt_day(s.day)}",
        f"- **Review period:** {period_text(s)}",
        f"- **Attendees:** {', '.join(md_escape(a) for a in s.attendees) or DASH}",
    ]
    if s.run_id is not None:
        run = f"- **Run:** {s.run_id} of the series {md_escape(s.series)}"
        if s.previous_run_id is not None:
            run += f", compared with run {s.previous_run_id}"
        lines.append(run)
    return "\n".join(lines)


SCORECARD_HEADER = ["Question", "Answer", "Target", "Baseline", "Status", "Dug into in"]


def _scorecard(s: Summary) -> str:
    out = ["## Scorecard", ""]
    if not s.scorecard:
        why = f": {md_escape(s.scorecard_missing)}" if s.scorecard_missing else " for this run"
        return "\n".join([*out, f"Not computed{why}."])
    rows = [[md_escape(scorecard_question(ln)), ln.answer, scorecard_target(ln), ln.baseline,
             ln.status, md_escape(ln.where)] for ln in s.scorecard]
    notes = [f"- {md_escape(ln.question)}: {md_escape(ln.note)}" for ln in s.scorecard
             if ln.note]
    return "\n".join([*out, table(SCORECARD_HEADER, rows), *(["", *notes] if notes else [])])


def scorecard_question(line: ScorecardLine) -> str:
    """A row's question; a tactic's row by its tactic, under the question it splits."""
    return f"· {line.tactic}" if line.tactic is not None else line.question


def scorecard_target(line: ScorecardLine) -> str:
    """The target, marked when it is worked out from the data rather than the plan."""
    return f"{line.target} (expected)" if line.against == "expected" and line.target != "–" \
        else line.target


def _actions(s: Summary) -> str:
    out = ["## Action items", ""]
    groups = s.actions_by_owner()
    if not groups:
        return "\n".join([*out, "No action items were recorded."])
    out.append(f"{plural(len(s.actions), 'action item')} for {plural(len(groups), 'owner')}.")
    for owner, items in groups:
        rows = [
            [md_escape(i.text), fmt_day(i.due), md_escape(i.session or ""), i.status]
            for i in items
        ]
        out += ["", f"### {md_escape(owner)}", "", table(["Action", "Due", "Session", "Status"],
                                                         rows)]
    return "\n".join(out)


def _soft_spots(s: Summary) -> str:
    out = ["## Soft spots", ""]
    spots = s.ranked_soft_spots()
    if not spots:
        return "\n".join([*out, "No soft spots were recorded."])
    rows = [
        [str(n), sp.severity, md_escape(sp.text), md_escape(sp.owner or ""),
         fmt_day(s.fix_due(sp)), md_escape(numbers_text(sp.figures)),
         md_escape(sp.session or "")]
        for n, sp in enumerate(spots, start=1)
    ]
    return "\n".join([*out, table(SOFT_SPOT_HEADER, rows)])


SOFT_SPOT_HEADER = ["#", "Severity", "Soft spot", "Owner of the fix", "Fix due", "Numbers",
                    "Session"]


def _decisions(s: Summary) -> str:
    out = ["## Decisions", ""]
    decided = s.decisions()
    if not decided:
        return "\n".join([*out, NO_DECISIONS])
    return "\n".join([*out, *(f"- {md_escape(text)} ({md_escape(topic)})"
                              for topic, text in decided)])


NO_DECISIONS = ("No decisions were noted (a line of a session's notes that starts with "
                "\"Decision:\" is one).")


def _sessions(s: Summary) -> str:
    out = ["## Session by session"]
    if not s.sessions:
        return "\n".join([*out, "", "Nothing was noted, asked or recorded in the sessions."])
    for record in s.sessions:
        out += ["", f"### {md_escape(session_title(record))}"]
        if record.topic:
            out += ["", "**Notes:**", ""]
            out += quoted_lines(record.notes) or ["No notes."]
        if record.questions:
            out += ["", "**Questions:**", ""]
            out += [f"- [{'x' if ticked else ' '}] {md_escape(q)}"
                    for q, ticked in record.questions]
        if record.figures:
            out += ["", "**Figures recorded:**", "", _figure_table(record.figures)]
    return "\n".join(out)


def quoted_lines(notes: str) -> list[str]:
    """Notes as a block quote, line for line: a line followed by another ends in two spaces
    (a Markdown line break), so lines typed one under the other do not run together."""
    lines = notes.splitlines()
    out = []
    for i, line in enumerate(lines):
        if not line.strip():
            out.append(">")
            continue
        more = i + 1 < len(lines) and lines[i + 1].strip()
        out.append(f"> {md_escape(line)}" + ("  " if more else ""))
    return out


def session_title(record: SessionRecord) -> str:
    """"09:00 Traffic Study (Webmaster)"; "Outside the sessions" for figures without one."""
    if not record.topic:
        return "Outside the sessions"
    who = f" ({record.who})" if record.who else ""
    return f"{record.start} {record.topic}{who}".strip()


def numbers_text(figures: Mapping[str, Any]) -> str:
    """A soft spot's numbers on one line: "Goal conversion: 0.9%; Average goal conversion:
    3.1%". A bare "average" is written like the figure before it."""
    parts = []
    previous = ""
    for key, value in figures.items():
        kind_key = previous if key.lower() in _COMPANIONS and previous else key
        text = fmt_figure(kind_key, value) if _is_number(value) else str(value)
        parts.append(f"{label(key)}: {text}")
        previous = kind_key
    return "; ".join(parts)


def _figure_table(figures: Sequence[FigureLine]) -> str:
    return table(FIGURE_HEADER, [[md_escape(c) for c in figure_row(f)] for f in figures])


FIGURE_HEADER = ["Figure", "Value", "Previous run", "Change"]


def figure_row(f: FigureLine) -> list[str]:
    """A recorded figure as plain text cells: its label, value, previous value and change."""
    if f.previous is None:
        return [label(f.name), fmt_value(f.value, f.unit, f.name), "", ""]
    return [label(f.name), fmt_value(f.value, f.unit, f.name),
            fmt_value(f.previous, f.unit, f.name),
            figure_change(f.name, f.unit, f.value, f.previous)]


def figure_change(name: str, unit: str, value: float, previous: float) -> str:
    """A recorded figure's change since the previous run, in its own terms: a figure typed
    with a unit other than money is a plain number whatever its name."""
    return fmt_change(value, previous, "" if unit and unit not in ("$", "€", "£") else name)


def _panels(panels: Sequence[PanelFigures]) -> str:
    out = ["## Key figures by panel"]
    if not panels:
        return "\n".join([*out, "", "No panel figures were kept for this run."])
    for p in panels:
        out += ["", f"### {md_escape(p.title)}", ""]
        if p.error:
            out.append(f"Not computed: {md_escape(p.error)}")
            continue
        header, rows = panel_table(p)
        out.append(table(header, [[md_escape(r[0]), *r[1:]] for r in rows]))
    return "\n".join(out)


def panel_table(p: PanelFigures) -> tuple[list[str], list[list[str]]]:
    """A panel's figures as header and rows of plain text: the figure's label (escape it as
    user text), then its values written by kind. The baseline and previous-run columns are
    there only when some figure has such a value."""
    with_baseline = any(f.baseline is not None for f in p.figures)
    with_previous = any(f.previous is not None for f in p.figures)
    header = ["Figure", "This period"]
    header += ["Baseline", "Against baseline"] if with_baseline else []
    header += ["Previous run", "Against previous run"] if with_previous else []
    rows = []
    panel = p.panel
    for f in p.figures:
        name = f.name
        row = [figure_label(panel, name), fmt_figure(name, f.value, panel)]
        for earlier, wanted in ((f.baseline, with_baseline), (f.previous, with_previous)):
            if wanted:
                row += ["", ""] if earlier is None else [
                    fmt_figure(name, earlier, panel), judged_change(panel, name, f.value, earlier)]
        rows.append(row)
    return header, rows


def judged_change(panel: str, name: str, value: Number, earlier: Number) -> str:
    """A panel figure's change followed by whether it is good news: "-$46.10 (-49.0%) better"
    for a cost per lead that fell; nothing added for a figure good neither way."""
    text = fmt_change(value, earlier, name, panel)
    judged = verdict(panel, name, value, earlier)
    return f"{text} {judged}" if judged in ("better", "worse") else text


def day_sentence(day: DayRun) -> str:
    """"Planned to end at 16:00; ended at 16:05, 5 minutes late. 1 session ran over, ...\""""
    text = f"Planned to end at {fmt_clock(day.planned_end)}"
    drift = day.end_drift_minutes
    verb = "is projected to end" if day.projected else "ended"
    if day.ended_at is None or drift is None:
        text += "; the day has not ended."
    elif drift == 0:
        text += f"; {verb} at {fmt_clock(day.ended_at)}, on time."
    else:
        late = "late" if drift > 0 else "early"
        text += (f"; {verb} at {fmt_clock(day.ended_at)}, "
                 f"{plural(abs(drift), 'minute')} {late}.")
    over, skipped = len(day.overruns), len(day.skipped)
    text += (f" {plural(over, 'session')} ran over, {plural(skipped, 'session')}"
             f" {'was' if skipped == 1 else 'were'} skipped")
    extras = []
    if day.extensions:
        extras.append(f"the timer was extended {_times(day.extensions)}")
    if day.compressions:
        extras.append(f"the rest of the day was compressed {_times(day.compressions)}")
    return text + ("; " + " and ".join(extras) if extras else "") + "."


def _day_run(day: DayRun | None) -> str:
    out = ["## How the day ran", ""]
    if day is None:
        return "\n".join([*out, "No timings were kept for this run."])
    rows = []
    for r in day.rows:
        over = overrun_minutes(r)
        rows.append([
            md_escape(r.topic), fmt_clock(r.planned_start), fmt_clock(r.actual_start),
            str(r.planned_minutes), fmt_minutes(actual_minutes(r)),
            "" if over is None else fmt_signed(over), r.status,
        ])
    header = ["Session", "Planned start", "Actual start", "Planned minutes", "Actual minutes",
              "Over", "Status"]
    return "\n".join([*out, day_sentence(day), "", table(header, rows)])


def _carried(s: Summary) -> str:
    if s.previous_run_id is None:
        return "## Carried over\n\nThis is the first run of the series."
    out = [f"## Carried over from run {s.previous_run_id}", ""]
    if not s.carried:
        return "\n".join([*out, "No open items were carried over."])
    rows = [
        [md_escape(c.text), md_escape(c.previous_owner), md_escape(c.owner), fmt_day(c.due),
         c.outcome]
        for c in s.carried
    ]
    header = ["Action", "Owner then", "Owner now", "Due", "What became of it"]
    return "\n".join([*out, table(header, rows)])


def _cadence(proposals: Sequence[CadenceProposal]) -> str:
    out = ["## Proposed cadence"]
    if not proposals:
        return "\n".join([*out, "", "No shorter agendas were derived."])
    for p in proposals:
        name = CADENCE_NAMES.get(p.cadence, p.cadence)
        out += ["", f"### {name}: {plural(p.minutes, 'minute')}", ""]
        rows = [[start, md_escape(topic), str(minutes)] for start, topic, minutes in p.sessions]
        out.append(table(["Start", "Session", "Minutes"], rows))
    return "\n".join(out)


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _is_number(value: object) -> bool:
    return value is None or (isinstance(value, int | float) and not isinstance(value, bool))
