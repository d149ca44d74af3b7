"""The Markdown summary: the scripted small run against Markdown written by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from tests.unit.report_fixtures import action, small_summary
from tuneup_tui.report.markdown import render_markdown
from tuneup_tui.report.model import SessionRecord, Summary

EXPECTED = Path(__file__).resolve().parent.parent / "fixtures" / "summary" / "expected.md"


def test_small_run_matches_the_hand_written_markdown() -> None:
    # expected.md was written by hand from the inputs in report_fixtures.py; the numbers in it:
    # 41 - 38 = +3, 3 / 38 = 7.9%; 1234 - 1100 = +134, 134 / 1100 = 12.2%;
    # 1234 - 1200 = +34, 34 / 1200 = 2.8%; 0.028 -> 2.8%, 0.031 -> 3.1%, 0.028 - 0.031 =
    # -0.003 = -0.3 points, -0.003 / 0.031 = -9.7%; the soft spot's 0.009 -> 0.9%; the cost per
    # lead recorded in "$" 52.5 -> $52.50 (cents under $100); keys are shown as labels;
    # Traffic Study 09:00 to 09:45 = 45 minutes against 30 = +15; the day ended 10:15 against
    # 10:30 = 15 minutes early.
    assert render_markdown(small_summary()) == EXPECTED.read_text(encoding="utf-8")


def test_user_text_cannot_break_a_table_row() -> None:
    summary = replace(small_summary(), actions=(
        action(1, "a | b\nnew line *bold* [link](x) <b>", "Dana", None, "S|1"),
    ))
    text = render_markdown(summary)
    line = next(x for x in text.splitlines() if x.startswith("| a"))
    assert line == ("| a \\| b new line \\*bold\\* \\[link\\](x) \\<b\\> | — | S\\|1 | open |")
    # a row of a 4-column table has 5 unescaped pipes
    assert line.replace("\\|", "").count("|") == 5


def test_an_empty_run_says_so_in_every_section() -> None:
    text = render_markdown(Summary(title="T", series="s", day=small_summary().day))
    for sentence in ("No action items were recorded.", "No soft spots were recorded.",
                     "Nothing was noted, asked or recorded in the sessions.",
                     "No decisions were noted",
                     "No panel figures were kept for this run.",
                     "No timings were kept for this run.",
                     "This is the first run of the series.",
                     "No shorter agendas were derived."):
        assert sentence in text


def test_soft_spots_are_ranked_by_severity() -> None:
    base = small_summary().soft_spots[0]
    spots = (replace(base, id=1, severity="low", text="low one"),
             replace(base, id=2, severity="high", text="high one"),
             replace(base, id=3, severity="medium", text="medium one"))
    text = render_markdown(replace(small_summary(), soft_spots=spots))
    assert text.index("| 1 | high | high one") < text.index("| 2 | medium | medium one") \
        < text.index("| 3 | low | low one")


def test_panel_columns_only_when_there_is_something_to_compare() -> None:
    from tuneup_tui.report.model import PanelFigure, PanelFigures

    panel = PanelFigures("paid", "Paid programs", (PanelFigure("spend", 1500.75),
                                                    PanelFigure("ctr", None)))
    text = render_markdown(replace(small_summary(), panels=(panel,)))
    # money from $100 up is rounded to the dollar: 1500.75 -> $1,501; a missing CTR is n/a
    assert ("| Figure | This period |\n|---|---|\n| Paid spend | $1,501 |\n"
            "| Paid click-through rate | n/a |"
            in text)


def test_the_summary_opens_with_soft_spots_then_decisions_items_and_sessions() -> None:
    text = render_markdown(small_summary())
    order = ["## Soft spots", "## Decisions", "## Action items", "## Session by session",
             "## Key figures by panel", "## How the day ran"]
    assert [text.index(h) for h in order] == sorted(text.index(h) for h in order)


def test_a_soft_spots_fix_is_due_with_its_owners_earliest_open_item_of_its_session() -> None:
    spot = small_summary().soft_spots[0]  # Dana's, from Traffic Study
    summary = replace(small_summary(), actions=(
        action(1, "later", "dana", date(2026, 12, 4), "Traffic Study"),
        action(2, "earlier", "Dana", date(2026, 11, 30), "Traffic Study"),
        action(3, "done already", "Dana", date(2026, 11, 24), "Traffic Study", "done"),
        action(4, "another session", "Dana", date(2026, 11, 24), "Site Health"),
        action(5, "someone else", "Priya", date(2026, 11, 24), "Traffic Study"),
    ))
    assert summary.fix_due(spot) == date(2026, 11, 30)
    assert "| Dana | Mon 2026-11-30 |" in render_markdown(summary)
    assert summary.fix_due(replace(spot, owner=None)) is None


def test_decision_lines_in_notes_and_notes_text_is_escaped() -> None:
    record = SessionRecord("Site Health", notes="- Decided: fix /pricing *first*\n"
                           "decision pending\nAgreed:\nAGREED: weekly 404 check")
    assert record.decisions == ("fix /pricing *first*", "weekly 404 check")
    text = render_markdown(replace(small_summary(), sessions=(record,)))
    assert "- fix /pricing \\*first\\* (Site Health)" in text
    # lines typed one under the other stay apart: two spaces end each one followed by another
    assert "> - Decided: fix /pricing \\*first\\*  \n> decision pending  \n" in text
