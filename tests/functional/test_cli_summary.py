"""`tuneup summary` and `tuneup agenda derive` as a facilitator runs them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.functional.summary_runs import make_run
from tuneup_tui import cli
from tuneup_tui.agenda.load import load_agenda
from tuneup_tui.paths import run_dir


def test_summary_without_runs_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["summary"]) == 2
    err = capsys.readouterr().err
    assert err == "tuneup: no runs yet; start one with `tuneup run`\n"


@pytest.mark.parametrize("arg,message", [("99", "no run 99; see `tuneup runs`"),
                                         ("abc", "RUN: expected a run number, not 'abc'")])
def test_unknown_run_is_one_line_exit_2(arg: str, message: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    make_run()
    assert cli.main(["summary", arg]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_summary_of_the_newest_run_in_its_folder(capsys: pytest.CaptureFixture[str]) -> None:
    make_run()
    newest = make_run()
    assert cli.main(["summary"]) == 0
    out = capsys.readouterr().out
    folder = run_dir(newest)
    for name in ("summary.md", "summary.txt", "summary.html", "summary.json", "actions.csv",
                 "actions.ics",
                 "agenda-month.toml", "agenda-week.toml"):
        assert (folder / name).is_file()
        assert str(folder / name) in out
    doc = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert doc["run"]["id"] == newest and doc["run"]["previous_run_id"] == newest - 1
    assert "'=cmd|' /C calc'!A0" in (folder / "actions.csv").read_text(encoding="utf-8")
    load_agenda(folder / "agenda-week.toml")  # the proposed weekly agenda runs as it is


def test_summary_out_and_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_id = make_run()
    out = tmp_path / "out"
    assert cli.main(["summary", str(run_id), "--out", str(out), "--format", "md"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "actions.csv", "actions.ics", "agenda-month.toml", "agenda-week.toml", "summary.md"]
    assert cli.main(["summary", "--format", "pdf"]) == 2
    assert "--format: unknown format pdf" in capsys.readouterr().err


def test_derive_from_a_run_weights_its_soft_spots(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    run_id = make_run(spots={"Paid Programs": 2})
    out = tmp_path / "weekly.toml"
    assert cli.main(["agenda", "derive", "--cadence", "week", "--from", str(run_id),
                     "--out", str(out)]) == 0
    assert f"(from run {run_id})" in capsys.readouterr().out
    weekly = load_agenda(out)
    lengths = {s.topic: weekly.session_length(i) for i, s in enumerate(weekly.sessions)}
    assert sum(lengths.values()) == 30
    assert lengths["Paid Programs"] == max(lengths.values())
    assert (weekly.period, weekly.baseline_periods) == ("week", 8)


def test_derive_from_a_builtin_and_errors(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "monthly.toml"
    args = ["agenda", "derive", "--cadence", "month", "--from", "one-day-tuneup",
            "--minutes", "180", "--out", str(out)]
    assert cli.main(args) == 0
    monthly = load_agenda(out)
    assert sum(monthly.session_length(i) for i in range(len(monthly.sessions))) == 180
    assert (monthly.period, monthly.baseline_periods) == ("month", 3)
    capsys.readouterr()
    assert cli.main(args) == 2  # exists, no --force
    assert capsys.readouterr().err == f"tuneup: {out}: already exists (use --force to replace it)\n"
    assert cli.main([*args, "--force"]) == 0
    assert cli.main(["agenda", "derive", "--cadence", "week", "--from", "12",
                     "--out", str(tmp_path / "x.toml")]) == 2
    assert capsys.readouterr().err.endswith("tuneup: no run 12; see `tuneup runs`\n")
    assert cli.main(["agenda", "derive", "--cadence", "week", "--minutes", "2",
                     "--out", str(tmp_path / "y.toml")]) == 2
    assert "too short" in capsys.readouterr().err
    assert not (tmp_path / "x.toml").exists() and not (tmp_path / "y.toml").exists()


def test_derive_passes_over_a_newer_rehearsal_unless_asked(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    real = make_run(spots={"Paid Programs": 2})
    rehearsal = make_run(spots={"Site Health": 2}, speed=60, day=date(2026, 11, 24))
    out = tmp_path / "weekly.toml"
    assert cli.main(["agenda", "derive", "--cadence", "week", "--out", str(out)]) == 0
    assert f"(from run {real})" in capsys.readouterr().out
    assert cli.main(["agenda", "derive", "--cadence", "week", "--out", str(out), "--force",
                     "--include-rehearsals"]) == 0
    assert f"(from run {rehearsal})" in capsys.readouterr().out


def test_summary_compares_with_the_real_run_before_or_the_one_asked_for(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    real = make_run()
    rehearsal = make_run(speed=60, day=date(2026, 11, 24))
    later = make_run(day=date(2026, 11, 25))
    assert cli.main(["summary", str(later), "--out", str(tmp_path), "--format", "json"]) == 0
    assert json.loads((tmp_path / "summary.json").read_text())["run"]["previous_run_id"] == real
    assert cli.main(["summary", str(later), "--out", str(tmp_path), "--format", "json",
                     "--compare-with", str(rehearsal)]) == 0
    saved = json.loads((tmp_path / "summary.json").read_text())
    assert saved["run"]["previous_run_id"] == rehearsal
    capsys.readouterr()
    assert cli.main(["summary", str(later), "--compare-with", "99"]) == 2
    assert capsys.readouterr().err == "tuneup: --compare-with: no run 99; see `tuneup runs`\n"
