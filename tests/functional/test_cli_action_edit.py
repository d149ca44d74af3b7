"""`tuneup actions edit|close|delete` and `tuneup runs delete`, as someone fixing the day types
them; `tuneup runs` marks rehearsals."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

import pytest

from tests.functional.cli_runs import NEXT_WEEK, TODAY, start_run
from tuneup_tui.cli import main
from tuneup_tui.store.db import RunStore


def _add(text: str = "Fix teh 404s", owner: str = "Dnaa") -> int:
    run = start_run()
    with RunStore.open_default() as store:
        return store.add_action(run.id, text, owner).id


def test_edit_changes_text_owner_and_due_and_keeps_who(capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    item_id = _add()
    code = main(["actions", "edit", str(item_id), "--text", "Fix the 404s", "--owner", "dana",
                 "--due", NEXT_WEEK.isoformat(), "--by", "Maya"])
    assert code == 0
    out = capsys.readouterr().out
    assert f"action item {item_id} changed: Fix the 404s (owner Dana, due " in out
    with RunStore.open_default() as store:
        item = store.action(item_id)
        assert (item.text, item.owner, item.due) == ("Fix the 404s", "Dana", NEXT_WEEK)
        [change] = store.action_changes(item_id)
    assert change.changed_by == "Maya"
    assert dict(change.old_values) == {"text": "Fix teh 404s", "owner": "Dnaa", "due": None}


def test_edit_warns_about_an_owner_off_the_roster_and_clears_a_due_date(
        capsys: pytest.CaptureFixture[str]) -> None:
    item_id = _add()
    assert main(["actions", "edit", str(item_id), "--due", "tomorrow"]) == 0
    assert main(["actions", "edit", str(item_id), "--owner", "Sam", "--due", "none"]) == 0
    err = capsys.readouterr().err
    assert "warning: Sam is not on run" in err and "(Dana, Priya); changed anyway" in err
    with RunStore.open_default() as store:
        item = store.action(item_id)
    assert item.owner == "Sam" and item.due is None


@pytest.mark.parametrize(("argv", "message"), [
    (["actions", "edit", "1"], "say what to change: --text, --owner or --due"),
    (["actions", "edit", "1", "--text", "  "], "--text: expected what is to be done"),
    (["actions", "edit", "1", "--due", "someday"], "--due:"),
    (["actions", "edit", "99", "--text", "x"], "no action item 99; see `tuneup actions`"),
    (["actions", "close", "99"], "no action item 99"),
    (["actions", "delete", "99", "--yes"], "no action item 99"),
])
def test_mistakes_are_one_line_and_exit_2(argv: list[str], message: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    _add()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_close_marks_done_or_dropped(capsys: pytest.CaptureFixture[str]) -> None:
    first, second = _add(), _add("x", "Dana")
    assert main(["actions", "close", str(first), "--by", "Dana"]) == 0
    assert main(["actions", "close", str(second), "--dropped"]) == 0
    assert f"action item {first} done: Fix teh 404s" in capsys.readouterr().out
    with RunStore.open_default() as store:
        assert [store.action(i).status for i in (first, second)] == ["done", "dropped"]
        assert [c.change for c in store.action_changes(first)] == ["close"]


def test_delete_without_a_terminal_needs_yes(capsys: pytest.CaptureFixture[str]) -> None:
    item_id = _add("x", "Dana")
    assert main(["actions", "delete", str(item_id)]) == 2
    assert "there is no terminal to ask on; add --yes" in capsys.readouterr().err
    assert main(["actions", "delete", str(item_id), "--yes"]) == 0
    assert main(["actions", "--json"]) == 0
    assert capsys.readouterr().out.strip().endswith("[]")


def test_delete_asks_and_only_y_deletes(monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    item_id = _add("x", "Dana")
    for answer, code in (("n\n", 1), ("y\n", 0)):
        stdin = io.StringIO(answer)
        stdin.isatty = lambda: True  # type: ignore[method-assign]
        monkeypatch.setattr("sys.stdin", stdin)
        assert main(["actions", "delete", str(item_id)]) == code
    out = capsys.readouterr().out
    assert f"Delete action item {item_id}: x (owner Dana, open)? [y/N] nothing deleted" in out
    assert f"action item {item_id} deleted" in out
    with RunStore.open_default() as store:
        assert store.actions() == []


def test_runs_marks_rehearsals_and_delete_removes_one(capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    real = start_run()
    with RunStore.open_default() as store:
        now = datetime.now() + timedelta(minutes=1)
        rehearsal = store.create_run(title="Tune Up", series="ops-tuneup", cadence="day",
                                     agenda_toml="", as_of=TODAY, data_dir=None,
                                     mode="facilitator", speed=60, anchor=now, started_at=now)
    assert main(["runs"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:6] == ["id", "started", "ended", "series", "cadence", "kind"]
    assert " rehearsal x60 " in lines[1] and lines[1].startswith(str(rehearsal.id))
    assert " run " in lines[2] and lines[2].startswith(str(real.id))
    assert main(["runs", "delete", str(rehearsal.id), "--yes"]) == 0
    assert f"rehearsal {rehearsal.id} deleted" in capsys.readouterr().out
    with RunStore.open_default() as store:
        assert [r.id for r in store.runs()] == [real.id]
    assert main(["runs", "delete", str(rehearsal.id), "--yes"]) == 2
