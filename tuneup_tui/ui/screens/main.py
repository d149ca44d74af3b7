"""The main screen: header, agenda, session card, metrics panel, findings, notes, action items.

Every key of the day is a binding here (each with an id, so it can be remapped); the command
palette and the help screen list the same bindings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, TabbedContent, TabPane

from tuneup_tui.agenda.model import Session
from tuneup_tui.agenda.schedule import ScheduleStatus
from tuneup_tui.ui.dialogs.add_action import ActionDraft, AddActionDialog
from tuneup_tui.ui.dialogs.confirm_compress import ConfirmCompressDialog
from tuneup_tui.ui.dialogs.jump import JumpDialog
from tuneup_tui.ui.dialogs.promote import PromoteDialog, SoftSpotDraft
from tuneup_tui.ui.dialogs.record_figure import FigureDraft, RecordFigureDialog
from tuneup_tui.ui.live import LiveRun
from tuneup_tui.ui.note_text import compose_note, split_note
from tuneup_tui.ui.widgets.actions_table import ActionsTable
from tuneup_tui.ui.widgets.agenda_list import AgendaList
from tuneup_tui.ui.widgets.findings import FindingsList
from tuneup_tui.ui.widgets.header_bar import HeaderBar
from tuneup_tui.ui.widgets.notes import NotesEditor
from tuneup_tui.ui.widgets.panel_view import PanelView, related_names
from tuneup_tui.ui.widgets.questions import QuestionList
from tuneup_tui.ui.widgets.session_card import SessionCard

if TYPE_CHECKING:
    from tuneup_tui.metrics.result import Finding
    from tuneup_tui.ui.app import TuneupApp


class MainScreen(Screen[None]):
    """The facilitator's view of the day."""

    AUTO_FOCUS = ""
    """Nothing has focus at first, so every key of the day works at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_session", "Next", id="next"),
        Binding("p", "previous_session", "Previous", id="previous", show=False),
        Binding("space", "pause", "Pause", id="pause"),
        Binding("e", "extend", "+5 min", id="extend"),
        Binding("s", "skip", "Skip", id="skip", show=False),
        Binding("c", "compress", "Compress", id="compress"),
        Binding("a", "add_action", "Action", id="add_action"),
        Binding("f", "promote", "Soft spot", id="promote"),
        Binding("r", "record", "Record", id="record"),
        Binding("j", "jump", "Jump", id="jump"),
        Binding("ctrl+n", "focus_notes", "Notes", id="focus_notes"),
        Binding("escape", "leave_notes", "Leave notes", id="leave_notes", show=False),
        Binding("question_mark", "app.help", "Help", id="help_key", show=False),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.live: LiveRun | None = None
        self.shown: int | None = None
        """Index of the session whose card, panel and notes are on screen."""
        self.status: ScheduleStatus | None = None
        self.checked: dict[str, set[int]] = {}
        """Ticked questions per session topic (saved inside the session's note)."""
        self._figures_shown: tuple[object, ...] = ()

    @property
    def tuneup(self) -> TuneupApp:
        from tuneup_tui.ui.app import TuneupApp

        assert isinstance(self.app, TuneupApp)
        return self.app

    def compose(self) -> ComposeResult:
        yield HeaderBar(self.tuneup.agenda.title, id="header")
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield AgendaList(id="agenda")
                yield SessionCard(id="card")
            with Vertical(id="main"):
                with TabbedContent(id="panel-tabs"):
                    with TabPane("Panel", id="tab-panel"):
                        yield PanelView(id="panel")
                    with TabPane("Findings", id="tab-findings"):
                        yield FindingsList(id="findings")
                with Horizontal(id="bottom"):
                    yield NotesEditor(id="notes")
                    yield ActionsTable(id="actions")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(HeaderBar).show(None, None, "")
        self.query_one("#agenda").border_title = "Agenda"
        self.query_one(NotesEditor).load_session(None, "")

    # what the app tells the screen

    def open_run(self, live: LiveRun) -> None:
        self.live = live
        self.shown = None
        self.refresh_store_data()

    def show_status(self, status: ScheduleStatus) -> None:
        """Redraw the clock-driven parts; switch the session shown when the day moved on."""
        self.status = status
        session = self._session(status.current)
        position = f"{(status.current or 0) + 1}/{len(self.tuneup.agenda.sessions)}"
        self.query_one(HeaderBar).show(status, session.topic if session else None, position)
        self.query_one(AgendaList).show(status)
        if status.current != self.shown:
            self._show_session(status.current)

    def panel_ready(self, name: str) -> None:
        session = self._session(self.shown)
        if session is not None and name in session.panels:
            self._show_panels(session)

    def refresh_store_data(self) -> None:
        """Redraw what lives in the store: action items, recorded figures, soft spots."""
        live = self.live
        if live is None:
            return
        session = self._session(self.shown)
        topic = session.topic if session else None
        self.query_one(ActionsTable).show(live.store.actions(live.run.id), topic)
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
        if self.status is not None and self.status.finished:
            self.query_one(SessionCard).show_day_over(self.tuneup.summary_folder)

    def save_notes(self) -> None:
        """Save the notes (and ticked questions) of the session on screen, if changed."""
        live = self.live
        editor = self.query_one(NotesEditor)
        if live is None or editor.session is None:
            return
        editor.cancel_pending()
        session = self._session(live.agenda.session_index(editor.session))
        questions = session.questions if session else ()
        stored = compose_note(editor.text, questions, self.checked.get(editor.session, set()))
        live.store.save_note(live.run.id, editor.session, stored)
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
        live = self.live
        session = self._session(index)
        editor = self.query_one(NotesEditor)
        if live is None or session is None:
            editor.load_session(None, "")
            self.query_one(SessionCard).show(self.tuneup.agenda, None, ())
            self.query_one(PanelView).show((), {})
            self.show_day_over()
            return
        note = live.store.notes(live.run.id).get(session.topic)
        text, checked = split_note(note.text if note else "", session.questions)
        self.checked[session.topic] = checked
        editor.load_session(session.topic, text)
        self.query_one(SessionCard).show(live.agenda, session, checked)
        self._show_panels(session)
        self.refresh_store_data()

    def _show_panels(self, session: Session) -> None:
        live = self.live
        figures = live.store.figures(live.run.id) if live else []
        self._figures_shown = tuple((f.name, f.value, f.session) for f in figures)
        recorded = {f.name: f for f in figures}
        self.query_one(PanelView).show(session.panels, self.tuneup.results,
                                       recorded=recorded,
                                       last_run=self.tuneup.last_run_figures)
        self._show_findings(session)
        self._show_recorded(session)

    def _findings(self, session: Session) -> list[Finding]:
        from tuneup_tui.metrics.result import SEVERITY_ORDER

        found = [f for name in session.panels
                 for f in (self.tuneup.results[name].findings
                           if name in self.tuneup.results else ())]
        return sorted(found, key=lambda f: SEVERITY_ORDER.get(f.severity, 9))

    def _show_findings(self, session: Session) -> None:
        live = self.live
        findings = self._findings(session)
        promoted = {s.finding_key: s.owner for s in live.store.soft_spots(live.run.id)
                    if s.finding_key} if live else {}
        pending = any(name not in self.tuneup.results for name in session.panels)
        self.query_one(FindingsList).show(findings, promoted, pending=pending)
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("tab-findings").label = "Findings" if pending and not findings else (
            f"Findings ({len(findings)})")

    def _show_recorded(self, session: Session | None) -> None:
        live = self.live
        if live is None:
            return
        figures = live.store.figures(live.run.id)
        wanted: set[str] = set(session.record) if session else set()
        if session is not None:
            for name in session.panels:
                result = self.tuneup.results.get(name)
                if result is not None:
                    wanted.update(related_names(list(result.figures)))
        self.query_one(SessionCard).show_recorded(figures, wanted)

    # check-offs and notes

    def on_question_list_toggled(self, event: QuestionList.Toggled) -> None:
        session = self._session(self.shown)
        if session is None:
            return
        self.checked[session.topic] = set(event.checked)
        self.save_notes()

    def on_notes_editor_save_due(self, event: NotesEditor.SaveDue) -> None:
        self.save_notes()

    # the day's keys

    def _act(self, name: str) -> None:
        """Run a schedule action, then redraw at once (the next tick would be later)."""
        live = self.live
        if live is None:
            return
        try:
            getattr(live, name)()
        except ValueError as err:  # the engine refuses (no next session, already paused)
            self.notify(str(err), severity="warning")
        self.tuneup.tick()

    def action_next_session(self) -> None:
        self._act("next")

    def action_previous_session(self) -> None:
        self._act("previous")

    def action_pause(self) -> None:
        self._act("toggle_pause")

    def action_extend(self) -> None:
        self._act("extend")

    def action_skip(self) -> None:
        self._act("skip")

    def action_compress(self) -> None:
        live = self.live
        if live is None:
            return
        plan = live.preview_compress()
        self.app.push_screen(ConfirmCompressDialog(plan, live.status()), self._compress)

    def _compress(self, confirmed: bool | None) -> None:
        if confirmed and self.live is not None:
            plan = self.live.compress()
            self.notify(f"Compressed: the day now ends at {plan.projected_end:%H:%M}.")
            self.tuneup.tick()

    def action_jump(self) -> None:
        if self.status is not None:
            self.app.push_screen(JumpDialog(self.status), self._jump)

    def _jump(self, index: int | None) -> None:
        if index is not None and self.live is not None:
            self.live.jump(index)
            self.tuneup.tick()

    def action_add_action(self) -> None:
        live = self.live
        if live is None:
            return
        session = self._session(self.shown)
        self.app.push_screen(AddActionDialog(live.agenda.roster, live.run.as_of,
                                             session.topic if session else None),
                             self._add_action)

    def _add_action(self, draft: ActionDraft | None) -> None:
        live = self.live
        if draft is None or live is None:
            return
        session = self._session(self.shown)
        live.store.add_action(live.run.id, draft.text, draft.owner, due=draft.due,
                              session=session.topic if session else None)
        self.refresh_store_data()
        self.notify(f"Action item for {draft.owner} added.")

    def action_record(self) -> None:
        live = self.live
        if live is None:
            return
        session = self._session(self.shown)
        done = {f.name for f in live.store.figures(live.run.id)}
        wanted = list(session.record) if session else []
        names = wanted + [n for a in live.agenda.sessions for n in a.record]
        default = next((n for n in wanted if n not in done), wanted[0] if wanted else None)
        self.app.push_screen(
            RecordFigureDialog(names, default, session.topic if session else None),
            self._record)

    def _record(self, draft: FigureDraft | None) -> None:
        live = self.live
        if draft is None or live is None:
            return
        session = self._session(self.shown)
        live.store.record_figure(live.run.id, draft.name, draft.value, unit=draft.unit,
                                 session=session.topic if session else None)
        self.refresh_store_data()

    def action_promote(self) -> None:
        live = self.live
        session = self._session(self.shown)
        if live is None or session is None:
            return
        self.app.push_screen(PromoteDialog(self._findings(session), live.agenda.roster),
                             self._promote)

    def _promote(self, draft: SoftSpotDraft | None) -> None:
        live = self.live
        if draft is None or live is None:
            return
        session = self._session(self.shown)
        live.store.add_soft_spot(live.run.id, draft.text, severity=draft.severity,
                                 session=session.topic if session else None, owner=draft.owner,
                                 panel=draft.panel, finding_key=draft.finding_key,
                                 figures=draft.figures)
        self.refresh_store_data()
        self.notify("Soft spot recorded" + (f" for {draft.owner}." if draft.owner else "."))

    def action_focus_notes(self) -> None:
        self.query_one(NotesEditor).focus()

    def action_leave_notes(self) -> None:
        if isinstance(self.focused, NotesEditor):
            self.save_notes()
            self.set_focus(None)
