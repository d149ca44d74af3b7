"""What the store's tests share: a run on a fixed day, and a clock that moves a minute a read."""

from __future__ import annotations

from datetime import datetime

from tuneup_tui.store.db import RunStore
from tuneup_tui.store.models import Run

DAY = datetime(2026, 11, 23, 8, 0)


def make_run(store: RunStore, *, series: str = "ops-tuneup") -> Run:
    return store.create_run(title="Tune Up", series=series, cadence="day", agenda_toml="",
                            as_of=DAY.date(), data_dir=None, mode="facilitator", speed=1.0,
                            anchor=DAY, started_at=DAY)


class Ticks:
    """A clock that moves one minute each time it is read."""

    def __init__(self) -> None:
        self.minutes = 0

    def __call__(self) -> datetime:
        self.minutes += 1
        return datetime(2026, 11, 23, 9, self.minutes)
