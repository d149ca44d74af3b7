"""What the main screen shows: header, agenda, session card, panel, findings, notes, items.

`MainView` lays the screen out and redraws it from the live run; `screens/main.py` adds the
keys of the day on top.

The first frame has the header (clock, session, countdown), the agenda and the footer, drawn
from the run as it stands: the app opens the run before the screen is mounted, and the screen
draws what it was told when it mounts. Just after that frame is on screen the session card
(topic, who, what the session does, its questions and the figures recorded today) joins the
agenda, and the work area (panel and findings tabs, notes, action items: `work_area.py`, the
costly part to build) is imported and mounted in steps, so the console shows where the day
stands at once and fills in the rest a moment later. Until then the methods that draw into the
card and the work area do nothing, and mounting them draws everything there is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.geometry import Size

from tuneup_tui.store.db import StoreError
from tuneup_tui.ui.literal import say
from tuneup_tui.ui.note_text import compose_note, split_note
from tuneup_tui.ui.screens.work_steps import WorkAreaSteps
from tuneup_tui.ui.widgets.agenda_list import AgendaList
from tuneup_tui.ui.widgets.console_footer import ConsoleFooter
from tuneup_tui.ui.widgets.header_bar import HeaderBar

if TYPE_CHECKING:
    from tuneup_tui.agenda.model import Session
    from tuneup_tui.agenda.schedule import ScheduleStatus
    from tuneup_tui.metrics.result import Finding, PanelResult
    from tuneup_tui.ui.app import TuneupApp
    from tuneup_tui.ui.live import LiveRun
    from tuneup_tui.ui.widgets.notes import NotesEditor
    from tuneup_tui.ui.widgets.questions import QuestionList
    from tuneup_tui.ui.widgets.session_card import SessionCard


def session_to_show(status: ScheduleStatus) -> int | None:
    """The session whose card, panel and notes belong on screen: the current one, and before
    the day starts the first, ready to go."""
    return 0 if not status.started and status.current is None else status.current


class MainView(WorkAreaSteps):
    """The facilitator's view of the day, without its keys."""

    def __init__(self) -> None:
        super().__init__()
        self.live: LiveRun | None = None
        self.shown: int | None = None
        """Index of the session whose card, panel and notes are on screen."""
        self.status: ScheduleStatus | None = None
        self.checked: dict[str, set[int]] = {}
        """Ticked questions per session topic (saved inside the session's note)."""
        self._figures_shown: tuple[object, ...] = ()
        self.card: SessionCard | None = None
        """The session card, once it has joined the screen (just after the first frame)."""
        self._laid_out_at: Size | None = None
        """The terminal size the screen was last laid out for."""

    @property
    def tuneup(self) -> TuneupApp:
        from tuneup_tui.ui.app import TuneupApp

        assert isinstance(self.app, TuneupApp)
        return self.app

    def compose(self) -> ComposeResult:
        self._laid_out_at = self.app.size  # the first layout is at the app's size
        self._set_width_class(self.app.size.width)
        yield HeaderBar(self.tuneup.agenda.title, id="header")
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

    def start_work_area(self) -> None:
        # The session card first: it is quick to build, and drawn before it is mounted.
        if self._drawn and self.card is None:
            from tuneup_tui.ui.widgets.session_card import SessionCard

            self.card = SessionCard(id="card")
            if self.work is None:
                self._show_session(self.shown)  # the session's ticks read, the card drawn
            else:  # the work area came first (for a key) and read them: the card only
                self._show_card()
            self.query_one("#left", Vertical).mount(self.card)
        super().start_work_area()

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

    def _work_ready(self) -> None:
        self._show_session(self.shown)

    # what the app tells the screen

    def open_run(self, live: LiveRun) -> None:
        self.live = live
        self.shown = None
        self.refresh_store_data()

    def show_status(self, status: ScheduleStatus) -> None:
        """Redraw the clock-driven parts; switch the session shown when the day moved on."""
        self.status = status
        if not self._drawn:
            return
        session = self._session(status.current)
        position = f"{(status.current or 0) + 1}/{len(self.tuneup.agenda.sessions)}"
        self.query_one(HeaderBar).show(status, session.topic if session else None, position)
        self.query_one(AgendaList).show(status)
        wanted = session_to_show(status)
        if wanted != self.shown:
            self._show_session(wanted)

    def panel_ready(self, name: str) -> None:
        session = self._session(self.shown)
        if session is not None and name in session.panels:
            self._show_panels(session)

    def refresh_store_data(self) -> None:
        """Redraw what lives in the store: action items, recorded figures, soft spots."""
        live = self.live
        if live is None or self.work is None:
            return
        session = self._session(self.shown)
        topic = session.topic if session else None
        self.work.actions.show(live.store.actions(live.run.id), topic)
        figures = tuple((f.name, f.value, f.session) for f in live.store.figures(live.run.id))
        if session is not None and figures != self._figures_shown:
            # The panel shows recorded figures beside its own: redraw it when they change.
            self._show_panels(session)
        else:
            self._show_recorded(session)
            if session is not None:
                self._show_findings(session)

    def show_day_over(self) -> None:
        """Once the day is over, the card says so and where the summary is."""
        if self.card is not None and self.status is not None and self.status.finished:
            self.card.show_day_over(self.tuneup.summary_folder)

    def save_notes(self) -> None:
        """Save the notes (and ticked questions) of the session on screen, if changed."""
        live = self.live
        if live is None or self.work is None:
            return
        editor = self.work.notes
        if editor.session is None:
            return
        editor.cancel_pending()
        session = self._session(live.agenda.session_index(editor.session))
        questions = session.questions if session else ()
        stored = compose_note(editor.text, questions, self.checked.get(editor.session, set()))
        try:
            live.store.save_note(live.run.id, editor.session, stored)
        except StoreError as err:  # kept on screen (still unsaved) and tried again later
            say(self, f"Notes not saved: {err}", severity="error", timeout=20)
            return
        editor.saved_text = editor.text

    # session display

    def _session(self, index: int | None) -> Session | None:
        agenda = self.tuneup.agenda
        if index is None or not 0 <= index < len(agenda.sessions):
            return None
        return agenda.sessions[index]

    def _show_session(self, index: int | None) -> None:
        self.save_notes()
        self.shown = index
        if self.card is not None:  # each session's card is read from its topic down
            self.card.scroll_home(animate=False, immediate=True)
        live = self.live
        session = self._session(index)
        work = self.work
        if work is None and self.card is None:
            return  # the first frame: drawn by the card and the work area as they join
        if live is None or session is None:
            self._show_card()
            if work is not None:
                work.notes.load_session(None, "")
                work.panel.show((), {})
            return
        note = live.store.notes(live.run.id).get(session.topic)
        text, checked = split_note(note.text if note else "", session.questions)
        self.checked[session.topic] = checked
        self._show_card()
        if work is None:
            return
        work.notes.load_session(session.topic, text)
        self._show_panels(session)
        self.refresh_store_data()

    def _show_card(self) -> None:
        """Draw the session on screen (its ticked questions as loaded) on the card, once the
        card has joined the screen."""
        card = self.card
        if card is None:
            return
        session = self._session(self.shown)
        if self.live is None or session is None:
            card.show(self.tuneup.agenda, None, ())
            self.show_day_over()
            return
        card.show(self.live.agenda, session, self.checked.get(session.topic, set()))

    def _show_panels(self, session: Session) -> None:
        live = self.live
        work = self.work
        if work is None:
            return
        figures = live.store.figures(live.run.id) if live else []
        self._figures_shown = tuple((f.name, f.value, f.session) for f in figures)
        recorded = {f.name: f for f in figures}
        work.panel.show(session.panels, self._checked_results(), recorded=recorded,
                        last_run=self.tuneup.last_run_figures)
        self._show_findings(session)
        self._show_recorded(session)

    def _checked_results(self) -> dict[str, PanelResult]:
        """The panels with the room's recorded figures checked against them (the expected
        leads recorded in the Traffic Study beside the leads delivered)."""
        from tuneup_tui.metrics.recorded_checks import Recorded, with_recorded

        live = self.live
        figures = live.store.figures(live.run.id) if live else []
        return with_recorded(self.tuneup.results,
                             {f.name: Recorded(f.value, f.session) for f in figures})

    def _findings(self, session: Session) -> list[Finding]:
        from tuneup_tui.metrics.result import SEVERITY_ORDER

        results = self._checked_results()
        found = [f for name in session.panels
                 for f in (results[name].findings if name in results else ())]
        # one fact seen by two of the session's panels is one finding (the first, most severe)
        kept: dict[str, Finding] = {}
        for f in sorted(found, key=lambda f: SEVERITY_ORDER.get(f.severity, 9)):
            kept.setdefault(f.identity, f)
        return list(kept.values())

    def _show_findings(self, session: Session) -> None:
        live = self.live
        work = self.work
        if work is None:
            return
        findings = self._findings(session)
        promoted = {s.finding_key: s.owner for s in live.store.soft_spots(live.run.id)
                    if s.finding_key} if live else {}
        pending = any(name not in self.tuneup.results for name in session.panels)
        work.findings.show(findings, promoted, pending=pending)
        label = "Findings" if pending and not findings else f"Findings ({len(findings)})"
        try:
            tab = work.tabs.get_tab("tab-findings")
        except NoMatches:  # the console is leaving while the tabs were being built
            return
        if str(tab.label) != label:  # relabelling lays the tabs out again
            tab.label = label

    def _show_recorded(self, session: Session | None) -> None:
        from tuneup_tui.ui.widgets.panel_view import related_names

        live = self.live
        if live is None or self.card is None:
            return
        figures = live.store.figures(live.run.id)
        wanted: set[str] = set(session.record) if session else set()
        if session is not None:
            for name in session.panels:
                result = self.tuneup.results.get(name)
                if result is not None:
                    wanted.update(related_names(list(result.figures)))
        self.card.show_recorded(figures, wanted)

    # check-offs and notes

    def on_question_list_toggled(self, event: QuestionList.Toggled) -> None:
        session = self._session(self.shown)
        if session is None:
            return
        self.checked[session.topic] = set(event.checked)
        self.save_notes()

    def on_notes_editor_save_due(self, event: NotesEditor.SaveDue) -> None:
        self.save_notes()

