"""Turning store rows into records (`store.models`, `store.schedule_events`,
`store.day_record`), and values into store text.

Dates and datetimes are stored as ISO text; datetimes in UTC, always with microseconds, so text
order is time order (see `store.utc`: the rest of tuneup sees naive local times). Mappings
(event payloads, a soft spot's figures) are stored as JSON.

The day's records (`store.day_record`) and the schedule events (`store.schedule_events`) are
imported where a row becomes one, not with this module: the console opens its store before its
first frame and reads none of them by then, and defining their classes took about 5 ms of that
start (`python -m bench --only start`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

from tuneup_tui.store import utc
from tuneup_tui.store.models import ActionStatus, Run, RunMode

if TYPE_CHECKING:
    from tuneup_tui.store.day_record import (
        ActionChange,
        ActionItem,
        Note,
        RecordedFigure,
        SoftSpot,
    )
    from tuneup_tui.store.schedule_events import ScheduleEvent


def dt_text(moment: datetime) -> str:
    return utc.stored(moment)


def date_text(day: date) -> str:
    # A datetime is a date too; keep only its day.
    return date(day.year, day.month, day.day).isoformat()


def json_text(mapping: Mapping[str, Any] | None) -> str:
    """The mapping as JSON text, keys sorted.

    The schedule's actions carry small payloads of whole numbers (`{"to": 0}`); those are
    written here, exactly as `json.dumps` writes them, so the console's start (which saves the
    day's start) does not wait for the json module to load.
    """
    if not mapping:
        return "{}"
    if all(type(key) is str and key.isidentifier() and key.isascii() and type(value) is int
           for key, value in mapping.items()):
        return "{" + ", ".join(f'"{key}": {mapping[key]}' for key in sorted(mapping)) + "}"
    import json

    return json.dumps(dict(mapping), sort_keys=True, default=str)


def _mapping(text: str) -> Any:
    import json

    return json.loads(text)


def _dt(text: str) -> datetime:
    return utc.read(text)


def _opt_dt(text: str | None) -> datetime | None:
    return None if text is None else utc.read(text)


def _opt_date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def run_from(row: sqlite3.Row | Mapping[str, Any]) -> Run:
    return Run(
        id=row["id"],
        title=row["title"],
        series=row["series"],
        cadence=row["cadence"],
        agenda_toml=row["agenda_toml"],
        as_of=date.fromisoformat(row["as_of"]),
        data_dir=row["data_dir"],
        mode=cast(RunMode, row["mode"]),
        speed=float(row["speed"]),
        anchor=_dt(row["anchor"]),
        started_at=_dt(row["started_at"]),
        ended_at=_opt_dt(row["ended_at"]),
        agenda_path=row["agenda_path"],
        rehearsal=bool(row["rehearsal"]),
    )


def event_from(row: sqlite3.Row) -> ScheduleEvent:
    from tuneup_tui.store.schedule_events import ScheduleEvent

    return ScheduleEvent(run_id=row["run_id"], seq=row["seq"], kind=row["kind"],
                         at=_dt(row["at"]), payload=_mapping(row["payload"]))


def note_from(row: sqlite3.Row) -> Note:
    from tuneup_tui.store.day_record import Note

    return Note(run_id=row["run_id"], session=row["session"], text=row["text"],
                updated_at=_dt(row["updated_at"]))


def action_from(row: sqlite3.Row) -> ActionItem:
    from tuneup_tui.store.day_record import ActionItem

    return ActionItem(
        id=row["id"],
        run_id=row["run_id"],
        text=row["text"],
        owner=row["owner"],
        due=_opt_date(row["due"]),
        session=row["session"],
        status=cast(ActionStatus, row["status"]),
        created_by=row["created_by"],
        created_at=_dt(row["created_at"]),
        updated_at=_dt(row["updated_at"]),
        carried_from=row["carried_from"],
    )


def change_from(row: sqlite3.Row) -> ActionChange:
    from tuneup_tui.store.day_record import ActionChange

    return ActionChange(id=row["id"], action_id=row["action_id"], run_id=row["run_id"],
                        change=row["change"], old_values=_mapping(row["old_values"]),
                        new_values=_mapping(row["new_values"]), changed_by=row["changed_by"],
                        changed_at=_dt(row["changed_at"]))


def soft_spot_from(row: sqlite3.Row) -> SoftSpot:
    from tuneup_tui.store.day_record import SoftSpot

    return SoftSpot(
        id=row["id"],
        run_id=row["run_id"],
        session=row["session"],
        text=row["text"],
        severity=row["severity"],
        owner=row["owner"],
        panel=row["panel"],
        finding_key=row["finding_key"],
        figures=_mapping(row["figures"]),
        created_at=_opt_dt(row["created_at"]),
    )


def figure_from(row: sqlite3.Row) -> RecordedFigure:
    from tuneup_tui.store.day_record import RecordedFigure

    return RecordedFigure(id=row["id"], run_id=row["run_id"], session=row["session"],
                          name=row["name"], value=float(row["value"]), unit=row["unit"],
                          recorded_at=_dt(row["recorded_at"]))


def action_as_dict(item: ActionItem) -> dict[str, Any]:
    """An action item as plain JSON values (`tuneup actions --json`)."""
    return {
        "id": item.id,
        "run_id": item.run_id,
        "text": item.text,
        "owner": item.owner,
        "due": item.due.isoformat() if item.due else None,
        "session": item.session,
        "status": item.status,
        "created_by": item.created_by,
        "created_at": dt_text(item.created_at),
        "updated_at": dt_text(item.updated_at),
        "carried_from": item.carried_from,
    }


def run_as_dict(run: Run) -> dict[str, Any]:
    """A run as plain JSON values (`tuneup runs --json`); the agenda snapshot is left out."""
    return {
        "id": run.id,
        "title": run.title,
        "series": run.series,
        "cadence": run.cadence,
        "as_of": run.as_of.isoformat(),
        "data_dir": run.data_dir,
        "agenda_path": run.agenda_path,
        "mode": run.mode,
        "speed": run.speed,
        "anchor": dt_text(run.anchor),
        "started_at": dt_text(run.started_at),
        "ended_at": dt_text(run.ended_at) if run.ended_at else None,
        "finished": run.finished,
        "rehearsal": run.rehearsal,
    }
