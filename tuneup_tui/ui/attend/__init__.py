"""The attendee app: the run in progress, one's own action items, and adding one."""

from __future__ import annotations
