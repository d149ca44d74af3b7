"""Running a test in a chosen time zone, as a traveller's laptop would be."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator

import pytest


@pytest.fixture
def time_zone() -> Iterator[Callable[[str], None]]:
    """A function that moves this process to a time zone (`TZ`); the old one is put back."""
    before = os.environ.get("TZ")

    def move(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield move
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()
