"""The next-steps summary as one self-contained HTML page.

Inline CSS and inline SVG charts only: no scripts, no fonts, no images, no links to fetch, so
it opens the same offline, as a mail attachment or from a shared drive. All user text is
HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from tuneup_tui.metrics.catalogue import figure_label, verdict
from tuneup_tui.report import svg
from tuneup_tui.report.markdown import (
    CADENCE_NAMES,
    FIGURE_HEADER,
    NO_DECISIONS,
    SCORECARD_HEADER,
    SOFT_SPOT_HEADER,
    day_sentence,
    figure_row,
    numbers_text,
    panel_table,
    period_text,
    scorecard_question,
    scorecard_target,
    session_title,
)
from tuneup_tui.report.model import Summary, actual_minutes, overrun_minutes
from tuneup_tui.report.text import (
    fmt_clock,
    fmt_day,
    fmt_minutes,
    fmt_signed,
    label,
    plural,
)

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;
margin:2rem auto;padding:0 1rem;color:#1f2933;line-height:1.4}
h1{font-size:1.6rem}h2{border-bottom:1px solid #d9e2ec;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
th,td{border:1px solid #d9e2ec;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f4f8}td.num{text-align:right;font-variant-numeric:tabular-nums}
.good{color:#2e7d32}.bad{color:#c0392b}.risk{color:#b7791f}.sev-high{color:#c0392b;font-weight:bold}.sev-medium{color:#b7791f}.sev-low{color:#52606d}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:bold}
.muted{color:#52606d}svg{max-width:100%;height:auto}
blockquote{margin:.3rem 0 .6rem;padding:.1rem .8rem;border-left:3px solid #d9e2ec;
white-space:pre-wrap}ul.questions{list-style:none;padding-left:.5rem}
"""


def render_html(summary: Summary) -> str:
    """The whole summary as one HTML document."""
    s = summary
    body = [
        f"<h1>Next steps: {escape(s.title)}</h1>",
        _headline(s),
        _scorecard(s),
        _soft_spots(s),
        _decisions(s),
        _actions(s),
        _sessions(s),
        _figures(s),
        _panels(s),
        _day_run(s),
        _carried(s),
        _cadence(s),
    ]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>Next steps: {escape(s.title)}</title><style>{CSS}</style></head>\n<body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]],
           numeric: Sequence[int] = ()) -> str:
    """A table from cells that are already HTML (escape before calling)."""
    head = "".join(f"<th>{h}</th>" for h in header)
    lines = []
    for row in rows:
        cells = "".join(
            f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        lines.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(lines)}</tbody></table>"


def _judged(cell: str) -> str:
    """A cell escaped, a change marked better or worse coloured as good or bad news."""
    for word, css in (("better", "good"), ("worse", "bad")):
        if cell.endswith(" " + word):
            return f'<span class="{css}">{escape(cell)}</span>'
    return escape(cell)


def _none(text: str) -> str:
    return f'<p class="muted">{escape(text)}</p>'


def _headline(s: Summary) -> str:
    items = [
        ("Date", fmt_day(s.day)),
        ("Review period", period_text(s)),
        ("Attendees", ", ".join(s.attendees) or "—"),
    ]
    if s.run_id is not None:
        run = f"{s.run_id} of the series {s.series}"
        if s.previous_run_id is not None:
            run += f", compared with run {s.previous_run_id}"
        items.append(("Run", run))
    return "<dl>" + "".join(f"<dt>{k}</dt><dd>{escape(v)}</dd>" for k, v in items) + "</dl>"


_STATUS_CSS = {"on track": "good", "at risk": "risk", "off track": "bad"}


def _scorecard(s: Summary) -> str:
    out = ["<h2>Scorecard</h2>"]
    if not s.scorecard:
        why = f": {s.scorecard_missing}" if s.scorecard_missing else " for this run"
        return "".join([*out, _none(f"Not computed{why}.")])
    rows = []
    for ln in s.scorecard:
        css = _STATUS_CSS.get(ln.status)
        status = f'<span class="{css}">{escape(ln.status)}</span>' if css else \
            f'<span class="muted">{escape(ln.status or "—")}</span>'
        rows.append([escape(scorecard_question(ln)), escape(ln.answer),
                     escape(scorecard_target(ln)), escape(ln.baseline), status,
                     escape(ln.where)])
    out.append(_table(SCORECARD_HEADER, rows, numeric=(1, 2, 3)))
    notes = [f"<li>{escape(ln.question)}: {escape(ln.note)}</li>" for ln in s.scorecard
             if ln.note]
    if notes:
        out.append(f'<ul class="muted">{"".join(notes)}</ul>')
    return "".join(out)


def _actions(s: Summary) -> str:
    out = ["<h2>Action items</h2>"]
    groups = s.actions_by_owner()
    if not groups:
        return "".join([*out, _none("No action items were recorded.")])
    out.append(f"<p>{plural(len(s.actions), 'action item')} for "
               f"{plural(len(groups), 'owner')}.</p>")
    for owner, items in groups:
        rows = [[escape(i.text), escape(fmt_day(i.due)), escape(i.session or ""),
                 escape(i.status)] for i in items]
        out.append(f"<h3>{escape(owner)}</h3>")
        out.append(_table(["Action", "Due", "Session", "Status"], rows))
    return "\n".join(out)


def _soft_spots(s: Summary) -> str:
    spots = s.ranked_soft_spots()
    if not spots:
        return "<h2>Soft spots</h2>" + _none("No soft spots were recorded.")
    rows = [
        [str(n), f'<span class="sev-{escape(sp.severity)}">{escape(sp.severity)}</span>',
         escape(sp.text), escape(sp.owner or ""), escape(fmt_day(s.fix_due(sp))),
         escape(numbers_text(sp.figures)), escape(sp.session or "")]
        for n, sp in enumerate(spots, start=1)
    ]
    return "<h2>Soft spots</h2>" + _table(SOFT_SPOT_HEADER, rows, numeric=(0,))


CHECKED = '&#9745; <span class="muted">covered:</span>'
UNCHECKED = '&#9744; <span class="muted">not covered:</span>'


def _decisions(s: Summary) -> str:
    decided = s.decisions()
    if not decided:
        return "<h2>Decisions</h2>" + _none(NO_DECISIONS)
    items = "".join(f"<li>{escape(text)} <span class=\"muted\">({escape(topic)})</span></li>"
                    for topic, text in decided)
    return f"<h2>Decisions</h2><ul>{items}</ul>"


def _sessions(s: Summary) -> str:
    out = ["<h2>Session by session</h2>"]
    if not s.sessions:
        return "".join([*out, _none("Nothing was noted, asked or recorded in the sessions.")])
    for record in s.sessions:
        out.append(f"<h3>{escape(session_title(record))}</h3>")
        if record.topic:
            out.append(f"<blockquote>{escape(record.notes)}</blockquote>" if record.notes
                       else _none("No notes."))
        if record.questions:
            marks = "".join(f"<li>{CHECKED if ticked else UNCHECKED} {escape(q)}</li>"
                            for q, ticked in record.questions)
            out.append(f'<ul class="questions">{marks}</ul>')
        if record.figures:
            rows = [[escape(c) for c in figure_row(f)] for f in record.figures]
            out.append(_table(FIGURE_HEADER, rows, numeric=(1, 2, 3)))
    return "\n".join(out)


def _figures(s: Summary) -> str:
    """The recorded figures' changes since the previous run, as one chart."""
    changes = [(label(f.name), f.change / abs(f.previous) * 100) for f in s.figures
               if f.previous and f.change is not None]
    return svg.change_bars(changes, "Recorded figures: change since the previous run (%)")


def _panels(s: Summary) -> str:
    out = ["<h2>Key figures by panel</h2>"]
    if not s.panels:
        return "".join([*out, _none("No panel figures were kept for this run.")])
    for p in s.panels:
        out.append(f"<h3>{escape(p.title)}</h3>")
        if p.error:
            out.append(_none(f"Not computed: {p.error}"))
            continue
        header, rows = panel_table(p)
        cells = [[escape(r[0]), *(_judged(c) for c in r[1:])] for r in rows]
        out.append(_table(header, cells, numeric=tuple(range(1, len(header)))))
        changes = [(figure_label(p.panel, f.name),
                    (f.vs_baseline or 0.0) / abs(float(f.baseline)) * 100,
                    verdict(p.panel, f.name, f.value, f.baseline))
                   for f in p.figures if f.baseline and f.vs_baseline is not None]
        out.append(svg.change_bars(changes, f"{p.title}: change against the baseline (%)"))
    return "\n".join(out)


def _day_run(s: Summary) -> str:
    day = s.day_run
    if day is None:
        return "<h2>How the day ran</h2>" + _none("No timings were kept for this run.")
    rows = []
    for r in day.rows:
        over = overrun_minutes(r)
        rows.append([escape(r.topic), fmt_clock(r.planned_start), fmt_clock(r.actual_start),
                     str(r.planned_minutes), fmt_minutes(actual_minutes(r)),
                     "" if over is None else fmt_signed(over), escape(r.status)])
    header = ["Session", "Planned start", "Actual start", "Planned minutes", "Actual minutes",
              "Over", "Status"]
    bars = [(r.topic, r.planned_minutes, actual_minutes(r)) for r in day.rows]
    return ("<h2>How the day ran</h2>" + f"<p>{escape(day_sentence(day))}</p>"
            + svg.planned_vs_actual(bars) + _table(header, rows, numeric=(3, 4, 5)))


def _carried(s: Summary) -> str:
    if s.previous_run_id is None:
        return "<h2>Carried over</h2>" + _none("This is the first run of the series.")
    title = f"<h2>Carried over from run {s.previous_run_id}</h2>"
    if not s.carried:
        return title + _none("No open items were carried over.")
    rows = [[escape(c.text), escape(c.previous_owner), escape(c.owner), escape(fmt_day(c.due)),
             escape(c.outcome)] for c in s.carried]
    return title + _table(["Action", "Owner then", "Owner now", "Due", "What became of it"],
                          rows)


def _cadence(s: Summary) -> str:
    out = ["<h2>Proposed cadence</h2>"]
    if not s.cadence:
        return "".join([*out, _none("No shorter agendas were derived.")])
    for p in s.cadence:
        name = CADENCE_NAMES.get(p.cadence, p.cadence)
        out.append(f"<h3>{escape(name)}: {plural(p.minutes, 'minute')}</h3>")
        rows = [[start, escape(topic), str(m)] for start, topic, m in p.sessions]
        out.append(_table(["Start", "Session", "Minutes"], rows, numeric=(2,)))
    return "\n".join(out)
