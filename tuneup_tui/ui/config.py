"""What the console is started with: the agenda, the data, the store, the clock and the way
the run starts; `make_app` in `ui/app.py` builds it from the command line's choices."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tuneup_tui.agenda.clock import Clock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.agenda.schedule import Mode
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.models import Run

if TYPE_CHECKING:
    from tuneup_tui.run.opening import NewRun


@dataclass(frozen=True, slots=True)
class ConsoleConfig:
    """Everything the console is started with (read-only)."""

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


def new_run(config: ConsoleConfig) -> NewRun:
    """How the console starts a new run: the command line's choices, and the agenda's text
    saved with the run (as the command line loaded it, or read from its file)."""
    from tuneup_tui.run.opening import NewRun

    toml = config.agenda_toml
    if toml is None and config.agenda_path is not None:
        toml = config.agenda_path.read_text(encoding="utf-8").removeprefix("\ufeff")
    return NewRun(agenda_toml=toml or "", agenda_path=config.agenda_path, as_of=config.as_of,
                  data_dir=config.data_dir, mode=config.mode, speed=config.speed,
                  start_now=config.start_now, rehearsal=config.rehearsal)
