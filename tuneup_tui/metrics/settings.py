"""The settings a day's panels run with: the period kind and baseline length, and each panel's
`[panels.NAME]` options. Without an agenda: weekly periods and a baseline of 8.

The agenda hands its settings over as a plain `DaySettings` (`day_settings(agenda)` reads them
off any object with the agenda's three fields), so the metrics layer never imports the agenda.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from tuneup_tui.data.period import Baseline, Period, PeriodKind, review_period
from tuneup_tui.metrics.result import PanelSettings

DEFAULT_BASELINE_PERIODS = 8


class SettingsSource(Protocol):
    """What the day's settings are read from: an agenda (its three fields, nothing else)."""

    @property
    def period(self) -> PeriodKind: ...
    @property
    def baseline_periods(self) -> int: ...
    @property
    def panels(self) -> Mapping[str, Mapping[str, Any]]: ...


@dataclass(frozen=True, slots=True)
class DaySettings:
    """How every panel of a day is computed, whoever asks: the console, `tuneup summary` and
    `tuneup metrics` alike."""

    period_kind: PeriodKind = "week"
    baseline_periods: int = DEFAULT_BASELINE_PERIODS
    panels: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Each panel's options (thresholds, the lead score threshold, the lead lifetime)."""
    sessions: Mapping[str, str] = field(default_factory=dict)
    """Panel name -> the topic of the first session showing it (where the scorecard says a
    figure is dug into)."""

    def period(self, as_of: date) -> Period:
        """The review period before `as_of`."""
        return review_period(as_of, self.period_kind)

    def baseline(self, as_of: date) -> Baseline:
        """The baseline periods just before the review period."""
        return self.period(as_of).baseline(self.baseline_periods)

    def for_panel(self, name: str, as_of: date) -> PanelSettings:
        """The settings panel `name` runs with on `as_of`."""
        return PanelSettings(as_of=as_of, baseline_periods=self.baseline_periods,
                             period_kind=self.period_kind,
                             options=dict(self.panels.get(name, {})),
                             panel_options=self.panels, sessions=self.sessions)


def day_settings(agenda: SettingsSource | None) -> DaySettings:
    """The settings `agenda` gives its panels, or the defaults without one."""
    if agenda is None:
        return DaySettings()
    # plain dicts: the settings travel to the process that computes the console's panels
    return DaySettings(period_kind=agenda.period, baseline_periods=agenda.baseline_periods,
                       panels={name: dict(options) for name, options in agenda.panels.items()},
                       sessions=_sessions_by_panel(getattr(agenda, "sessions", ())))


def _sessions_by_panel(sessions: Iterable[Any]) -> dict[str, str]:
    """Each panel's first session topic, in the agenda's order."""
    found: dict[str, str] = {}
    for session in sessions:
        for panel in getattr(session, "panels", ()):
            found.setdefault(panel, str(session.topic))
    return found


def panel_settings(agenda: SettingsSource | None, name: str, as_of: date) -> PanelSettings:
    """The settings panel `name` runs with under `agenda` (or the defaults) on `as_of`."""
    return day_settings(agenda).for_panel(name, as_of)
