"""The help screen: every key of the console and what it does (F1 or ?)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tuneup_tui.ui.literal import literal, literal_line

ABOUT = (
    "Everything is saved as it is typed: notes a second after the last key, the rest at once. "
    "Quit at any time; `tuneup run --resume` brings the day back. Ctrl+P opens the command "
    "palette. While the notes have focus, letters type; escape leaves the notes."
)


def attendee_page_line(app: object) -> str:
    """Where attendees add their items: the served page's address (with its join code) while
    `tuneup serve` runs for this run, else how to serve it."""
    from tuneup_tui.web.join import served_url

    live = getattr(app, "live", None)
    run_id = live.run.id if live is not None else None
    url = served_url(run_id) if run_id is not None else None
    if url is not None:
        return f"Attendees' page: {url} (give it only to the room; `tuneup serve --new-code` "\
               "makes a new one)"
    return ("Attendees' page: not served; `tuneup serve` in another terminal prints the "
            "address to give the room (`--host 0.0.0.0` for the room's network).")


def binding_rows(screen: Screen[None]) -> list[tuple[str, str]]:
    """(keys, description) for each binding of `screen` and the app, in order."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    app = screen.app
    for binding in [*screen.BINDINGS, *app.BINDINGS]:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        key = app.get_key_display(binding) if binding.key else ""
        if binding.id and binding.id in seen:
            continue
        seen.add(binding.id or binding.key)
        rows.append((key, binding.description))
    return rows


class HelpScreen(ModalScreen[None]):
    """A list of the keys; escape, q or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1,question_mark", "dismiss", "Close", id="help.close"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 72; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, main: Screen[None]) -> None:
        super().__init__()
        self.main = main

    def compose(self) -> ComposeResult:
        table = Table(box=None, padding=(0, 2), show_header=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        descriptions = {
            "Next": "next session (starts the day if it has not started)",
            "Previous": "back to the previous session",
            "Pause": "pause or resume the timer",
            "+5 min": "extend the current session by 5 minutes",
            "Skip": "skip the current session",
            "Compress": "shrink the rest of the day to end on time (asks first)",
            "Action": "add an action item (owner completes from the roster)",
            "Soft spot": "promote a finding of the panel to a soft spot",
            "Record": "record a figure (shown again in later sessions)",
            "Jump": "jump to any session",
            "Findings": "switch between the panel and its findings",
            "Notes": "write notes for this session (escape leaves them)",
            "Leave notes": "leave the notes (they are saved)",
            "Quit": "quit (everything is already saved)",
            "Help": "this screen",
        }
        for key, description in binding_rows(self.main):
            # Keys and descriptions can come from a user's keymap: drawn as they are.
            table.add_row(literal_line(key, width=None),
                          literal_line(descriptions.get(description, description), width=None))
        table.add_row("ctrl+p", "command palette: every action by name")
        with VerticalScroll():
            yield Static("Keys", classes="dialog-title")
            yield Static(table)
            yield Static(literal(f"\n{ABOUT}"))
            yield Static(Text(f"\n{attendee_page_line(self.app)}"), id="help-attendees")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
