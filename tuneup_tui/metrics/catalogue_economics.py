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
    return F(f"{days}-day cohort conversion", "rate", "up",
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
            "cost_period": F("Period cost (tactics)", "money", "neither"),
            "revenue_period": F("Period revenue won (tactics)", "money", "up"),
            "romi_period": F("ROMI in the period", "ratio", "up",
                             "revenue won in the period minus the cost placed in it",
                             "tactic cost placed in the period", percent=True),
            "cost_qtd": F("QTD cost (tactics, quarter to date)", "money", "neither"),
            "revenue_qtd": F("QTD revenue won (tactics, quarter to date)", "money", "up"),
            "romi_qtd": F("ROMI quarter to date", "ratio", "up",
                          "revenue won in the quarter to date minus the cost placed in it",
                          "tactic cost placed in the quarter to date", percent=True),
            "romi_life": romi["romi"],
            "median_days_to_opportunity": F("Lead-to-opportunity days (median, tactics)",
                                            "days", "down"),
            "median_days_to_won": F("Lead-to-won-deal days (median, tactics)", "days",
                                    "down"),
            "conversion_30d": _cohort(30),
            "conversion_60d": _cohort(60),
            "conversion_90d": _cohort(90),
            "reps_clearly_behind": F("Reps clearly behind on a tactic", "count", "down"),
        },
        "service_level": {
            "calls": panels["follow_up"]["calls"],
            "calls_with_outcome": F("Calls with an outcome logged", "count", "neither"),
            "connects": F("Calls that connected", "count", "up"),
            "connect_rate": F("Connect rate", "rate", "up", "calls in the period that connected",
                              "calls in the period with an outcome logged"),
            "first_week_leads": F("First-week cohort (leads sent the period before)", "count",
                                  "neither"),
            "attempts_first_7d": F("Attempts per lead in its first 7 days", "ratio", "up",
                                   "calls and emails naming the cohort's leads within 7 days of "
                                   "sending", "leads sent the period before"),
            "reached_attempts_7d": F("Given every attempt in their first 7 days", "rate",
                                     "up", "leads sent the period before with at least the "
                                     "attempts needed within 7 days",
                                     "leads sent the period before"),
            "leads_delivered": panels["follow_up"]["leads_delivered"],
            "sent_without_activity": F("Sent leads with no activity logged", "count", "down"),
            "sent_without_activity_share": F(
                "Share of sent leads without activity", "rate", "down",
                "leads sent in the period that no activity names",
                "leads sent to sales in the period"),
            "capacity_per_rep": panels["follow_up"]["capacity_per_rep"],
            "territories_over_capacity": F("Territories over calling capacity", "count", "down"),
            "proposed_reassignments": F("Leads proposed for reassignment", "count", "neither"),
            "reassignments_short": F("Leads to move with nowhere to go", "count", "down"),
        },
        "budget_pacing": {
            "budget": F("Flight budgets", "money", "neither"),
            "spent": F("Spent against flight budgets", "money", "neither"),
            "share_spent": F("Share of flight budgets spent", "ratio", "neither",
                             "spend to date of the flights with a budget", "their budgets",
                             percent=True),
            "budget_month": F("Month's budget", "money", "neither"),
            "spent_month": F("Month's spend to date", "money", "neither"),
            "budget_quarter": F("Quarter's budget", "money", "neither"),
            "spent_quarter": F("Quarter's spend to date", "money", "neither"),
            "projected_spend": F("Spend projected at the flights' ends", "money", "neither"),
            "flights_running_out": F("Flights whose budget runs out early", "count", "down"),
            "flights_over_budget": F("Flights over budget", "count", "down"),
            "coming_launches": F("Launches in the coming weeks", "count", "neither"),
            "coming_closes": F("Closes in the coming weeks", "count", "neither"),
            "holiday_weeks": F("Coming weeks with a public holiday", "count", "neither"),
            "priced_opportunities": F("Opportunities the calendar's leads should bring",
                                      "count", "up"),
            "priced_pipeline": F("Pipeline the calendar's leads should bring", "money", "up"),
            "entries_priced_on_other_rates": F(
                "Calendar entries priced without their own history", "count", "neither"),
        },
    }
