"""Small packs several tests share: the Paid, Sales follow-up and Nurturing panels' hand-worked
data (their own tests work out every figure), which the cross-source checks read too."""

from __future__ import annotations

from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.registry import run_panel

# Paid Programs: period 2026-11-16..22, baseline W45 and W46

def _p(day: str, program: str, site: str, spend: float, imps: int, clicks: int,
       names: int) -> dict:
    return {"date": day, "program": program, "channel": program.lower(), "site": site,
            "spend": spend, "impressions": imps, "clicks": clicks, "names": names}


PAID = [
    # period
    _p("2026-11-17", "Search", "google.com", 500, 10000, 250, 25),
    _p("2026-11-17", "Display", "a.com", 200, 20000, 100, 0),   # clicks, no names
    _p("2026-11-17", "Display", "b.com", 100, 20000, 20, 2),    # CTR 0.001
    _p("2026-11-17", "Display", "c.com", 100, 20000, 40, 4),    # CTR 0.002
    _p("2026-11-17", "Display", "d.com", 100, 1000, 60, 6),     # CTR 0.06
    # baseline (W46)
    _p("2026-11-10", "Search", "google.com", 400, 8000, 200, 20),
    _p("2026-11-10", "Display", "a.com", 200, 20000, 100, 10),
]


def _lead(lead_id: str, created: str, program: str) -> dict:
    return {"lead_id": lead_id, "created_at": created, "program": program, "score": 1,
            "status": "open", "sent_to_sales_at": None, "territory": "east"}


PAID_LEADS = (
    # "search" matches the paid program "Search" (case and spaces ignored)
    [_lead(f"S{i}", "2026-11-18", " search ") for i in range(5)]      # period: 5
    + [_lead(f"S{i}", "2026-11-10", "Search") for i in range(5, 15)]  # baseline: 10
    + [_lead(f"D{i}", "2026-11-11", "Display") for i in range(12)]    # baseline: 12 (W46,
    # the one baseline week the paid export covers)
    + [_lead("W1", "2026-11-18", "Webinar")]                          # not a paid program
)


def _opp(i: int, lead: str, created: str) -> dict:
    return {"opportunity_id": f"O{i}", "lead_id": lead, "created_at": created,
            "stage": "Qualification", "amount": 1, "closed_at": None}


OPPS = [_opp(1, "S0", "2026-11-18"), _opp(2, "S6", "2026-11-11"), _opp(3, "S7", "2026-11-12"),
        _opp(4, "W1", "2026-11-19")]


def paid_run(**options: object):
    pack = pack_of(paid=PAID, leads=PAID_LEADS, opportunities=OPPS)
    return run_panel("paid", pack, period(), settings(**options))



# Sales follow-up: East is Alex Kim, West is Bea Lo

def lead(lead_id: str, sent: str) -> dict:
    return {"lead_id": lead_id, "created_at": "2026-10-01", "program": "Webinar", "score": 70,
            "status": "Open", "sent_to_sales_at": sent, "territory": "East"}


def crm(lead_id: str, status: str, touch: str | None, opportunity: str | None = None,
        bad: bool = False) -> dict:
    return {"lead_id": lead_id, "owner": "Alex Kim", "territory": "East", "status": status,
            "first_touch_at": touch, "opportunity_id": opportunity, "bad_data": bad}


SENT_LEADS = [
    lead("L-1", "2026-11-16 08:00"), lead("L-2", "2026-11-17 09:00"),
    lead("L-3", "2026-11-17 10:00"), lead("L-4", "2026-11-18 12:00"),
    lead("L-5", "2026-11-19 12:00"),
    lead("L-6", "2026-11-03 08:00"), lead("L-7", "2026-11-10 08:00"),
    lead("L-8", "2026-11-11 08:00"), lead("L-9", "2026-11-12 08:00"),
]
CRM = [
    crm("L-1", "Working", "2026-11-16 20:00", "O-1"),           # 12 h, opportunity
    crm("L-2", "Working", "2026-11-18 09:00"),                  # 24 h exactly: within
    crm("L-3", "Bad Data", "2026-11-20 10:00", bad=True),       # 72 h, bad data
    crm("L-4", "New", None),                                    # never touched
    # L-5 is not in the CRM: never touched either
    crm("L-6", "Won", "2026-11-03 10:00", "O-2"),               # W45: 2 h, opportunity
    crm("L-7", "Working", "2026-11-12 08:00", "O-3", bad=True),  # W46: 48 h
    crm("L-8", "Working", "2026-11-11 18:00"),                  # W46: 10 h
    # L-9 (W46) is not in the CRM
]
TERRITORIES = [{"territory": "East", "rep": "Alex Kim"}, {"territory": "West", "rep": "Bea Lo"}]


def acts(rep: str, kind: str, day: str, n: int) -> list[dict]:
    return [{"date": f"{day} 10:00", "rep": rep, "type": kind, "lead_id": "L-1"}] * n


ACTIVITIES = [
    *acts("Alex Kim", "call", "2026-11-03", 10), *acts("Alex Kim", "call", "2026-11-10", 8),
    *acts("Alex Kim", "Call", "2026-11-17", 3),
    *acts("Alex Kim", "email", "2026-11-04", 4), *acts("Alex Kim", "email", "2026-11-11", 6),
    *acts("Alex Kim", "email", "2026-11-18", 5),
    *acts("Bea Lo", "call", "2026-11-04", 6), *acts("Bea Lo", "call", "2026-11-12", 6),
    *acts("Bea Lo", "call", "2026-11-19", 6), *acts("Bea Lo", "email", "2026-11-19", 2),
    *acts("Bea Lo", "meeting", "2026-11-19", 4),
    *acts("Dan Ng", "call", "2026-11-20", 1),
]



# Nurturing: the period's 4 weeks run 10-26..11-22

DATABASE = [
    {"date": "2026-10-01", "contacts": 1000},
    {"date": "2026-11-08", "contacts": 1100},   # the size at the end of W45 and of W46
    {"date": "2026-11-20", "contacts": 1200},   # the size at the period's end
    {"date": "2026-11-25", "contacts": 9999},   # after the period: ignored
]


def email(day: str, campaign: str, sent: int, delivered: int, opens: int, clicks: int,
          unsubscribes: int, bounces: int) -> dict:
    return {"date": day, "campaign": campaign, "sent": sent, "delivered": delivered,
            "opens": opens, "clicks": clicks, "unsubscribes": unsubscribes, "bounces": bounces}


EMAILS = [
    email("2026-10-14", "Oct A", 500, 480, 100, 20, 2, 20),      # W45 window only
    email("2026-10-28", "Oct B", 1000, 950, 200, 30, 5, 10),     # all three windows
    email("2026-11-04", "Nov A", 1000, 1000, 250, 40, 4, 6),     # W45; all three windows
    email("2026-11-11", "Nov B", 1000, 1000, 200, 60, 3, 7),     # W46; W46 + period windows
    email("2026-11-17", "Promo", 2000, 1900, 500, 380, 10, 30),  # the period
    email("2026-11-19", "Digest", 1000, 1000, 200, 20, 2, 8),    # the period
]


def visit(day: str, medium: str, sessions: int) -> dict:
    return {"date": day, "source": "newsletter", "medium": medium, "sessions": sessions,
            "goal_completions": 0}


TRAFFIC = [
    visit("2026-11-05", "email", 30),   # W45
    visit("2026-11-12", "email", 60),   # W46
    visit("2026-11-18", "email", 40),   # period
    visit("2026-11-18", "Email", 10),   # period, medium in any case
    visit("2026-11-18", "cpc", 500),    # not email
]
