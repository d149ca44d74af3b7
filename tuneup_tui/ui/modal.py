"""A modal screen that is dismissed once.

Keys reach a screen in batches (a fast typist, a browser on a slow link, a busy machine): a
second enter can arrive after a dialog dismissed itself and before it is gone. Dismissed again,
Textual hands its result over a second time and pops the screen under it, or, with none left,
raises and ends the app. Every modal screen of the console and the attendee app is one of
these: its first dismissal counts, later ones do nothing.
"""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class OnceModal(ModalScreen[ResultT]):
    """A modal screen whose first dismissal counts; later ones do nothing."""

    _dismissed = False

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        if self._dismissed:
            return AwaitComplete(_nothing())
        self._dismissed = True
        return super().dismiss(result)


async def _nothing() -> None:
    return None
