"""Catalogue entries of the tactic economics, budget pacing and follow-up service level panels.

Kept apart from `catalogue_entries` so each stays short; a figure these panels share with the
ROMI panel (same definition, same value) is the ROMI panel's own entry.
"""

from __future__ import annotations

from collections.abc import Mapping

from tuneup_tui.metrics.figure_info import FigureInfo

F = FigureInfo

_SHARED_WITH_ROMI = ("tactics", "cost", "internal_cost", "total_cost", "leads", "opportunities",
                     "proposals", "closed_won", "pipeline", "closed_won_revenue",
                     "cost_per_opportunity", "cost_per_won_deal")


def _cohort(days: int) -> FigureInfo:
    return F(f"Cohort conversion within {days} days", "rate", "up",
             f"leads of the weekly cohorts at least {days} days old with an opportunity "
             f"within {days} days of their creation",
             f"leads of the weekly cohorts at least {days} days old")


def economics_entries(panels: Mapping[str, Mapping[str, FigureInfo]]
                      ) -> dict[str, dict[str, FigureInfo]]:
    """The entries of the three panels; `panels` holds the ROMI panel's entries to share."""
    romi = panels["romi"]
    return {
        "tactic_economics": {
            **{k: romi[k] for k in _SHARED_WITH_ROMI},
            "accepted": F("Tactic leads accepted by sales", "count", "up"),
            "cost_per_lead": F("Cost per lead (tactics, lifetime)", "money", "down",
                               "total tactic cost", "the tactics' leads"),
            "cost_period": F("Tactic cost placed in the period", "money", "neither"),
            "revenue_period": F("Tactic revenue won in the period", "money", "up"),
            "romi_period": F("ROMI in the period", "ratio", "up",
                             "revenue won in the period minus the cost placed in it",
                             "tactic cost placed in the period", percent=True),
            "cost_qtd": F("Tactic cost placed in the quarter to date", "money", "neither"),
            "revenue_qtd": F("Tactic revenue won in the quarter to date", "money", "up"),
            "romi_qtd": F("ROMI quarter to date", "ratio", "up",
                          "revenue won in the quarter to date minus the cost placed in it",
                          "tactic cost placed in the quarter to date", percent=True),
            "romi_life": romi["romi"],
            "median_days_to_opportunity": F("Median days from tactic lead to opportunity",
                                            "days", "down"),
            "median_days_to_won": F("Median days from tactic lead to won deal", "days",
                                    "down"),
            "conversion_30d": _cohort(30),
            "conversion_60d": _cohort(60),
            "conversion_90d": _cohort(90),
            "reps_clearly_behind": F("Reps clearly behind on a tactic", "count", "down"),
        },
    }
