"""What the main screen shows of a session, worked out without drawing anything: which session
belongs on screen, its findings, the recorded figures it shows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tuneup_tui.agenda.model import Session
    from tuneup_tui.agenda.schedule import ScheduleStatus
    from tuneup_tui.metrics.result import Finding, PanelResult


def session_to_show(status: ScheduleStatus) -> int | None:
    """The session whose card, panel and notes belong on screen: the current one, and before
    the day starts the first, ready to go."""
    return 0 if not status.started and status.current is None else status.current


def session_findings(session: Session, panels: Mapping[str, PanelResult]) -> list[Finding]:
    """The findings of the session's panels, one fact seen by two panels once (the first,
    most severe)."""
    from tuneup_tui.metrics.result import SEVERITY_ORDER

    found = [f for name in session.panels
             for f in (panels[name].findings if name in panels else ())]
    kept: dict[str, Finding] = {}
    for f in sorted(found, key=lambda f: SEVERITY_ORDER.get(f.severity, 9)):
        kept.setdefault(f.identity, f)
    return list(kept.values())


def recorded_wanted(session: Session | None, panels: Mapping[str, PanelResult]) -> set[str]:
    """The recorded figures the session's card shows: those it records, and those its panels'
    figures relate to."""
    from tuneup_tui.ui.widgets.panel_view import related_names

    wanted: set[str] = set(session.record) if session else set()
    if session is not None:
        for name in session.panels:
            result = panels.get(name)
            if result is not None:
                wanted.update(related_names(list(result.figures)))
    return wanted
