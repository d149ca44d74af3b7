"""A panel's settings for a run: the period kind and baseline length from the agenda, the
panel's `[panels.NAME]` options, and the run's as-of date. Without an agenda: weekly periods
and a baseline of 8."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tuneup_tui.metrics.result import PanelSettings

if TYPE_CHECKING:
    from tuneup_tui.agenda.model import Agenda

DEFAULT_BASELINE_PERIODS = 8


def panel_settings(agenda: Agenda | None, name: str, as_of: date) -> PanelSettings:
    """The settings panel `name` runs with under `agenda` (or the defaults) on `as_of`."""
    if agenda is None:
        return PanelSettings(as_of=as_of, baseline_periods=DEFAULT_BASELINE_PERIODS)
    sessions: dict[str, str] = {}
    for session in agenda.sessions:
        for panel in session.panels:
            sessions.setdefault(panel, session.topic)
    return PanelSettings(
        as_of=as_of,
        baseline_periods=agenda.baseline_periods,
        period_kind=agenda.period,
        options=dict(agenda.settings_for(name)),
        panel_options={panel: dict(options) for panel, options in agenda.panels.items()},
        sessions=sessions,
    )
