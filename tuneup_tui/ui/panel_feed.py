"""Computing the day's panels for the console, without ever holding it up.

A thread worker waits until the first frame is on screen, then drives a child process
(`panel_job.py`) that imports pandas and computes every panel of the day once, the current
session's first; each result is posted to the console as it comes, its figures saved to the
store from the worker.
"""

from __future__ import annotations

import gc
import threading
from typing import TYPE_CHECKING

from textual import work
from textual.app import App

if TYPE_CHECKING:
    from tuneup_tui.agenda.model import Agenda
    from tuneup_tui.metrics.result import PanelResult
    from tuneup_tui.store.db import RunStore
    from tuneup_tui.ui.config import ConsoleConfig
    from tuneup_tui.ui.live import LiveRun
    from tuneup_tui.ui.messages import PanelReady, PanelsFailed
    from tuneup_tui.ui.screens.main import MainScreen

FIRST_FRAME_GRACE = 0.05
"""Seconds the panel worker waits after the first refresh before it imports pandas: the first
frame is on screen before the import competes with it for the interpreter."""

FIRST_FRAME_WAIT_LIMIT = 5.0
"""The panel worker never waits longer than this for the first frame (a console that cannot
draw still computes its panels)."""

GC_THRESHOLDS_WHILE_COMPUTING = (50_000, 50, 1000)
"""Python's collector thresholds while the panels compute: the results piling up would
otherwise trigger full collections (65 to 100 ms pauses of the console) every few panels."""


class PanelFeedApp(App[None]):
    """The console's panel computing; `TuneupApp` builds on it."""

    config: ConsoleConfig
    agenda: Agenda
    store: RunStore
    live: LiveRun | None
    main: MainScreen
    results: dict[str, PanelResult]
    _first_frame: threading.Event

    @work(thread=True, exclusive=True, group="panels", exit_on_error=False)
    def compute_panels(self, first: int | None) -> None:
        """Every panel of the day, the current session's first, posted as each is done."""
        self._wait_for_first_frame()
        if not self._running:  # the console left before it drew anything
            return
        from textual.worker import get_current_worker

        from tuneup_tui.ui.messages import PanelsFailed
        from tuneup_tui.ui.panel_job import PackNotOpened, compute_panels, panel_order

        worker = get_current_worker()
        names = panel_order(self.agenda, first)
        thresholds = gc.get_threshold()
        gc.set_threshold(*GC_THRESHOLDS_WHILE_COMPUTING)
        try:
            data_dir = self.config.data_dir
            if self.config.prepare_data is not None:
                data_dir = self.config.prepare_data()
            compute_panels(self.agenda, data_dir, self.config.as_of, names, self._post_panel,
                           in_process=self.config.panels_in_process,
                           cancelled=lambda: worker.is_cancelled or not self._running)
        except PackNotOpened as err:  # every panel says why
            self.post_message(PanelsFailed(str(err)))
        except Exception as err:  # the demo's pack could not be made: the same
            self.post_message(PanelsFailed(f"{type(err).__name__}: {err}".splitlines()[0]))
        finally:
            gc.set_threshold(*thresholds)

    def _wait_for_first_frame(self) -> None:
        waited = 0.0
        while not self._first_frame.wait(0.02) and self._running:
            waited += 0.02
            if waited >= FIRST_FRAME_WAIT_LIMIT:
                return

    def _post_panel(self, result: PanelResult) -> None:
        # Saved here, in the worker, so the synced write never holds up the console; a result
        # that comes before the run is open is saved when the run opens (`_open`).
        from tuneup_tui.ui.messages import PanelReady

        live = self.live
        saved_for = None
        if live is not None:
            try:
                self._save_panel_figures(result, live)
                saved_for = live.run.id
            except Exception as err:  # the console's thread tries again and says why
                self.log.error(f"panel figures not saved in the worker: {err}")
        self.post_message(PanelReady(result, saved_for))

    def on_panel_ready(self, message: PanelReady) -> None:
        result = message.result
        self.results[result.name] = result
        if self.live is not None and message.saved_for != self.live.run.id:
            self._save_panel_figures(result, self.live)
        self.main.panel_ready(result.name)
        self._freeze_when_all_panels_are_in()

    def on_panels_failed(self, message: PanelsFailed) -> None:
        from tuneup_tui.ui.panel_job import failed_results, panel_order

        pending = [n for n in panel_order(self.agenda, None) if n not in self.results]
        for result in failed_results(self.agenda, self.config.as_of, pending, message.error):
            self.results[result.name] = result
            self.main.panel_ready(result.name)
        self._freeze_when_all_panels_are_in()

    def _freeze_when_all_panels_are_in(self) -> None:
        # The day's results and the panel on screen live on: out of the collector's view, the
        # full collections while attendees log stay short.
        from tuneup_tui.ui.panel_job import panel_order

        if set(panel_order(self.agenda, None)) <= set(self.results):
            self.call_after_refresh(gc.freeze)

    def _save_panel_figures(self, result: PanelResult, live: LiveRun) -> None:
        from tuneup_tui.store.db import RunStore

        if result.error is None and result.figures:
            live.writes.save(RunStore.save_panel_figures, live.run.id, result.name,
                             dict(result.figures))
