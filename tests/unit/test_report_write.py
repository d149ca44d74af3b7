"""write_summary: every file in its place, written whole, and the formats chosen."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from tests.unit.report_fixtures import small_summary
from tuneup_tui.agenda.load import load_agenda
from tuneup_tui.report.write import parse_formats, write_summary


def test_writes_every_file(tmp_path: Path) -> None:
    out = tmp_path / "runs" / "7"
    paths = write_summary(small_summary(), out)
    assert [p.name for p in paths] == ["summary.md", "summary.txt", "summary.html", "summary.json",
                                       "actions.csv", "actions.ics", "agenda-week.toml"]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths)  # no temps
    assert json.loads((out / "summary.json").read_text())["run"]["id"] == 7
    assert (out / "actions.ics").read_bytes().count(b"\r\n") > 5  # CRLF kept as written
    weekly = load_agenda(out / "agenda-week.toml")
    assert weekly == small_summary().cadence[0].agenda


def test_formats_and_no_calendar_without_due_dates(tmp_path: Path) -> None:
    summary = replace(small_summary(), actions=(), cadence=())
    paths = write_summary(summary, tmp_path, ("md",))
    assert [p.name for p in paths] == ["summary.md", "actions.csv"]
    assert (tmp_path / "actions.csv").read_text() == "Summary,Assignee,Due date,Description\n"


def test_rewriting_replaces_the_files(tmp_path: Path) -> None:
    write_summary(small_summary(), tmp_path)
    write_summary(replace(small_summary(), title="Second"), tmp_path)
    assert (tmp_path / "summary.md").read_text().startswith("# Next steps: Second\n")


def test_parse_formats() -> None:
    assert parse_formats("md, HTML,md") == ("md", "html")
    with pytest.raises(ValueError, match="unknown format pdf"):
        parse_formats("md,pdf")
    with pytest.raises(ValueError):
        parse_formats(" , ")


def test_write_run_summary_from_the_store(tmp_path: Path) -> None:
    from datetime import date, datetime

    from tuneup_tui.paths import run_dir
    from tuneup_tui.report.write import write_run_summary
    from tuneup_tui.store.db import RunStore

    store = RunStore.open_default()
    try:
        at = datetime(2026, 11, 23, 8, 0)
        toml = (tmp_path / "a.toml")
        toml.write_text('[agenda]\ntitle = "T"\nseries = "s"\ncadence = "week"\n'
                        'period = "week"\nbaseline_periods = 8\nend_of_day = "08:30"\n\n'
                        '[[sessions]]\nstart = "08:00"\ntopic = "Numbers"\nwho = "Ops"\n')
        run = store.create_run(title="T", series="s", cadence="week",
                               agenda_toml=toml.read_text(), as_of=date(2026, 11, 23),
                               data_dir=None, mode="facilitator", speed=1.0, anchor=at,
                               started_at=at)
        paths = write_run_summary(store, run.id)
    finally:
        store.close()
    # a weekly run proposes nothing shorter and has no dated items: md, html, json, csv
    assert [p.name for p in paths] == ["summary.md", "summary.txt", "summary.html", "summary.json",
                                       "actions.csv"]
    assert all(p.parent == run_dir(run.id) for p in paths)
