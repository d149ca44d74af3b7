"""`--team`: one team's runs out of a store several teams share (both engines)."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from tuneup_tui.cli import main
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.models import Run


@pytest.fixture(autouse=True)
def either_store(store_target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if store_target.startswith("postgresql://"):
        monkeypatch.setenv("TUNEUP_STORE", store_target)


def start(series: str, hour: int) -> Run:
    with RunStore.open_default() as store:
        at = datetime(2026, 11, 23, hour)
        return store.create_run(title=f"{series} Tune Up", series=series, cadence="week",
                                agenda_toml="", as_of=date(2026, 11, 23), data_dir=None,
                                mode="facilitator", speed=1, anchor=at, started_at=at)


def test_each_team_logs_to_and_lists_its_own_run(capsys: pytest.CaptureFixture[str]) -> None:
    emea = start("emea-ops", 8)
    amer = start("amer-ops", 14)  # started later: without --team, the current run is this one
    assert main(["log", "Fix the 404s", "--owner", "Dana", "--team", "emea-ops"]) == 0
    assert f"added to run {emea.id}" in capsys.readouterr().out
    assert main(["log", "Check the CRM sync", "--owner", "Priya"]) == 0
    assert f"added to run {amer.id}" in capsys.readouterr().out

    assert main(["actions", "--team", "emea-ops", "--json"]) == 0
    assert [i["text"] for i in json.loads(capsys.readouterr().out)] == ["Fix the 404s"]
    assert main(["runs", "--team", "amer-ops", "--json"]) == 0
    assert [r["series"] for r in json.loads(capsys.readouterr().out)] == ["amer-ops"]
    assert main(["runs", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_a_team_without_a_run_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    start("emea-ops", 8)
    assert main(["log", "Fix", "--owner", "Dana", "--team", "apac-ops"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == ("tuneup: no run of team 'apac-ops' in progress; "
                           "see `tuneup runs` for the teams' series")
    assert main(["log", "Fix", "--owner", "Dana", "--team", " "]) == 2
    assert "--team: expected a series name" in capsys.readouterr().err
    assert main(["summary", "--team", "apac-ops", "--no-data"]) == 2
    assert "no runs of team 'apac-ops'" in capsys.readouterr().err
