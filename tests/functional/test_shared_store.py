"""The console's local-first store: every change reaches the shared store once, in order, and
others' changes come back; an outage loses nothing and stops nothing."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import psycopg

from tests.shared_store import SharedServer
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.local_first import LocalFirstStore
from tuneup_tui.store.models import Run

DAY = datetime(2026, 11, 23, 8, 0)


def make_run(store: RunStore, series: str = "ops") -> Run:
    return store.create_run(title="Tune Up", series=series, cadence="day", agenda_toml="",
                            as_of=date(2026, 11, 23), data_dir=None, mode="facilitator",
                            speed=1, anchor=DAY, started_at=DAY, events=[("start", DAY, {})])


def wait_for(check: Callable[[], bool], seconds: float = 10) -> float:
    """Seconds until `check()` held; fails when it never does."""
    start = time.monotonic()
    while not check():
        assert time.monotonic() - start < seconds, "it never happened"
        time.sleep(0.02)
    return time.monotonic() - start


def counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("runs", "action_items", "notes", "schedule_events",
                              "soft_spots", "recorded_figures", "panel_figures")}


def test_every_change_is_sent_once_and_others_changes_come_back(
        tmp_path: Path, shared_url: str) -> None:
    console = LocalFirstStore(tmp_path / "tuneup.db", shared_url, start=False)
    run = make_run(console)
    item = console.add_action(run.id, "Fix the 404s", "Dana")
    console.save_note(run.id, "Traffic Study", "bing converts")
    console.save_note(run.id, "Traffic Study", "bing converts badly")
    console.add_soft_spot(run.id, "CRM sync drops leads", severity="high")
    console.record_figure(run.id, "win rate", 0.25, unit="%")
    console.save_panel_figures(run.id, "traffic", {"sessions": 120, "bounce": 0.5})
    console.save_panel_figures(run.id, "traffic", {"sessions": 130})
    assert console.shared_status().waiting > 0
    console.sync.sync_once()
    assert console.shared_status().waiting == 0 and console.shared_status().online
    assert counts(shared_url) == {"runs": 1, "action_items": 1, "notes": 1,
                                  "schedule_events": 1, "soft_spots": 1,
                                  "recorded_figures": 1, "panel_figures": 1}
    with RunStore(shared_url) as shared:
        [there] = shared.runs()
        assert shared.notes(there.id)["Traffic Study"].text == "bing converts badly"
        assert shared.panel_figures(there.id) == {"traffic": {"sessions": 130}}
        # Someone else closes the item and logs one of their own, in the shared store.
        [same] = shared.actions(there.id)
        assert same.text == "Fix the 404s" and same.created_at == item.created_at
        shared.update_action(same.id, status="done")
        shared.add_action(there.id, "Check the CRM sync", "Priya", created_by="Priya")
    console.sync.sync_once()
    assert [(i.text, i.status) for i in console.actions(run.id)] == [
        ("Fix the 404s", "done"), ("Check the CRM sync", "open")]
    # Sending everything again (as after a crash between sending and clearing the outbox)
    # leaves one of each.
    conn = console.sync._local
    conn.execute("INSERT INTO outbox (tbl, key) SELECT 'action_items', json_array(id)"
                 " FROM action_items")
    conn.execute("INSERT INTO outbox (tbl, key) VALUES ('runs', json_array(?))", (run.id,))
    console.sync.sync_once()
    assert counts(shared_url)["action_items"] == 2 and counts(shared_url)["runs"] == 1
    assert len(console.actions(run.id)) == 2
    console.close()


def test_the_shared_store_stopped_mid_day_loses_nothing_and_duplicates_nothing(
        tmp_path: Path, shared_server: SharedServer, shared_url: str) -> None:
    console = LocalFirstStore(tmp_path / "tuneup.db", shared_url, every=0.05, retry_after=0.2)
    try:
        run = make_run(console)
        console.add_action(run.id, "before the outage", "Dana")
        wait_for(lambda: console.shared_status().online and not console.shared_status().waiting)
        shared_server.stop()
        try:
            wait_for(lambda: not console.shared_status().online)
            # The day goes on: twelve changes, each saved at once, none waiting on the network.
            for i in range(12):
                started = time.monotonic()
                console.add_action(run.id, f"during the outage {i}", "Dana")
                assert time.monotonic() - started < 0.5
            status = console.shared_status()
            assert status.line == "shared store: offline, 12 changes waiting"
        finally:
            shared_server.start()
        waited = wait_for(lambda: console.shared_status().online
                          and not console.shared_status().waiting, seconds=20)
        assert waited < 20
        assert console.shared_status().line == "shared store: up to date"
        with RunStore(shared_url) as shared:
            texts = [i.text for i in shared.actions()]
        assert texts == ["before the outage"] + [f"during the outage {i}" for i in range(12)]
    finally:
        console.close()


def test_an_unreachable_shared_store_stops_nothing(tmp_path: Path) -> None:
    url = f"postgresql://tuneup@/tuneup?host={tmp_path / 'nowhere'}"
    console = LocalFirstStore(tmp_path / "tuneup.db", url, every=0.05, retry_after=0.05)
    try:
        run = make_run(console)
        console.add_action(run.id, "typed while offline", "Dana")
        wait_for(lambda: console.sync.problem is not None)
        assert console.shared_status().line == "shared store: offline, 3 changes waiting"
        assert "cannot reach the shared store" in (console.sync.problem or "")
        assert [i.text for i in console.actions(run.id)] == ["typed while offline"]
    finally:
        console.close()


def test_a_new_empty_database_gets_its_tables_from_the_console(
        tmp_path: Path, shared_server: SharedServer) -> None:
    shared_server.admin("CREATE DATABASE brand_new")
    url = shared_server.url("brand_new")
    console = LocalFirstStore(tmp_path / "tuneup.db", url, start=False)
    try:
        run = make_run(console)
        console.sync.sync_once()
        assert console.shared_status().line == "shared store: up to date"
        with RunStore(url) as shared:
            assert [r.title for r in shared.runs()] == [run.title]
    finally:
        console.close()


def test_what_the_header_says() -> None:
    from tuneup_tui.store.local_first import SharedStatus

    offline = SharedStatus(False, 12, "postgresql://ops:***@db/tuneup")
    assert (offline.line, offline.short) == ("shared store: offline, 12 changes waiting",
                                             "shared: offline, 12 waiting")
    one = SharedStatus(True, 1, "x")
    assert (one.line, one.short) == ("shared store: 1 change waiting", "shared: 1 to send")
    assert SharedStatus(True, 0, "x").line == "shared store: up to date"


def test_another_teams_run_in_progress_is_never_this_machines_current_run(
        tmp_path: Path, shared_url: str) -> None:
    console = LocalFirstStore(tmp_path / "tuneup.db", shared_url, start=False)
    try:
        mine = make_run(console, series="emea-ops")
        console.sync.sync_once()
        with RunStore(shared_url) as shared:
            later = DAY.replace(hour=9)
            shared.create_run(title="Tune Up", series="amer-ops", cadence="day",
                              agenda_toml="", as_of=later.date(), data_dir=None,
                              mode="facilitator", speed=1, anchor=later, started_at=later)
        console.sync.sync_once()
        assert [r.series for r in console.runs()] == ["amer-ops", "emea-ops"]
        current = console.current_run()
        assert current is not None and current.id == mine.id
        console.end_run(mine.id, DAY)
        assert console.current_run() is None  # the other team's run is not resumed here
        assert console.unfinished_run("amer-ops") is not None  # by its agenda, it can be
    finally:
        console.close()


def test_removals_travel_both_ways(tmp_path: Path, shared_url: str) -> None:
    """An item deleted here leaves the shared store (so a summary written anywhere leaves it
    out), one deleted there leaves this machine, and a run deleted here takes all it recorded
    with it everywhere."""
    console = LocalFirstStore(tmp_path / "tuneup.db", shared_url, start=False)
    run = make_run(console)
    junk = console.add_action(run.id, "x", "Dana")
    console.add_action(run.id, "Fix the 404s", "Dana")
    console.add_action(run.id, "Check the CRM sync", "Priya")
    console.sync.sync_once()
    assert counts(shared_url)["action_items"] == 3
    console.delete_action(junk.id, by="Maya")
    assert console.shared_status().waiting > 0
    console.sync.sync_once()
    with RunStore(shared_url) as shared:
        [there] = shared.runs()
        assert sorted(i.text for i in shared.actions(there.id)) == [
            "Check the CRM sync", "Fix the 404s"]
        [crm] = [i for i in shared.actions(there.id) if i.owner == "Priya"]
        shared.delete_action(crm.id, by="Priya")
    console.sync.sync_once()
    assert [i.text for i in console.actions(run.id)] == ["Fix the 404s"]
    assert console.shared_status().waiting == 0
    # a second run, then the first deleted here: gone from the shared store with its items
    other = make_run(console, series="ops-west")
    console.add_action(other.id, "Call back the webinar leads", "Lee")
    console.sync.sync_once()
    console.delete_run(run.id)
    console.sync.sync_once()
    assert counts(shared_url)["runs"] == 1 and counts(shared_url)["action_items"] == 1
    with RunStore(shared_url) as shared:
        assert [r.series for r in shared.runs()] == ["ops-west"]
    console.close()
