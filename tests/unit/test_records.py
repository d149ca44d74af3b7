"""The model's records are frozen, slotted dataclasses: compared by value and by type (never
equal to a plain tuple), immutable, and without a per-instance dict."""

from __future__ import annotations

import dataclasses
from datetime import time

import pytest

from tuneup_tui.agenda import _schedule_compress, _schedule_types, _schedule_view, model
from tuneup_tui.data import census
from tuneup_tui.store import day_record, local_first, models, schedule_events
from tuneup_tui.ui.config import ConsoleConfig

RECORDS = [
    model.Role, model.Session, model.Agenda,
    _schedule_types.ScheduleAction, _schedule_types.SessionRow, _schedule_types.ScheduleStatus,
    _schedule_types.CompressPlan, _schedule_view.DayPlan, _schedule_compress.Waiting,
    census.Census, local_first.SharedStatus,
    models.Run, schedule_events.ScheduleEvent, day_record.Note, day_record.ActionItem,
    day_record.ActionChange, day_record.SoftSpot, day_record.RecordedFigure, ConsoleConfig,
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.__name__)
def test_a_record_is_a_frozen_slotted_dataclass(record: type) -> None:
    assert dataclasses.is_dataclass(record)
    assert record.__dataclass_params__.frozen  # type: ignore[attr-defined]
    assert "__slots__" in record.__dict__
    assert not issubclass(record, tuple)


def test_a_record_is_not_equal_to_the_tuple_of_its_values() -> None:
    role = model.Role("Sales Ops", ("Ana",))
    assert role != ("Sales Ops", ("Ana",))
    assert role == model.Role("Sales Ops", ("Ana",))
    session = model.Session(time(9, 0), "Opening")
    assert session != (time(9, 0), "Opening", "", "", (), (), ())
    with pytest.raises(dataclasses.FrozenInstanceError):
        session.topic = "Closing"  # type: ignore[misc]
