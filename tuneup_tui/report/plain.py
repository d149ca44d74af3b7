"""The next-steps summary as plain text (summary.txt): for a mail body or a chat message that
shows no Markdown, in the same order as the other formats.

The scorecard first, then soft spots (whose fix, due when, the numbers behind each), decisions
and action items, then session by session the notes, the questions (ticked `[x]` or not `[ ]`)
and the figures recorded; the panels, how the day ran, what became of last run's items and the
shorter agendas follow. Text typed in the room is printed as typed, its control characters
shown as symbols (`tuneup_tui.textsafe`).
"""

from __future__ import annotations

from tuneup_tui.report.markdown import (
    CADENCE_NAMES,
    NO_DECISIONS,
    day_sentence,
    figure_row,
    numbers_text,
    panel_table,
    period_text,
    session_title,
)
from tuneup_tui.report.model import Summary, actual_minutes, overrun_minutes
from tuneup_tui.report.text import fmt_clock, fmt_day, fmt_minutes, fmt_signed, plural
from tuneup_tui.textsafe import visible, visible_line

INDENT = "  "


def render_text(summary: Summary) -> str:
    """The whole summary as plain text (ends with a newline)."""
    parts = [_headline(summary), _scorecard(summary), _soft_spots(summary), _decisions(summary),
             _actions(summary), _sessions(summary), _panels(summary), _day_run(summary),
             _carried(summary), _cadence(summary)]
    return "\n\n".join(p.rstrip("\n") for p in parts) + "\n"


def _headline(s: Summary) -> str:
    lines = [f"NEXT STEPS: {visible_line(s.title)}", "",
             f"Date: {fmt_day(s.day)}", f"Review period: {period_text(s)}",
             f"Attendees: {visible_line(', '.join(s.attendees)) or '—'}"]
    if s.run_id is not None:
        run = f"Run: {s.run_id} of the series {visible_line(s.series)}"
        if s.previous_run_id is not None:
            run += f", compared with run {s.previous_run_id}"
        lines.append(run)
    return "\n".join(lines)


def _scorecard(s: Summary) -> str:
    if not s.scorecard:
        why = f": {visible_line(s.scorecard_missing)}" if s.scorecard_missing else \
            " for this run"
        return f"SCORECARD\nNot computed{why}."
    out = ["SCORECARD"]
    for ln in s.scorecard:
        head = f"{INDENT}· {visible_line(ln.tactic)}" if ln.tactic is not None else \
            visible_line(ln.question)
        if ln.status == "not answered yet":
            out.append(f"{head}: not answered yet ({visible_line(ln.note)})")
            continue
        held = "expected" if ln.against == "expected" else "target"
        held = "no target" if ln.target == "–" else f"{held} {ln.target}"
        base = "no baseline" if ln.baseline == "–" else f"baseline {ln.baseline}"
        out.append(f"{head}: {ln.answer} ({held}, {base}): {ln.status or 'no status'} · "
                   f"{visible_line(ln.where)}")
    return "\n".join(out)


def _soft_spots(s: Summary) -> str:
    spots = s.ranked_soft_spots()
    if not spots:
        return "SOFT SPOTS\nNo soft spots were recorded."
    out = ["SOFT SPOTS"]
    for n, sp in enumerate(spots, start=1):
        due = fmt_day(s.fix_due(sp))
        out.append(f"{n}. [{sp.severity}] {visible_line(sp.text)}")
        out.append(f"{INDENT} Owner of the fix: {visible_line(sp.owner or '—')}"
                   f" · fix due {due or '—'}")
        details = [f"Numbers: {visible_line(text)}" for text in [numbers_text(sp.figures)]
                   if text]
        details += [f"Session: {visible_line(sp.session)}"] if sp.session else []
        if details:
            out.append(f"{INDENT} " + " · ".join(details))
    return "\n".join(out)


def _decisions(s: Summary) -> str:
    decided = s.decisions()
    if not decided:
        return f"DECISIONS\n{NO_DECISIONS}"
    return "\n".join(["DECISIONS", *(f"- {visible_line(text)} ({visible_line(topic)})"
                                     for topic, text in decided)])


def _actions(s: Summary) -> str:
    groups = s.actions_by_owner()
    if not groups:
        return "ACTION ITEMS\nNo action items were recorded."
    out = [f"ACTION ITEMS ({plural(len(s.actions), 'item')} for "
           f"{plural(len(groups), 'owner')})"]
    for owner, items in groups:
        out.append(visible_line(owner))
        for i in items:
            parts = [visible_line(i.text), f"due {fmt_day(i.due)}" if i.due else "no due date"]
            parts += [visible_line(i.session)] if i.session else []
            out.append(f"{INDENT}- " + " · ".join([*parts, i.status]))
    return "\n".join(out)


def _sessions(s: Summary) -> str:
    if not s.sessions:
        return "SESSION BY SESSION\nNothing was noted, asked or recorded in the sessions."
    out = ["SESSION BY SESSION"]
    for record in s.sessions:
        out += ["", visible_line(session_title(record))]
        if record.topic:
            out.append(f"{INDENT}Notes:")
            notes = visible(record.notes).splitlines() or ["No notes."]
            out += [f"{INDENT * 2}{line}".rstrip() for line in notes]
        if record.questions:
            out.append(f"{INDENT}Questions:")
            out += [f"{INDENT * 2}[{'x' if ticked else ' '}] {visible_line(q)}"
                    for q, ticked in record.questions]
        if record.figures:
            out.append(f"{INDENT}Figures recorded:")
            for f in record.figures:
                name, value, previous, change = figure_row(f)
                since = f" (previous run {previous}, {change})" if previous else ""
                out.append(f"{INDENT * 2}{visible_line(name)}: {value}{since}")
    return "\n".join(out)


def _panels(s: Summary) -> str:
    if not s.panels:
        return "KEY FIGURES BY PANEL\nNo panel figures were kept for this run."
    out = ["KEY FIGURES BY PANEL"]
    for p in s.panels:
        out.append(visible_line(p.title))
        if p.error:
            out.append(f"{INDENT}Not computed: {visible_line(p.error)}")
            continue
        header, rows = panel_table(p)
        for row in rows:
            pairs = [f"{h.lower()} {c}" for h, c in zip(header[2:], row[2:], strict=True) if c]
            out.append(f"{INDENT}{visible_line(row[0])}: {row[1]}"
                       + "".join(f" · {pair}" for pair in pairs))
    return "\n".join(out)


def _day_run(s: Summary) -> str:
    day = s.day_run
    if day is None:
        return "HOW THE DAY RAN\nNo timings were kept for this run."
    out = ["HOW THE DAY RAN", day_sentence(day)]
    for r in day.rows:
        over = overrun_minutes(r)
        actual = (f"started {fmt_clock(r.actual_start)}, {fmt_minutes(actual_minutes(r))} min"
                  if r.actual_start else "did not start")
        over_text = "" if over is None else f" ({fmt_signed(over)})"
        out.append(f"{INDENT}{visible_line(r.topic)}: planned {fmt_clock(r.planned_start)}, "
                   f"{r.planned_minutes} min; {actual}{over_text}; {r.status}")
    return "\n".join(out)


def _carried(s: Summary) -> str:
    if s.previous_run_id is None:
        return "CARRIED OVER\nThis is the first run of the series."
    out = [f"CARRIED OVER FROM RUN {s.previous_run_id}"]
    if not s.carried:
        return "\n".join([*out, "No open items were carried over."])
    for c in s.carried:
        owners = visible_line(c.previous_owner if c.previous_owner == c.owner
                              else f"{c.previous_owner} -> {c.owner}")
        due = f", due {fmt_day(c.due)}" if c.due else ""
        out.append(f"{INDENT}- {visible_line(c.text)}: {owners}{due}, {c.outcome}")
    return "\n".join(out)


def _cadence(s: Summary) -> str:
    if not s.cadence:
        return "PROPOSED CADENCE\nNo shorter agendas were derived."
    out = ["PROPOSED CADENCE"]
    for p in s.cadence:
        out.append(f"{CADENCE_NAMES.get(p.cadence, p.cadence)}: {plural(p.minutes, 'minute')}")
        out += [f"{INDENT}{start} {visible_line(topic)} ({minutes} min)"
                for start, topic, minutes in p.sessions]
    return "\n".join(out)
