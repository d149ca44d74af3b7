"""The command palette: every action of the main screen by name (ctrl+p)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tuneup_tui.ui.actions import CONSOLE_ACTIONS

if TYPE_CHECKING:
    from textual.dom import DOMNode

COMMANDS: tuple[tuple[str, str, str], ...] = tuple(
    (entry.title, entry.action, entry.help) for entry in CONSOLE_ACTIONS)
"""(name, action, what it does) for every action of the console."""
LIST_ACTIONS = frozenset(entry.action for entry in CONSOLE_ACTIONS
                         if all(key.place == "actions" for key in entry.keys))


class TuneupCommands(Provider):
    """Offers the console's actions; each runs on the main screen."""

    def _commands(self) -> list[tuple[str, str, str]]:
        from tuneup_tui.ui.screens.main import MainScreen

        if not isinstance(self.screen, MainScreen):
            return []
        return list(COMMANDS)

    def _runner(self, action: str) -> partial[bool]:
        return partial(self.app.call_later, self._run, action)

    async def _run(self, action: str) -> None:
        from tuneup_tui.ui.widgets.actions_table import ActionsTable

        target: DOMNode = self.screen
        if action in LIST_ACTIONS:
            # An action of the action items list works on the item under its cursor.
            target = self.screen.query_one(ActionsTable)
            target.focus()
        await self.app.run_action(action, target)

    async def discover(self) -> Hits:
        for title, action, help_text in self._commands():
            yield DiscoveryHit(title, self._runner(action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), self._runner(action), help=help_text)
