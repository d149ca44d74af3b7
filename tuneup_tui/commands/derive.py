"""`tuneup agenda derive`: a shorter monthly or weekly agenda from a day or a run (to be built).
"""

from __future__ import annotations

from typing import Any


def add_derive_parser(agenda_sub: Any) -> None:
    """Add `derive` under `tuneup agenda` (nothing yet)."""
    del agenda_sub
