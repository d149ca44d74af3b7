"""Carrying open items from one run of a series to the next, and what the summary says of it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from tuneup_tui.report.history import carry_over, items_to_carry, previous_figures
from tuneup_tui.store.db import RunStore, StoreError
from tuneup_tui.store.models import Run


@pytest.fixture
def store(tmp_path: Path) -> Iterator[RunStore]:
    opened = RunStore(tmp_path / "tuneup.db", now=lambda: datetime(2026, 11, 23, 9, 0))
    yield opened
    opened.close()


def _run(store: RunStore, day: int, series: str = "ops") -> Run:
    at = datetime(2026, 11, day, 8, 0)
    return store.create_run(title="T", series=series, cadence="week", agenda_toml="",
                            as_of=at.date(), data_dir=None, mode="facilitator", speed=1.0,
                            anchor=at, started_at=at)


def test_close_keep_and_reown(store: RunStore) -> None:
    first = _run(store, 16)
    a = store.add_action(first.id, "Fix tags", "Dana", due=date(2026, 11, 20))
    b = store.add_action(first.id, "Recycle leads", "Priya")
    c = store.add_action(first.id, "Audit sites", "Ravi")
    store.add_action(first.id, "Done already", "Ravi")
    store.update_action(store.actions(first.id)[-1].id, status="done")
    store.record_figure(first.id, "expected_leads_to_sales", 38)
    _run(store, 20, series="other")  # another series never counts
    second = _run(store, 23)

    assert [i.text for i in items_to_carry(store, second)] == [
        "Fix tags", "Recycle leads", "Audit sites"]
    closed = carry_over(store, second, a, "close")
    assert closed.id == a.id and closed.status == "done"
    kept = carry_over(store, second, b, "keep")
    assert (kept.run_id, kept.owner, kept.carried_from) == (second.id, "Priya", b.id)
    moved = carry_over(store, second, c, "re-own", owner=" Dana ", due=date(2026, 12, 4))
    assert (moved.owner, moved.due, moved.carried_from) == ("Dana", date(2026, 12, 4), c.id)
    assert items_to_carry(store, second) == []
    with pytest.raises(StoreError, match="give the new owner"):
        carry_over(store, second, c, "re-own")
    assert previous_figures(store, second) == {"expected_leads_to_sales": 38}
    assert items_to_carry(store, first) == [] and previous_figures(store, first) == {}
