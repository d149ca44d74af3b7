"""`tuneup history`'s figures: worked out by hand on two teams' small histories (both engines)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime

import pytest

from tuneup_tui.cli import main
from tuneup_tui.report import trends
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.models import Run


def run_of(store: RunStore, series: str, day: date) -> Run:
    at = datetime(day.year, day.month, day.day, 8)
    return store.create_run(title="Tune Up", series=series, cadence="week", agenda_toml="",
                            as_of=day, data_dir=None, mode="facilitator", speed=1, anchor=at,
                            started_at=at)


@pytest.fixture
def store(store_target: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[RunStore]:
    """emea-ops: three weekly runs; amer-ops: one."""
    monkeypatch.setenv("TUNEUP_STORE", store_target)  # what the command reads too
    with RunStore(store_target) as opened:
        r1 = run_of(opened, "emea-ops", date(2026, 11, 16))
        r2 = run_of(opened, "emea-ops", date(2026, 11, 23))
        r3 = run_of(opened, "emea-ops", date(2026, 11, 30))
        r4 = run_of(opened, "amer-ops", date(2026, 11, 23))
        opened.record_figure(r1.id, "win rate", 0.20)
        opened.record_figure(r2.id, "win rate", 0.22)
        opened.record_figure(r2.id, "win rate", 0.25)  # recorded again: the latest counts
        opened.record_figure(r4.id, "win rate", 0.5)
        opened.save_panel_figures(r1.id, "funnel", {"sessions": 1000})
        opened.save_panel_figures(r2.id, "funnel", {"sessions": 1200})
        opened.save_panel_figures(r3.id, "funnel", {"sessions": None})
        opened.add_soft_spot(r1.id, "CRM sync drops leads", finding_key="crm-sync")
        opened.add_soft_spot(r1.id, "Slow pages")
        opened.add_soft_spot(r2.id, "CRM sync still drops leads", finding_key="crm-sync")
        opened.add_soft_spot(r2.id, "Bing CPC high")
        opened.add_soft_spot(r3.id, "Bing CPC high")
        opened.add_soft_spot(r3.id, "SLOW  pages")
        x = opened.add_action(r1.id, "Fix goal tracking", "Dana", due=date(2026, 11, 20))
        y = opened.add_action(r1.id, "Send the deck", "Priya", due=date(2026, 11, 20))
        opened.update_action(y.id, status="done")
        opened.add_action(r2.id, "Fix goal tracking", "Dana", due=date(2026, 12, 1),
                          carried_from=x.id)
        opened.add_action(r2.id, "Check the CRM sync", "Priya", due=date(2026, 12, 10))
        opened.add_action(r3.id, "Ask about budgets", "Dana")
        opened.add_action(r4.id, "Tag the campaigns", "Lee", due=date(2026, 12, 6))
        yield opened


def test_a_figure_run_over_run_with_its_change(store: RunStore) -> None:
    runs = trends.teams(store)
    assert list(runs) == ["amer-ops", "emea-ops"]
    assert trends.figure_names(store, runs) == ["win rate"]
    win = [(p.team, p.run.as_of.day, p.value, p.change)
           for p in trends.figure_points(store, runs, "win rate")]
    assert win[0] == ("amer-ops", 23, 0.5, None)
    assert win[1] == ("emea-ops", 16, 0.20, None)
    assert win[2][:3] == ("emea-ops", 23, 0.25) and win[2][3] == pytest.approx(0.05)
    assert len(win) == 3  # the third emea run recorded none: left out
    sessions = [(p.run.as_of.day, p.value, p.change)
                for p in trends.figure_points(store, runs, "funnel.sessions")]
    assert sessions == [(16, 1000, None), (23, 1200, 200), (30, None, None)]


def test_soft_spots_opened_and_closed_per_team(store: RunStore) -> None:
    turns = [(t.team, t.run.as_of.day, t.opened, t.closed, t.open_now)
             for t in trends.spot_turns(store, trends.teams(store))]
    assert turns == [("amer-ops", 23, 0, 0, 0),
                     ("emea-ops", 16, 2, 0, 2),   # the CRM sync and slow pages
                     ("emea-ops", 23, 1, 1, 2),   # Bing CPC opens, slow pages closes
                     ("emea-ops", 30, 1, 1, 2)]   # slow pages again, the CRM sync closes


def test_overdue_items_leave_out_done_carried_and_future_ones(store: RunStore) -> None:
    late = [(o.team, o.item.text, o.item.due, o.days)
            for o in trends.overdue_items(store, trends.teams(store), date(2026, 12, 7))]
    assert late == [("amer-ops", "Tag the campaigns", date(2026, 12, 6), 1),
                    ("emea-ops", "Fix goal tracking", date(2026, 12, 1), 6)]


def test_the_command_for_one_team_and_one_figure(
        store: RunStore, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "--team", "emea-ops", "--figure", "funnel.sessions"]) == 0
    out = capsys.readouterr().out
    assert "funnel.sessions, run over run" in out
    lines = [line.split() for line in out.splitlines()]
    assert ["emea-ops", "2", "2026-11-23", "1,200", "+200"] in lines
    assert ["emea-ops", "3", "2026-11-30", "n/a", "-"] in lines
    assert "amer-ops" not in out
    assert main(["history", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["opened"] for s in data["soft_spots"]] == [0, 2, 1, 1]
    assert main(["history", "--team", "apac-ops"]) == 0
    assert "no runs of team 'apac-ops'" in capsys.readouterr().out
