"""The action items as a CSV that Jira, Asana and Trello importers take.

Columns: Summary, Assignee, Due date (YYYY-MM-DD), Description (session, run, status). Any cell
that a spreadsheet would take as a formula (it starts with =, +, -, @, a tab or a carriage
return) gets a leading apostrophe, so opening the file never runs what someone typed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from tuneup_tui.report.model import Summary
from tuneup_tui.store.day_record import ActionItem

HEADER = ("Summary", "Assignee", "Due date", "Description")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render_actions_csv(summary: Summary) -> str:
    """Every action item of the summary, grouped by owner as the summary lists them."""
    items = [i for _, group in summary.actions_by_owner() for i in group]
    return actions_csv(items, run_label=_run_label(summary))


def actions_csv(items: Iterable[ActionItem], *, run_label: str = "") -> str:
    """The CSV text (RFC 4180: quoted as needed, CRLF line ends, header first)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for item in items:
        writer.writerow([
            neutralise(item.text),
            neutralise(item.owner),
            item.due.isoformat() if item.due else "",
            neutralise(describe(item, run_label)),
        ])
    return out.getvalue()


def describe(item: ActionItem, run_label: str = "") -> str:
    """"Session: Traffic Study. Run: 7, One Day Tune Up, 2026-11-23. Status: open."."""
    parts = []
    if item.session:
        parts.append(f"Session: {item.session}.")
    if run_label:
        parts.append(f"Run: {run_label}.")
    parts.append(f"Status: {item.status}.")
    return " ".join(parts)


def neutralise(cell: str) -> str:
    """A cell that would start a formula, with a leading apostrophe; other cells as they are."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _run_label(summary: Summary) -> str:
    head = f"{summary.run_id}, " if summary.run_id is not None else ""
    return f"{head}{summary.title}, {summary.day.isoformat()}"
