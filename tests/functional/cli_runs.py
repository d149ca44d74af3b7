"""Runs the command-line tests start in the default store (TUNEUP_HOME's, or the shared one
TUNEUP_STORE names): a small agenda, today's run, and the items stored."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tuneup_tui.store.db import RunStore
from tuneup_tui.store.models import Run

AGENDA = """
[agenda]
title = "Tune Up"
series = "ops-tuneup"
cadence = "day"
period = "week"
baseline_periods = 8
end_of_day = "10:00"

[[roles]]
role = "Webmaster"
people = ["Dana"]

[[roles]]
role = "Sales Ops"
people = ["Priya"]

[[sessions]]
start = "08:00"
topic = "Traffic Study"
who = "Webmaster"

[[sessions]]
start = "09:00"
topic = "Site Health"
who = "Webmaster"
"""

TODAY = date.today()
NEXT_WEEK = TODAY + timedelta(days=7)


def start_run(*, series: str = "ops-tuneup", ended: bool = False) -> Run:
    with RunStore.open_default() as store:
        now = datetime.now()
        run = store.create_run(title="Tune Up", series=series, cadence="day",
                               agenda_toml=AGENDA, as_of=TODAY, data_dir=None,
                               mode="facilitator", speed=1, anchor=now, started_at=now)
        if ended:
            store.end_run(run.id, now)
        return run


def stored_actions() -> list:
    with RunStore.open_default() as store:
        return store.actions()
