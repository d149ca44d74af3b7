"""The session's notes: a TextArea saved within a second of every keystroke.

The widget only says when a save is due (`SaveDue`); the screen writes to the store, and also
saves when the session changes and when the console quits, so nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.timer import Timer
from textual.widgets import TextArea

from tuneup_tui.textsafe import multi_line
from tuneup_tui.ui.literal import literal_line

SAVE_AFTER_SECONDS = 1.0


class NotesEditor(TextArea):
    """Notes for one session at a time."""

    @dataclass
    class SaveDue(Message):
        """A second has passed since the first unsaved change."""

        editor: NotesEditor

        @property
        def control(self) -> NotesEditor:
            return self.editor

    def __init__(self, **kwargs: object) -> None:
        super().__init__(soft_wrap=True, tab_behavior="focus", **kwargs)  # type: ignore[arg-type]
        self.session: str | None = None
        """The topic of the session these notes belong to."""
        self.saved_text = ""
        """The text as last saved (or loaded), to tell whether a save is needed."""
        self._debounce: Timer | None = None

    def load_session(self, session: str | None, text: str) -> None:
        """Show the notes of `session` (after the caller saved the previous one's)."""
        self.cancel_pending()
        self.session = session
        text = multi_line(text)  # notes kept before control characters were left out
        self.saved_text = text
        self.load_text(text)
        self.border_title = literal_line(f"Notes · {session}") if session else "Notes"
        self.disabled = session is None

    @property
    def dirty(self) -> bool:
        return self.session is not None and self.text != self.saved_text

    def cancel_pending(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # The timer starts at the first unsaved keystroke and is not restarted by the next
        # ones, so every keystroke is saved within a second even while typing goes on.
        if self.dirty and self._debounce is None:
            self._debounce = self.set_timer(SAVE_AFTER_SECONDS, self._due)

    def _due(self) -> None:
        self._debounce = None
        if self.dirty:
            self.post_message(self.SaveDue(self))
