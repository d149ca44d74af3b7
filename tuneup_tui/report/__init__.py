"""The next-steps summary (Markdown, HTML, JSON) and the action item exports (CSV, ICS)."""

from __future__ import annotations
