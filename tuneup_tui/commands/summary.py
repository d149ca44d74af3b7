"""`tuneup summary` (to be built)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Nothing yet."""
    del sub


def _unused(args: argparse.Namespace) -> int:
    return 0
