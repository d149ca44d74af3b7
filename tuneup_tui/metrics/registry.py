"""Panel name -> panel function, and running a panel so that its failure stays its own."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import replace

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Period
from tuneup_tui.metrics.names import PANEL_NAMES, PANEL_TITLES
from tuneup_tui.metrics.period_data import judged_by_reach
from tuneup_tui.metrics.result import PanelResult, PanelSettings

PanelFunction = Callable[[DataPack, Period, PanelSettings], PanelResult]


def panel_function(name: str) -> PanelFunction:
    """The function of a registered panel (module `tuneup_tui.metrics.<name>`, `compute`)."""
    if name not in PANEL_NAMES:
        raise KeyError(f"unknown panel {name!r}; known: {', '.join(PANEL_NAMES)}")
    module = importlib.import_module(f"tuneup_tui.metrics.{name}")
    fn: PanelFunction = module.compute
    return fn


def run_panel(name: str, pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """Compute one panel; a DataError (or any bug) becomes that panel's error, never a crash.

    The panel carries one note per file of the sources it read that was set aside, or left
    out because its range spans more than one review period.
    """
    baseline = period.baseline(settings.baseline_periods)
    title = PANEL_TITLES.get(name, name)
    with pack.reviewing(period) as used:
        try:
            result, read = computed(name, pack, period, settings)
            used.update(read)
            result = judged_by_reach(result, pack)
        except DataError as err:
            result = PanelResult.failed(name, title, period, baseline, str(err))
        except Exception as err:  # a panel bug must not take the console down
            message = f"{name}: could not compute ({type(err).__name__}: {err})"
            result = PanelResult.failed(name, title, period, baseline,
                                        message.splitlines()[0])
    extra = pack.warnings(used, period.kind)
    if not extra:
        return result
    return replace(result, notes=(*result.notes, *(n for n in extra if n not in result.notes)))


def computed(name: str, pack: DataPack, period: Period, settings: PanelSettings
             ) -> tuple[PanelResult, frozenset[str]]:
    """A panel's result and the sources it read, computed once per pack for these settings.

    The scorecard reads the figures of most other panels: computed here once, they are the
    same results the console then shows, not a second computation. A panel that raises is not
    kept (the next caller tries again)."""
    def build() -> tuple[PanelResult, frozenset[str]]:
        with pack.reviewing(period) as used:
            result = panel_function(name)(pack, period, settings)
        return result, frozenset(used)

    return pack.derived(("panel", name, period, repr(settings)), build)

