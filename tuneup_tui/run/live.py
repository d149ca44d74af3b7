"""A live run: the agenda, its run in the store and its schedule on a clock, kept in step; the
one front door for every change the day makes.

Every schedule action is written to the store the moment it is taken, so replaying the store's
events (`Schedule.restore`) gives back the same day after a crash. Notes, action items, soft
spots and recorded figures are written through here too, and what the store holds for the run
is read once per change (`records`). Every write goes behind the console (`writes`, see
`store.write_behind`): while another program holds the store's lock, the day goes on and the
write lands when the lock frees. The console's widgets only show what it holds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from tuneup_tui.agenda.clock import Clock, wall_time
from tuneup_tui.agenda.model import Agenda, Session
from tuneup_tui.agenda.schedule import CompressPlan, Schedule, ScheduleAction, ScheduleStatus
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.models import Run
from tuneup_tui.store.write_behind import WriteBehind

if TYPE_CHECKING:
    from tuneup_tui.metrics.result import PanelResult
    from tuneup_tui.run.records import DayRecords
    from tuneup_tui.store.day_record import ActionItem

T = TypeVar("T")


class LiveRun:
    """The run being facilitated, its schedule and the store it is saved in."""

    def __init__(self, agenda: Agenda, store: RunStore, run: Run, schedule: Schedule,
                 clock: Clock) -> None:
        self.agenda = agenda
        self.store = store
        self.run = run
        self.schedule = schedule
        self.clock = clock
        self.on_action: Callable[[ScheduleAction], None] | None = None
        """Called after each persisted action (the console refreshes on it)."""
        self._records: DayRecords | None = None
        """What the store held for the run when last read; None once a change is made."""
        self._seen_version = store.data_version()
        """The store's change counter when the console last looked (`store_changed`)."""
        self.writes = WriteBehind(store)
        """The run's writes, made behind the console: a busy store never freezes a key."""

    # the day

    def status(self) -> ScheduleStatus:
        return self.schedule.status()

    def start_if_due(self) -> bool:
        """Start the first session once the clock reaches the plan's anchor."""
        if self.schedule.status().started or self.clock.now() < self.run.anchor:
            return False
        self._persist(self.schedule.start())
        return True

    def session(self, index: int | None) -> Session | None:
        if index is None or not 0 <= index < len(self.agenda.sessions):
            return None
        return self.agenda.sessions[index]

    def next(self) -> ScheduleAction:
        if not self.schedule.status().started:
            return self._persist(self.schedule.start())
        return self._persist(self.schedule.next())

    def previous(self) -> ScheduleAction:
        return self._persist(self.schedule.previous())

    def toggle_pause(self) -> ScheduleAction:
        status = self.schedule.status()
        if not status.started:
            return self._persist(self.schedule.start())
        if status.paused:
            return self._persist(self.schedule.resume())
        return self._persist(self.schedule.pause())

    def extend(self, minutes: float = 5) -> ScheduleAction:
        return self._persist(self.schedule.extend(minutes))

    def skip(self) -> ScheduleAction:
        return self._persist(self.schedule.skip())

    def jump(self, index: int) -> ScheduleAction:
        if not self.schedule.status().started:
            self._persist(self.schedule.start())
        return self._persist(self.schedule.jump(index))

    def preview_compress(self) -> CompressPlan:
        return self.schedule.preview_compress()

    def compress(self) -> CompressPlan:
        action, plan = self.schedule.compress()
        self._persist(action)
        return plan

    def end(self) -> None:
        """End the schedule and the run in the store (the summary is written by the caller)."""
        if not self.schedule.status().finished:
            self._persist(self.schedule.end())
        if not self.run.finished:
            ended = wall_time(self.clock)
            self.writes.save(RunStore.end_run, self.run.id, ended)
            self.run = replace(self.run, ended_at=ended)

    def _persist(self, action: ScheduleAction) -> ScheduleAction:
        self.writes.save(RunStore.add_event, self.run.id, action.kind, action.at,
                         dict(action.payload))
        if self.on_action is not None:
            self.on_action(action)
        return action

    # what the store holds for the run

    def records(self) -> DayRecords:
        """The run's items, figures, soft spots and notes, read once per change."""
        if self._records is None:
            # imported here: the console's first frame never needs the records
            from tuneup_tui.run.records import read_records

            self._records = read_records(self.store, self.run.id)
        return self._records

    def reread(self) -> None:
        """Read the records again when next asked (the store was written behind the front
        door: by a test, or by the console's own store connection from elsewhere)."""
        self._records = None

    def store_changed(self) -> bool:
        """Whether another process (an attendee, the shared store) changed the store since the
        console last looked; the records are read again when it did."""
        version = self.store.data_version()
        if version == self._seen_version:
            return False
        self._seen_version = version
        self._records = None
        return True

    # the changes the day makes

    # A change that waits behind a busy store lands later (see `writes`); the records show it
    # once it has (the store's change counter moves).

    def save_note(self, topic: str, text: str) -> None:
        """Save the note of the session `topic` (its ticked questions inside it)."""
        self._changed(self.writes.save(RunStore.save_note, self.run.id, topic, text))

    def add_action(self, text: str, owner: str, *, due: date | None = None,
                   session: str | None = None, carried_from: int | None = None
                   ) -> ActionItem | None:
        """The item added (None while it waits behind a busy store)."""
        return self._changed(self.writes.save(
            RunStore.add_action, self.run.id, text, owner, due=due, session=session,
            carried_from=carried_from))

    def action(self, item_id: int) -> ActionItem:
        """One action item as it stands (StoreError once it is deleted)."""
        return self.store.action(item_id)

    def update_action(self, item_id: int, *, text: str, owner: str, due: date | None,
                      status: str) -> None:
        """Save an item as the facilitator edited it, whole (no `due`: none any more)."""
        self._changed(self.writes.save(
            RunStore.update_action, item_id, text=text, owner=owner, due=due,
            clear_due=due is None, status=status, by="facilitator"))

    def carry_over(self, item: ActionItem, owner: str | None) -> None:
        """Take a previous run's open item into this run for `owner`, or close it (None)."""
        if owner is None:
            self._changed(self.writes.save(RunStore.update_action, item.id, status="done"))
        else:
            self.add_action(item.text, owner, due=item.due, session=item.session,
                            carried_from=item.id)

    def delete_action(self, item_id: int) -> None:
        self._changed(self.writes.save(RunStore.delete_action, item_id, by="facilitator"))

    def record_figure(self, name: str, value: float, *, unit: str = "",
                      session: str | None = None) -> None:
        self._changed(self.writes.save(RunStore.record_figure, self.run.id, name, value,
                                       unit=unit, session=session))

    def add_soft_spot(self, text: str, *, severity: str, session: str | None,
                      owner: str | None, panel: str | None, finding_key: str | None,
                      figures: Mapping[str, Any] | None) -> None:
        self._changed(self.writes.save(
            RunStore.add_soft_spot, self.run.id, text, severity=severity, session=session,
            owner=owner, panel=panel, finding_key=finding_key, figures=figures))

    def save_panel_figures(self, result: PanelResult) -> None:
        """Keep a computed panel's figures with the run (the next run compares with them)."""
        if result.error is None and result.figures:
            self.writes.save(RunStore.save_panel_figures, self.run.id, result.name,
                             dict(result.figures))

    def _changed(self, done: T) -> T:
        self._records = None
        return done
