"""The run store: action items, soft spots, recorded figures, panel figures, the change signal."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, datetime

import pytest

from tests.unit.store_runs import Ticks, make_run
from tuneup_tui.store.db import RunStore, StoreError


@pytest.fixture
def store(store_target: str) -> Iterator[RunStore]:
    opened = RunStore(store_target, now=Ticks())
    yield opened
    opened.close()


def test_add_action_keeps_every_field(store: RunStore) -> None:
    run = make_run(store)
    item = store.add_action(run.id, "  Fix the 404s on /pricing ", " Dana ", due=date(2026, 12, 1),
                            session="Site Health", created_by="Priya")
    assert item.id == 1 and item.run_id == run.id
    assert item.text == "Fix the 404s on /pricing" and item.owner == "Dana"  # stripped
    assert item.due == date(2026, 12, 1) and item.session == "Site Health"
    assert item.status == "open" and item.created_by == "Priya"
    assert item.created_at == item.updated_at == datetime(2026, 11, 23, 9, 1)
    assert item.carried_from is None
    assert store.actions(run.id) == [item]


def test_add_action_refuses_empty_text_owner_and_unknown_run(store: RunStore) -> None:
    run = make_run(store)
    with pytest.raises(StoreError, match=r"^an action item needs its text$"):
        store.add_action(run.id, "   ", "Dana")
    with pytest.raises(StoreError, match=r"^an action item needs an owner$"):
        store.add_action(run.id, "Fix", "")
    with pytest.raises(StoreError, match=r"^no run 9; see `tuneup runs`$"):
        store.add_action(9, "Fix", "Dana")
    with pytest.raises(StoreError, match="no action item 44 to carry over"):
        store.add_action(run.id, "Fix", "Dana", carried_from=44)
    assert store.actions() == []


def test_carried_items_point_at_the_previous_runs_item(store: RunStore) -> None:
    last = make_run(store)
    old = store.add_action(last.id, "Recycle stale leads", "Priya")
    this = make_run(store)
    carried = store.add_action(this.id, old.text, old.owner, carried_from=old.id)
    assert carried.carried_from == old.id and carried.run_id == this.id


def test_update_action_changes_only_what_is_given(store: RunStore) -> None:
    run = make_run(store)
    item = store.add_action(run.id, "Fix", "Dana", due=date(2026, 12, 1))
    done = store.update_action(item.id, status="done")
    assert (done.text, done.owner, done.due, done.status) == ("Fix", "Dana", date(2026, 12, 1),
                                                              "done")
    assert done.updated_at > item.updated_at and done.created_at == item.created_at
    moved = store.update_action(item.id, owner="Priya", text="Fix all 404s", due=date(2026, 12, 4))
    assert (moved.owner, moved.text, moved.due, moved.status) == ("Priya", "Fix all 404s",
                                                                 date(2026, 12, 4), "done")
    assert store.update_action(item.id, clear_due=True).due is None


def test_update_action_errors(store: RunStore) -> None:
    run = make_run(store)
    item = store.add_action(run.id, "Fix", "Dana")
    with pytest.raises(StoreError, match=r"^no action item 12; see `tuneup actions`$"):
        store.update_action(12, status="done")
    with pytest.raises(StoreError,
                       match=r"^status must be one of open, done, dropped, got 'closed'$"):
        store.update_action(item.id, status="closed")
    with pytest.raises(StoreError, match="needs an owner"):
        store.update_action(item.id, owner=" ")
    assert store.action(item.id).status == "open"
    with pytest.raises(StoreError, match="no action item 12"):
        store.action(12)


def test_actions_filter_by_run_owner_and_status(store: RunStore) -> None:
    run = make_run(store)
    other = make_run(store, series="weekly")
    a = store.add_action(run.id, "one", "Dana")
    b = store.add_action(run.id, "two", "Priya")
    c = store.add_action(run.id, "three", "dana")
    d = store.add_action(other.id, "four", "Dana")
    store.update_action(c.id, status="dropped")
    assert [i.id for i in store.actions()] == [a.id, b.id, c.id, d.id]
    assert [i.id for i in store.actions(run.id)] == [a.id, b.id, c.id]
    assert [i.id for i in store.actions(run.id, owner="DANA")] == [a.id, c.id]
    assert [i.id for i in store.actions(run.id, status="open")] == [a.id, b.id]
    assert [i.id for i in store.actions(owner="Dana", status="open")] == [a.id, d.id]
    with pytest.raises(StoreError, match="status must be one of"):
        store.actions(run.id, status="closed")
    with pytest.raises(StoreError, match="no run 99"):
        store.actions(99)


def test_soft_spots(store: RunStore) -> None:
    run = make_run(store)
    spot = store.add_soft_spot(run.id, "bing / cpc converts at 0.9% against 3.1%",
                               severity="high", session="Traffic Study", owner="Dana",
                               panel="traffic", finding_key="traffic.bing_cpc",
                               figures={"rate": 0.009, "average": 0.031})
    typed = store.add_soft_spot(run.id, "Nobody owns the 404 list")
    assert store.soft_spots(run.id) == [spot, typed]
    assert spot.figures == {"rate": 0.009, "average": 0.031}
    assert (spot.severity, spot.session, spot.owner, spot.panel, spot.finding_key) == (
        "high", "Traffic Study", "Dana", "traffic", "traffic.bing_cpc")
    assert (typed.severity, typed.owner, typed.figures) == ("medium", None, {})
    assert typed.created_at is not None
    with pytest.raises(StoreError, match="severity must be one of high, medium, low, got 'dire'"):
        store.add_soft_spot(run.id, "x", severity="dire")
    with pytest.raises(StoreError, match="needs its text"):
        store.add_soft_spot(run.id, "")
    with pytest.raises(StoreError, match="no run 5"):
        store.add_soft_spot(5, "x")
    with pytest.raises(StoreError, match="no run 5"):
        store.soft_spots(5)


def test_recorded_figures_latest_value_wins_and_history_is_kept(store: RunStore) -> None:
    run = make_run(store)
    store.record_figure(run.id, "expected_leads_to_sales", 40, session="Traffic Study")
    store.record_figure(run.id, "cost_per_lead", 52.5, unit="$", session="Paid Programs")
    last = store.record_figure(run.id, "expected_leads_to_sales", 41, session="Traffic Study")
    figures = store.figures(run.id)
    # One per name, in the order each name was first recorded, with its latest value.
    assert [(f.name, f.value, f.unit) for f in figures] == [
        ("expected_leads_to_sales", 41.0, ""), ("cost_per_lead", 52.5, "$")]
    assert figures[0] == last
    # every value recorded is kept, oldest first
    history = store._all("SELECT value FROM recorded_figures WHERE run_id = ? AND name = ?"
                         " ORDER BY id", (run.id, "expected_leads_to_sales"))
    assert [float(row[0]) for row in history] == [40.0, 41.0]
    with pytest.raises(StoreError, match="needs a name"):
        store.record_figure(run.id, " ", 1)
    with pytest.raises(StoreError, match="no run 8"):
        store.record_figure(8, "x", 1)


def test_panel_figures_replace_per_panel_and_keep_number_types(store: RunStore) -> None:
    run = make_run(store)
    store.save_panel_figures(run.id, "traffic", {"sessions": 1200, "goal_rate": 0.031,
                                                 "old": 1})
    store.save_panel_figures(run.id, "paid", {"cpc": 1.25, "cost_per_lead": None,
                                              "ctr": math.nan})
    store.save_panel_figures(run.id, "traffic", {"sessions": 1250, "goal_rate": 0.029})
    figures = store.panel_figures(run.id)
    assert figures == {"traffic": {"sessions": 1250, "goal_rate": 0.029},
                       "paid": {"cpc": 1.25, "cost_per_lead": None, "ctr": None}}
    assert isinstance(figures["traffic"]["sessions"], int)
    assert store.panel_figures(make_run(store, series="weekly").id) == {}
    with pytest.raises(StoreError, match="no run 8"):
        store.save_panel_figures(8, "traffic", {})
    with pytest.raises(StoreError, match="no run 8"):
        store.panel_figures(8)


def test_data_version_changes_when_another_connection_commits(store_target: str) -> None:
    with RunStore(store_target) as console, RunStore(store_target) as attendee:
        run = make_run(console)
        before = console.data_version()
        assert console.data_version() == before  # nothing new: same number
        attendee.add_action(run.id, "Fix the 404s", "Dana", created_by="Priya")
        after = console.data_version()
        assert after != before
        assert [i.text for i in console.actions(run.id)] == ["Fix the 404s"]


def test_one_store_object_is_safe_from_several_threads(store_target: str) -> None:
    import threading

    store = RunStore(store_target)
    run = make_run(store)

    def add(who: str) -> None:
        for i in range(50):
            store.add_action(run.id, f"{who} {i}", who)
            store.actions(run.id, owner=who)

    threads = [threading.Thread(target=add, args=(f"t{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(store.actions(run.id)) == 4 * 50
    store.close()
