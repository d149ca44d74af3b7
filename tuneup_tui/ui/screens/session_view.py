"""Drawing the session on screen into the main screen's card and work area: its card, notes,
panels, findings, recorded figures and action items, from the run's records.

The card and the work area join the screen after the first frame; until they do, drawing into
them does nothing, and once they are there everything there is is drawn.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from textual.css.query import NoMatches

from tuneup_tui.agenda.model import Agenda, Session
from tuneup_tui.store.db import StoreError
from tuneup_tui.ui.literal import say
from tuneup_tui.ui.note_text import compose_note, split_note
from tuneup_tui.ui.screens.session_parts import recorded_wanted, session_findings

if TYPE_CHECKING:
    from textual.widget import Widget

    from tuneup_tui.agenda.schedule import ScheduleStatus
    from tuneup_tui.metrics.result import PanelResult
    from tuneup_tui.run.live import LiveRun
    from tuneup_tui.run.opening import Figures
    from tuneup_tui.ui.screens.work_area import WorkArea
    from tuneup_tui.ui.widgets.session_card import SessionCard


class SessionView:
    """What the main screen shows of the session on screen, and the widgets it is drawn in."""

    def __init__(self, agenda: Agenda, panels: Mapping[str, PanelResult],
                 speaker: Widget) -> None:
        self.agenda = agenda
        self.panels = panels
        """The day's computed panels by name, filled in as they come."""
        self._speaker = speaker
        """Where a failure to save is said (the screen)."""
        self.live: LiveRun | None = None
        self.last_run: Figures = {}
        """The panel figures of the run compared with."""
        self.shown: int | None = None
        """Index of the session whose card, panel and notes are on screen."""
        self.status: ScheduleStatus | None = None
        self.checked: dict[str, set[int]] = {}
        """Ticked questions per session topic (saved inside the session's note)."""
        self.card: SessionCard | None = None
        """The session card, once it has joined the screen (just after the first frame)."""
        self.work: WorkArea | None = None
        """The work area, once it is all mounted."""
        self.summary_folder: Path | None = None
        self._figures_shown: tuple[object, ...] = ()

    def session(self, index: int | None) -> Session | None:
        if index is None or not 0 <= index < len(self.agenda.sessions):
            return None
        return self.agenda.sessions[index]

    def show_session(self, index: int | None) -> None:
        """Show session `index`: its card, notes, panels and records (the notes of the one
        shown before are saved first)."""
        self.save_notes()
        self.shown = index
        if self.card is not None:  # each session's card is read from its topic down
            self.card.scroll_home(animate=False, immediate=True)
        live = self.live
        session = self.session(index)
        work = self.work
        if work is None and self.card is None:
            return  # the first frame: drawn by the card and the work area as they join
        if live is None or session is None:
            self.show_card()
            if work is not None:
                work.notes.load_session(None, "")
                work.panel.show((), {})
            return
        text, checked = split_note(live.records().note_text(session.topic), session.questions)
        self.checked[session.topic] = checked
        self.show_card()
        if work is None:
            return
        work.notes.load_session(session.topic, text)
        self.show_panels(session)
        self.draw_records()

    def draw_records(self) -> None:
        """Redraw what lives in the store from the run's records (read once per change)."""
        live = self.live
        if live is None or self.work is None:
            return
        session = self.session(self.shown)
        records = live.records()
        self.work.actions.show(records.actions, session.topic if session else None)
        figures = tuple((f.name, f.value, f.session) for f in records.figures)
        if session is not None and figures != self._figures_shown:
            # The panel shows recorded figures beside its own: redraw it when they change.
            self.show_panels(session)
        else:
            self._show_recorded(session)
            if session is not None:
                self._show_findings(session)

    def show_card(self) -> None:
        """Draw the session on screen (its ticked questions as loaded) on the card, once the
        card has joined the screen."""
        card = self.card
        if card is None:
            return
        session = self.session(self.shown)
        if self.live is None or session is None:
            card.show(self.agenda, None, ())
            self.show_day_over()
            return
        card.show(self.live.agenda, session, self.checked.get(session.topic, set()))

    def show_day_over(self) -> None:
        """Once the day is over, the card says so and where the summary is."""
        if self.card is not None and self.status is not None and self.status.finished:
            self.card.show_day_over(self.summary_folder)

    def show_panels(self, session: Session) -> None:
        live = self.live
        work = self.work
        if work is None:
            return
        figures = live.records().figures if live else ()
        self._figures_shown = tuple((f.name, f.value, f.session) for f in figures)
        work.panel.show(session.panels, self.checked_panels(),
                        recorded={f.name: f for f in figures}, last_run=self.last_run)
        self._show_findings(session)
        self._show_recorded(session)

    def checked_panels(self) -> Mapping[str, PanelResult]:
        """The panels with the room's recorded figures checked against them: the expected
        leads recorded in the Traffic Study beside the leads delivered."""
        from tuneup_tui.metrics.recorded_checks import Recorded, with_recorded

        figures = self.live.records().figures if self.live else ()
        if not figures:
            return self.panels
        return with_recorded(self.panels, {f.name: Recorded(f.value, f.session)
                                           for f in figures})

    def _show_findings(self, session: Session) -> None:
        live = self.live
        work = self.work
        if work is None:
            return
        findings = session_findings(session, self.checked_panels())
        promoted = live.records().promoted() if live else {}
        pending = any(name not in self.panels for name in session.panels)
        work.findings.show(findings, promoted, pending=pending)
        label = "Findings" if pending and not findings else f"Findings ({len(findings)})"
        try:
            tab = work.tabs.get_tab("tab-findings")
        except NoMatches:  # the console is leaving while the tabs were being built
            return
        if str(tab.label) != label:  # relabelling lays the tabs out again
            tab.label = label

    def _show_recorded(self, session: Session | None) -> None:
        if self.live is None or self.card is None:
            return
        self.card.show_recorded(self.live.records().figures,
                                recorded_wanted(session, self.panels))

    def save_notes(self) -> None:
        """Save the notes (and ticked questions) of the session on screen."""
        live = self.live
        if live is None or self.work is None:
            return
        editor = self.work.notes
        if editor.session is None:
            return
        editor.cancel_pending()
        session = self.session(live.agenda.session_index(editor.session))
        questions = session.questions if session else ()
        stored = compose_note(editor.text, questions, self.checked.get(editor.session, set()))
        try:
            live.save_note(editor.session, stored)
        except StoreError as err:  # kept on screen (still unsaved) and tried again later
            say(self._speaker, f"Notes not saved: {err}", severity="error", timeout=20)
            return
        editor.saved_text = editor.text
