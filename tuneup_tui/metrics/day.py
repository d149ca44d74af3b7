"""The day's panels, computed one way for everyone who shows them.

The console (in its panel worker), `tuneup summary` and `tuneup metrics` all call
`compute_day`: the same pack, the same as-of date and the same `DaySettings` give the same
figures, whichever order the panels are asked for in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from tuneup_tui.data.pack import DataPack
from tuneup_tui.metrics.registry import run_panel
from tuneup_tui.metrics.result import PanelResult
from tuneup_tui.metrics.settings import DaySettings


def compute_day(pack: DataPack, as_of: date, settings: DaySettings, names: Iterable[str],
                each: Callable[[PanelResult], None] | None = None) -> dict[str, PanelResult]:
    """Every panel in `names`, in that order, for the review period before `as_of`.

    A panel that fails carries its error; the others are computed all the same. `each` is
    handed every result as soon as it is done (the console shows panels as they come).
    """
    period = settings.period(as_of)
    results: dict[str, PanelResult] = {}
    for name in names:
        result = run_panel(name, pack, period, settings.for_panel(name, as_of))
        results[name] = result
        if each is not None:
            each(result)
    return results
