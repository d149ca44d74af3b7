"""The main screen: header, agenda, session card, panel, findings, notes, items, and every key
of the day.

The screen is given what it shows: the agenda, the day's panels as they come (a mapping the
panel feed fills), the run once it is open (`open_run`, its one front door for every change)
and the clock's news (`show_status`). It never reaches back into the app; a key that moves the
day calls `moved`, which has the app step the day at once.

The first frame has the header (clock, session, countdown), the agenda and the footer, drawn
from the run as it stands: the app opens the run before the screen is mounted, and the screen
draws what it was told when it mounts. Just after that frame is on screen the session card
(topic, who, what the session does, its questions and the figures recorded today) joins the
agenda, and the work area (panel and findings tabs, notes, action items: `work_area.py`, the
costly part to build) is mounted in steps (`work_steps.py`), so the console shows where the
day stands at once and fills in the rest a moment later. Until then the methods that draw into
the card and the work area do nothing, and mounting them draws everything there is.

Each key is a binding with an id (so a user's keymap can move it); the bindings, the command
palette and the help screen are all made from `tuneup_tui.ui.actions`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.screen import Screen
from textual.worker import Worker

from tuneup_tui.agenda.clock import Clock, ScaledClock
from tuneup_tui.agenda.model import Agenda, Session
from tuneup_tui.ui.actions import bindings
from tuneup_tui.ui.screens.session_parts import session_findings, session_to_show
from tuneup_tui.ui.screens.session_view import SessionView
from tuneup_tui.ui.screens.work_steps import WorkAreaSteps
from tuneup_tui.ui.widgets.agenda_list import AgendaList
from tuneup_tui.ui.widgets.console_footer import ConsoleFooter
from tuneup_tui.ui.widgets.header_bar import HeaderBar

if TYPE_CHECKING:
    from tuneup_tui.agenda.schedule import ScheduleStatus
    from tuneup_tui.metrics.result import PanelResult
    from tuneup_tui.run.live import LiveRun
    from tuneup_tui.run.opening import Figures
    from tuneup_tui.ui.screens.day_forms import DayForms
    from tuneup_tui.ui.screens.work_area import WorkArea
    from tuneup_tui.ui.widgets.actions_table import ActionsTable
    from tuneup_tui.ui.widgets.notes import NotesEditor
    from tuneup_tui.ui.widgets.questions import QuestionList
    from tuneup_tui.ui.widgets.session_card import SessionCard

DAY_MOVES = frozenset({"next_session", "previous_session", "pause", "extend", "skip",
                       "compress"})
"""The keys that move the day along: nothing to move once it is over."""


class MainScreen(Screen[None]):
    """The facilitator's screen."""

    AUTO_FOCUS = ""
    """Nothing has focus at first, so every key of the day works at once."""

    BINDINGS: ClassVar[list[BindingType]] = list(bindings("screen"))
    """The keys of the day, from the console's one list of actions."""

    def __init__(self, agenda: Agenda, clock: Clock, panels: Mapping[str, PanelResult],
                 moved: Callable[[], None]) -> None:
        super().__init__()
        self.agenda = agenda
        self._clock = clock
        self.panels = panels
        """The day's computed panels by name, filled in as they come."""
        self._moved = moved
        self.status: ScheduleStatus | None = None
        self.session_view = SessionView(agenda, panels, self)
        """The session on screen, drawn into the card and the work area."""
        self.steps = WorkAreaSteps(self, self._work_ready)
        self._forms: DayForms | None = None
        self._drawn = False
        """Whether the screen is mounted (what it is told before is drawn when it is)."""
        self._work_wanted = False
        """Asked for before the screen itself was mounted (a dialog's first frame came
        first): started once the screen is."""
        self._laid_out_at: Size | None = None
        """The terminal size the screen was last laid out for."""

    @property
    def forms(self) -> DayForms:
        """The screen's dialogs (imported with the first key that opens one: importing them up
        front delayed the first frame)."""
        if self._forms is None:
            from tuneup_tui.ui.screens.day_forms import DayForms

            self._forms = DayForms(self)
        return self._forms

    @property
    def live(self) -> LiveRun | None:
        """The run on screen, once it is open."""
        return self.session_view.live

    @property
    def work(self) -> WorkArea | None:
        """The work area (tabs, notes, action items) once it is all mounted."""
        return self.session_view.work

    @property
    def work_ready(self) -> bool:
        return self.session_view.work is not None

    @property
    def card(self) -> SessionCard | None:
        return self.session_view.card

    @property
    def shown(self) -> int | None:
        """Index of the session whose card, panel and notes are on screen."""
        return self.session_view.shown

    def compose(self) -> ComposeResult:
        self._laid_out_at = self.app.size  # the first layout is at the app's size
        self._set_width_class(self.app.size.width)
        yield HeaderBar(self.agenda.title, id="header")
        # The session card joins #left, and the work area (work_area.py) #body, after the
        # first frame.
        with Horizontal(id="body"), Vertical(id="left"):
            yield AgendaList(id="agenda")
        yield ConsoleFooter(compact=True, show_command_palette=False)

    def _set_width_class(self, width: int) -> None:
        """Set the class the app's breakpoints give this width (-small, -narrow, -wide) before the
        first layout: set later, on the first resize, it styled and laid the screen out a
        second time."""
        breakpoints = sorted(self.app.HORIZONTAL_BREAKPOINTS or [], reverse=True)
        wanted = next((name for at, name in breakpoints if width >= at), None)
        for _, name in breakpoints:
            # Set before the children are mounted (and styled): nothing to restyle yet.
            self.set_class(name == wanted, name, update=False)

    def on_mount(self) -> None:
        self._drawn = True
        self.query_one("#agenda").border_title = "Agenda"
        if self.status is None:
            self.query_one(HeaderBar).show(None, None, "")
        else:  # the run was opened before the screen was mounted: its first frame shows it
            self.show_status(self.status)
        if self._work_wanted:
            self.start_work_area()

    def on_resize(self, event: events.Resize) -> None:
        # The screen's own handler lays the whole screen out again at the new size (and sets
        # the width classes); it is skipped for a size the app has already moved past (a
        # newer resize, to the app's size, is on its way) and for the size the screen was
        # last laid out at. Headless, the console starts at 80x25 before the driver says
        # 80x24, and the start-up repeats the resize: each one was a full layout and paint
        # before the first frame. (`self.size` is the app's size already, never the size the
        # screen is laid out at: compared with it, every resize was dropped.)
        if event.size != self.app.size or event.size == self._laid_out_at:
            event.prevent_default()
            return
        self._laid_out_at = event.size

    def on_screen_suspend(self) -> None:
        """A dialog is over the day: a rehearsal's clock waits for the answer."""
        clock = self._run_clock()
        if isinstance(clock, ScaledClock):
            clock.hold()

    def on_screen_resume(self) -> None:
        self.query_one(ConsoleFooter).catch_up()
        clock = self._run_clock()
        if isinstance(clock, ScaledClock):
            clock.release()

    def _run_clock(self) -> Clock:
        return self.live.clock if self.live is not None else self._clock

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        await self.steps.worker_changed(event)

    # what the screen is told

    def start_work_area(self) -> None:
        """Bring the card, then the work area, on screen (the app asks after the first frame).
        """
        if not self._drawn:
            self._work_wanted = True
            return
        # The session card first: it is quick to build, and drawn before it is mounted.
        view = self.session_view
        if view.card is None:
            from tuneup_tui.ui.widgets.session_card import SessionCard

            view.card = card = SessionCard(id="card")
            if view.work is None:
                view.show_session(view.shown)  # the session's ticks read, card drawn
            else:  # the work area came first (for a key) and read them: the card only
                view.show_card()
            self.query_one("#left", Vertical).mount(card)
        self.steps.start()

    def _work_ready(self) -> None:
        """The work area is all mounted: everything there is is drawn into it."""
        self.session_view.work = self.steps.work
        self.session_view.show_session(self.session_view.shown)

    async def need_work_area(self) -> WorkArea | None:
        """The work area, all there: the steps left are taken at once (a key needs it)."""
        return await self.steps.all_now(self._drawn)

    def open_run(self, live: LiveRun, last_run: Figures) -> None:
        view = self.session_view
        view.live = live
        view.last_run = last_run
        view.shown = None
        view.draw_records()

    def show_status(self, status: ScheduleStatus) -> None:
        """Redraw the clock-driven parts; switch the session shown when the day moved on."""
        was_over = self.status is not None and self.status.finished
        self.status = self.session_view.status = status
        if not self._drawn:
            return
        session = self.session_view.session(status.current)
        position = f"{(status.current or 0) + 1}/{len(self.agenda.sessions)}"
        self.query_one(HeaderBar).show(status, session.topic if session else None, position)
        self.query_one(AgendaList).show(status)
        wanted = session_to_show(status)
        if wanted != self.session_view.shown:
            self.session_view.show_session(wanted)
        if status.finished != was_over:  # the footer's keys change with the day's end
            self.refresh_bindings()

    def panel_ready(self, name: str) -> None:
        session = self.session_shown()
        if session is not None and name in session.panels:
            self.session_view.show_panels(session)

    def refresh_store_data(self) -> None:
        """The store changed: read it again and redraw what lives there (action items,
        recorded figures, soft spots)."""
        if self.live is not None:
            self.live.reread()
        self.session_view.draw_records()

    def draw_records(self) -> None:
        """Redraw what lives in the store, from the run's records as last read."""
        self.session_view.draw_records()

    def show_day_over(self, summary_folder: Path | None = None) -> None:
        """Once the day is over, the card says so and where the summary is."""
        if summary_folder is not None:
            self.session_view.summary_folder = summary_folder
        self.session_view.show_day_over()

    def save_notes(self) -> None:
        """Save the notes (and ticked questions) of the session on screen."""
        self.session_view.save_notes()

    def session_shown(self) -> Session | None:
        return self.session_view.session(self.session_view.shown)

    # check-offs and notes

    def on_question_list_toggled(self, event: QuestionList.Toggled) -> None:
        session = self.session_shown()
        if session is None:
            return
        self.session_view.checked[session.topic] = set(event.checked)
        self.save_notes()

    def on_notes_editor_save_due(self, event: NotesEditor.SaveDue) -> None:
        self.save_notes()

    # the keys of the day

    @property
    def footer_hidden(self) -> frozenset[str]:
        """The actions the footer leaves out: once the day is over, those that move it (their
        keys still say why nothing happens)."""
        return DAY_MOVES if self.status is not None and self.status.finished else frozenset()

    def act(self, name: str, *args: object) -> bool:
        """Run a schedule action, then redraw at once (the next tick would be later)."""
        live = self.live
        if live is None:
            return False
        done = self.forms.safely(getattr(live, name), *args)
        self._moved()
        return done

    def action_next_session(self) -> None:
        self.act("next")

    def action_previous_session(self) -> None:
        self.act("previous")

    def action_pause(self) -> None:
        self.act("toggle_pause")

    def action_extend(self) -> None:
        self.act("extend")

    def action_skip(self) -> None:
        self.act("skip")

    def action_compress(self) -> None:
        self.forms.compress()

    def action_jump(self) -> None:
        self.forms.jump()

    def action_add_action(self) -> None:
        self.forms.add_action()

    def on_actions_table_opened(self, event: ActionsTable.Opened) -> None:
        """Enter on an action item: fix it (or delete it) in its dialog."""
        event.stop()
        self.forms.edit_action(event.item_id)

    def action_record(self) -> None:
        self.forms.record()

    def action_promote(self) -> None:
        session = self.session_shown()
        if self.live is not None and session is not None:
            self.forms.promote(session_findings(session, self.session_view.checked_panels()))

    async def action_switch_tab(self) -> None:
        work = await self.need_work_area()
        if work is None:
            return
        tabs = work.tabs
        tabs.active = "tab-findings" if tabs.active == "tab-panel" else "tab-panel"

    async def action_focus_notes(self) -> None:
        work = await self.need_work_area()
        if work is not None:
            work.notes.focus()

    def action_leave_notes(self) -> None:
        if self.work is not None and self.focused is self.work.notes:
            self.save_notes()
            self.set_focus(None)
