"""Hostile text through the command line: markup prints as typed, control characters as symbols,
one row per item whatever the item holds, and one long name does not pad every row."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from tests.functional.cli_runs import AGENDA, TODAY, start_run
from tuneup_tui import paths
from tuneup_tui.cli import main
from tuneup_tui.store.db import RunStore

CLICK = "[@click=app.quit]x"
RED = "[red]y[/]"
ESCAPES = "\x1b]0;PWNED\x07\x1b[31mred\x1b[0m\x1b[2J"
"""Sets the terminal's title, colours the text and wipes the screen."""
ESCAPES_SHOWN = "␛]0;PWNED␇␛[31mred␛[0m␛[2J"


def _no_controls(text: str) -> None:
    bad = sorted({c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0})
    assert bad == [], f"control characters reached the terminal: {bad!r}"


def _store_raw(sql: str, *params: object) -> None:
    """Write past the store's rules, as a store written before them holds such text."""
    with sqlite3.connect(paths.store_path()) as conn:
        conn.execute(sql, params)


def test_log_prints_markup_as_typed_and_keeps_no_escape_codes(
        capsys: pytest.CaptureFixture[str]) -> None:
    run = start_run()
    assert main(["log", f"{CLICK} {RED} {ESCAPES}", "--owner", "[red]Dana[/red]"]) == 0
    out, err = capsys.readouterr()
    _no_controls(out + err)
    # The escape codes were left out when the item was stored.
    assert out.strip() == (f"action item 1 added to run {run.id}: {CLICK} {RED} "
                           "]0;PWNED[31mred[0m[2J (owner [red]Dana[/red])")
    assert "[red]Dana[/red] is not on" in err
    with RunStore.open_default() as store:
        (item,) = store.actions()
    assert (item.text, item.owner) == (f"{CLICK} {RED} ]0;PWNED[31mred[0m[2J", "[red]Dana[/red]")


def test_actions_shows_one_row_per_item_and_escape_codes_as_symbols(
        capsys: pytest.CaptureFixture[str]) -> None:
    run = start_run()
    with RunStore.open_default() as store:
        store.add_action(run.id, CLICK, "Dana")
        second = store.add_action(run.id, "placeholder", "Priya")
        store.add_action(run.id, RED, "Dana")
    # An item stored before the store kept control characters out: a forged second row.
    forged = f"Fix it\n99  Mallory  -  open  -  {ESCAPES}"
    _store_raw("UPDATE action_items SET text = ? WHERE id = ?", forged, second.id)
    assert main(["actions"]) == 0
    out = capsys.readouterr().out
    _no_controls(out)
    lines = out.splitlines()
    assert lines[0] == f"run {run.id}: Tune Up ({TODAY.isoformat()})"
    assert [line.split()[0] for line in lines[1:]] == ["id", "1", "2", "3"]
    assert lines[2].endswith(CLICK)
    assert lines[3].endswith(f"Fix it␊99  Mallory  -  open  -  {ESCAPES_SHOWN}")
    assert lines[4].endswith(RED)


def test_a_very_long_owner_does_not_pad_every_row(capsys: pytest.CaptureFixture[str]) -> None:
    run = start_run()
    with RunStore.open_default() as store:
        store.add_action(run.id, "Fix the 404s", "D" * 100_000)
        store.add_action(run.id, "Find the leads", "Priya")
    assert main(["actions"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) < 100
    # The owner column is cut to 32 characters, the last an ellipsis.
    assert lines[2].split()[1] == "D" * 31 + "…"
    assert lines[3].split()[1] == "Priya"


def test_runs_shows_a_hostile_title_on_its_own_row(capsys: pytest.CaptureFixture[str]) -> None:
    with RunStore.open_default() as store:
        now = datetime.now()
        store.create_run(title=f"Tune Up\n2  forged {ESCAPES}", series=f"ops{ESCAPES}",
                         cadence="day", agenda_toml=AGENDA, as_of=TODAY, data_dir=None,
                         mode="facilitator", speed=1, anchor=now, started_at=now)
    assert main(["runs"]) == 0
    out = capsys.readouterr().out
    _no_controls(out)
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[1].endswith(f"Tune Up␊2  forged {ESCAPES_SHOWN}")


def test_agenda_check_shows_hostile_topics_literally(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = AGENDA.replace('topic = "Traffic Study"',
                             'topic = "[red]y[/] \\u001b]0;PWNED\\u0007\\u001b[2J"')
    hostile = hostile.replace('title = "Tune Up"', 'title = "Tune Up\\u001b[2J\\nforged"')
    path = tmp_path / "hostile.toml"
    path.write_text(hostile, encoding="utf-8")
    assert main(["agenda", "check", str(path)]) == 0
    out = capsys.readouterr().out
    _no_controls(out)
    lines = out.splitlines()
    assert lines[0] == "Tune Up␛[2J␊forged"
    assert any("[red]y[/] ␛]0;PWNED␇␛[2J" in line for line in lines)


TRAFFIC = """\
date,source,medium,sessions,goal_completions
2026-11-10,google,cpc,200,10
2026-11-17,google,cpc,300,3
2026-11-17,"[@click=app.quit]x\x1b]0;PWNED\x07",referral,50,1
2026-11-17,"evil
row.com",referral,40,1
"""


@pytest.fixture
def hostile_pack(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "traffic.csv").write_text(TRAFFIC, encoding="utf-8")
    (folder / "notes\x1b]0;PWNED\x07.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return folder


def test_metrics_shows_data_values_on_their_rows(
        hostile_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["metrics", "--data", str(hostile_pack), "--as-of", "2026-11-23",
                 "--panel", "referrers"]) == 0
    out = capsys.readouterr().out
    _no_controls(out)
    assert "[@click=app.quit]x␛]0;pwned␇" in out  # sources are read in lower case
    # The source with a line break in its name stays on one row of the table.
    assert any(line.strip().startswith("evil␊row.com") for line in out.splitlines())


def test_data_inspect_names_a_hostile_file_without_acting(
        hostile_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["data", "inspect", str(hostile_pack)])
    out, err = capsys.readouterr()
    _no_controls(out + err)
    assert "notes␛]0;PWNED␇.csv" in out
