"""The kind of every figure key and table column the panels emit, listed by hand.

A key's name is not enough to know how it reads: `turnover_rate` is sends per contact (6.7),
not a share; `budget_to_spend` is a share (91%), not money; `romi` and `list_attrition` are
fractions shown as percentages. Meanings are in docs/metrics.md.
`tuneup_tui.metrics.display.kind_of` reads this first and guesses only for keys not listed.
"""

from __future__ import annotations

from typing import Literal

FigureKind = Literal["percent", "money", "number", "ratio"]
"""percent: a fraction shown as "2.4%"; money: "$1,204"; number: a count, "21,214";
ratio: a figure per something that is not a share of a whole, "6.7"."""

_PERCENT = (
    # funnel: each step over the step before
    "goal_completions_rate", "leads_rate", "sent_to_sales_rate", "opportunities_rate",
    "proposals_rate", "closed_won_rate", "rate", "count_change",
    # traffic: leads sent to sales per goal completion, a fraction of the goals (0.34)
    "goal_conversion", "leads_per_goal", "share", "sessions_change",
    # paid
    "ctr", "opportunity_conversion", "program_median_ctr",
    # referrers
    "referral_goal_conversion", "referral_share", "traffic_share",
    # site health: the SEO table's change is relative
    "change",
    # calendar: the budget compared as a share of the expected spend
    "budget_to_spend",
    # lead scoring
    "acceptance_rate", "below_threshold_share",
    # nurturing
    "list_attrition", "email_ctr",
    # handoff and follow-up
    "found_rate", "right_rep_rate", "opportunity_create_rate", "bad_data_rate",
    "within_24h_share",
    # romi and lifecycle
    "conversion", "romi", "share_of_budget",
    # paid programme mix: a programme's weight in the mix-adjusted cost
    "weight",
    # scorecard rows named for their question
    "paid_lead_conversion", "net_decay",
)
_MONEY = (
    "spend", "cpc", "cost_per_name", "cost_per_lead", "budget", "paid_budget", "expected_spend",
    "cost", "internal_cost", "total_cost", "closed_won_revenue", "amount", "pipeline",
    "open_pipeline", "cost_per_opportunity", "cost_per_won_deal",
    "cost_per_name_mix_adjusted", "cost_per_lead_mix_adjusted", "effect",
    # scorecard
    "wasted_spend", "pipeline_created", "bookings", "bookings_qtd",
)
_RATIO = (
    # sends per contact over 4 weeks; email sessions per email click
    "turnover_rate", "click_to_session",
    "sessions_per_1000_followers", "touches_per_lead", "touches_per_lead_median",
    "touches_mean", "touches_median", "average_position", "median_hours_to_first_touch",
    "median_days_to_opportunity", "capacity_per_rep",
    # scorecard: followers to traffic, send pressure, speed to lead
    "social_sessions", "send_pressure", "speed_to_lead",
)
_NUMBER = (
    # funnel and traffic
    "sessions", "goal_completions", "leads", "sent_to_sales", "opportunities", "proposals",
    "closed_won", "count", "sources", "leads_sent_to_sales", "expected_leads_to_sales", "of",
    # the scorecard's budget pacing row: flights whose budget runs out early
    "budget_pacing",
    # social
    "followers", "follower_growth", "engagements", "posts", "video_views", "referral_sessions",
    # paid
    "impressions", "clicks", "names",
    # referrers
    "referral_goal_completions", "referring_sites", "new_referrers",
    # site health
    "not_found_hits", "not_found_pages", "new_not_found_pages", "keywords_tracked",
    "keyword_gains", "keyword_losses", "hits", "position", "move", "value",
    # calendar
    "planned_entries", "campaigns", "launches", "events", "empty_weeks", "expected_sessions",
    "expected_leads",
    # lead scoring
    "leads_created", "sales_accepted", "sent_below_threshold", "created", "accepted", "score",
    "threshold",
    # nurturing
    "database_size", "emails_sent_4w", "unsubscribes_4w", "bounces_4w", "emails_sent",
    "emails_delivered", "emails_opens", "emails_clicks", "emails_unsubscribes",
    "emails_bounces", "email_sessions", "database_change_4w", "contacts_lost_4w",
    "leads_created_4w", "unexplained_change_4w", "sent", "delivered", "opens", "unsubscribes",
    "bounces",
    # handoff
    "leads_delivered", "found", "missing", "unassigned", "right_rep", "wrong_rep", "duplicates",
    "duplicates_total", "crm_rows", "expected_leads_recorded",
    # follow-up
    "with_opportunity", "bad_data", "touched_within_24h", "never_touched", "calls", "emails",
    "reps", "calling_capacity", "calls_needed", "first_touch_in_crm", "with_logged_activity",
    # romi and lifecycle
    "tactics", "past_lifetime", "tactics_under_min_reps", "age_days", "lifetime_days",
    # scorecard
    "sent_vs_expected", "planned_leads",
)

# tactic economics, budget pacing and follow-up service level
_DEEPER: dict[str, FigureKind] = {
    **dict.fromkeys(("romi_period", "romi_qtd", "romi_life", "conversion_30d",
                     "conversion_60d", "conversion_90d", "low", "high", "connect_rate",
                     "utilisation", "reached_attempts_7d", "sent_without_activity_share",
                     "share_spent", "share_elapsed"), "percent"),
    **dict.fromkeys(("cost_period", "revenue_period", "cost_qtd", "revenue_qtd", "spent",
                     "spent_month", "spent_quarter", "budget_month", "budget_quarter",
                     "projected_spend", "priced_pipeline", "cost_at_cost_per_lead"), "money"),
    **dict.fromkeys(("median_days_to_won", "attempts_first_7d"), "ratio"),
    **dict.fromkeys(("rank", "reps_clearly_behind", "with_outcome", "connects",
                     "calls_with_outcome", "first_week_leads", "sent_without_activity",
                     "new_leads", "worked_leads", "calls_demanded", "territories_over_capacity",
                     "proposed_reassignments", "reassignments_short", "flights_running_out",
                     "flights_over_budget", "coming_launches", "coming_closes", "holiday_weeks",
                     "closes",
                     "priced_opportunities", "entries_priced_on_other_rates",
                     "leads_from_sessions"), "number"),
}

FIGURE_KINDS: dict[str, FigureKind] = {
    **_DEEPER,
    **dict.fromkeys(_NUMBER, "number"),
    **dict.fromkeys(_RATIO, "ratio"),
    **dict.fromkeys(_MONEY, "money"),
    **dict.fromkeys(_PERCENT, "percent"),
}
"""Figure keys and table columns -> kind. An average column ("avg_ctr", "calls_avg",
"baseline_position") takes the kind of the column it averages."""
