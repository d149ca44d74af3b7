"""Computing the day's panels for the console, without ever holding it up.

`PanelFeed` owns the panel worker and the day's results. The worker (a thread) waits until the
first frame is on screen, then has every panel of the day computed once, the current session's
first, in a child process that imports pandas (`run/panels.py`); each result is posted to the
console as a `PanelReady` message as it comes, its figures saved with the run from the worker.
"""

from __future__ import annotations

import gc
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.worker import Worker

    from tuneup_tui.metrics.result import PanelResult
    from tuneup_tui.run.live import LiveRun
    from tuneup_tui.ui.config import ConsoleConfig
    from tuneup_tui.ui.messages import PanelReady, PanelsFailed

FIRST_FRAME_GRACE = 0.05
"""Seconds the panel worker waits after the first refresh before it imports pandas: the first
frame is on screen before the import competes with it for the interpreter."""

FIRST_FRAME_WAIT_LIMIT = 5.0
"""The panel worker never waits longer than this for the first frame (a console that cannot
draw still computes its panels)."""

GC_THRESHOLDS_WHILE_COMPUTING = (50_000, 50, 1000)
"""Python's collector thresholds while the panels' results come in: the results piling up
would otherwise trigger full collections (65 to 100 ms pauses of the console) every few panels.
Measured (docs/benchmarks.md, stall while panels compute): without it the console stalled 90 to
120 ms where it stalled 36 to 55 ms with it, in the same minutes."""


class PanelFeed:
    """The day's panels: the worker computing them and the results as they come."""

    def __init__(self, app: App[None]) -> None:
        self._app = app
        self.results: dict[str, PanelResult] = {}
        """Computed panels by name (failed ones carry their error)."""
        self.worker: Worker[None] | None = None
        """The worker computing the day's panels, started once the first frame is drawn."""
        self.first_frame = threading.Event()
        """Set once the first frame is drawn: the worker imports pandas only after it."""
        self.live: LiveRun | None = None
        """The run the panels' figures are saved with, once it is open."""
        self._config: ConsoleConfig | None = None

    def start(self, config: ConsoleConfig, first: int | None) -> None:
        """Compute every panel of the day on `config`'s data, session `first`'s first."""
        self._config = config
        self.worker = self._app.run_worker(
            lambda: self._compute(config, first), thread=True, exclusive=True,
            group="panels", exit_on_error=False)

    def run_opened(self, live: LiveRun) -> None:
        """Save the figures of the panels already in with the run just opened."""
        self.live = live
        for result in self.results.values():
            live.save_panel_figures(result)

    def take(self, message: PanelReady) -> str:
        """Keep a panel that is ready (its figures saved, if the worker could not); its name."""
        result = message.result
        self.results[result.name] = result
        live = self.live
        if live is not None and message.saved_for != live.run.id:
            live.save_panel_figures(result)
        return result.name

    def fail(self, message: PanelsFailed) -> list[str]:
        """Every panel still pending failed with the worker's error; their names."""
        from tuneup_tui.metrics.settings import day_settings
        from tuneup_tui.run.panels import failed_results

        config = self._config
        if config is None:
            return []
        pending = [n for n in self.day_panels() if n not in self.results]
        for result in failed_results(day_settings(config.agenda), config.as_of, pending,
                                     message.error):
            self.results[result.name] = result
        return pending

    def day_panels(self) -> list[str]:
        from tuneup_tui.run.panels import panel_order

        return panel_order(self._config.agenda, None) if self._config is not None else []

    def all_in(self) -> bool:
        """Whether every panel of the day is in (computed or failed)."""
        return self._config is not None and set(self.day_panels()) <= set(self.results)

    # in the worker's thread

    def _compute(self, config: ConsoleConfig, first: int | None) -> None:
        self._wait_for_first_frame()
        if not self._app.is_running:  # the console left before it drew anything
            return
        from textual.worker import get_current_worker

        from tuneup_tui.metrics.settings import day_settings
        from tuneup_tui.run.panels import PackNotOpened, compute_panels, panel_order
        from tuneup_tui.ui.messages import PanelsFailed

        worker = get_current_worker()
        thresholds = gc.get_threshold()
        gc.set_threshold(*GC_THRESHOLDS_WHILE_COMPUTING)
        try:
            data_dir = config.data_dir
            if config.prepare_data is not None:
                data_dir = config.prepare_data()
            compute_panels(day_settings(config.agenda), data_dir, config.as_of,
                           panel_order(config.agenda, first), self._post,
                           in_process=config.panels_in_process,
                           cancelled=lambda: worker.is_cancelled or not self._app.is_running)
        except PackNotOpened as err:  # every panel says why
            self._app.post_message(PanelsFailed(str(err)))
        except Exception as err:  # the demo's pack could not be made: the same
            self._app.post_message(PanelsFailed(f"{type(err).__name__}: {err}".splitlines()[0]))
        finally:
            gc.set_threshold(*thresholds)

    def _wait_for_first_frame(self) -> None:
        waited = 0.0
        while not self.first_frame.wait(0.02) and self._app.is_running:
            waited += 0.02
            if waited >= FIRST_FRAME_WAIT_LIMIT:
                return

    def _post(self, result: PanelResult) -> None:
        # Saved here, in the worker, so the synced write never holds up the console; a result
        # that comes before the run is open is saved when the run opens (`run_opened`).
        from tuneup_tui.ui.messages import PanelReady

        live = self.live
        saved_for = None
        if live is not None:
            try:
                live.save_panel_figures(result)
                saved_for = live.run.id
            except Exception as err:  # the console's thread tries again and says why
                self._app.log.error(f"panel figures not saved in the worker: {err}")
        self._app.post_message(PanelReady(result, saved_for))
