"""The Textual console: the only layer that imports textual."""

from __future__ import annotations
