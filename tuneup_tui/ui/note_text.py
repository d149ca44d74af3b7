"""A session's note as stored (its typed text, then the questions covered): the store's
`note_text`, which the summary reads too."""

from __future__ import annotations

from tuneup_tui.store.note_text import MARKER, compose_note, split_note

__all__ = ["MARKER", "compose_note", "split_note"]
