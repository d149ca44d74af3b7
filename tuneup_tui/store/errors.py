"""The one error the run store raises to its callers."""

from __future__ import annotations


class StoreError(Exception):
    """A store operation refused (unknown run, bad value); its message is one line."""
