"""The run store: runs, session timings, notes, action items, soft spots, recorded figures."""

from __future__ import annotations
