"""The text report of `tuneup metrics` for an ops analyst: per panel its figures against the
baseline, the top rows of its tables, its findings and notes, or its error in place.

Figures are named and written the one way `tuneup_tui.metrics.display` defines (the console
and the summary share it): rates as percentages, money with "$", counts with thousands
separators, ratios such as sends per contact as plain numbers. Figure rows show their label
and table headers keep the JSON keys, so a column can be found in `--json`. Wide tables keep
their first columns that fit in `width` characters and say how many were left out.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from tuneup_tui.data.period import Period
from tuneup_tui.metrics.catalogue import figure_label, verdict
from tuneup_tui.metrics.day_findings import day_findings
from tuneup_tui.metrics.display import NA, fmt_cell, fmt_figure, short_change
from tuneup_tui.metrics.result import SEVERITY_ORDER, PanelResult, Table
from tuneup_tui.textsafe import visible_line

TOP_ROWS = 10
WIDTH = 110


def text_report(results: Mapping[str, PanelResult], period: Period, *, as_of: date,
                width: int = WIDTH, top_rows: int = TOP_ROWS) -> str:
    """The whole report: a heading, then each panel in order."""
    lines = [f"Tune Up metrics as of {as_of.isoformat()}: period {_span(period)}"]
    for name, result in results.items():
        lines.append("")
        lines.extend(panel_text(name, result, width=width, top_rows=top_rows))
    day = day_findings(results)
    if day:
        lines += ["", "== Findings of the day (one per fact, with the panels that saw it)"]
        for d in day:
            lines.extend(_wrap(f"[{d.finding.severity}] {d.finding.message} "
                               f"({', '.join(d.panels)})", width))
    return "\n".join(lines) + "\n"


def panel_text(name: str, result: PanelResult, *, width: int = WIDTH,
               top_rows: int = TOP_ROWS) -> list[str]:
    """One panel's section."""
    lines = [f"== {result.title} ({name})"]
    if len(result.baseline):
        n = len(result.baseline)
        unit = result.period.kind + ("s" if n != 1 else "")
        lines.append(f"   baseline {result.baseline.start.isoformat()} to "
                     f"{result.baseline.end.isoformat()} ({n} {unit})")
    if result.error:
        lines.append(f"   error: {visible_line(result.error)}")
        return lines
    if name == "scorecard":
        # one table of questions, each in its own figure's terms (scorecard_view)
        from tuneup_tui.metrics.scorecard_view import scorecard_text

        return [*lines, "", *(f"   {visible_line(line)}".rstrip()
                              for line in scorecard_text(result))]
    if result.figures:
        lines.append("")
        lines.extend(_grid(("figure", "period", "average", "change", ""), [
            _figure_row(name, key, value, result.baseline_figures.get(key), result.currency)
            for key, value in result.figures.items()], indent=3))
    for table in result.tables.values():
        lines.append("")
        lines.extend(_table(table, width, top_rows, result.currency))
    if result.findings:
        lines.append("")
        lines.append("   Findings")
        for f in sorted(result.findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 9)):
            lines.extend(_wrap(f"[{f.severity}] {f.message}", width))
    if result.notes:
        lines.append("")
        for note in result.notes:
            lines.extend(_wrap(f"note: {note}", width))
    return lines


def _figure_row(panel: str, key: str, value: Any, average: Any,
                currency: str | None = None) -> tuple[str, ...]:
    """A figure's line: its label, the period, the average, the change and whether the change
    is good news ("better", "worse"; nothing for a figure good neither way)."""
    judged = verdict(panel, key, value, average)
    return (figure_label(panel, key), fmt_figure(key, value, panel, currency),
            fmt_figure(key, average, panel, currency),
            short_change(key, value, average, panel, currency),
            judged if judged in ("better", "worse") else "")


def fmt(key: str, value: Any, currency: str | None = None) -> str:
    """A table cell for reading: numbers by their column's kind, dates as ISO, flags yes/no,
    missing as "n/a"."""
    if hasattr(value, "isoformat") and not isinstance(value, int | float):
        return str(value.isoformat())
    return fmt_cell(key, value, missing=NA, currency=currency)


def _table(table: Table, width: int, top_rows: int, currency: str | None = None) -> list[str]:
    rows = table.rows[:top_rows]
    shown = f"top {len(rows)} of {len(table.rows)}" if len(table.rows) > len(rows) else \
        f"{len(table.rows)} rows"
    # A cell from a data file stays on its row whatever it holds.
    cells = [[visible_line(fmt(c, row.get(c), currency)) for c in table.columns] for row in rows]
    widths = [min(max([len(c), *(len(r[i]) for r in cells)]), 40)
              for i, c in enumerate(table.columns)]
    keep, used = 0, 3
    for w in widths:
        if used + w + 2 > width and keep > 0:
            break
        used += w + 2
        keep += 1
    left_out = len(table.columns) - keep
    heading = f"   {table.title} ({shown})"
    if left_out:
        heading += f"; {left_out} more column{'s' if left_out > 1 else ''} in --json"
    body = _grid(table.columns[:keep], [tuple(r[:keep]) for r in cells], indent=3)
    return [heading, *body] if rows else [heading, "   (none)"]


def _grid(header: Sequence[str], rows: Sequence[Sequence[str]], indent: int) -> list[str]:
    widths = [min(max([len(h), *(len(r[i]) for r in rows)]), 40) for i, h in enumerate(header)]
    pad = " " * indent

    def line(values: Sequence[str]) -> str:
        parts = []
        for i, (v, w) in enumerate(zip(values, widths, strict=True)):
            v = v if len(v) <= w else v[: w - 1] + "…"
            parts.append(v.ljust(w) if i == 0 else v.rjust(w))
        return (pad + "  ".join(parts)).rstrip()

    return [line(header), *(line(r) for r in rows)]


def _wrap(text: str, width: int) -> list[str]:
    """A sentence wrapped to `width`, continuation lines indented under its first word."""
    return textwrap.wrap(text, width=width, initial_indent="   ", subsequent_indent="     ",
                         break_long_words=False, break_on_hyphens=False) or ["   "]


def _span(period: Period) -> str:
    return f"{period.label} ({period.start.isoformat()} to {period.end.isoformat()})"
