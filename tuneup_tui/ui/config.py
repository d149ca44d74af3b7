"""What the console is started with: the agenda, the data, the store, the clock and the way
the run starts; `make_app` in `ui/app.py` builds it from the command line's choices."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NamedTuple

from tuneup_tui.agenda.clock import Clock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.agenda.schedule import Mode
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.models import Run


class ConsoleConfig(NamedTuple):
    """Everything the console is started with (a named tuple: read-only, and quicker to define
    than a frozen dataclass, which the console's start pays)."""

    agenda: Agenda
    agenda_path: Path | None
    data_dir: Path | None
    as_of: date
    store: RunStore
    clock: Clock
    mode: Mode = "facilitator"
    speed: float = 1.0
    resume_run: Run | None = None
    """Resume this run without asking (`--resume`)."""
    start_now: bool = False
    offer_resume: bool = True
    """Ask about an unfinished run of the series before starting a new one."""
    agenda_toml: str | None = None
    """The agenda's text as saved with the run, as it was loaded (read from `agenda_path` again
    when None)."""
    tick_seconds: float = 0.25
    poll_seconds: float = 0.5
    prepare_data: Callable[[], Path] | None = None
    """Makes the data folder, in the panel worker (the demo generates its sample pack)."""
    panels_in_process: bool = True
    """Compute the panels in a child process (the console keeps drawing while pandas works);
    False computes them in the worker thread."""
    rehearsal: bool = False
    """Start the run as a rehearsal even at speed 1 (`--rehearsal`, the demo)."""
    compare_with: Run | None = None
    """Compare with this run (`--compare-with`) rather than the series' previous real run."""
