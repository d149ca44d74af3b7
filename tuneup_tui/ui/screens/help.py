"""The help screen: every key of the console and what it does (F1 or ?)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from tuneup_tui.ui.actions import CONSOLE_ACTIONS
from tuneup_tui.ui.literal import literal, literal_line
from tuneup_tui.ui.modal import OnceModal

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


def help_rows(app: App[None], keymap: Mapping[str, str]) -> list[tuple[str, str]]:
    """(keys, what it does) for every action of the console, with the keys `keymap` moved."""
    rows: list[tuple[str, str]] = []
    for entry in CONSOLE_ACTIONS:
        keys = [key for binding in entry.keys
                for key in keymap.get(binding.id, binding.key).split(",")]
        shown = ", ".join(app.get_key_display(Binding(key, entry.action)) for key in keys)
        rows.append((shown, entry.help))
    return rows


class HelpScreen(OnceModal[None]):
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
        keymap: Mapping[str, str] = getattr(self.app, "keymap", {})
        for keys, text in help_rows(self.app, keymap):
            # Keys can come from a user's keymap: drawn as they are.
            table.add_row(literal_line(keys, width=None), literal_line(text, width=None))
        palette = self.app.get_key_display(Binding(self.app.COMMAND_PALETTE_BINDING, ""))
        table.add_row(palette, "command palette: every action by name")
        with VerticalScroll():
            yield Static("Keys", classes="dialog-title")
            yield Static(table)
            yield Static(literal(f"\n{ABOUT}"))
            yield Static(Text(f"\n{attendee_page_line(self.app)}"), id="help-attendees")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
