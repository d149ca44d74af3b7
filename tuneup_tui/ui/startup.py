"""The console's start: the run opened, the first frame drawn, then the rest of the screen.

The run is opened (or resumed) on the app's Load, before anything is composed, so the main
screen (the app's first screen, not one pushed over an empty default screen) is composed,
laid out and drawn once, already showing the day: the clock, the session and its countdown,
the agenda. Once that first frame is on screen the garbage collector is turned back on (it is
paused while the console starts), the panel worker starts (and soon imports pandas), the
session card joins the agenda, and the work area follows in steps (`screens/work_steps.py`).
An unfinished run is asked about first; the previous run's open items are offered once the
main screen is there to hold the dialog.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from tuneup_tui.agenda.clock import wall_time
from tuneup_tui.store.errors import StoreError
from tuneup_tui.ui.live import LiveRun, carried_on, run_clock
from tuneup_tui.ui.panel_feed import FIRST_FRAME_GRACE, PanelFeedApp
from tuneup_tui.ui.screens.main_view import session_to_show

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.screen import Screen
    from textual.timer import Timer
    from textual.worker import Worker

    from tuneup_tui.agenda.clock import Clock
    from tuneup_tui.store.console_lock import ConsoleLock
    from tuneup_tui.store.models import Run
    from tuneup_tui.ui.dialogs.carry_over import CarryDecision


class StartupApp(PanelFeedApp):
    """The console's start-up; `TuneupApp` builds on it."""

    clock: Clock
    last_run_figures: dict[str, dict[str, float | int | None]]
    _data_version: int | None
    _day_timers: list[Timer]
    _waiting: Run | None
    _carry_from: Run | None
    panels_worker: Worker[None] | None
    _panels_held = False
    _undo_stop_signals: Callable[[], None] | None = None
    _console_lock: ConsoleLock | None = None
    """This console's hold on its run (one console per run)."""
    failed: str | None = None
    """Why the run could not be opened (a damaged store), in one line; the console then ends
    at once and the command line says it (exit code 2)."""
    """Whether the panels wait for the answer to the resume question."""

    def on_load(self) -> None:
        # No garbage collections until the first frame is drawn: start-up makes a great deal
        # that lives all day, and a full collection walking it (30 ms and more) held up the
        # first frame. `_after_first_frame` freezes what start-up made and turns it back on.
        # It is worth about a tenth of a bare app's start (see `commands/run.py`).
        gc.disable()
        # The run is opened (or resumed) before anything is composed, so the main screen's
        # first frame already shows the day: the clock, the session, its countdown, the agenda.
        config = self.config
        if config.resume_run is not None:
            self._open(config.resume_run)
            return
        if config.offer_resume:
            self._waiting = self.store.unfinished_run(self.agenda.series)
        if self._waiting is None:
            self._open(None)

    def on_unmount(self) -> None:
        gc.enable()  # in case the console left before drawing its first frame
        if self._undo_stop_signals is not None:
            self._undo_stop_signals()
            self._undo_stop_signals = None
        if self.live is not None:
            self.live.writes.close()  # what waits for a busy store lands before the console ends
        if self._console_lock is not None:
            self._console_lock.release()
            self._console_lock = None

    def _hold(self, run_id: int) -> None:
        """Hold the run for this console (store/console_lock.py). The command line has refused
        a run open elsewhere already; losing a race for it after that is said, not fatal."""
        from tuneup_tui.store.console_lock import RunInUse, take_console_lock

        try:
            self._console_lock = take_console_lock(run_id)
        except RunInUse as err:
            self.notify(str(err), severity="error", timeout=30)

    def get_default_screen(self) -> Screen[None]:
        # The main screen is the app's first screen (not pushed over an empty default one):
        # it is composed, laid out and drawn once.
        return self.main

    def on_mount(self) -> None:
        from tuneup_tui.ui.hangup import on_stop_signals

        # Told to stop (kill, a closed terminal): save the note being typed, then quit.
        self._undo_stop_signals = on_stop_signals(
            self.main.save_notes, lambda: self.call_later(self.action_quit))
        if self.failed is not None:
            self.call_after_refresh(self.exit, return_code=2)
            return
        self.call_after_refresh(self._after_first_frame)
        waiting = self._waiting
        if waiting is not None:
            from tuneup_tui.ui.dialogs.resume_offer import ResumeOfferDialog

            self.push_screen(ResumeOfferDialog(waiting),
                             lambda resume: self._answer_resume(waiting, bool(resume)))
        else:
            self._start_clock()

    def _after_first_frame(self) -> None:
        # Start-up's objects will live all day: moving them out of the collector's view keeps
        # its full collections (while the panels' results pile up) short. The collector was
        # paused while the console started (`on_load`, and `commands/run.py` before it).
        gc.freeze()
        gc.enable()
        # The rest waits its turn behind whatever is already queued (keys pressed while the
        # console started are handled first).
        self.call_later(self._fill_in)

    def _fill_in(self) -> None:
        """Start everything the first frame did without: the panels, the session card, the work
        area."""
        # The panels' worker (a thread) starts now, not before the first frame; it waits a
        # moment more before it imports pandas. While an unfinished run is asked about it
        # waits for the answer, which says which data and date the panels are for.
        if self._waiting is None:
            self._start_panels()
        else:
            self._panels_held = True
        self.set_timer(FIRST_FRAME_GRACE, self._first_frame.set)
        # The work area next, in steps a frame apart (`screens/work_steps.py`).
        self.main.start_work_area()

    def _start_panels(self) -> None:
        """Compute the day's panels, the session on screen's first (a resumed one's)."""
        live = self.live
        self.panels_worker = self.compute_panels(
            session_to_show(live.status()) if live is not None else None)

    def _answer_resume(self, waiting: Run, resume: bool) -> None:
        self._waiting = None
        if resume:
            self._carry_on(waiting)
            self._open(waiting)
        else:
            self.store.end_run(waiting.id, wall_time(self.clock))
            self._open(None)
        self._start_clock()
        if self._panels_held:
            self._panels_held = False
            self._start_panels()

    def _carry_on(self, run: Run) -> None:
        """Resumed on the question, the run carries on as `tuneup run --resume` would carry it
        on: for its own date, on its own data folder unless the command line named one, at its
        own rehearsal speed unless the command line gave one."""
        config = self.config
        data_dir, speed = carried_on(run, config.data_dir, config.speed)
        if speed != config.speed:
            self.clock = run_clock(speed, self.store, run)
        self.config = config._replace(as_of=run.as_of, data_dir=data_dir, speed=speed,
                                      clock=self.clock)

    def _open(self, resume: Run | None) -> None:
        """Start a new run, or resume `resume`, and show it; `_start_clock` starts the clock.
        A store that fails while the run is read (damaged in the middle) ends the console."""
        try:
            self._open_run(resume)
        except StoreError as err:
            self.failed = str(err)
            if self.screen_stack:  # else `on_mount` ends it, once there is a screen to close
                self.exit(return_code=2)

    def _open_run(self, resume: Run | None) -> None:
        config = self.config
        if resume is not None:
            self._hold(resume.id)
            self.live = LiveRun.resume(self.agenda, self.store, resume, self.clock)
        else:
            toml = config.agenda_toml  # the command line passes the text it loaded
            if toml is None and config.agenda_path is not None:
                toml = config.agenda_path.read_text(encoding="utf-8").removeprefix("\ufeff")
            self.live = LiveRun.start_new(
                self.agenda, self.store, self.clock, agenda_toml=toml or "",
                agenda_path=config.agenda_path, as_of=config.as_of, data_dir=config.data_dir,
                mode=config.mode, speed=config.speed, start_now=config.start_now,
                rehearsal=config.rehearsal)
        if resume is None:
            self._hold(self.live.run.id)
        run = self.live.run
        self.sub_title = f"rehearsal {run.id}" if run.rehearsal else f"run {run.id}"
        previous = config.compare_with or self.store.previous_run(run)
        if previous is not None:
            self.last_run_figures = self.store.panel_figures(previous.id)
        for result in self.results.values():
            self._save_panel_figures(result, self.live)
        self._data_version = self.store.data_version()
        self.main.open_run(self.live)
        self._step()
        # A rehearsal carries nothing over: closing an item there would close the real one.
        self._carry_from = previous if resume is None and not run.rehearsal else None

    def _start_clock(self) -> None:
        """Keep the opened run's clock ticking and the store watched (`_open` has just shown
        where the run stands); then offer the previous run's open items (the main screen is
        there to hold the dialog by now)."""
        config = self.config
        if self.failed is not None:
            return
        self._day_timers = [self.set_interval(config.tick_seconds, self.tick),
                            self.set_interval(config.poll_seconds, self.poll_store)]
        previous, self._carry_from = self._carry_from, None
        if previous is not None:
            self._offer_carry_over(previous)

    def _offer_carry_over(self, previous: Run) -> None:
        items = self.store.actions(previous.id, status="open")
        if items:
            from tuneup_tui.ui.dialogs.carry_over import CarryOverDialog

            self.push_screen(CarryOverDialog(items, self.agenda.roster), self._carry_over)

    def _carry_over(self, decisions: list[CarryDecision] | None) -> None:
        if self.live is None or not decisions:
            return
        run_id = self.live.run.id
        for choice in decisions:
            item = choice.item
            if choice.decision == "close":
                self.store.update_action(item.id, status="done")
            else:
                self.store.add_action(run_id, item.text, choice.owner, due=item.due,
                                      session=item.session, carried_from=item.id)
        self.main.refresh_store_data()

    def tick(self) -> None:
        """Move the console to the clock's now (`TuneupApp`)."""
        raise NotImplementedError

    def poll_store(self) -> None:
        """Refresh what other processes added to the store (`TuneupApp`)."""
        raise NotImplementedError

    def _step(self) -> None:
        """Move the run to the clock's now and show it (`TuneupApp`)."""
        raise NotImplementedError
