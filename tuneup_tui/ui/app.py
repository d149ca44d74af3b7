"""The Tune Up console: the app, built by `make_app` for the CLI and the tests alike.

The app opens (or resumes) the run on its Load, before anything is composed, so the main
screen (its first screen) is composed, laid out and drawn once, already showing the day. Once
that first frame is on screen the collector is turned back on (it is paused while the console
starts), the panels start computing (`PanelFeed`), and the screen brings in its card and work
area. Then the clock ticks (`DayPulse` says when to ring and when the day is over), the store
is watched for attendees' items, and the summary is written at the end of the day. What is on
screen lives in `screens/main.py`; every change to the run goes through `run/live.py`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App
from textual.binding import BindingType

from tuneup_tui.agenda.clock import Clock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.agenda.schedule import Mode
from tuneup_tui.run.clock import carried_on, run_clock
from tuneup_tui.run.opening import (
    Figures,
    close_unfinished,
    open_day,
    open_items,
    unfinished,
)
from tuneup_tui.run.pulse import DayPulse
from tuneup_tui.store.db import RunStore, StoreError
from tuneup_tui.store.models import Run
from tuneup_tui.ui.actions import bindings
from tuneup_tui.ui.config import ConsoleConfig, new_run
from tuneup_tui.ui.hangup import ConsoleHold
from tuneup_tui.ui.keymap import KeymapError, load_keymap
from tuneup_tui.ui.literal import plain_paste, say
from tuneup_tui.ui.panel_feed import FIRST_FRAME_GRACE, PanelFeed
from tuneup_tui.ui.screens.main import MainScreen
from tuneup_tui.ui.screens.session_parts import session_to_show
from tuneup_tui.ui.widgets.header_bar import HeaderBar

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.screen import Screen
    from textual.timer import Timer
    from textual.worker import Worker

    from tuneup_tui.metrics.result import PanelResult
    from tuneup_tui.run.live import LiveRun
    from tuneup_tui.ui.dialogs.carry_over import CarryDecision
    from tuneup_tui.ui.messages import PanelReady, PanelsFailed, SummaryFailed, SummaryWritten
    from tuneup_tui.ui.summary import SummaryWriter


def make_app(
    agenda: Agenda,
    agenda_path: Path | None,
    data_dir: Path | None,
    as_of: date,
    store: RunStore,
    clock: Clock,
    *,
    mode: Mode = "facilitator",
    speed: float = 1.0,
    resume_run: Run | None = None,
    start_now: bool = False,
    offer_resume: bool = True,
    agenda_toml: str | None = None,
    tick_seconds: float = 0.25,
    poll_seconds: float = 0.5,
    prepare_data: Callable[[], Path] | None = None,
    panels_in_process: bool = True,
    rehearsal: bool = False,
    compare_with: Run | None = None,
) -> TuneupApp:
    """The console for one run of `agenda` on the pack in `data_dir`, saved in `store`."""
    return TuneupApp(ConsoleConfig(
        agenda=agenda, agenda_path=agenda_path, data_dir=data_dir, as_of=as_of, store=store,
        clock=clock, mode=mode, speed=speed, resume_run=resume_run, start_now=start_now,
        offer_resume=offer_resume, agenda_toml=agenda_toml, tick_seconds=tick_seconds,
        poll_seconds=poll_seconds, prepare_data=prepare_data,
        panels_in_process=panels_in_process, rehearsal=rehearsal, compare_with=compare_with,
    ))


def _console_commands() -> type[Provider]:
    """The console's commands for the palette (imported when the palette first opens)."""
    from tuneup_tui.ui.commands import TuneupCommands

    return TuneupCommands


class TuneupApp(App[None]):
    """The facilitator's console."""

    CSS_PATH = "app.tcss"
    TITLE = "tuneup"
    COMMANDS = App.COMMANDS | {_console_commands}
    HORIZONTAL_BREAKPOINTS = [(0, "-small"), (90, "-narrow"), (112, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = list(bindings("app"))

    def __init__(self, config: ConsoleConfig) -> None:
        super().__init__()
        self.config = config
        self.agenda = config.agenda
        self.store = config.store
        self.clock = config.clock
        self.live: LiveRun | None = None
        """The run being facilitated; None while the resume question is open."""
        self.feed = PanelFeed(self)
        """The day's panels: their worker and results."""
        self.last_run_figures: Figures = {}
        """The previous run of the series' panel figures, to show each figure's change."""
        self._summary: SummaryWriter | None = None
        self.pulse = DayPulse(len(config.agenda.sessions))
        self._day_timers: list[Timer] = []
        self._waiting: Run | None = None
        """An unfinished run of the series the console asks about before opening its own."""
        self._carry_from: Run | None = None
        """The previous run whose open items are offered to carry over (once the screen is
        there)."""
        self._panels_held = False
        """Whether the panels wait for the answer to the resume question."""
        self.hold = ConsoleHold()
        """This console's hold on its run and on the stop signals."""
        self.failed: str | None = None
        """Why the run could not be opened (a store damaged in the middle), in one line: the
        console then ends at once and the command line says it (exit code 2)."""
        self.main = MainScreen(config.agenda, config.clock, self.feed.results, self.tick)
        self.keymap: dict[str, str] = {}
        """The keys the user's keymap file moved, by binding id."""
        self.keymap_problem: str | None = None
        """Why the user's keymap file was left out, said once the console is up."""
        try:
            self.keymap = load_keymap()
        except KeymapError as err:
            self.keymap_problem = str(err)
        self.set_keymap(self.keymap)

    @property
    def results(self) -> dict[str, PanelResult]:
        """Computed panels by name (failed ones carry their error)."""
        return self.feed.results

    @property
    def panels_worker(self) -> Worker[None] | None:
        return self.feed.worker

    # the start

    def on_load(self) -> None:
        # The run is opened (or resumed) before anything is composed, so the main screen's
        # first frame already shows the day: the clock, the session, its countdown, the agenda.
        config = self.config
        if config.resume_run is not None:
            self._open(config.resume_run)
            return
        if config.offer_resume:
            self._waiting = unfinished(self.store, self.agenda)
        if self._waiting is None:
            self._open(None)

    def get_default_screen(self) -> Screen[None]:
        # The main screen is the app's first screen (not pushed over an empty default one):
        # it is composed, laid out and drawn once.
        return self.main

    def on_mount(self) -> None:
        if self.failed is not None:
            self.call_after_refresh(self.exit, return_code=2)
            return
        if self.keymap_problem:
            say(self, self.keymap_problem, severity="warning", timeout=30)
        # Told to stop (kill, a closed terminal): save the note being typed, then quit.
        self.hold.on_stop(self.main.save_notes, lambda: self.call_later(self.action_quit))
        self.call_after_refresh(self._after_first_frame)
        waiting = self._waiting
        if waiting is not None:
            from tuneup_tui.ui.dialogs.resume_offer import ResumeOfferDialog

            self.push_screen(ResumeOfferDialog(waiting),
                             lambda resume: self._answer_resume(waiting, bool(resume)))
        else:
            self._start_clock()

    def on_unmount(self) -> None:
        if self.live is not None:
            self.live.writes.close()  # what waits for a busy store lands before the console ends
        self.hold.release()

    def _after_first_frame(self) -> None:
        # `tuneup run` and `tuneup demo` pause the collector while the console starts (see
        # `commands/run.py`, measured in docs/benchmarks.md); the first frame ends that pause.
        # Start-up's objects will live all day: moving them out of the collector's view keeps
        # its full collections (while the panels' results pile up) short.
        gc.freeze()
        gc.enable()
        # The rest waits its turn behind whatever is already queued (keys pressed while the
        # console started are handled first).
        self.call_later(self._fill_in)

    def _fill_in(self) -> None:
        """Start everything the first frame did without: the panels (unless the resume
        question holds them: its answer says which data and date they are for), then the
        session card and the work area, in steps a frame apart."""
        if self._waiting is None:
            self._start_panels()
        else:
            self._panels_held = True
        self.set_timer(FIRST_FRAME_GRACE, self.feed.first_frame.set)
        self.main.start_work_area()

    def _start_panels(self) -> None:
        """Compute the day's panels, the session on screen's first (a resumed one's)."""
        live = self.live
        self.feed.start(self.config, session_to_show(live.status()) if live else None)

    def _answer_resume(self, waiting: Run, resume: bool) -> None:
        self._waiting = None
        if resume:
            self._carry_on(waiting)
            self._open(waiting)
        else:
            close_unfinished(self.store, waiting, self.clock)
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
        self.config = replace(config, as_of=run.as_of, data_dir=data_dir, speed=speed,
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
        if resume is not None:
            self._hold(resume.id)
        day = open_day(self.agenda, self.store, self.clock, resume=resume,
                       new=new_run(self.config), compare_with=self.config.compare_with)
        live = self.live = day.live
        if resume is None:
            self._hold(live.run.id)
        self.sub_title = f"{'rehearsal' if live.run.rehearsal else 'run'} {live.run.id}"
        self.last_run_figures = day.last_run_figures
        self.feed.run_opened(live)
        self.main.open_run(live, day.last_run_figures)
        self._step()
        self._carry_from = day.carry_from

    def _hold(self, run_id: int) -> None:
        problem = self.hold.take_run(run_id)
        if problem is not None:
            self.notify(problem, severity="error", timeout=30)

    def _start_clock(self) -> None:
        """Keep the opened run's clock ticking and the store watched; then offer the previous
        run's open items (the main screen is there to hold the dialog by now)."""
        config = self.config
        if self.failed is not None:
            return
        self._day_timers = [self.set_interval(config.tick_seconds, self.tick),
                            self.set_interval(config.poll_seconds, self.poll_store)]
        previous, self._carry_from = self._carry_from, None
        items = open_items(self.store, previous)
        if items:
            from tuneup_tui.ui.dialogs.carry_over import CarryOverDialog

            self.push_screen(CarryOverDialog(items, self.agenda.roster), self._carry_over)

    def _carry_over(self, decisions: list[CarryDecision] | None) -> None:
        live = self.live
        if live is None or not decisions:
            return
        for choice in decisions:
            live.carry_over(choice.item, None if choice.decision == "close" else choice.owner)
        self.main.refresh_store_data()

    # the day

    def tick(self) -> None:
        """Move the console to the clock's now: header, agenda, session changes, bell, end."""
        if self.live is not None and self._showing():
            self._step()

    def _step(self) -> None:
        live = self.live
        if live is None:
            return
        live.start_if_due()
        status = live.status()
        self.main.show_status(status)
        if self.pulse.ring(status):
            self.bell()
        end = self.pulse.day_end(status, live.run.finished)
        if end is not None:
            self.main.save_notes()
            if end == "end the run":
                live.end()
            self.write_summary()

    def poll_store(self) -> None:
        """Refresh what other processes may have added (attendees' items) when it changed."""
        if not self._showing():
            return
        header = self.main.query_one(HeaderBar)
        shared_status = getattr(self.store, "shared_status", None)
        if shared_status is not None:
            state = shared_status()
            header.show_shared(state.line, state.short)
        if self.live is not None:
            writes = self.live.writes
            header.show_saving(writes.status)
            while writes.failures:
                say(self, f"Not saved: {writes.failures.popleft()}", severity="error",
                    timeout=20)
        if self.live is not None and self.live.store_changed():
            self.main.refresh_store_data()

    def _showing(self) -> bool:
        """Whether the main screen is there to draw on (not while the console shuts down: a
        timer that fires then would find its widgets gone)."""
        return self._running and self.main.is_attached

    # the panels

    def on_panel_ready(self, message: PanelReady) -> None:
        self.main.panel_ready(self.feed.take(message))
        self._freeze_when_all_panels_are_in()

    def on_panels_failed(self, message: PanelsFailed) -> None:
        for name in self.feed.fail(message):
            self.main.panel_ready(name)
        self._freeze_when_all_panels_are_in()

    def _freeze_when_all_panels_are_in(self) -> None:
        # The day's results and the panel on screen live on: out of the collector's view, the
        # full collections while attendees log stay short.
        if self.feed.all_in():
            self.call_after_refresh(gc.freeze)

    # the summary

    def write_summary(self) -> None:
        """Write the next-steps summary (in a worker) and say where it is."""
        if self.live is not None:
            self.summary.write(self.live.run.id, self.results, self.live.writes.settle)

    @property
    def summary(self) -> SummaryWriter:
        """The summary's writer (imported once the day needs it, not before the first frame)."""
        if self._summary is None:
            from tuneup_tui.ui.summary import SummaryWriter

            self._summary = SummaryWriter(self, self.store)
        return self._summary

    @property
    def summary_folder(self) -> Path | None:
        """Where the day's summary was written, once it has been."""
        return self._summary.folder if self._summary is not None else None

    def on_summary_written(self, message: SummaryWritten) -> None:
        again = self.summary.written(message.folder)
        say(self, f"Next-steps summary {'updated in' if again else 'written to'} "
            f"{message.folder}", title="End of day", timeout=30)
        self.main.show_day_over(message.folder)

    def on_summary_failed(self, message: SummaryFailed) -> None:
        say(self, f"Could not write the summary: {message.error}. Everything is saved; "
            "try `tuneup summary` later.", severity="error", timeout=30)

    # app-wide actions

    async def on_event(self, event: events.Event) -> None:
        await super().on_event(plain_paste(event))

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """The palette's Screenshot, saved in the run's folder (see ui/screenshot.py); a file
        name or folder asked for is not used."""
        from tuneup_tui.ui.screenshot import screenshot_into

        return screenshot_into(super().deliver_screenshot, self,
                               self.live.run.id if self.live is not None else None)

    def action_help(self) -> None:
        from tuneup_tui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.main))

    async def action_quit(self) -> None:
        """Quit: notes are saved first (everything else is saved as it is made).

        Once the day's summary has been written, it is written again on the way out, so
        items and figures added after 16:00 are in it too.
        """
        for timer in self._day_timers:
            timer.stop()
        self._day_timers = []
        self.main.save_notes()
        if self.live is not None and self._summary is not None:
            if self.summary_folder is not None:
                self.live.writes.settle()  # the day's last writes are in the summary again
            self._summary.again_on_quit(self.live.run.id, dict(self.results))
        self.exit()

    def now(self) -> datetime:
        return self.clock.now()
