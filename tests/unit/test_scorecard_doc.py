"""docs/scorecard.md lists exactly the scorecard's questions, in order, with the figure id that
answers each and the panel that digs into it; every figure id is in the catalogue."""

from __future__ import annotations

from pathlib import Path

from tuneup_tui.metrics.names import PANEL_NAMES
from tuneup_tui.metrics.scorecard_questions import QUESTIONS
from tuneup_tui.metrics.targets import known_figure

DOC = Path(__file__).resolve().parents[2] / "docs" / "scorecard.md"


def _documented() -> list[tuple[str, str, str, str]]:
    text = DOC.read_text(encoding="utf-8")
    body = text.split("<!-- questions:", 1)[1].split("<!-- questions: end -->", 1)[0]
    rows = []
    for line in body.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 4 or not cells[1].startswith("`"):
            continue  # the header and its rule
        rows.append((cells[0], cells[1].strip("`"), cells[2].strip("`"), cells[3].strip("`")))
    return rows


def test_the_page_lists_the_panels_rows() -> None:
    assert _documented() == [(q.question, q.key, q.figure, q.panel) for q in QUESTIONS]


def test_the_page_covers_at_least_the_monday_list() -> None:
    # the questions the scorecard must answer, by the words a reader looks for
    wanted = ("Sessions", "Goal conversion", "Leads created, by tactic", "Leads sent to sales",
              "Traffic Study", "Paid spend", "Cost per name", "Cost per lead",
              "Cost per opportunity", "Cost per won deal", "Wasted spend", "Followers to traffic",
              "404", "coming weeks", "Database size", "Send pressure", "Net decay",
              "accepted by sales", "cannot find", "outside their territory", "Speed to lead",
              "Touches per sent lead", "Calling capacity", "Connects per rep",
              "Opportunities created", "Pipeline created", "Bookings, quarter to date",
              "past their lifetime", "Budget pacing")
    questions = " / ".join(q for q, *_ in _documented())
    assert [w for w in wanted if w not in questions] == []


def test_every_row_is_answered_by_a_catalogue_figure_in_a_registered_panel() -> None:
    for q in QUESTIONS:
        assert known_figure(q.figure) is not None, q.figure
        assert q.panel in PANEL_NAMES, q.panel
        for other in (q.against, q.plan_figure):
            assert other is None or known_figure(other) is not None, other


def test_every_question_has_a_few_words_of_its_own_for_a_narrow_screen() -> None:
    from tuneup_tui.metrics.scorecard_questions import QUESTIONS

    shorts = [q.short for q in QUESTIONS]
    assert all(0 < len(s) <= 11 for s in shorts)  # 80 columns leave the question 11
    assert len(set(shorts)) == len(shorts)
