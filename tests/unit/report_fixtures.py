"""A small scripted run, built by hand, that the report tests share.

Three sessions (Traffic Study ran 15 minutes over, Paid Programs was skipped), two owners
(Dana, Priya), three action items, one soft spot, two recorded figures, notes with a decision,
questions ticked and not, one panel, one item carried over from run 6 and a hand-made weekly
proposal. tests/fixtures/summary/expected.md is
its Markdown, written by hand.
"""

from __future__ import annotations

from datetime import date, datetime, time

from tuneup_tui.agenda.model import Agenda, Role, Session
from tuneup_tui.agenda.schedule import SessionRow
from tuneup_tui.data.period import review_period
from tuneup_tui.metrics.scorecard_view import ScorecardLine
from tuneup_tui.report.model import (
    CadenceProposal,
    CarriedItem,
    DayRun,
    FigureLine,
    PanelFigure,
    PanelFigures,
    SessionRecord,
    Summary,
)
from tuneup_tui.store.day_record import ActionItem, SoftSpot

DAY = date(2026, 11, 23)  # a Monday


def at(hhmm: str) -> datetime:
    h, m = hhmm.split(":")
    return datetime.combine(DAY, time(int(h), int(m)))


def action(id: int, text: str, owner: str, due: date | None, session: str | None,
           status: str = "open", run_id: int = 7) -> ActionItem:
    return ActionItem(id=id, run_id=run_id, text=text, owner=owner, due=due, session=session,
                      status=status, created_by="facilitator",  # type: ignore[arg-type]
                      created_at=at("09:10"), updated_at=at("09:10"))


def small_agenda() -> Agenda:
    return Agenda(
        title="Small Tune Up", series="small-tuneup", cadence="day", period="week",
        baseline_periods=8, end_of_day=time(10, 30),
        sessions=(
            Session(time(9, 0), "Traffic Study", "Webmaster", panels=("traffic",)),
            Session(time(9, 30), "Paid Programs", "Marketing Programs", panels=("paid",)),
            Session(time(10, 0), "Site Health", "Webmaster", panels=("site_health",)),
        ),
        roles=(Role("Webmaster", ("Dana",)), Role("Marketing Programs", ("Priya", "Maya"))),
    )


def row(index: int, topic: str, planned: str, minutes: int, start: str | None,
        end: str | None, status: str) -> SessionRow:
    return SessionRow(
        index=index, topic=topic, who="", planned_start=at(planned), planned_minutes=minutes,
        start=at(start or planned), minutes=float(minutes), end=at(end or planned),
        actual_start=at(start) if start else None, actual_end=at(end) if end else None,
        status=status,  # type: ignore[arg-type]
    )


def weekly_proposal() -> CadenceProposal:
    agenda = Agenda(
        title="Weekly Small Tune Up", series="small-tuneup", cadence="week", period="week",
        baseline_periods=8, end_of_day=time(9, 30),
        sessions=(
            Session(time(9, 0), "Traffic Study", "Webmaster", panels=("traffic",)),
            Session(time(9, 20), "Paid Programs and Site Health", "Marketing Programs",
                    panels=("paid", "site_health")),
        ),
    )
    return CadenceProposal("week", agenda)


TRAFFIC_NOTES = """bing / cpc: the tags on the newsletter links are wrong.

Decision: pause bing cpc until the UTM tags are fixed"""


def small_summary() -> Summary:
    leads = FigureLine("expected_leads_to_sales", 41, "", "Traffic Study", previous=38)
    cost = FigureLine("cost_per_lead", 52.5, "$", "Paid Programs")
    return Summary(
        title="Small Tune Up",
        series="small-tuneup",
        day=DAY,
        period=review_period(DAY, "week"),
        baseline_periods=8,
        attendees=("Dana", "Priya", "Maya"),
        run_id=7,
        previous_run_id=6,
        actions=(
            action(1, "Fix UTM tags | newsletter links", "Dana", date(2026, 11, 27),
                   "Traffic Study"),
            action(2, "Find the 4 leads missing from the CRM", "Priya", date(2026, 11, 25),
                   None),
            action(3, "Check *bing* cpc bids", "Dana", None, "Traffic Study", "done"),
        ),
        soft_spots=(
            SoftSpot(id=1, run_id=7, session="Traffic Study",
                     text="bing / cpc converted 0.9% of sessions against 3.1% on average",
                     severity="high", owner="Dana", panel="traffic",
                     finding_key="low_conversion:bing / cpc",
                     figures={"rate": 0.009, "average": 0.031}),
        ),
        figures=(leads, cost),
        sessions=(
            SessionRecord("Traffic Study", "Webmaster", "09:00", TRAFFIC_NOTES,
                          (("Which sources convert below their average?", True),
                           ("How many leads do we expect to send to sales?", False)),
                          (leads,)),
            SessionRecord("Paid Programs", "Marketing Programs", "09:30", "",
                          (("Any click farms?", False),), (cost,)),
        ),
        scorecard=(
            ScorecardLine("Goal conversion", "2.8%", "3.5%", "3.1%", "off track", "target",
                          "Traffic Study", "", "traffic.goal_conversion", None),
            ScorecardLine("Leads created, by tactic: Bing", "5", "8", "6", "off track",
                          "target", "Traffic Study", "", "funnel.leads", "Bing"),
            ScorecardLine("Leads sent against the Traffic Study's expectation", "36", "41",
                          "38", "at risk", "expected", "Leads to Sales", "",
                          "lead_scoring.leads_sent_to_sales", None),
            ScorecardLine("Budget pacing", "–", "–", "–", "not answered yet", "",
                          "Marketing calendar panel", "budget pacing is not computed yet",
                          "calendar.budget", None),
        ),
        panels=(
            PanelFigures("traffic", "Traffic and goal conversion", (
                PanelFigure("sessions", 1234, baseline=1100, previous=1200),
                PanelFigure("goal_conversion_rate", 0.028, baseline=0.031),
            )),
        ),
        day_run=DayRun(
            rows=(
                row(0, "Traffic Study", "09:00", 30, "09:00", "09:45", "done"),
                row(1, "Paid Programs", "09:30", 30, None, None, "skipped"),
                row(2, "Site Health", "10:00", 30, "09:45", "10:15", "done"),
            ),
            planned_end=at("10:30"),
            ended_at=at("10:15"),
            extensions=1,
        ),
        carried=(
            CarriedItem("Recycle stale leads", "Priya", "Dana", "re-owned", date(2026, 12, 4),
                        previous_id=11, item_id=21),
        ),
        cadence=(weekly_proposal(),),
    )
