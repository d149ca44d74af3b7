"""The agenda: its model, TOML load and write, the schedule engine and derived cadences."""

from __future__ import annotations

from tuneup_tui.agenda.model import Agenda, Role, Session

__all__ = ["Agenda", "Role", "Session"]
