"""The scorecard panel in the console: one line per Monday question, its status coloured as
news (on track green, at risk amber, off track red), text drawn literally.

A row not answered yet says "not yet" and its reason stands in the notes under the table.
On a narrow terminal the question is cut first (to its few words: "Leads sent", "Sent vs
expected", rather than two rows both cut to "Leads sent…"), then the session and the baseline
columns go, so the answer, the target and the status stay in view. The leads the Traffic
Study's session recorded stand under the row that holds leads sent against the expectation.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

from rich.text import Text

from tuneup_tui.metrics.result import PanelResult
from tuneup_tui.metrics.scorecard_status import judge, status_verdict
from tuneup_tui.metrics.scorecard_view import NOT_ANSWERED, ScorecardLine, scorecard_lines
from tuneup_tui.store.day_record import RecordedFigure
from tuneup_tui.textsafe import visible_line
from tuneup_tui.ui.format import fmt_figure
from tuneup_tui.ui.widgets.line_table import Fitted, LineTable

COLUMNS = ("Question", "Answer", "Target", "Baseline", "Status", "Dug into in")
STATUS_STYLES = {"better": "green", "same": "yellow", "worse": "red"}
RECORDED_EXPECTATION = "expected_leads_to_sales"
"""The figure the Traffic Study records; the scorecard holds leads sent against it."""


def scorecard_table(result: PanelResult,
                    recorded: Mapping[str, RecordedFigure] | None = None) -> LineTable:
    """The scorecard's rows as a table (the session column goes first on a narrow screen)."""
    rows: list[tuple[Hashable, Sequence[Text | str | Fitted]]] = []
    raw = result.tables["scorecard"].rows if "scorecard" in result.tables else ()
    for i, (line, row) in enumerate(zip(scorecard_lines(result), raw, strict=True)):
        rows.append((i, _cells(line)))
        mine = (recorded or {}).get(RECORDED_EXPECTATION)
        if row.get("key") == "sent_vs_expected" and row.get("tactic") is None and mine:
            rows.append(((i, "recorded"), _recorded(row.get("answer"), mine)))
    table = LineTable(COLUMNS, cursor=True, fit=0, fit_min=30, optional=(5, 3),
                      classes="panel-table scorecard")
    table.set_rows(rows)
    return table


EXPECTED_NOTE = ("Targets in italics are worked out from the data (the leads the Traffic "
                 "Study expects, the calls the week needs), not taken from the plan.")


def _cells(line: ScorecardLine) -> list[Text | str | Fitted]:
    # a tactic's row stands under its question: its name is enough
    question: Text | Fitted = (
        Text(visible_line(f"  {line.tactic}"), style="italic") if line.tactic is not None
        else Fitted(Text(visible_line(line.question)), Text(line.short or line.question)))
    # a target worked out from the data (expected leads, calls needed) is not the plan's
    target = Text(line.target, style="italic" if line.against == "expected" else "")
    return [question, line.answer, target, line.baseline, _status(line.status), line.where]


def _status(status: str) -> Text:
    if status == NOT_ANSWERED:
        return Text("not yet", style="dim italic")  # its reason is in the notes below
    return Text(status, style=STATUS_STYLES.get(status_verdict(status) or "", ""))


def _recorded(answer: object, mine: RecordedFigure) -> list[Text | str | Fitted]:
    """The expectation recorded in the room, and leads sent held against it."""
    where = f" ({visible_line(mine.session)})" if mine.session else ""
    sent = answer if isinstance(answer, int | float) else None
    value = mine.value if isinstance(mine.value, int | float) else None
    status = judge("up", None if sent is None else float(sent),
                   None if value is None else float(value)) or ""
    return [Fitted(Text(f"  expected, recorded{where}", style="italic bold"),
                   Text("  recorded", style="italic bold")), "",
            fmt_figure(RECORDED_EXPECTATION, mine.value), "", _status(status), ""]
