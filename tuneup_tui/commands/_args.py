"""Argument types that keep numbers from the command line within what the layers below take.

argparse turns a type's `ArgumentTypeError` into one line naming the option, exit code 2.
"""

from __future__ import annotations

import argparse

MAX_ID = 2**63 - 1
"""The largest id the store can hold (SQLite's INTEGER, PostgreSQL's BIGINT)."""
MAX_SEED = 2**32 - 1
"""numpy's seeds are unsigned 32-bit numbers."""
MAX_SCALE = 1000.0
"""The sample pack's largest scale: about 3.3 million leads, a few GB of memory to build."""


def record_id(text: str) -> int:
    """A run or action item id: a whole number from 1 up."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected an id such as 3") from None
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text!r}: expected an id from 1 up, as "
                                         "`tuneup runs` lists them")
    return value


def seed(text: str) -> int:
    """The sample pack's random seed, 0 to 2**32 - 1."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a whole number such as 7") from None
    if not 0 <= value <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a seed from 0 to {MAX_SEED}")
    return value


def scale(text: str) -> float:
    """The sample pack's volume multiplier, above 0 and up to MAX_SCALE."""
    try:
        value = float(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a number such as 2") from None
    # "not 0 < value" refuses nan too.
    if not 0 < value <= MAX_SCALE:
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected a scale above 0, up to {MAX_SCALE:g}")
    return value
