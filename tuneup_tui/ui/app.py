"""The Tune Up console: the app, built by `make_app` for the CLI and the tests alike.

The app opens (or resumes) the run and draws its first frame (`startup.py`), keeps the clock
ticking, has every panel of the day computed once (`panel_feed.py`), watches the store for
attendees' items and writes the summary at the end of the day. What is on screen lives in
`screens/main.py`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import App
from textual.binding import BindingType

from tuneup_tui.agenda.clock import Clock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.agenda.schedule import Mode, ScheduleStatus
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.models import Run
from tuneup_tui.ui.actions import bindings
from tuneup_tui.ui.config import ConsoleConfig
from tuneup_tui.ui.keymap import KeymapError, load_keymap
from tuneup_tui.ui.literal import plain_paste, say
from tuneup_tui.ui.live import LiveRun
from tuneup_tui.ui.screens.main import MainScreen
from tuneup_tui.ui.startup import StartupApp
from tuneup_tui.ui.widgets.header_bar import HeaderBar

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.timer import Timer
    from textual.worker import Worker

    from tuneup_tui.metrics.result import PanelResult
    from tuneup_tui.ui.messages import SummaryFailed, SummaryWritten

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


class TuneupApp(StartupApp):
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
        self.results: dict[str, PanelResult] = {}
        """Computed panels by name (failed ones carry their error)."""
        self.last_run_figures: dict[str, dict[str, float | int | None]] = {}
        """The previous run of the series' panel figures, to show each figure's change."""
        self.summary_folder: Path | None = None
        self._summary_written_for_day = False
        self._belled: set[tuple[int, int]] = set()
        self._data_version: int | None = None
        self._day_timers: list[Timer] = []
        self._waiting: Run | None = None
        """An unfinished run of the series the console asks about before opening its own."""
        self._carry_from: Run | None = None
        """The previous run whose open items are offered to carry over (once the screen is
        there)."""
        self._first_frame = threading.Event()
        """Set once the first frame is drawn: the panel worker imports pandas only after it."""
        self.panels_worker: Worker[None] | None = None
        """The worker computing the day's panels, started once the first frame is drawn."""
        self.main = MainScreen()
        self.keymap: dict[str, str] = {}
        """The keys the user's keymap file moved, by binding id."""
        self.keymap_problem: str | None = None
        """Why the user's keymap file was left out, said once the console is up."""
        try:
            self.keymap = load_keymap()
        except KeymapError as err:
            self.keymap_problem = str(err)
        self.set_keymap(self.keymap)

    def on_mount(self) -> None:
        # Textual calls each class's own on_mount: the start-up's runs as well.
        if self.keymap_problem:
            say(self, self.keymap_problem, severity="warning", timeout=30)

    async def on_event(self, event: events.Event) -> None:
        await super().on_event(plain_paste(event))

    # the clock

    def tick(self) -> None:
        """Move the console to the clock's now: header, agenda, session changes, bell, end."""
        if self.live is None or not self._showing():
            return
        self._step()

    def _step(self) -> None:
        live = self.live
        if live is None:
            return
        live.start_if_due()
        status = live.status()
        self.main.show_status(status)
        self._ring_at_zero(status)
        self._check_end_of_day(status)

    def _ring_at_zero(self, status: ScheduleStatus) -> None:
        if status.current is None or status.paused or status.finished:
            return
        if status.remaining.total_seconds() > 0:
            return
        row = status.rows[status.current]
        if row.minutes <= 0:  # nothing to run out (End of Day at end_of_day)
            return
        key = (status.current, round(row.minutes))
        if key not in self._belled:
            self._belled.add(key)
            self.bell()

    def _check_end_of_day(self, status: ScheduleStatus) -> None:
        live = self.live
        if live is None:
            return
        last = len(self.agenda.sessions) - 1
        reached = status.now >= status.end_of_day or (
            status.started and status.current == last)
        if status.finished:
            if not live.run.finished:
                self.main.save_notes()
                live.end()
                self.write_summary()
            return
        if reached and not self._summary_written_for_day:
            self._summary_written_for_day = True
            self.main.save_notes()
            self.write_summary()

    # the store

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
        version = self.store.data_version()
        if version != self._data_version:
            self._data_version = version
            self.main.refresh_store_data()

    def _showing(self) -> bool:
        """Whether the main screen is there to draw on (not while the console shuts down: a
        timer that fires then would find its widgets gone)."""
        return self._running and self.main.is_attached

    def _stop_timers(self) -> None:
        for timer in self._day_timers:
            timer.stop()
        self._day_timers = []

    @work(thread=True, exclusive=True, group="summary", exit_on_error=False)
    def write_summary(self) -> None:
        """Write the next-steps summary (report layer) and say where it is."""
        from tuneup_tui.ui.messages import SummaryFailed, SummaryWritten
        from tuneup_tui.ui.summary import write_run_summary

        if self.live is None:
            return
        self.live.writes.settle()  # the day's last actions are in the summary
        try:
            folder = write_run_summary(self.store, self.live.run.id, dict(self.results))
        except Exception as err:  # the day's data is safe in the store; say what failed
            self.post_message(SummaryFailed(f"{type(err).__name__}: {err}".splitlines()[0]))
            return
        self.post_message(SummaryWritten(folder))

    def on_summary_written(self, message: SummaryWritten) -> None:
        again = self.summary_folder == message.folder
        self.summary_folder = message.folder
        say(self, f"Next-steps summary {'updated in' if again else 'written to'} "
            f"{message.folder}", title="End of day", timeout=30)
        self.main.show_day_over()

    def on_summary_failed(self, message: SummaryFailed) -> None:
        say(self, f"Could not write the summary: {message.error}. Everything is saved; "
            "try `tuneup summary` later.", severity="error", timeout=30)

    # app-wide actions

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
        self._stop_timers()
        self.main.save_notes()
        if self.summary_folder is not None and self.live is not None:
            from tuneup_tui.ui.summary import write_run_summary

            self.live.writes.settle()
            try:
                write_run_summary(self.store, self.live.run.id, dict(self.results))
            except Exception as err:  # quitting must never fail; `tuneup summary` can redo it
                self.log.error(f"summary not rewritten: {err}")
        self.exit()

    def now(self) -> datetime:
        return self.clock.now()
