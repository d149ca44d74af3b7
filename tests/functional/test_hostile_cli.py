"""Hostile command lines: each ends in one line on stderr and exit code 2, never a traceback.

Every case runs the real `tuneup` in a subprocess, as a user's shell would, so argparse's own
exits, the interpreter's flush at exit and the store's opening are all part of what is tried.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from tuneup_tui.store.db import RunStore

AGENDA = """
[agenda]
title = "Tune Up"
series = "ops-tuneup"
cadence = "day"
end_of_day = "10:00"

[[roles]]
role = "Webmaster"
people = ["Dana"]

[[sessions]]
start = "08:00"
topic = "Traffic Study"
who = "Webmaster"
"""

HUGE_ID = "99999999999999999999999"


def tuneup(home: Path, *args: str | bytes, stdin: str = "") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "TUNEUP_HOME": str(home), "COLUMNS": "100"}
    return subprocess.run([sys.executable, "-m", "tuneup_tui", *args], env=env,
                          capture_output=True, timeout=120, input=stdin.encode())


def start_run(home: Path) -> int:
    with RunStore(home / "data" / "tuneup.db") as store:
        now = datetime.now()
        run = store.create_run(title="Tune Up", series="ops-tuneup", cadence="day",
                               agenda_toml=AGENDA, as_of=date.today(), data_dir=None,
                               mode="facilitator", speed=1, anchor=now, started_at=now)
        store.add_action(run.id, "Fix the 404s", "Dana")
        return run.id


def assert_one_line_refusal(result: subprocess.CompletedProcess[bytes]) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr, err
    assert result.returncode == 2, (result.returncode, err)
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert err.startswith("tuneup"), err
    return err


def pack_dir(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "traffic.csv").write_text("date,source,sessions\n2026-11-16,google,10\n")
    return pack


@pytest.mark.parametrize(("args", "said"), [
    (["log", "Fix it", "--owner", "Dana", "--due", "9999-12-31"], "more than 5 years ahead"),
    (["log", "Fix it", "--owner", "Dana", "--due", "+999999"], "--due"),
    (["log", "Fix it", "--owner", "Dana", "--run", HUGE_ID], "--run"),
    (["actions", "--run", HUGE_ID], "--run"),
    (["actions", "--run", "0"], "--run"),
    (["attend", "--run", HUGE_ID], "--run"),
    (["summary", HUGE_ID], "RUN: '99999999999999999999999' is out of range"),
    (["log", b"Fix \xff\xfe it", "--owner", "Dana"], "not valid UTF-8"),
    ([b"\xff"], "not valid UTF-8"),
    (["metrics", "--data", "{pack}", "--as-of", "0001-01-01"], "out of range"),
    (["metrics", "--data", "{pack}", "--as-of", "9999-12-31"], "out of range"),
    (["sample", "{tmp}/out", "--as-of", "0001-01-01"], "out of range"),
    (["sample", "{tmp}/out", "--seed", "-1"], "--seed"),
    (["sample", "{tmp}/out", "--seed", HUGE_ID], "--seed"),
    (["sample", "{tmp}/out", "--scale", "1e9"], "--scale"),
    (["sample", "{tmp}/out", "--scale", "nan"], "--scale"),
    (["run", "--speed", "0"], "above 0"),
    (["run", "--speed", "nan"], "above 0"),
    (["actoins"], "did you mean 'actions'?"),
    (["log"], "required"),
    (["log", "Fix it"], "--owner"),
    (["store"], "required"),
    (["data", "inspect", "{datapack}"], "files[0]"),
])
def test_hostile_command_line_is_one_line_and_exit_2(
        tmp_path: Path, args: list[str | bytes], said: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    start_run(home)
    datapack = pack_dir(tmp_path)
    (datapack / "datapack.toml").write_text('[sources.traffic]\nfiles = ""\n')
    fill = {"{pack}": str(datapack), "{tmp}": str(tmp_path), "{datapack}": str(datapack)}
    words: list[str | bytes] = []
    for word in args:
        if isinstance(word, str):
            for key, value in fill.items():
                word = word.replace(key, value)
        words.append(word)
    err = assert_one_line_refusal(tuneup(home, *words))
    assert said in err
    assert not (tmp_path / "out").exists()


def test_speed_zero_is_not_offered_back(tmp_path: Path) -> None:
    err = assert_one_line_refusal(tuneup(tmp_path, "run", "--speed", "0"))
    assert "from 0" not in err


def test_a_due_date_stored_before_the_horizon_no_longer_breaks_the_summary(
        tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    run_id = start_run(home)
    with RunStore(home / "data" / "tuneup.db") as store:
        store.add_action(run_id, "Someday", "Dana", due=date.max)
    result = tuneup(home, "summary")
    assert result.returncode == 0, result.stderr.decode()
    ics = (home / "data" / "runs" / str(run_id) / "actions.ics").read_text()
    assert "DTSTART;VALUE=DATE:99991231" in ics


def test_json_into_a_reader_that_stops_early_ends_quietly(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    run_id = start_run(home)
    with RunStore(home / "data" / "tuneup.db") as store:
        for i in range(400):
            store.add_action(run_id, f"item {i} " + "x" * 200, "Dana")
    env = {**os.environ, "TUNEUP_HOME": str(home)}
    # `tuneup actions --json | head -c 10`: the reader closes the pipe after a few bytes.
    proc = subprocess.Popen([sys.executable, "-m", "tuneup_tui", "actions", "--json"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert err == b""
