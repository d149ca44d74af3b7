"""The run store in SQLite (stdlib sqlite3, WAL, schema versioned with PRAGMA user_version).

Every change is committed when it is made. Several processes (the console, `tuneup log`, the
attendee app) use one store at once; writes retry on a busy database so no "database is locked"
reaches a user.

API CONTRACT (implemented by the store issue; the UI, report and CLI code against it):
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tuneup_tui.store.models import (
    ActionItem,
    Note,
    RecordedFigure,
    Run,
    ScheduleEvent,
    SoftSpot,
)


class StoreError(Exception):
    """A store operation refused (unknown run, bad value); its message is one line."""


class RunStore:
    """One open connection to the run store file."""

    def __init__(self, path: Path) -> None:
        raise NotImplementedError

    @classmethod
    def open_default(cls) -> RunStore:
        """The store at `tuneup_tui.paths.store_path()` (created, mode 0600, if missing)."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # runs
    def create_run(self, *, title: str, series: str, cadence: str, agenda_toml: str,
                   as_of: date, data_dir: str | None, mode: str, speed: float,
                   anchor: datetime, started_at: datetime,
                   agenda_path: str | None = None) -> Run:
        raise NotImplementedError

    def get_run(self, run_id: int) -> Run:
        """The run; StoreError("no run 7; see `tuneup runs`") when unknown."""
        raise NotImplementedError

    def runs(self, *, series: str | None = None) -> list[Run]:
        """Runs, newest first."""
        raise NotImplementedError

    def current_run(self) -> Run | None:
        """The newest unfinished run, or None."""
        raise NotImplementedError

    def unfinished_run(self, series: str) -> Run | None:
        """The newest unfinished run of a series (offered for resume), or None."""
        raise NotImplementedError

    def previous_run(self, run: Run) -> Run | None:
        """The run of the same series started just before `run`, or None."""
        raise NotImplementedError

    def end_run(self, run_id: int, ended_at: datetime) -> None:
        raise NotImplementedError

    # schedule events
    def add_event(self, run_id: int, kind: str, at: datetime,
                  payload: Mapping[str, Any] | None = None) -> ScheduleEvent:
        raise NotImplementedError

    def events(self, run_id: int) -> list[ScheduleEvent]:
        raise NotImplementedError

    # notes
    def save_note(self, run_id: int, session: str, text: str) -> Note:
        raise NotImplementedError

    def notes(self, run_id: int) -> dict[str, Note]:
        raise NotImplementedError

    # action items
    def add_action(self, run_id: int, text: str, owner: str, *, due: date | None = None,
                   session: str | None = None, created_by: str = "facilitator",
                   carried_from: int | None = None) -> ActionItem:
        raise NotImplementedError

    def update_action(self, action_id: int, *, text: str | None = None,
                      owner: str | None = None, due: date | None = None,
                      status: str | None = None) -> ActionItem:
        raise NotImplementedError

    def actions(self, run_id: int | None = None, *, owner: str | None = None,
                status: str | None = None) -> list[ActionItem]:
        raise NotImplementedError

    # soft spots
    def add_soft_spot(self, run_id: int, text: str, *, severity: str = "medium",
                      session: str | None = None, owner: str | None = None,
                      panel: str | None = None, finding_key: str | None = None,
                      figures: Mapping[str, Any] | None = None) -> SoftSpot:
        raise NotImplementedError

    def soft_spots(self, run_id: int) -> list[SoftSpot]:
        raise NotImplementedError

    # recorded figures
    def record_figure(self, run_id: int, name: str, value: float, *, unit: str = "",
                      session: str | None = None) -> RecordedFigure:
        """Record (or re-record: the latest value of a name in a run wins) a figure."""
        raise NotImplementedError

    def figures(self, run_id: int) -> list[RecordedFigure]:
        raise NotImplementedError

    # panel figures (so the next run of the series can show each figure's change)
    def save_panel_figures(self, run_id: int, panel: str,
                           figures: Mapping[str, float | int | None]) -> None:
        """Replace the headline figures a run computed for one panel."""
        raise NotImplementedError

    def panel_figures(self, run_id: int) -> dict[str, dict[str, float | int | None]]:
        """panel -> figure name -> value, as last saved for the run."""
        raise NotImplementedError

    # change signal
    def data_version(self) -> int:
        """A cheap number that changes when another connection commits (PRAGMA data_version)."""
        raise NotImplementedError
