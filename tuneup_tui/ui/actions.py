"""Every action of the console, once: its keys, their ids, its words in the footer, the command
palette and the help screen.

The main screen's and the app's bindings, the palette's list and the help screen's lines are all
made from `CONSOLE_ACTIONS`, so a new action is added here and nowhere else. Each key has an id
that a user's `keymap.toml` can give another key (see `tuneup_tui.ui.keymap`).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from textual.binding import Binding

Place = Literal["screen", "app", "actions"]


# Named tuples rather than frozen dataclasses: the registry is made before the console's first
# frame (the app's and the screen's bindings come from it), and a named tuple is defined in about
# a third of the time (1.9 ms for the two as dataclasses, measured inside a launch of
# `python -m bench --only start`). Nothing compares them: each action is defined once, here.
class Key(NamedTuple):
    """One binding of an action: the key, its id (what a keymap names), where it is bound."""

    id: str
    key: str
    place: Place = "screen"
    """"screen": only on the main screen, so the notes can type it; "app": everywhere;
    "actions": on the action items list, once it has the focus."""
    footer: bool = False
    priority: bool = False


class ConsoleAction(NamedTuple):
    """One thing the facilitator can do, with every place it is named."""

    action: str
    """The action run on the main screen ("app." ones run on the app)."""
    label: str
    """Its word in the footer."""
    title: str
    """Its name in the command palette."""
    help: str
    """Its line on the help screen."""
    keys: tuple[Key, ...]


CONSOLE_ACTIONS: tuple[ConsoleAction, ...] = (
    ConsoleAction("next_session", "Next", "Next session",
                  "next session (starts the day if it has not started)",
                  (Key("next", "n", footer=True),)),
    ConsoleAction("previous_session", "Previous", "Previous session",
                  "back to the previous session", (Key("previous", "p"),)),
    ConsoleAction("pause", "Pause", "Pause or resume the timer", "pause or resume the timer",
                  (Key("pause", "space", footer=True),)),
    ConsoleAction("extend", "+5 min", "Extend the session by 5 minutes",
                  "extend the current session by 5 minutes", (Key("extend", "e", footer=True),)),
    ConsoleAction("skip", "Skip", "Skip the session", "skip the current session",
                  (Key("skip", "s"),)),
    ConsoleAction("compress", "Compress", "Compress the rest of the day",
                  "shrink the rest of the day to end on time (asks first)",
                  (Key("compress", "c", footer=True),)),
    ConsoleAction("add_action", "Action", "Add an action item",
                  "add an action item (owner completes from the roster)",
                  (Key("add_action", "a", footer=True),)),
    ConsoleAction("promote", "Soft spot", "Promote a finding to a soft spot",
                  "promote a finding of the panel to a soft spot",
                  (Key("promote", "f", footer=True),)),
    ConsoleAction("record", "Record", "Record a figure",
                  "record a figure (shown again in later sessions)",
                  (Key("record", "r", footer=True),)),
    ConsoleAction("jump", "Jump", "Jump to a session", "jump to any session",
                  (Key("jump", "j", footer=True),)),
    ConsoleAction("switch_tab", "Findings", "Show the findings (or the panel)",
                  "switch between the panel and its findings",
                  (Key("switch_tab", "t", footer=True),)),
    ConsoleAction("focus_notes", "Notes", "Write notes",
                  "write notes for this session (escape leaves them)",
                  (Key("focus_notes", "ctrl+n", footer=True),)),
    ConsoleAction("open_item", "Edit item", "Edit an action item",
                  "fix or delete the action item under the cursor (tab to the action items)",
                  (Key("actions.edit", "enter", place="actions", footer=True),)),
    ConsoleAction("leave_notes", "Leave notes", "Leave the notes",
                  "leave the notes (they are saved)", (Key("leave_notes", "escape"),)),
    ConsoleAction("app.help", "Help", "Show the keys", "this screen",
                  (Key("help", "f1", place="app", footer=True), Key("help_key", "question_mark"))),
    ConsoleAction("app.quit", "Quit", "Quit", "quit (everything is already saved)",
                  (Key("quit", "q", footer=True),
                   Key("quit_anywhere", "ctrl+q", place="app", priority=True))),
)


def bindings(place: Place) -> list[Binding]:
    """The bindings of the main screen, the app or the action items list, with their ids."""
    made: list[Binding] = []
    for entry in CONSOLE_ACTIONS:
        for key in entry.keys:
            if key.place != place:
                continue
            # An app binding runs on the app, so it drops the "app." the screen needs.
            action = entry.action.removeprefix("app.") if place == "app" else entry.action
            made.append(Binding(key.key, action, entry.label, show=key.footer,
                                priority=key.priority, id=key.id))
    return made


def binding_ids() -> dict[str, str]:
    """Every binding id with its default key."""
    return {key.id: key.key for entry in CONSOLE_ACTIONS for key in entry.keys}
