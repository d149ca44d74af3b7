"""`tuneup log`, `tuneup actions` and `tuneup runs`, as an attendee types them: on this
machine's store file, and on a shared store (TUNEUP_STORE=postgresql://...)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from tests.functional.cli_runs import NEXT_WEEK, TODAY, start_run, stored_actions
from tuneup_tui.cli import main
from tuneup_tui.store.db import RunStore


@pytest.fixture(autouse=True)
def either_store(store_target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test runs twice: on the store file of TUNEUP_HOME, then on a shared store."""
    if store_target.startswith("postgresql://"):
        monkeypatch.setenv("TUNEUP_STORE", store_target)


def test_log_adds_to_the_current_run_and_prints_the_item(
        capsys: pytest.CaptureFixture[str]) -> None:
    start_run()
    run = start_run()
    code = main(["log", "Fix the 404s on /pricing", "--owner", "dana", "--due",
                 NEXT_WEEK.isoformat(), "--session", "site health", "--by", "Priya"])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert out.strip() == (f"action item 1 added to run {run.id}: Fix the 404s on /pricing "
                           f"(owner Dana, due {NEXT_WEEK.isoformat()}, session Site Health)")
    [item] = stored_actions()
    # The roster's and the agenda's spelling are kept, whatever was typed.
    assert (item.run_id, item.owner, item.session, item.created_by, item.due) == (
        run.id, "Dana", "Site Health", "Priya", NEXT_WEEK)


def test_without_session_the_item_goes_to_the_session_the_room_is_in(
        capsys: pytest.CaptureFixture[str]) -> None:
    run = start_run()
    assert main(["log", "Before the day starts", "--owner", "Dana"]) == 0
    now = datetime.now()
    with RunStore.open_default() as store:
        store.add_event(run.id, "start", now - timedelta(minutes=5), {"to": 0})
        store.add_event(run.id, "next", now - timedelta(minutes=1), {"to": 1})
    assert main(["log", "Recheck the 404 list", "--owner", "Dana", "--by", "priya"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].endswith("(owner Dana, session Site Health)")
    first, second = stored_actions()
    assert (first.session, second.session) == (None, "Site Health")
    # Who logged it is spelled as the roster spells it; a guest as typed.
    assert second.created_by == "Priya"
    assert main(["log", "x", "--owner", "Dana", "--by", "  Zed  Q "]) == 0
    assert stored_actions()[-1].created_by == "Zed Q"


def test_log_to_a_named_run(capsys: pytest.CaptureFixture[str]) -> None:
    first = start_run(ended=True)
    start_run()
    assert main(["log", "Recycle stale leads", "--owner", "Priya", "--run", str(first.id)]) == 0
    assert [i.run_id for i in stored_actions()] == [first.id]
    assert main(["log", "Due today is fine", "--owner", "Priya", "--due", TODAY.isoformat()]) == 0


def test_an_owner_outside_the_roster_is_added_with_a_warning(
        capsys: pytest.CaptureFixture[str]) -> None:
    run = start_run()
    assert main(["log", "Check the click farm", "--owner", "Zed"]) == 0
    err = capsys.readouterr().err
    assert err.strip() == (f"tuneup: warning: Zed is not on run {run.id}'s roster (Dana, Priya); "
                           "added anyway")
    assert [i.owner for i in stored_actions()] == ["Zed"]


@pytest.mark.parametrize(("argv", "message"), [
    (["log", "x", "--owner", "Dana", "--due", "12/1"],
     "tuneup: --due: due date '12/1': expected a date like 2026-12-04, +N days, a weekday, "
     "today or tomorrow"),
    (["log", "x", "--owner", "Dana", "--due", (TODAY - timedelta(days=1)).isoformat()],
     f"tuneup: --due: due date {(TODAY - timedelta(days=1)).isoformat()} is in the past "
     f"(today is {TODAY.isoformat()})"),
    (["log", "   ", "--owner", "Dana"],
     'tuneup: an action item needs its text: tuneup log "what to do" --owner NAME'),
    (["log", "x", "--owner", " "], "tuneup: --owner: expected a name, got nothing"),
    (["log", "x", "--owner", "Dana", "--run", "99"], "tuneup: no run 99; see `tuneup runs`"),
    (["log", "x", "--owner", "Dana", "--session", "Lunch"],
     "tuneup: --session: no session 'Lunch' in run 1's agenda; sessions: Traffic Study, "
     "Site Health"),
])
def test_bad_input_is_one_line_exit_2_nothing_written(
        argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    start_run()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.strip() == message and "\n" not in err.strip()
    assert stored_actions() == []


def test_no_run_in_progress(capsys: pytest.CaptureFixture[str], tuneup_home) -> None:
    assert main(["log", "x", "--owner", "Dana"]) == 2
    assert capsys.readouterr().err.strip() == (
        "tuneup: no run in progress; start one with `tuneup run`")
    assert not (tuneup_home / "data" / "tuneup.db").exists()  # nothing was created
    start_run(ended=True)
    assert main(["log", "x", "--owner", "Dana"]) == 2
    assert "no run in progress" in capsys.readouterr().err
    assert stored_actions() == []


def test_actions_table_json_and_filters(capsys: pytest.CaptureFixture[str]) -> None:
    old = start_run(ended=True)
    run = start_run()
    with RunStore.open_default() as store:
        store.add_action(old.id, "Old item", "Dana")
        a = store.add_action(run.id, "Fix the 404s", "Dana", due=date(2026, 12, 1),
                             session="Site Health")
        b = store.add_action(run.id, "Find the 1,000 leads", "Priya")
        store.update_action(b.id, status="done")
    capsys.readouterr()

    assert main(["actions"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"run {run.id}: Tune Up ({TODAY.isoformat()})",
        "id  owner  due         status  session      text",
        f"{a.id}   Dana   2026-12-01  open    Site Health  Fix the 404s",
        f"{b.id}   Priya  -           done    -            Find the 1,000 leads",
    ]

    assert main(["actions", "--open", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [(i["id"], i["owner"], i["due"], i["status"]) for i in items] == [
        (a.id, "Dana", "2026-12-01", "open")]

    assert main(["actions", "--owner", "priya", "--json"]) == 0
    assert [i["text"] for i in json.loads(capsys.readouterr().out)] == ["Find the 1,000 leads"]

    assert main(["actions", "--run", str(old.id), "--json"]) == 0
    assert [i["text"] for i in json.loads(capsys.readouterr().out)] == ["Old item"]

    assert main(["actions", "--run", "42"]) == 2
    assert capsys.readouterr().err.strip() == "tuneup: no run 42; see `tuneup runs`"


def test_actions_and_runs_before_any_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actions"]) == 0
    assert capsys.readouterr().out.strip() == "no runs yet; start one with `tuneup run`"
    assert main(["actions", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["runs", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["runs"]) == 0
    assert "no runs yet" in capsys.readouterr().out


def test_runs_lists_newest_first(capsys: pytest.CaptureFixture[str]) -> None:
    first = start_run(ended=True)
    second = start_run(series="weekly")
    capsys.readouterr()
    assert main(["runs", "--json"]) == 0
    runs = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["series"], r["finished"]) for r in runs] == [
        (second.id, "weekly", False), (first.id, "ops-tuneup", True)]
    assert "agenda_toml" not in runs[0]
    assert main(["runs"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["id", "started", "ended", "series", "cadence", "kind", "title"]
    assert "in progress" in lines[1] and lines[1].startswith(str(second.id))
