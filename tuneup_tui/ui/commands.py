"""The command palette: every action of the main screen by name (ctrl+p)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Next session", "next_session", "Move to the next session"),
    ("Previous session", "previous_session", "Go back to the previous session"),
    ("Pause or resume the timer", "pause", "Stop or restart the session's clock"),
    ("Extend the session by 5 minutes", "extend", "Give the current session 5 more minutes"),
    ("Skip the session", "skip", "Skip the current session"),
    ("Compress the rest of the day", "compress", "Shrink the remaining sessions to end on time"),
    ("Add an action item", "add_action", "What, who and by when"),
    ("Promote a finding to a soft spot", "promote", "Pick a finding, its severity and owner"),
    ("Record a figure", "record", "A number the later sessions use"),
    ("Jump to a session", "jump", "Go to any session of the day"),
    ("Show the findings (or the panel)", "switch_tab", "Switch between the panel and its findings"),
    ("Write notes", "focus_notes", "Put the cursor in the session's notes"),
    ("Show the keys", "app.help", "The help screen"),
    ("Quit", "app.quit", "Everything is already saved"),
)


class TuneupCommands(Provider):
    """Offers the console's actions; each runs on the main screen."""

    def _commands(self) -> list[tuple[str, str, str]]:
        from tuneup_tui.ui.screens.main import MainScreen

        if not isinstance(self.screen, MainScreen):
            return []
        return list(COMMANDS)

    def _runner(self, action: str) -> partial[bool]:
        return partial(self.app.call_later, self.app.run_action, action, self.screen)

    async def discover(self) -> Hits:
        for title, action, help_text in self._commands():
            yield DiscoveryHit(title, self._runner(action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), self._runner(action), help=help_text)
