"""A run's schedule events as the store gives them back (a resumed run is rebuilt from them;
the reports and the attendees' view replay them).

Apart from `store.models` because a run started at once (`tuneup demo`, `--start-now`) saves its
start with the run, in one commit, and reads no event back before the console's first frame:
the class is made when a store first reads or adds one (see `store.rows`). Measured with
`python -m bench --only start`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tuneup_tui.store.models import NO_FIGURES


@dataclass(frozen=True, slots=True)
class ScheduleEvent:
    """One schedule action of a run (start, pause, next, extend, compress, ...), in order."""

    run_id: int
    seq: int
    kind: str
    at: datetime
    """The run's clock time of the action (scaled when the run is rehearsed at speed)."""
    payload: Mapping[str, Any] = field(default_factory=lambda: NO_FIGURES)
