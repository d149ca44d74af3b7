"""The Monday questions: what a VP of Sales or Marketing should be able to answer about last
week, each answered by one figure of the catalogue (docs/scorecard.md lists them; a test keeps
the page and this list equal).

Plain data, importable without pandas: the catalogue builds the scorecard's entries from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Span = Literal["period", "quarter", "ahead", "life"]
"""What a row's answer covers: the review period; the quarter up to the period's end; the
calendar's coming weeks after the period; the tactics' life up to the as-of date."""


@dataclass(frozen=True, slots=True)
class Question:
    """One row of the scorecard."""

    key: str
    """The row's figure key in the scorecard panel."""
    question: str
    figure: str
    """The figure id that answers it ("traffic.sessions"); the target is read for it."""
    span: Span = "period"
    by_tactic: bool = False
    """A target set for one tactic adds a row for that tactic."""
    plan_figure: str | None = None
    """The figure id whose targets in the plan this row is held against, when not its own
    (the leads the calendar plans are held against the leads the plan needs)."""
    against: str | None = None
    """A figure id whose computed value stands as the row's target instead of the plan (the
    leads the Traffic Study expects, the calls the week needs)."""
    pending: str | None = None
    """Why the row is not answered yet: it is shown as such, never with a made-up number."""
    where: str | None = None
    """The panel that digs into the row, when not the one its figure id names."""
    short: str = ""
    """The question in at most 11 characters, for a narrow screen (80 columns leave the
    question 11); the question itself when empty."""

    @property
    def panel(self) -> str:
        """The panel that digs into the row (and whose session the scorecard names)."""
        return self.where or self.figure.partition(".")[0]


QUESTIONS: tuple[Question, ...] = (
    Question("sessions", "Sessions on the site", "traffic.sessions", short="Sessions"),
    Question("goal_conversion", "Goal conversion (by source: Traffic)", "traffic.goal_conversion",
             short="Goal conv."),
    Question("leads", "Leads created, by tactic", "funnel.leads", by_tactic=True,
             short="New leads"),
    Question("leads_sent_to_sales", "Leads sent to sales", "lead_scoring.leads_sent_to_sales",
             short="Leads sent"),
    Question("sent_vs_expected", "Leads sent against the Traffic Study's expectation",
             "lead_scoring.leads_sent_to_sales", against="traffic.expected_leads_to_sales",
             short="Sent vs exp"),
    Question("spend", "Paid spend, by programme", "paid.spend", by_tactic=True, short="Paid spend"),
    Question("cost_per_name", "Cost per name", "paid.cost_per_name", by_tactic=True,
             short="Cost/name"),
    Question("cost_per_lead", "Cost per lead, by programme", "paid.cost_per_lead",
             by_tactic=True, short="Cost/lead"),
    Question("paid_lead_conversion", "Paid leads with an opportunity",
             "paid.opportunity_conversion", short="Paid to opp"),
    Question("cost_per_opportunity", "Cost per opportunity (tactics, life to date)",
             "romi.cost_per_opportunity", span="life", short="Cost/opp"),
    Question("cost_per_won_deal", "Cost per won deal (tactics, life to date)",
             "romi.cost_per_won_deal", span="life", short="Cost/won"),
    Question("wasted_spend", "Wasted spend: click-farm sites, programmes that never convert",
             "scorecard.wasted_spend", where="paid", short="Wasted"),
    Question("social_sessions", "Followers to traffic: social sessions per 1,000 followers",
             "social.sessions_per_1000_followers", short="Social/1k"),
    Question("not_found_hits", "404 hits (pages that convert: not in the data)",
             "site_health.not_found_hits", short="404 hits"),
    Question("planned_leads", "Leads the calendar plans in the coming weeks, against need",
             "calendar.expected_leads", span="ahead", plan_figure="funnel.leads",
             short="Plan leads"),
    Question("database_size", "Database size", "nurturing.database_size", short="Database"),
    Question("send_pressure", "Send pressure: sends per contact (4 weeks)",
             "nurturing.turnover_rate", short="Pressure"),
    Question("net_decay", "Net decay: list attrition (4 weeks)", "nurturing.list_attrition",
             short="Net decay"),
    Question("acceptance_rate", "Leads accepted by sales (rejections: Lead scoring)",
             "lead_scoring.acceptance_rate", short="Accepted"),
    Question("missing", "Sent leads sales cannot find", "handoff.missing", short="Not found"),
    Question("wrong_rep", "Sent leads with a rep outside their territory", "handoff.wrong_rep",
             short="Wrong rep"),
    Question("speed_to_lead", "Speed to lead: median hours to first touch",
             "follow_up.median_hours_to_first_touch", short="First touch"),
    Question("touches_per_lead", "Touches per sent lead", "lifecycle.touches_per_lead",
             short="Touches"),
    Question("calling_capacity", "Calling capacity against calls needed",
             "follow_up.calling_capacity", against="follow_up.calls_needed",
             short="Capacity"),
    Question("connect_rate", "Connects per rep: calls that connected (Service level)",
             "service_level.connect_rate", short="Connects"),
    Question("opportunities", "Opportunities created", "funnel.opportunities",
             short="New opps"),
    Question("pipeline_created", "Pipeline created (amount of new opportunities)",
             "scorecard.pipeline_created", where="funnel", short="Pipeline"),
    Question("bookings_qtd", "Bookings, quarter to date", "scorecard.bookings", span="quarter",
             where="romi", short="Bookings"),
    Question("past_lifetime", "Leads past their lifetime", "lifecycle.past_lifetime",
             short="Aged out"),
    Question("budget_pacing", "Budget pacing: flights whose budget runs out before their end",
             "budget_pacing.flights_running_out", short="Pacing"),
)
"""The rows, in the order the scorecard shows them."""
