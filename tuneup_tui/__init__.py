"""tuneup: the facilitator's console for a Sales and Marketing Operations Tune Up."""

from __future__ import annotations

__version__ = "0.1.0"
