"""The demo's cached sample pack and the `tuneup sample` command."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from tuneup_tui import paths
from tuneup_tui.cli import main
from tuneup_tui.data.demo import demo_pack


def test_the_demo_pack_is_generated_once_and_cached(tuneup_home: Path) -> None:
    folder = demo_pack(date(2026, 11, 23))
    assert folder == paths.cache_dir() / "sample" / "2026-11-23-s7-v2"
    assert (folder / "leads.csv").is_file() and len(list(folder.glob("*.csv"))) == 16
    stamp = (folder / "leads.csv").stat().st_mtime_ns
    assert demo_pack(date(2026, 11, 23)) == folder
    assert (folder / "leads.csv").stat().st_mtime_ns == stamp  # not written again
    # No half-written staging folders are left beside it.
    assert [p.name for p in folder.parent.iterdir()] == ["2026-11-23-s7-v2"]


def test_the_demo_always_has_a_full_last_week(tuneup_home: Path) -> None:
    folder = demo_pack(date(2031, 2, 5))   # a Wednesday: the last week is 2031-01-27..02-02
    traffic = (folder / "traffic.csv").read_text(encoding="utf-8").splitlines()
    dates = {line.split(",")[0] for line in traffic[1:]}
    assert {"2031-01-27", "2031-02-02"} <= dates
    assert max(dates) == "2031-02-02"


def test_tuneup_sample_writes_the_pack_and_says_what(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pack"
    assert main(["sample", str(out), "--as-of", "2026-11-23", "--seed", "3"]) == 0
    printed = capsys.readouterr().out
    assert len(list(out.glob("*.csv"))) == 16
    assert "leads.csv" in printed and "activities.csv" in printed
    assert "Review period: 2026-W47, 2026-11-16 to 2026-11-22" in printed
    # 6 reps, one row each (world.py: 2 East, 1 Central, 2 West, 1 International)
    assert re.search(r"territories\.csv\s+6 rows", printed)


@pytest.mark.parametrize(("args", "message"), [
    (["--as-of", "23/11/2026"],
     "--as-of: expected a date as YYYY-MM-DD (like 2026-11-23), found '23/11/2026'"),
    (["--scale", "0"], "argument --scale: '0': expected a scale above 0, up to 1000"),
])
def test_tuneup_sample_refuses_bad_options_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
        message: str) -> None:
    assert main(["sample", str(tmp_path / "pack"), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(("tuneup: ", "tuneup sample: ")) and message in err
    assert err.count("\n") == 1
    assert not (tmp_path / "pack").exists()
