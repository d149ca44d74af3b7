"""The registered panel names and titles, importable without pandas.

The agenda validator and the UI need the names before any data is read; the functions
themselves live in `tuneup_tui.metrics.registry`, which imports pandas.
"""

from __future__ import annotations

PANEL_TITLES: dict[str, str] = {
    "scorecard": "Monday scorecard",
    "funnel": "Buying cycle funnel",
    "traffic": "Traffic and goal conversion",
    "social": "Social media against site traffic",
    "paid": "Paid programs",
    "referrers": "Referring sites",
    "site_health": "Site health",
    "calendar": "Marketing calendar",
    "lead_scoring": "Lead scoring",
    "nurturing": "Nurturing and email",
    "handoff": "Leads to sales",
    "follow_up": "Sales follow-up",
    "romi": "Return on marketing investment",
    "lifecycle": "Lead lifecycle",
    "tactic_economics": "Tactic economics",
}

PANEL_NAMES: tuple[str, ...] = tuple(PANEL_TITLES)
