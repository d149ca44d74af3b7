"""`tuneup agenda check | list | copy` as a facilitator uses them: the outline of a sound agenda,
and for each kind of mistake the exact one-line problem on stderr with exit code 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tuneup_tui import cli
from tuneup_tui.metrics.names import PANEL_NAMES

# A small sound agenda; each error case below changes one thing in it. Line numbers matter for
# the TOML syntax case: `start = "09:00"` of the first session is line 15 (column 10 is where
# tomllib stops reading `09:00` unquoted).
BASE = """\
[agenda]
title = "Test day"
series = "test"
cadence = "day"
period = "week"
baseline_periods = 8
end_of_day = "10:00"

[[roles]]
role = "Sales Ops"
people = ["Priya"]

[[sessions]]
topic = "Traffic Study"
start = "09:00"
who = "Sales Ops"
panel = "traffic"

[[sessions]]
start = "09:30"
topic = "Lunch"

[[sessions]]
start = "09:31"
topic = "Wrap Up"
who = "Sales Ops"
panel = ["romi", "funnel"]
record = ["leads_delivered"]
"""

KNOWN_PANELS = ", ".join(PANEL_NAMES)


def _check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
           text: str) -> tuple[int, str, str]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "agenda.toml").write_text(text, encoding="utf-8")
    code = cli.main(["agenda", "check", "agenda.toml"])
    out, err = capsys.readouterr()
    return code, out, err


def test_base_agenda_is_sound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(tmp_path, monkeypatch, capsys, BASE)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Test day"
    # Lengths: 09:00 -> 09:30 = 30; Lunch 09:30 -> 09:31 = 1; Wrap Up 09:31 -> 10:00 = 29.
    assert "09:00   30  Traffic Study  Sales Ops  traffic" in lines
    assert "09:30    1  Lunch          -          -" in lines
    assert "09:31   29  Wrap Up        Sales Ops  romi, funnel" in lines
    assert lines[-1] == "agenda.toml: agenda is sound"


CASES = [
    pytest.param(
        BASE.replace('start = "09:00"', "start = 09:00"),
        'agenda.toml: line 15, column 10: TOML syntax: Expected newline or end of document '
        'after a statement (write times in quotes: "08:30")',
        id="toml-syntax"),
    pytest.param(
        BASE.replace('title = "Test day"\n', ""),
        'agenda.toml: agenda.title: missing key; expected the day\'s title as text',
        id="missing-key"),
    pytest.param(
        BASE.replace("[agenda]", "[day]"),
        ["agenda.toml: day: unknown key 'day'; known keys: agenda, roles, sessions, panels",
         "agenda.toml: agenda: missing [agenda] table (title, series, end_of_day, ...)"],
        id="missing-agenda-table"),
    pytest.param(
        BASE.replace("baseline_periods = 8", 'baseline_periods = "8"'),
        'agenda.toml: agenda.baseline_periods: expected a positive whole number (e.g. 8), '
        'found "8" (text)',
        id="wrong-type"),
    pytest.param(
        BASE.replace("baseline_periods = 8", "baseline_periods = 0"),
        "agenda.toml: agenda.baseline_periods: expected a positive whole number (e.g. 8), "
        "found 0 (a whole number)",
        id="baseline-not-positive"),
    pytest.param(
        BASE.replace('start = "09:00"', 'strat = "09:00"'),
        ["agenda.toml: sessions[1] (Traffic Study).strat: unknown key 'strat'; did you mean "
         "'start'?",
         'agenda.toml: sessions[1] (Traffic Study).start: missing key; expected a time "HH:MM" '
         '(24-hour), e.g. "08:30"'],
        id="unknown-key-suggested"),
    pytest.param(
        BASE.replace('end_of_day = "10:00"', 'end_of_day = "10:00"\ncolour = "red"'),
        "agenda.toml: agenda.colour: unknown key 'colour'; known keys: title, series, cadence, "
        "period, baseline_periods, end_of_day",
        id="unknown-key"),
    pytest.param(
        BASE.replace('start = "09:30"', 'start = "9:30"'),
        'agenda.toml: sessions[2] (Lunch).start: expected a time "HH:MM" (24-hour, e.g. '
        '"08:30"), found "9:30" (text)',
        id="time-not-hhmm"),
    pytest.param(
        BASE.replace('end_of_day = "10:00"', 'end_of_day = "4pm"'),
        'agenda.toml: agenda.end_of_day: expected a time "HH:MM" (24-hour, e.g. "08:30"), '
        'found "4pm" (text)',
        id="end-of-day-not-hhmm"),
    pytest.param(
        BASE.replace('start = "09:31"', 'start = "09:10"'),
        'agenda.toml: sessions[3] (Wrap Up).start: "09:10" is before sessions[2] (Lunch) '
        '("09:30"); sessions must be in time order',
        id="out-of-order"),
    pytest.param(
        BASE.replace('start = "09:31"', 'start = "09:30"'),
        'agenda.toml: sessions[3] (Wrap Up).start: "09:30" is the same start as sessions[2] '
        "(Lunch); two sessions can't start at the same time",
        id="same-start"),
    pytest.param(
        BASE.replace('topic = "Wrap Up"', 'topic = "traffic study"'),
        'agenda.toml: sessions[3] (traffic study).topic: "traffic study" repeats the topic of '
        "sessions[1] (Traffic Study); topics must differ (ignoring case)",
        id="duplicate-topic"),
    pytest.param(
        BASE.replace('panel = "traffic"', 'panel = "trafic"'),
        'agenda.toml: sessions[1] (Traffic Study).panel: unknown panel "trafic"; did you mean '
        f'"traffic"? known panels: {KNOWN_PANELS}',
        id="unknown-panel"),
    pytest.param(
        BASE.replace('panel = ["romi", "funnel"]', 'panel = ["romi", "weather"]'),
        'agenda.toml: sessions[3] (Wrap Up).panel[2]: unknown panel "weather"; '
        f"known panels: {KNOWN_PANELS}",
        id="unknown-panel-in-list"),
    pytest.param(
        BASE.replace('start = "09:31"', 'start = "10:01"'),
        'agenda.toml: sessions[3] (Wrap Up).start: "10:01" is after agenda.end_of_day '
        '("10:00"); a session may start at the end of the day at the latest',
        id="after-end-of-day"),
    pytest.param(
        BASE.replace('cadence = "day"', 'cadence = "daily"'),
        'agenda.toml: agenda.cadence: expected one of day, month, week, found "daily" (text)',
        id="cadence"),
    pytest.param(
        BASE.replace('period = "week"', 'period = "quarter"'),
        'agenda.toml: agenda.period: expected one of week, month, found "quarter" (text)',
        id="period"),
    pytest.param(
        BASE.replace('who = "Sales Ops"\npanel = "traffic"', 'panel = "traffic"'),
        "agenda.toml: sessions[1] (Traffic Study).who: missing the owner role; only a break "
        "(no panel, questions or record, like Lunch) may leave who empty",
        id="who-missing"),
    pytest.param(
        BASE.replace('record = ["leads_delivered"]', 'record = ["Leads delivered"]'),
        'agenda.toml: sessions[3] (Wrap Up).record[1]: expected a snake_case figure name like '
        '"cost_per_lead", found "Leads delivered" (text)',
        id="record-name"),
    pytest.param(
        BASE.replace('topic = "Lunch"\n', ""),
        'agenda.toml: sessions[2].topic: missing key; expected the session\'s topic as text',
        id="missing-topic-no-label"),
    pytest.param(
        BASE + "\n[panels.weather]\nx = 1\n",
        f'agenda.toml: panels.weather: unknown panel "weather"; known panels: {KNOWN_PANELS}',
        id="unknown-panel-settings"),
    pytest.param(
        BASE.replace("[agenda]", "[panels]\ntraffic = 3\n\n[agenda]"),
        "agenda.toml: panels.traffic: expected a [panels.traffic] table of settings, found 3 "
        "(a whole number)",
        id="panel-settings-not-table"),
    pytest.param(
        BASE.replace('people = ["Priya"]', 'people = "Priya"'),
        'agenda.toml: roles[1] (Sales Ops).people: expected a list of people\'s names '
        '(e.g. ["..."]), found "Priya" (text)',
        id="people-not-list"),
    pytest.param(
        BASE.split("[[sessions]]")[0],
        "agenda.toml: sessions: missing: expected at least one [[sessions]] table",
        id="no-sessions"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_each_kind_of_mistake_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    text: str, expected: str | list[str],
) -> None:
    code, out, err = _check(tmp_path, monkeypatch, capsys, text)
    assert code == 2
    assert out == ""
    assert err.splitlines() == ([expected] if isinstance(expected, str) else expected)


def test_every_problem_is_reported_each_on_its_own_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    text = (BASE.replace('cadence = "day"', 'cadence = "daily"')
            .replace('panel = "traffic"', 'panel = "trafic"')
            .replace('start = "09:31"', 'start = "10:30"'))
    code, _, err = _check(tmp_path, monkeypatch, capsys, text)
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("agenda.toml: agenda.cadence: ")
    assert lines[1].startswith("agenda.toml: sessions[1] (Traffic Study).panel: ")
    assert lines[2].startswith("agenda.toml: sessions[3] (Wrap Up).start: ")


def test_session_starting_exactly_at_end_of_day_is_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _check(tmp_path, monkeypatch, capsys,
                            BASE.replace('start = "09:31"', 'start = "10:00"'))
    assert (code, err) == (0, "")
    # A zero-length closing session, like End of Day at 16:00.
    assert "10:00    0  Wrap Up        Sales Ops  romi, funnel" in out.splitlines()


def test_who_naming_no_declared_role_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    text = BASE.replace('who = "Sales Ops"\npanel = "traffic"',
                        'who = "Sales Opps"\npanel = "traffic"')
    code, out, err = _check(tmp_path, monkeypatch, capsys, text)
    assert (code, err) == (0, "")
    assert ("warning: agenda.toml: sessions[1] (Traffic Study).who: 'Sales Opps' is not a "
            "declared [[roles]] role; did you mean 'Sales Ops'?") in out.splitlines()
    assert out.splitlines()[-1] == "agenda.toml: agenda is sound (1 warning)"


@pytest.mark.parametrize(
    ("make", "arg", "expected"),
    [
        pytest.param(None, "missing.toml", "missing.toml: no such file", id="missing-file"),
        pytest.param(None, "no-such-agenda",
                     "no-such-agenda: no such file (and no built-in agenda of that name: "
                     "monthly-tuneup, one-day-tuneup, weekly-tuneup)", id="unknown-name"),
        pytest.param("dir", "folder", "folder: is a folder; expected an agenda .toml file",
                     id="directory"),
        # b"\xff" is never UTF-8; it is the 8th byte of line 2 ("title = " is 8 bytes long).
        pytest.param(b'[agenda]\ntitle = \xff"x"\n', "agenda.toml",
                     "agenda.toml: line 2, column 9: not UTF-8 text (byte 0xff); save the agenda "
                     "as UTF-8", id="not-utf8"),
        pytest.param(b"", "agenda.toml",
                     "agenda.toml: agenda: missing [agenda] table (title, series, end_of_day, "
                     "...)", id="empty-file"),
    ],
)
def test_unusable_files_are_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    make: bytes | str | None, arg: str, expected: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    if make == "dir":
        (tmp_path / arg).mkdir()
    elif isinstance(make, bytes):
        (tmp_path / arg).write_bytes(make)
    code = cli.main(["agenda", "check", arg])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == expected


def test_no_traceback_from_the_real_command(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_bytes(b"\x00\xff[[sessions]]\n")
    result = subprocess.run([sys.executable, "-m", "tuneup_tui", "agenda", "check", "bad.toml"],
                            cwd=tmp_path, capture_output=True, text=True, check=False,
                            timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "bad.toml: line 1, column 2: not UTF-8 text (byte 0xff); save the agenda as UTF-8"
    ]


@pytest.mark.parametrize("name", ["one-day-tuneup", "monthly-tuneup", "weekly-tuneup",
                                  "weekly-tuneup.toml"])
def test_builtins_check_clean(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["agenda", "check", name]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "warning" not in out
    assert out.splitlines()[-1].endswith(": agenda is sound")


def test_one_day_outline(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["agenda", "check", "one-day-tuneup"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "One Day Sales and Marketing Operations Tune Up"
    assert "08:00 to 16:00 (8 h)" in lines[1]
    # Lunch runs 12:00 -> 12:01 (1 min); Lead Scoring 12:01 -> 13:00 (59 min); End of Day
    # starts at end_of_day and lasts 0 min.
    assert any(line.startswith("12:00    1  Lunch ") for line in lines)
    assert any(line.startswith("12:01   59  Lead Scoring ") for line in lines)
    assert any(line.startswith("16:00    0  End of Day ")
               and line.endswith("romi, tactic_economics, funnel") for line in lines)
    assert len(lines) < 25  # one screen


def test_list_names_the_builtins(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["agenda", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["name", "cadence", "day", "title"]
    # 09:00 to 12:30 is 3 h 30 min; 08:00 to 16:00 is 8 h; 09:00 to 09:30 is 30 min.
    assert lines[1].split()[:4] == ["monthly-tuneup", "month", "09:00-12:30", "(3"]
    assert lines[1].endswith("Monthly Sales and Marketing Operations Tune Up")
    assert "08:00-16:00 (8 h)" in lines[2] and lines[2].startswith("one-day-tuneup  day")
    assert "09:00-09:30 (30 min)" in lines[3] and lines[3].startswith("weekly-tuneup ")


def test_copy_gives_an_editable_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     repo_root: Path) -> None:
    dest = tmp_path / "my-tuneup.toml"
    assert cli.main(["agenda", "copy", "one-day-tuneup", str(dest)]) == 0
    assert dest.read_bytes() == (repo_root / "agendas" / "one-day-tuneup.toml").read_bytes()
    capsys.readouterr()
    assert cli.main(["agenda", "copy", "one-day-tuneup", str(dest)]) == 2
    assert capsys.readouterr().err == (
        f"tuneup: {dest}: already exists (use --force to replace it)\n")
    assert cli.main(["agenda", "copy", "two-day", str(dest)]) == 2
    assert "two-day: no built-in agenda of that name" in capsys.readouterr().err
    nowhere = tmp_path / "no-such-folder" / "x.toml"
    assert cli.main(["agenda", "copy", "weekly-tuneup", str(nowhere)]) == 2
    assert capsys.readouterr().err == (
        f"tuneup: {nowhere}: the folder {nowhere.parent} does not exist\n")
    assert not nowhere.parent.exists()
    # Into a folder: the built-in's own file name.
    assert cli.main(["agenda", "copy", "weekly-tuneup", str(tmp_path)]) == 0
    assert (tmp_path / "weekly-tuneup.toml").is_file()


def test_agenda_without_subcommand_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["agenda"]) == 2
    assert "check" in capsys.readouterr().out
