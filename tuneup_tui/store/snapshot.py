"""What a run's agenda snapshot says about its people and sessions.

A run keeps the agenda exactly as it was when it started (`Run.agenda_toml`). `tuneup log` and
the attendee app need only two things from it: the roster (everyone named in `[[roles]]`) and the
session topics. They are read here with tomllib alone, leniently: the snapshot was checked when
the run started, and an attendee must be able to log an item even if tuneup's agenda rules have
grown stricter since.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import Any

from tuneup_tui.agenda.model import is_person
from tuneup_tui.store.models import Run


@dataclass(frozen=True)
class RunSnapshot:
    """The roster and the session topics of a run's agenda, in agenda order."""

    roster: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()

    def person(self, name: str) -> str | None:
        """The roster's spelling of `name` (matched whatever the case), or None."""
        return _match(self.roster, name)

    def topic(self, name: str) -> str | None:
        """The agenda's spelling of a session topic (matched whatever the case), or None."""
        return _match(self.topics, name)


def snapshot_of(run: Run) -> RunSnapshot:
    """The roster and topics of `run`'s agenda; empty when its snapshot can't be read."""
    try:
        doc = tomllib.loads(run.agenda_toml)
    except tomllib.TOMLDecodeError:
        return RunSnapshot()
    people: dict[str, None] = {}
    for role in _tables(doc.get("roles")):
        for person in role.get("people", ()) if isinstance(role.get("people"), list) else ():
            if isinstance(person, str) and person.strip() and is_person(person):
                people.setdefault(person.strip(), None)
    topics = tuple(s["topic"].strip() for s in _tables(doc.get("sessions"))
                   if isinstance(s.get("topic"), str) and s["topic"].strip())
    return RunSnapshot(roster=tuple(people), topics=topics)


def _tables(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]


def _match(names: tuple[str, ...], wanted: str) -> str | None:
    key = wanted.strip().casefold()
    for name in names:
        if name.casefold() == key:
            return name
    return None
