"""Which session a run is in, as seen from outside the console (the attendee app, `tuneup log`).

The facilitator's console writes every schedule action to the store; replaying them
(`Schedule.restore`) on the run's clock gives the current session. When the run's agenda or its
events can't be replayed here (an agenda this tuneup reads differently), the last start, next,
previous, jump or skip event is followed instead, which is right for every day that is not
paused or rearranged in between.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.models import Run
from tuneup_tui.store.schedule_events import ScheduleEvent
from tuneup_tui.store.snapshot import snapshot_of


def current_session(run: Run, events: Sequence[ScheduleEvent], *,
                    now: datetime | None = None) -> str | None:
    """The topic of the session `run` is in at `now` (wall clock), or None (not started,
    between sessions, or ended)."""
    wall = now if now is not None else datetime.now()
    try:
        return _replayed(run, events, run_clock(run, events, wall))
    except Exception:
        # Not implemented yet, an agenda this tuneup reads differently, an event it can't
        # replay: an attendee still sees the session the events point at.
        pass
    return _followed(run, events)


def run_clock(run: Run, events: Sequence[ScheduleEvent], wall: datetime) -> datetime:
    """The run's own clock time at wall-clock `wall`.

    A rehearsal at `--speed N` runs its clock N times faster from the moment it started; the
    last event's time is a floor, since the console never records an action in the future.
    """
    moment = wall if run.speed == 1 else run.started_at + (wall - run.started_at) * run.speed
    if events:
        moment = max(moment, events[-1].at)
    return moment


@lru_cache(maxsize=4)
def _agenda(text: str, name: str) -> Agenda:
    """A run's agenda, read once: the attendee app asks for the session after every commit
    to the store, and thirty of them on one machine read it a thousand times a minute."""
    from tuneup_tui.agenda.load import loads_agenda

    return loads_agenda(text, name)


def _replayed(run: Run, events: Sequence[ScheduleEvent], moment: datetime) -> str | None:
    from tuneup_tui.agenda.clock import FakeClock
    from tuneup_tui.agenda.schedule import Schedule, ScheduleAction

    agenda = _agenda(run.agenda_toml, f"run {run.id}'s agenda")
    actions = [ScheduleAction(e.kind, e.at, dict(e.payload))  # type: ignore[arg-type]
               for e in events]
    schedule = Schedule.restore(agenda, FakeClock(moment), anchor=run.anchor, mode=run.mode,
                                actions=actions)
    status = schedule.status()
    if status.current is None or status.finished:
        return None
    return agenda.sessions[status.current].topic


def _followed(run: Run, events: Sequence[ScheduleEvent]) -> str | None:
    topics = snapshot_of(run).topics
    index: int | None = None
    for event in events:
        payload = event.payload if isinstance(event.payload, dict) else {}
        if event.kind == "end":
            index = None
        elif event.kind not in _MOVES:
            continue
        elif "to" in payload:
            # The engine says where each move landed (None: past the last session).
            to = payload["to"]
            index = to if isinstance(to, int) and not isinstance(to, bool) else None
        elif event.kind == "start":
            index = 0
        elif event.kind == "jump":
            index = _int(payload.get("index"))
        elif event.kind == "previous":
            index = 0 if index is None else max(index - 1, 0)
        elif event.kind == "next" or "index" not in payload:
            # next, or a skip of the current session
            index = 0 if index is None else index + 1
    if index is None or not 0 <= index < len(topics):
        return None
    return topics[index]


_MOVES = ("start", "next", "previous", "jump", "skip")


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
