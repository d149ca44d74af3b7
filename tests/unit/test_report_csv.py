"""actions.csv: the importers' columns, and no formula ever runs when it is opened."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from tests.unit.report_fixtures import action, small_summary
from tuneup_tui.report.actions_csv import HEADER, neutralise, render_actions_csv


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_header_and_rows_open_with_csv_reader() -> None:
    text = render_actions_csv(small_summary())
    rows = _rows(text)
    assert rows[0] == ["Summary", "Assignee", "Due date", "Description"] == list(HEADER)
    assert rows[1] == [
        "Fix UTM tags | newsletter links", "Dana", "2026-11-27",
        "Session: Traffic Study. Run: 7, Small Tune Up, 2026-11-23. Status: open.",
    ]
    assert rows[2][:3] == ["Check *bing* cpc bids", "Dana", ""]
    assert rows[2][3].endswith("Status: done.")
    assert rows[3] == ["Find the 4 leads missing from the CRM", "Priya", "2026-11-25",
                       "Run: 7, Small Tune Up, 2026-11-23. Status: open."]
    assert len(rows) == 4
    assert text.endswith("\r\n") and text.count("\r\n") == 4


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_starts_get_an_apostrophe(start: str) -> None:
    typed = f"{start}HYPERLINK(\"http://evil\",\"x\")"
    assert neutralise(typed) == "'" + typed
    summary = replace(small_summary(), actions=(
        action(1, typed, f"{start}owner", None, f"{start}session"),
    ))
    rows = _rows(render_actions_csv(summary))
    summary_cell, assignee, due, description = rows[1]
    assert summary_cell == "'" + typed
    assert assignee == f"'{start}owner"
    assert due == ""
    assert description.startswith(f"Session: {start}session.")


@pytest.mark.parametrize("safe", ["Fix it", "1-2 leads", "a=b", " =spaced", "", "'quoted"])
def test_other_cells_stay_as_typed(safe: str) -> None:
    assert neutralise(safe) == safe


def test_commas_quotes_and_line_breaks_survive() -> None:
    text = 'Call "Acme", then\nemail them'
    rows = _rows(render_actions_csv(replace(small_summary(), actions=(
        action(1, text, "Dana", None, None),))))
    assert rows[1][0] == text
