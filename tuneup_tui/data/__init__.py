"""The data pack: finding and reading the team's exports, periods and baselines, samples."""

from __future__ import annotations
