"""The console, `tuneup summary` and `tuneup metrics` show the same day: one function
(`metrics.day.compute_day`) computes the panels for all three, on the agenda's settings."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from tuneup_tui.agenda.builtins import resolve_agenda
from tuneup_tui.agenda.load import load_agenda
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.commands.metrics import metrics_output
from tuneup_tui.commands.summary import _panel_results
from tuneup_tui.metrics.result import PanelResult, strict_json
from tuneup_tui.metrics.settings import day_settings
from tuneup_tui.run.panels import compute_panels, panel_order
from tuneup_tui.store.db import RunStore

AS_OF = date(2026, 11, 23)
COMPARED = ("figures", "baseline_figures", "findings", "error")


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tuneup_tui.data.sample.generate import generate_sample

    return generate_sample(tmp_path_factory.mktemp("pack"), AS_OF, scale=0.2, seed=7)


@pytest.fixture
def agenda_file(tmp_path: Path) -> Path:
    """The built-in day with a lead score threshold of its own (not the panel's default), so
    a path that left the agenda's settings out would show other figures."""
    text = resolve_agenda(None).read_text(encoding="utf-8")
    assert "threshold = 60" in text
    path = tmp_path / "day.toml"
    path.write_text(text.replace("threshold = 60", "threshold = 75"), encoding="utf-8")
    return path


def _shown(result: PanelResult | dict[str, Any]) -> dict[str, Any]:
    doc = result if isinstance(result, dict) else strict_json(result.to_json())
    return {key: doc[key] for key in COMPARED}


def _console(agenda: Agenda, pack: Path) -> dict[str, dict[str, Any]]:
    posted: list[PanelResult] = []
    # the console's order: the session on screen's panels first (Lead Scoring here)
    first = next(i for i, s in enumerate(agenda.sessions) if "lead_scoring" in s.panels)
    compute_panels(day_settings(agenda), pack, AS_OF, panel_order(agenda, first),
                   posted.append, in_process=False)
    return {r.name: _shown(r) for r in posted}


def _summary(agenda_file: Path, pack: Path, store: RunStore) -> dict[str, dict[str, Any]]:
    agenda = load_agenda(agenda_file)
    run = store.create_run(title=agenda.title, series=agenda.series, cadence="day",
                           agenda_toml=agenda_file.read_text(encoding="utf-8"), as_of=AS_OF,
                           data_dir=str(pack), mode="facilitator", speed=1.0,
                           anchor=datetime(2026, 11, 23, 8), started_at=datetime(2026, 11, 23, 8))
    found = _panel_results(run, None)
    assert found is not None
    return {name: _shown(r) for name, r in found.items()}


def _metrics(agenda: Agenda, pack: Path) -> dict[str, dict[str, Any]]:
    from tuneup_tui.metrics.names import PANEL_NAMES

    doc = json.loads(metrics_output(pack, agenda, AS_OF, PANEL_NAMES, as_json=True))
    return {name: _shown(panel) for name, panel in doc["panels"].items()}


def test_console_summary_and_metrics_show_identical_figures(
        agenda_file: Path, pack: Path, tmp_path: Path) -> None:
    agenda = load_agenda(agenda_file)
    store = RunStore(tmp_path / "tuneup.db")
    try:
        summary = _summary(agenda_file, pack, store)
    finally:
        store.close()
    console = _console(agenda, pack)
    metrics = _metrics(agenda, pack)
    day = panel_order(agenda, None)
    assert len(day) >= 10
    assert sorted(console) == sorted(summary) == sorted(day)
    for name in day:
        assert console[name] == summary[name] == metrics[name], name
    # every panel computed, and the agenda's own threshold reached all three
    assert all(console[name]["error"] is None for name in day)
    assert console["lead_scoring"]["figures"] != _default_threshold(pack)


def _default_threshold(pack: Path) -> dict[str, Any]:
    """Lead scoring's figures at the panel's default threshold, for contrast."""
    from tuneup_tui.data.pack import DataPack
    from tuneup_tui.metrics.day import compute_day
    from tuneup_tui.metrics.settings import DaySettings

    found = compute_day(DataPack.open(pack), AS_OF, DaySettings(), ["lead_scoring"])
    return _shown(found["lead_scoring"])["figures"]
