"""Writing an `Agenda` back to TOML (tomli-w), in the same shape a facilitator writes by hand.

Loading what this writes gives an equal agenda. Used to save derived monthly and weekly agendas
and edited copies; the file is replaced atomically so a reader never sees half of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli_w

from tuneup_tui.agenda.model import Agenda, Session, format_hhmm
from tuneup_tui.fsutil import atomic_write_text


def dumps_agenda(agenda: Agenda, *, header: str | None = None) -> str:
    """The agenda as TOML text. `header`, when given, opens the file as `#` comment lines."""
    doc: dict[str, Any] = {
        "agenda": {
            "title": agenda.title,
            "series": agenda.series,
            "cadence": agenda.cadence,
            "period": agenda.period,
            "baseline_periods": agenda.baseline_periods,
            "end_of_day": format_hhmm(agenda.end_of_day),
        },
    }
    if agenda.roles:
        doc["roles"] = [{"role": r.role, "people": list(r.people)} for r in agenda.roles]
    doc["sessions"] = [_session_table(s) for s in agenda.sessions]
    if agenda.panels:
        doc["panels"] = {name: dict(settings) for name, settings in agenda.panels.items()}
    # Multi-line strings would read "\r\n" back as "\n"; escaped strings round-trip exactly.
    text = tomli_w.dumps(doc)
    if header:
        comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
        text = f"{comment}\n{text}"
    return text


def write_agenda(agenda: Agenda, path: Path, *, header: str | None = None) -> None:
    """Save the agenda as TOML at `path`, atomically."""
    atomic_write_text(Path(path), dumps_agenda(agenda, header=header))


def _session_table(session: Session) -> dict[str, Any]:
    """One [[sessions]] table; keys left at their defaults are left out, as people write it."""
    table: dict[str, Any] = {"start": format_hhmm(session.start), "topic": session.topic}
    if session.who:
        table["who"] = session.who
    if session.description:
        table["description"] = session.description
    if len(session.panels) == 1:
        table["panel"] = session.panels[0]
    elif session.panels:
        table["panel"] = list(session.panels)
    if session.questions:
        table["questions"] = list(session.questions)
    if session.record:
        table["record"] = list(session.record)
    return table
