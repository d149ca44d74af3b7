"""The session's work area: the panel and its findings in tabs, the notes and the action items.

It is not part of the first frame: the main screen imports this module and mounts the work
area in steps just after the header, the agenda and the session card are on screen
(`work_steps.py`): its widgets, the tabs, the notes editor and the tables, are the costly part
of the screen to build and style. The screen reaches them through the attributes below.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import TabbedContent, TabPane

from tuneup_tui.ui.widgets.actions_table import ActionsTable
from tuneup_tui.ui.widgets.findings import FindingsList
from tuneup_tui.ui.widgets.notes import NotesEditor
from tuneup_tui.ui.widgets.panel_view import PanelView

STYLESHEET = Path(__file__).resolve().parent.parent / "work_area.tcss"
"""The work area's rules, kept out of app.tcss so the first frame does not parse them."""


def add_stylesheet(app: App[object]) -> None:
    """Add the work area's rules to the app's stylesheet, once, as app.tcss's rules are
    added (user rules, not a widget's defaults)."""
    stylesheet = app.stylesheet
    location = str(STYLESHEET)
    if not stylesheet.has_source(location):
        stylesheet.add_source(STYLESHEET.read_text(encoding="utf-8"), read_from=(location, ""))


class WorkArea(Vertical):
    """The session's work: the panel and its findings in tabs, the notes and action items.

    Mounted with the tabs and an empty row below them; `fill` adds the notes and the action
    items to that row (a frame later).
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.tabs = TabbedContent(id="panel-tabs")
        self.panel = PanelView(id="panel")
        self.findings = FindingsList(id="findings")
        self.bottom = Horizontal(id="bottom")
        self.notes = NotesEditor(id="notes")
        self.actions = ActionsTable(id="actions")
        self.filled = False
        """Whether the notes and the action items are mounted."""

    def compose(self) -> ComposeResult:
        with self.tabs:
            with TabPane("Panel", id="tab-panel"):
                yield self.panel
            with TabPane("Findings", id="tab-findings"):
                yield self.findings
        yield self.bottom

    async def fill(self) -> None:
        """Mount the notes and the action items below the tabs."""
        if not self.filled:
            self.filled = True
            await self.bottom.mount_all([self.notes, self.actions])
