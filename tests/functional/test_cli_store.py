"""`tuneup store push` and `tuneup store use`: a team moves its runs into a shared store."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import psycopg
import pytest

from tuneup_tui.cli import main
from tuneup_tui.store.db import RunStore

DAY = datetime(2026, 11, 23, 8, 0)


def local_history() -> None:
    """Two runs of a series on this machine; the second carries an item over from the first."""
    with RunStore.open_default() as store:
        for week in (0, 1):
            started = DAY.replace(day=DAY.day + 7 * week) if week else DAY
            run = store.create_run(title="Tune Up", series="ops", cadence="week",
                                   agenda_toml="", as_of=started.date(), data_dir=None,
                                   mode="facilitator", speed=1, anchor=started,
                                   started_at=started, events=[("start", started, {"to": 0})])
            if week == 0:
                first = store.add_action(run.id, "Fix the 404s", "Dana", due=date(2026, 11, 27))
                store.save_note(run.id, "Traffic Study", "bing converts badly")
                store.add_soft_spot(run.id, "CRM sync drops leads", severity="high")
                store.record_figure(run.id, "win rate", 0.25)
                store.save_panel_figures(run.id, "funnel", {"sessions": 1200, "rate": 0.5})
                store.end_run(run.id, started)
            else:
                store.add_action(run.id, "Fix the 404s", "Dana", carried_from=first.id)


def shared_counts(url: str) -> tuple[int, ...]:
    with psycopg.connect(url) as conn:
        return tuple(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                     for table in ("runs", "action_items", "notes", "soft_spots",
                                   "recorded_figures", "panel_figures", "schedule_events"))


def test_push_then_use_moves_a_team_to_the_shared_store(
        shared_url: str, tuneup_home: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("TUNEUP_STORE", raising=False)
    local_history()
    assert main(["store", "push", shared_url]) == 0
    out = capsys.readouterr().out
    assert "2 runs, 2 action items, 1 notes, 1 soft spots, 1 recorded figures" in out
    assert shared_counts(shared_url) == (2, 2, 1, 1, 1, 2, 2)
    # Pushing again copies nothing twice.
    assert main(["store", "push", shared_url]) == 0
    assert shared_counts(shared_url) == (2, 2, 1, 1, 1, 2, 2)

    assert main(["store", "use", shared_url]) == 0
    config = tuneup_home / "config" / "config.toml"
    assert config.read_text() == f'store = "{shared_url}"\n'
    assert config.stat().st_mode & 0o077 == 0
    capsys.readouterr()
    # Every command now reads the shared store: the carried item still points at its origin.
    assert main(["actions", "--json"]) == 0
    with RunStore(shared_url) as shared:
        first, second = sorted(shared.runs(), key=lambda r: r.started_at)
        [old] = shared.actions(first.id)
        [carried] = shared.actions(second.id)
        assert carried.carried_from == old.id
        assert shared.panel_figures(first.id) == {"funnel": {"sessions": 1200, "rate": 0.5}}

    assert main(["store", "use", "local"]) == 0
    assert "store" not in config.read_text()


def test_a_bad_address_is_one_line_and_changes_nothing(
        tuneup_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["store", "use", "tuneup.db"]) == 2
    assert "expected a shared store address postgresql://" in capsys.readouterr().err
    unreachable = f"postgresql://ops:pw@/tuneup?host={tmp_path}"
    assert main(["store", "use", unreachable]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the shared store" in err and "pw" not in err
    assert "store setting was not changed" in err and len(err.strip().splitlines()) == 1
    assert not (tuneup_home / "config" / "config.toml").exists()
    assert main(["store", "push", unreachable]) == 2
    assert "no store file" in capsys.readouterr().err
