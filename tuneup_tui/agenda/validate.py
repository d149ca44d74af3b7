"""Turning a parsed agenda TOML document into an `Agenda`, collecting every problem on the way.

The facilitator fixes an agenda the evening before, so one pass reports everything that is
wrong (not just the first thing), each as one line with the TOML key path. Arrays are counted
from 1 as people count them: `sessions[3]` is the third `[[sessions]]`, and the topic is added
when known, `sessions[3] (Social Media).start`, so the line can be found without counting.
"""

from __future__ import annotations

from datetime import time
from typing import Any

from tuneup_tui.agenda.fields import Problems, found, read_clock_time, short, suggest
from tuneup_tui.agenda.model import (
    CADENCES,
    PERIOD_KINDS,
    Agenda,
    Role,
    Session,
    format_hhmm,
)
from tuneup_tui.metrics.names import PANEL_NAMES

TOP_KEYS: tuple[str, ...] = ("agenda", "roles", "sessions", "panels")
AGENDA_KEYS: tuple[str, ...] = (
    "title", "series", "cadence", "period", "baseline_periods", "end_of_day",
)
ROLE_KEYS: tuple[str, ...] = ("role", "people")
SESSION_KEYS: tuple[str, ...] = (
    "start", "topic", "who", "description", "panel", "questions", "record",
)
NO_PANEL = ("", "none")
"""`panel = "none"` (or "") is the same as leaving `panel` out."""

DEFAULTS: dict[str, Any] = {"cadence": "day", "period": "week", "baseline_periods": 8}
"""[agenda] keys that may be left out. title, series and end_of_day are required."""


def build_agenda(doc: dict[str, Any], problems: Problems) -> Agenda | None:
    """The agenda `doc` describes, or None when `problems` holds why it can't be built."""
    problems.unknown_keys(doc, "", TOP_KEYS)
    frame = _frame(doc.get("agenda"), problems)
    roles = _roles(doc.get("roles", []), problems)
    end_of_day = frame["end_of_day"] if frame else _end_of_day(doc.get("agenda"))
    sessions = _sessions(doc.get("sessions"), end_of_day, problems)
    panels = _panel_settings(doc.get("panels", {}), problems)
    if problems or frame is None or roles is None or panels is None:
        return None
    return Agenda(sessions=tuple(sessions), roles=roles, panels=panels, **frame)


def session_label(index: int, raw: Any) -> str:
    """The key path of a session: `sessions[3] (Social Media)`, 1-based, with its topic."""
    label = f"sessions[{index}]"
    topic = raw.get("topic") if isinstance(raw, dict) else None
    if isinstance(topic, str) and topic.strip():
        label += f" ({short(topic.strip())})"
    return label


def role_label(index: int, raw: Any) -> str:
    """The key path of a role: `roles[2] (Sales Ops)`."""
    label = f"roles[{index}]"
    name = raw.get("role") if isinstance(raw, dict) else None
    if isinstance(name, str) and name.strip():
        label += f" ({short(name.strip())})"
    return label


def _end_of_day(raw: Any) -> time | None:
    """end_of_day when it reads, even if the rest of [agenda] doesn't."""
    return read_clock_time(raw.get("end_of_day")) if isinstance(raw, dict) else None


def _frame(raw: Any, problems: Problems) -> dict[str, Any] | None:
    """The [agenda] table's values, keyed as Agenda's fields."""
    if raw is None:
        problems.add("agenda", "missing [agenda] table (title, series, end_of_day, ...)")
        return None
    if not isinstance(raw, dict):
        problems.add("agenda", f"expected an [agenda] table, {found(raw)}")
        return None
    problems.unknown_keys(raw, "agenda", AGENDA_KEYS)
    values = {**DEFAULTS, **raw}
    frame: dict[str, Any] = dict.fromkeys(("title", "series", "end_of_day"))
    for key in frame:
        if key not in raw:
            problems.add(f"agenda.{key}", f"missing key; expected {_WHAT[key]}")
    if "title" in raw:
        frame["title"] = problems.text(raw["title"], "agenda.title", what=_WHAT["title"])
    if "series" in raw:
        frame["series"] = problems.text(raw["series"], "agenda.series", what=_WHAT["series"])
    if "end_of_day" in raw:
        frame["end_of_day"] = problems.clock_time(raw["end_of_day"], "agenda.end_of_day")
    frame["cadence"] = problems.choice(values["cadence"], "agenda.cadence", CADENCES)
    frame["period"] = problems.choice(values["period"], "agenda.period", PERIOD_KINDS)
    frame["baseline_periods"] = problems.positive_int(values["baseline_periods"],
                                                      "agenda.baseline_periods")
    return None if any(v is None for v in frame.values()) else frame


_WHAT = {
    "title": "the day's title as text",
    "series": 'a series name as text (runs of one series are compared), e.g. "ops-tuneup"',
    "end_of_day": 'a time "HH:MM" (24-hour) when the day ends, e.g. "16:00"',
    "start": 'a time "HH:MM" (24-hour), e.g. "08:30"',
    "topic": "the session's topic as text",
    "role": "the role's name as text",
}


def _roles(raw: Any, problems: Problems) -> tuple[Role, ...] | None:
    if not isinstance(raw, list):
        problems.add("roles", f"expected [[roles]] tables, {found(raw)}")
        return None
    roles: list[Role] = []
    seen: dict[str, str] = {}
    ok = True
    for i, item in enumerate(raw, 1):
        label = role_label(i, item)
        if not isinstance(item, dict):
            problems.add(label, f"expected a [[roles]] table, {found(item)}")
            ok = False
            continue
        problems.unknown_keys(item, label, ROLE_KEYS)
        if "role" not in item:
            problems.add(f"{label}.role", f"missing key; expected {_WHAT['role']}")
        name = problems.text(item["role"], f"{label}.role", what=_WHAT["role"]) \
            if "role" in item else None
        people = problems.text_list(item.get("people", []), f"{label}.people",
                                    what="people's names")
        if name is not None and name.casefold() in seen:
            problems.add(f"{label}.role", f'"{short(name)}" is already declared as '
                         f"{seen[name.casefold()]}")
            ok = False
        if name is None or people is None:
            ok = False
            continue
        seen[name.casefold()] = label
        roles.append(Role(role=name, people=people))
    return tuple(roles) if ok else None


def _sessions(raw: Any, end_of_day: time | None, problems: Problems) -> list[Session]:
    """The sessions that could be read, in file order; the day's order checked on the way.

    Starts and topics are checked across all sessions whose start or topic reads, so one
    session's bad `who` doesn't hide that it also starts too late.
    """
    if raw is None:
        problems.add("sessions", "missing: expected at least one [[sessions]] table")
        return []
    if not isinstance(raw, list):
        problems.add("sessions", f"expected [[sessions]] tables, {found(raw)}")
        return []
    if not raw:
        problems.add("sessions", "expected at least one [[sessions]] table, found none")
        return []
    sessions: list[Session] = []
    topics: dict[str, str] = {}
    previous: tuple[time, str] | None = None
    for i, item in enumerate(raw, 1):
        label = session_label(i, item)
        session = _session(item, label, problems)
        if session is not None:
            sessions.append(session)
        if not isinstance(item, dict):
            continue
        topic = item.get("topic")
        if isinstance(topic, str) and topic.strip():
            key = topic.strip().casefold()
            if key in topics:
                problems.add(f"{label}.topic", f'"{short(topic)}" repeats the topic of '
                             f"{topics[key]}; topics must differ (ignoring case)")
            topics.setdefault(key, label)
        start = read_clock_time(item.get("start"))
        if start is not None:
            _check_start(start, label, previous, end_of_day, problems)
            previous = (start, label)
    return sessions


def _check_start(start: time, label: str, previous: tuple[time, str] | None,
                 end_of_day: time | None, problems: Problems) -> None:
    """A start after the previous session's and not after end_of_day."""
    shown = format_hhmm(start)
    if previous is not None:
        before, before_label = previous
        if start == before:
            problems.add(f"{label}.start", f'"{shown}" is the same start as {before_label}; '
                         "two sessions can't start at the same time")
        elif start < before:
            problems.add(f"{label}.start", f'"{shown}" is before {before_label} '
                         f'("{format_hhmm(before)}"); sessions must be in time order')
    if end_of_day is not None and start > end_of_day:
        problems.add(f"{label}.start", f'"{shown}" is after agenda.end_of_day '
                     f'("{format_hhmm(end_of_day)}"); a session may start at the end of the '
                     "day at the latest")


def _session(item: Any, label: str, problems: Problems) -> Session | None:
    if not isinstance(item, dict):
        problems.add(label, f"expected a [[sessions]] table, {found(item)}")
        return None
    problems.unknown_keys(item, label, SESSION_KEYS)
    for key in ("start", "topic"):
        if key not in item:
            problems.add(f"{label}.{key}", f"missing key; expected {_WHAT[key]}")
    start = problems.clock_time(item["start"], f"{label}.start") if "start" in item else None
    topic = problems.text(item["topic"], f"{label}.topic", what=_WHAT["topic"]) \
        if "topic" in item else None
    who = problems.text(item.get("who", ""), f"{label}.who", what="the owner role as text",
                        empty_ok=True)
    description = problems.text(item.get("description", ""), f"{label}.description",
                                empty_ok=True)
    panels = _session_panels(item.get("panel", ""), f"{label}.panel", problems)
    questions = problems.text_list(item.get("questions", []), f"{label}.questions",
                                   what="questions")
    record = problems.figure_names(item.get("record", []), f"{label}.record")
    if who is not None and not who.strip() and (panels or questions or record):
        problems.add(f"{label}.who", "missing the owner role; only a break (no panel, "
                     "questions or record, like Lunch) may leave who empty")
        return None
    if (start is None or topic is None or who is None or description is None
            or panels is None or questions is None or record is None):
        return None
    return Session(start=start, topic=topic, who=who, description=description,
                   panels=panels, questions=questions, record=record)


def _session_panels(raw: Any, path: str, problems: Problems) -> tuple[str, ...] | None:
    """`panel`: one panel name, a list of them, or "none"."""
    if isinstance(raw, str):
        if raw in NO_PANEL:
            return ()
        names: list[Any] = [raw]
        paths = [path]
    elif isinstance(raw, list):
        names = raw
        paths = [f"{path}[{i}]" for i in range(1, len(raw) + 1)]
    else:
        problems.add(path, f'expected a panel name or a list of them (e.g. "traffic"), '
                     f"{found(raw)}")
        return None
    ok = True
    seen: set[str] = set()
    for name, where in zip(names, paths, strict=True):
        if not _known_panel(name, where, problems):
            ok = False
        elif name in seen:
            problems.add(where, f'"{name}" is listed twice')
            ok = False
        else:
            seen.add(name)
    return tuple(names) if ok else None


def _known_panel(name: Any, path: str, problems: Problems) -> bool:
    if not isinstance(name, str):
        problems.add(path, f"expected a panel name, {found(name)}")
        return False
    if name in PANEL_NAMES:
        return True
    close = suggest(name, PANEL_NAMES)
    hint = f'did you mean "{close}"? ' if close else ""
    problems.add(path, f'unknown panel "{short(name)}"; {hint}'
                 f"known panels: {', '.join(PANEL_NAMES)}")
    return False


def _panel_settings(raw: Any, problems: Problems) -> dict[str, dict[str, Any]] | None:
    """[panels.NAME] tables: any settings, for a known panel."""
    if not isinstance(raw, dict):
        problems.add("panels", f"expected [panels.NAME] tables, {found(raw)}")
        return None
    settings: dict[str, dict[str, Any]] = {}
    ok = True
    for name, table in raw.items():
        path = f"panels.{name}"
        if not _known_panel(name, path, problems):
            ok = False
        elif not isinstance(table, dict):
            problems.add(path, f"expected a [{path}] table of settings, {found(table)}")
            ok = False
        else:
            settings[name] = table
    return settings if ok else None
