"""The roster and session topics read from a run's agenda snapshot."""

from __future__ import annotations

from datetime import datetime

from tuneup_tui.store.models import Run
from tuneup_tui.store.snapshot import snapshot_of

AGENDA = """
[agenda]
title = "Tune Up"

[[roles]]
role = "Webmaster"
people = ["Dana"]

[[roles]]
role = "Sales Ops"
people = ["Priya", "Dana", " "]

[[roles]]
role = "Lunch host"

[[sessions]]
start = "08:00"
topic = "Traffic Study"

[[sessions]]
start = "08:30"
topic = "Site Health"
"""


def _run(text: str) -> Run:
    moment = datetime(2026, 11, 23, 8)
    return Run(id=1, title="t", series="s", cadence="day", agenda_toml=text, as_of=moment.date(),
               data_dir=None, mode="facilitator", speed=1, anchor=moment, started_at=moment)


def test_roster_is_everyone_once_in_order_and_topics_in_agenda_order() -> None:
    snap = snapshot_of(_run(AGENDA))
    assert snap.roster == ("Dana", "Priya")
    assert snap.topics == ("Traffic Study", "Site Health")


def test_names_match_whatever_the_case() -> None:
    snap = snapshot_of(_run(AGENDA))
    assert snap.person("dana") == "Dana"
    assert snap.person("Zed") is None
    assert snap.topic("site HEALTH") == "Site Health"
    assert snap.topic("Lunch") is None


def test_an_unreadable_snapshot_is_empty() -> None:
    snap = snapshot_of(_run("[agenda\n"))
    assert snap.roster == () and snap.topics == ()
    assert snapshot_of(_run('roles = "Dana"\nsessions = 3\n')).roster == ()
