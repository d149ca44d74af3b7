"""Textual's footer, drawing its keys only while its screen is on top and only when they change.

Pushing a dialog changes the bindings of the screen under it (its focus, its stack), and
Textual's footer then mounts and lays out its keys again. Under a dialog that redrew the whole
screen, and the dialog's dimmed copy of it, twice more as every dialog opened: about half the
CPU of opening one (the console's Add dialog: 165 to 185 ms, 12 screen refreshes; with this
footer 78 ms and 6; closing it 70 to 80 ms and 27). Nothing the room can see is lost: the keys
of a covered screen are not the keys that work, and once it is back on top they are checked
and drawn again if they changed.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """A footer that redraws its keys only while its screen is on top and they changed."""

    WAIT_FOR_FOCUS: ClassVar[bool] = True
    """Whether the keys wait for the app to have the focus, as Textual's footer does."""

    _behind = False
    """Whether the keys may have changed while a dialog was over the footer's screen."""
    _drawn: tuple[object, ...] | None = None
    """What the keys drawn stand for (`_keys`): the same again is not drawn again."""

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        ready = self.app.app_focus or not self.WAIT_FOR_FOCUS
        if ready and self.is_attached and screen is self.screen:
            self.call_after_refresh(self._redraw_keys)

    async def _redraw_keys(self) -> None:
        if not self.is_attached:
            return
        if self.app.screen is not self.screen:  # covered (`is_current` means "visible")
            self._behind = True
            return
        self._behind = False
        if self._keys() != self._drawn:
            await self.recompose()

    def catch_up(self) -> None:
        """The screen is back on top: show its keys, if they changed while it was covered."""
        if self._behind:
            self.call_later(self._redraw_keys)

    def _keys(self) -> tuple[object, ...]:
        """The keys the footer would show, with everything its drawing reads from them."""
        shown = tuple((binding.key, self.app.get_key_display(binding), binding.description,
                       binding.action, enabled, tooltip)
                      for _, binding, enabled, tooltip in self.screen.active_bindings.values()
                      if binding.show)
        return shown, getattr(self.screen, "footer_hidden", frozenset())

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._drawn = self._keys()
        yield from super().compose()
