"""The catalogue's entries: every panel's headline figure keys and what they are.

A figure two panels share is one entry named once here, so its label cannot drift apart.
Definitions in full are in docs/metrics.md, panel by panel; this is what the console and the
JSON say in a line.
"""

from __future__ import annotations

from collections.abc import Callable

from tuneup_tui.metrics.figure_info import FigureInfo

F = FigureInfo

# Shared by several panels: one label, one definition.
SESSIONS = F("Sessions", "count", "up")
GOAL_COMPLETIONS = F("Goal completions", "count", "up")
GOAL_CONVERSION = F("Goal conversion", "rate", "up", "goal completions in the period",
                    "sessions in the period")
LEADS_CREATED = F("Leads created", "count", "up")
LEADS_SENT = F("Leads sent to sales", "count", "up")

PANEL_FIGURES: dict[str, dict[str, FigureInfo]] = {
    "funnel": {
        "sessions": SESSIONS,
        "goal_completions": GOAL_COMPLETIONS,
        "goal_completions_rate": GOAL_CONVERSION,
        "leads": LEADS_CREATED,
        "leads_rate": F("Leads created per goal completion", "ratio", "up",
                        "leads created in the period", "goal completions in the period"),
        "sent_to_sales": LEADS_SENT,
        "opportunities": F("Opportunities created", "count", "up"),
        "proposals": F("Opportunities created that reached Proposal", "count", "up",
                       judged=False),
        "closed_won": F("Deals won (closed in the period)", "count", "up"),
        "sent_to_sales_rate": F(
            "Cohort: new leads sent to sales", "rate", "up",
            "the period's new leads sent to sales by the as-of date",
            "leads created in the period"),
        "opportunities_rate": F(
            "Cohort: sent leads with an opportunity", "rate", "up",
            "the period's new leads, sent to sales, with an opportunity by the as-of date",
            "the period's new leads sent to sales by the as-of date"),
        "proposals_rate": F(
            "Cohort: opportunities that reached Proposal", "rate", "up",
            "the cohort's opportunities at Proposal or a later stage",
            "the cohort's leads with an opportunity", judged=False),
        "closed_won_rate": F(
            "Cohort: proposals won", "rate", "up",
            "the cohort's leads with a Closed Won opportunity",
            "the cohort's leads with an opportunity that reached Proposal", judged=False),
    },
    "traffic": {
        "sessions": SESSIONS,
        "goal_completions": GOAL_COMPLETIONS,
        "goal_conversion": GOAL_CONVERSION,
        "sources": F("Sources / mediums with sessions", "count", "neither"),
        "leads_sent_to_sales": LEADS_SENT,
        "leads_per_goal": F("Leads sent per goal completion", "ratio", "up",
                            "leads sent to sales in the period", "goal completions in the period"),
        "expected_leads_to_sales": F("Expected leads to sales", "count", "up"),
    },
    "social": {
        "followers": F("Followers", "count", "up"),
        "follower_growth": F("Follower growth", "count", "up"),
        "engagements": F("Engagements", "count", "up"),
        "posts": F("Posts", "count", "up"),
        "video_views": F("Video views", "count", "up"),
        "referral_sessions": F("Social referral sessions", "count", "up"),
        "sessions_per_1000_followers": F(
            "Social sessions per 1,000 followers", "ratio", "up",
            "social referral sessions in the period", "followers at the period's end / 1,000"),
    },
    "paid": {
        "spend": F("Paid spend", "money", "neither"),
        "impressions": F("Paid impressions", "count", "up"),
        "clicks": F("Paid clicks", "count", "up"),
        "names": F("Names from paid programmes", "count", "up"),
        "cpc": F("Cost per click", "money", "down", "paid spend", "paid clicks"),
        "ctr": F("Paid click-through rate", "rate", "up", "paid clicks", "paid impressions"),
        "cost_per_name": F("Cost per name", "money", "down", "paid spend",
                           "names from paid programmes"),
        "cost_per_name_mix_adjusted": F(
            "Cost per name at baseline mix", "money", "down",
            "each programme's cost per name in the period x its share of names in the baseline",
            "the baseline shares of the programmes with names in the period"),
        "leads": F("Paid programme leads", "count", "up"),
        "cost_per_lead": F("Cost per lead (paid)", "money", "down", "paid spend",
                           "paid programme leads created in the period"),
        "cost_per_lead_mix_adjusted": F(
            "Cost per lead at baseline mix", "money", "down",
            "each programme's cost per lead in the period x its share of leads in the baseline",
            "the baseline shares of the programmes with leads in the period"),
        "opportunities": F("Opportunities from paid leads", "count", "up"),
        "opportunity_conversion": F(
            "Paid leads with an opportunity", "rate", "up",
            "paid programme leads created in the period with an opportunity by the as-of date",
            "paid programme leads created in the period"),
    },
    "referrers": {
        "referral_sessions": F("Referral sessions", "count", "up"),
        "referral_goal_completions": F("Referral goal completions", "count", "up"),
        "referral_goal_conversion": F("Referral goal conversion", "rate", "up",
                                      "goal completions of referral sessions",
                                      "referral sessions"),
        "referral_share": F("Referral share of sessions", "rate", "up", "referral sessions",
                            "all sessions"),
        "referring_sites": F("Referring sites", "count", "up"),
        "new_referrers": F("New referring sites", "count", "up"),
    },
    "site_health": {
        "not_found_hits": F("404 hits", "count", "down"),
        "not_found_pages": F("404 pages", "count", "down"),
        "new_not_found_pages": F("New 404 pages", "count", "down"),
        "keywords_tracked": F("Keywords tracked", "count", "neither"),
        "average_position": F("Average keyword position", "position", "down"),
        "keyword_gains": F("Keywords gaining places", "count", "up"),
        "keyword_losses": F("Keywords losing places", "count", "down"),
    },
    "calendar": {
        "planned_entries": F("Calendar entries planned", "count", "neither"),
        "campaigns": F("Campaigns planned", "count", "neither"),
        "launches": F("Launches planned", "count", "neither"),
        "events": F("Events planned", "count", "neither"),
        "empty_weeks": F("Weeks with nothing planned", "count", "down"),
        "expected_sessions": F("Sessions the calendar expects", "count", "up"),
        "expected_leads": F("Leads the calendar expects", "count", "up"),
        "budget": F("Calendar budget", "money", "neither"),
        "paid_budget": F("Calendar budget for paid programmes", "money", "neither"),
        "expected_spend": F("Paid spend expected at the baseline's pace", "money", "neither"),
        "budget_to_spend": F("Budget against expected spend", "ratio", "neither",
                             "the calendar's paid budget (or all its budget)",
                             "paid spend expected at the baseline's pace", percent=True),
    },
    "lead_scoring": {
        "leads_created": LEADS_CREATED,
        "leads_sent_to_sales": LEADS_SENT,
        "sales_accepted": F("Sent leads accepted by sales", "count", "up"),
        "acceptance_rate": F("Acceptance rate", "rate", "up",
                             "leads sent in the period found in the CRM with a status that is "
                             "not rejected", "leads sent to sales in the period"),
        "sent_below_threshold": F("Sent leads scored below the threshold", "count", "down"),
        "below_threshold_share": F("Sent leads below the threshold", "rate", "down",
                                   "leads sent in the period scored below the threshold",
                                   "leads sent to sales in the period"),
    },
    "nurturing": {
        "database_size": F("Database size", "count", "up"),
        "emails_sent_4w": F("Emails sent (4 weeks)", "count", "neither"),
        "turnover_rate": F("Sends per contact (4 weeks)", "ratio", "neither",
                           "emails sent in the 4 weeks ending with the period", "database size"),
        "unsubscribes_4w": F("Unsubscribes (4 weeks)", "count", "down"),
        "bounces_4w": F("Bounces (4 weeks)", "count", "down"),
        "list_attrition": F("List attrition (4 weeks)", "rate", "down",
                            "unsubscribes and bounces in the 4 weeks", "database size"),
        "database_change_4w": F("Database change (4 weeks)", "count", "up"),
        "contacts_lost_4w": F("Contacts lost: unsubscribes and bounces (4 weeks)", "count",
                              "down"),
        "leads_created_4w": F("Leads created (4 weeks)", "count", "up"),
        "unexplained_change_4w": F(
            "Database change the leads and losses do not explain (4 weeks)", "count",
            "neither"),
        "emails_sent": F("Emails sent", "count", "neither"),
        "emails_delivered": F("Emails delivered", "count", "up"),
        "emails_opens": F("Email opens", "count", "up"),
        "emails_clicks": F("Email clicks", "count", "up"),
        "emails_unsubscribes": F("Unsubscribes", "count", "down"),
        "emails_bounces": F("Bounces", "count", "down"),
        "email_ctr": F("Email click-through rate", "rate", "up", "email clicks",
                       "emails delivered"),
        "email_sessions": F("Sessions from email", "count", "up"),
        "click_to_session": F("Email sessions per email click", "ratio", "up",
                              "sessions with medium email", "email clicks"),
    },
    "handoff": {
        "leads_delivered": LEADS_SENT,
        "expected_leads_recorded": F("Expected leads to sales, as recorded",
                                     "count", "neither"),
        "found": F("Sent leads found in the CRM", "count", "up"),
        "found_rate": F("Found in the CRM", "rate", "up", "leads sent found in the CRM",
                        "leads sent to sales in the period"),
        "missing": F("Sent leads missing from the CRM", "count", "down"),
        "unassigned": F("Sent leads without an owner", "count", "down"),
        "right_rep": F("Sent leads with a rep of their territory", "count", "up"),
        "wrong_rep": F("Sent leads with a rep outside their territory", "count", "down"),
        "right_rep_rate": F("With the right rep", "rate", "up",
                            "leads sent with a rep of their territory",
                            "leads sent to sales in the period"),
        "duplicates": F("Sent leads standing twice in the CRM", "count", "down"),
        "duplicates_total": F("Lead ids standing twice in the whole CRM", "count", "down"),
    },
    "follow_up": {
        "leads_delivered": LEADS_SENT,
        "with_opportunity": F("Sent leads with an opportunity", "count", "up"),
        "opportunity_create_rate": F("Opportunity create rate", "rate", "up",
                                     "leads sent whose CRM row has an opportunity",
                                     "leads sent to sales in the period"),
        "bad_data": F("Sent leads flagged bad data", "count", "down"),
        "bad_data_rate": F("Bad data rate", "rate", "down", "leads sent flagged bad data",
                           "leads sent to sales in the period"),
        "median_hours_to_first_touch": F("Median hours to first touch", "hours", "down"),
        "touched_within_24h": F("Sent leads touched within 24 h", "count", "up"),
        "within_24h_share": F("Touched within 24 h", "rate", "up",
                              "leads sent first touched within 24 hours",
                              "leads sent to sales in the period"),
        "never_touched": F("Sent leads never touched", "count", "down"),
        "first_touch_in_crm": F("Sent leads with a first touch in the CRM", "count", "up"),
        "with_logged_activity": F("Sent leads with a logged activity", "count", "up"),
        "calls": F("Calls logged", "count", "up"),
        "emails": F("Sales emails logged", "count", "up"),
        "reps": F("Reps", "count", "neither"),
        "capacity_per_rep": F("Calls a rep makes in a busy week", "count", "up"),
        "calling_capacity": F("Calling capacity", "count", "up"),
        "calls_needed": F("Calls needed", "count", "neither"),
    },
    "romi": {
        "tactics": F("Tactics", "count", "neither"),
        "cost": F("Tactic cost", "money", "neither"),
        "internal_cost": F("Internal team cost", "money", "neither"),
        "total_cost": F("Total tactic cost", "money", "neither"),
        "leads": F("Tactic leads (lifetime)", "count", "up"),
        "with_opportunity": F("Tactic leads with an opportunity", "count", "up"),
        "conversion": F("Tactic lead conversion (lifetime)", "rate", "up",
                        "the tactics' leads with an opportunity", "the tactics' leads"),
        "opportunities": F("Tactic opportunities", "count", "up"),
        "proposals": F("Tactic opportunities that reached Proposal", "count", "up"),
        "closed_won": F("Tactic deals won", "count", "up"),
        "pipeline": F("Tactic pipeline (all opportunities)", "money", "up"),
        "open_pipeline": F("Tactic pipeline still open", "money", "up"),
        "cost_per_opportunity": F("Cost per opportunity (tactics)", "money", "down",
                                  "total tactic cost", "the tactics' opportunities"),
        "cost_per_won_deal": F("Cost per won deal (tactics)", "money", "down",
                               "total tactic cost", "the tactics' won deals"),
        "closed_won_revenue": F("Closed-won revenue", "money", "up"),
        "romi": F("ROMI", "ratio", "up", "closed-won revenue minus total cost", "total cost",
                  percent=True),
    },
    "lifecycle": {
        "leads": F("Leads to date", "count", "up"),
        "with_opportunity": F("Leads to date with an opportunity", "count", "up"),
        "conversion": F("Lead conversion to date", "rate", "up",
                        "leads with an opportunity by the as-of date",
                        "leads created by the as-of date"),
        "median_days_to_opportunity": F("Median days to opportunity", "days", "down"),
        "past_lifetime": F("Leads past their lifetime", "count", "down"),
        "touches_per_lead": F("Touches per sent lead (mean)", "ratio", "up",
                              "activities naming leads sent within the lifetime",
                              "leads sent to sales within the lifetime"),
        "touches_per_lead_median": F("Touches per sent lead (median)", "ratio", "up"),
        "tactics_under_min_reps": F("Tactics spread over too few reps", "count", "down"),
    },
}

SCORECARD_OWN: dict[str, FigureInfo] = {
    "wasted_spend": F("Wasted paid spend", "money", "down"),
    "pipeline_created": F("Pipeline created", "money", "up"),
    "bookings": F("Bookings (deals won in the period)", "money", "up"),
    "bookings_qtd": F("Bookings, quarter to date", "money", "up"),
}
"""The scorecard's own figures; its other rows are other panels' figures, under one entry."""


def _scorecard_entries() -> dict[str, FigureInfo]:
    from tuneup_tui.metrics.scorecard_questions import QUESTIONS

    out: dict[str, FigureInfo] = {}
    for q in QUESTIONS:
        if q.pending:
            continue  # not answered yet: no figure to describe
        panel, _, key = q.figure.partition(".")
        own = SCORECARD_OWN.get(q.key) if panel == "scorecard" or q.span == "quarter" else None
        out[q.key] = own if own is not None else PANEL_FIGURES[panel][key]
    out["bookings"] = SCORECARD_OWN["bookings"]
    return out


# SEO metrics are named by the pack ("seo_domain_authority"); the common ones have a direction.
_SEO_BETTER = {"spam_score": "down", "domain_authority": "up", "page_authority": "up",
               "linking_domains": "up", "indexed_pages": "up", "backlinks": "up"}


def _seo(metric: str) -> FigureInfo:
    words = metric.replace("_", " ")
    better = _SEO_BETTER.get(metric, "neither")
    return F(f"SEO {words}", "score", better)  # type: ignore[arg-type]


PATTERNS: dict[tuple[str, str], Callable[[str], FigureInfo]] = {
    ("site_health", "seo_"): _seo,
}
"""(panel, key prefix) -> the entry of a key named by the pack."""

# The deeper sales panels (tactic economics, budget pacing, service level) keep their entries
# in their own module; they share the ROMI panel's where the figure is the same.
from tuneup_tui.metrics.catalogue_economics import economics_entries  # noqa: E402

PANEL_FIGURES.update(economics_entries(PANEL_FIGURES))
# the scorecard reads other panels' entries, the deeper sales panels' too: built last
PANEL_FIGURES["scorecard"] = _scorecard_entries()
