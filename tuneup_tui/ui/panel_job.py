"""The panels' work, run inside a thread worker: open the pack once, compute each panel.

This is the only console module that reaches pandas, and only when its function runs: the
console imports it lazily so the first frame is drawn before pandas is loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from tuneup_tui.agenda.model import Agenda
from tuneup_tui.data.period import review_period
from tuneup_tui.metrics.names import PANEL_TITLES
from tuneup_tui.metrics.result import PanelResult

NO_DATA = "no data folder: start the run with --data DIR (or try `tuneup demo`)"


def panel_order(agenda: Agenda, first: int | None) -> list[str]:
    """Every panel the agenda uses, once each: session `first`'s panels, then the day's."""
    order: list[str] = []
    sessions = list(agenda.sessions)
    if first is not None and 0 <= first < len(sessions):
        sessions.insert(0, sessions[first])
    for session in sessions:
        for name in session.panels:
            if name not in order:
                order.append(name)
    return order


def failed_results(agenda: Agenda, as_of: date, names: Sequence[str], error: str
                   ) -> list[PanelResult]:
    """Every panel in `names` failed with `error` (no pandas needed)."""
    period = review_period(as_of, agenda.period)
    baseline = period.baseline(agenda.baseline_periods)
    return [PanelResult.failed(n, PANEL_TITLES.get(n, n), period, baseline, error)
            for n in names]


def compute_panels(agenda: Agenda, data_dir: Path | None, as_of: date, names: Sequence[str],
                   post: Callable[[PanelResult], None]) -> None:
    """Compute each panel of `names` in order and hand each result to `post` as it is done."""
    if data_dir is None:
        for result in failed_results(agenda, as_of, names, NO_DATA):
            post(result)
        return
    from tuneup_tui.data.pack import DataPack
    from tuneup_tui.metrics.registry import run_panel
    from tuneup_tui.metrics.settings import panel_settings

    period = review_period(as_of, agenda.period)
    pack = DataPack.open(data_dir)
    for name in names:
        post(run_panel(name, pack, period, panel_settings(agenda, name, as_of)))
