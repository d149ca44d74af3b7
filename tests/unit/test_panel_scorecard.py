"""The scorecard on a hand-made pack: period 2026-W47 (16..22 Nov), baseline W45 (2..8 Nov) and
W46 (9..15 Nov), quarter to date 1 Oct..22 Nov. Every answer, target and status worked out by
hand below."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.registry import run_panel
from tuneup_tui.metrics.scorecard_questions import QUESTIONS
from tuneup_tui.metrics.scorecard_view import scorecard_lines

TRAFFIC = [
    {"date": "2026-11-17", "source": "google", "medium": "organic", "sessions": 1000,
     "goal_completions": 30},                                            # period
    {"date": "2026-11-10", "source": "google", "medium": "organic", "sessions": 800,
     "goal_completions": 20},                                            # W46
    {"date": "2026-11-03", "source": "google", "medium": "organic", "sessions": 1200,
     "goal_completions": 40},                                            # W45
]


def _lead(lead_id: str, created: str, program: str, sent: str | None = None) -> dict:
    return {"lead_id": lead_id, "created_at": created, "program": program, "score": 70,
            "status": "Working", "sent_to_sales_at": sent, "territory": "East"}


LEADS = [
    # period: 5 Bing (2 sent to sales), 3 Google
    *[_lead(f"B{i}", "2026-11-17", "Bing", "2026-11-18" if i < 2 else None) for i in range(5)],
    *[_lead(f"G{i}", "2026-11-18", " google ") for i in range(3)],
    # W46: 4 Bing, one sent to sales; W45: 3 Display leads that never get an opportunity
    *[_lead(f"P{i}", "2026-11-10", "Bing", "2026-11-10" if i == 0 else None) for i in range(4)],
    *[_lead(f"D{i}", "2026-11-03", "Display") for i in range(3)],
]


def _opp(opp_id: str, lead: str, created: str, stage: str, amount: float,
         closed: str | None = None) -> dict:
    return {"opportunity_id": opp_id, "lead_id": lead, "created_at": created, "stage": stage,
            "amount": amount, "closed_at": closed}


OPPS = [
    _opp("O1", "B0", "2026-11-17", "Prospecting", 1000),                   # period
    _opp("O2", "P0", "2026-11-10", "Closed Won", 3000, "2026-11-18"),      # W46, won in period
    _opp("O3", "P1", "2026-10-05", "Closed Won", 500, "2026-10-20"),       # won in October
    _opp("O4", "P2", "2026-07-01", "Closed Won", 200, "2026-07-15"),       # won last quarter
]


def _paid(program: str, site: str, spend: float, clicks: int, names: int) -> dict:
    return {"date": "2026-11-17", "program": program, "channel": "display", "site": site,
            "spend": spend, "impressions": 20000, "clicks": clicks, "names": names}


PAID = [
    _paid("Search", "google.com", 500, 250, 25),
    _paid("Display", "a.com", 200, 100, 0),     # clicks, no names: a suspect
    _paid("Display", "b.com", 100, 40, 4),
    _paid("Social", "x.com", 50, 100, 0),       # a suspect of a programme that converts
]

TARGETS = [
    {"period": "2026-11", "figure": "traffic.sessions", "target": 3000},       # 100 a day
    {"period": "2026-11", "figure": "traffic.goal_conversion", "target": 0.04},
    {"period": "2026-11", "figure": "funnel.leads", "target": 300},            # 10 a day
    {"period": "2026-W47", "figure": "funnel.leads", "tactic": "Bing", "target": 5},
    {"period": "2026-W47", "figure": "funnel.leads", "tactic": "Google", "target": 3.2},
    {"period": "2026-W47", "figure": "funnel.leads", "tactic": "Trade Show", "target": 2},
    {"period": "2026-W47", "figure": "scorecard.pipeline_created", "target": 1000},
    {"period": "2026-10", "figure": "scorecard.bookings", "target": 3100},     # 100 a day
    {"period": "2026-11", "figure": "scorecard.bookings", "target": 3000},     # 100 a day
    {"period": "2026-11", "figure": "scorecard.wasted_spend", "target": 0},
    {"period": "2026-12", "figure": "funnel.leads", "target": 310},            # 10 a day
    {"period": "2026-W47", "figure": "paid.spend", "tactic": "display", "target": 280},
    {"period": "2026-W47", "figure": "paid.spend", "tactic": "Video", "target": 100},
]
CALENDAR = [
    # runs in the calendar's first two weeks (23..29 Nov, 30 Nov..6 Dec): 40 leads in each
    {"start": "2026-11-24", "end": "2026-11-30", "name": "Webinar", "kind": "webinar",
     "owner": "Dana", "expected_leads": 40},
]


@pytest.fixture(scope="module")
def rows() -> dict[tuple[str, Any], dict]:
    pack = pack_of(traffic=TRAFFIC, leads=LEADS, opportunities=OPPS, paid=PAID,
                   targets=TARGETS, calendar=CALENDAR)
    result = run_panel("scorecard", pack, period(),
                       replace(settings(), sessions={"traffic": "Traffic Study"}))
    assert result.error is None
    return {(r["key"], r["tactic"]): dict(r) for r in result.tables["scorecard"].rows}


def _row(rows: dict, key: str, tactic: str | None = None) -> tuple:
    r = rows[(key, tactic)]
    return r["answer"], r["target"], r["baseline"], r["status"], r["against"]


def test_traffic_rows(rows: dict) -> None:
    # sessions 1,000; November's 3,000 is 100 a day, 700 for the week; baseline (800 + 1,200)
    # / 2 = 1,000; 1,000 >= 700: on track
    assert _row(rows, "sessions") == (1000, 700, 1000, "on track", "target")
    # 30 / 1,000 = 3.0% against 4.0%: 1.0 pts short, over the 0.4 pts margin: off track;
    # baseline pooled (20 + 40) / (800 + 1,200) = 3.0%
    assert _row(rows, "goal_conversion") == pytest.approx((0.03, 0.04, 0.03, "off track",
                                                           "target"))
    assert rows[("sessions", None)]["session"] == "Traffic Study"


def test_leads_in_total_and_by_tactic(rows: dict) -> None:
    # 8 leads against 7 x 10 = 70: off track; baseline (4 + 3) / 2 = 3.5
    assert _row(rows, "leads") == (8, 70, 3.5, "off track", "target")
    # Bing: 5 against its week's 5: on track; baseline 4 in W46, 0 in W45: 2
    assert _row(rows, "leads", "Bing") == (5, 5, 2, "on track", "target")
    # " google ": 3 against 3.2, short 0.2, within 10% (0.32): at risk; no baseline leads
    assert _row(rows, "leads", "Google") == (3, 3.2, 0, "at risk", "target")
    # a tactic with no leads at all: 0 against 2, off track
    assert _row(rows, "leads", "Trade Show") == (0, 2, 0, "off track", "target")
    assert rows[("leads", "Bing")]["question"] == "Leads created, by tactic: Bing"


def test_sent_to_sales_against_the_traffic_studys_expectation(rows: dict) -> None:
    # sent in the period: B0, B1 = 2; expected = 30 goals x (1 sent / 60 goals over the
    # baseline) = 0.5; 2 >= 0.5: on track
    answer, target, _, status, against = _row(rows, "sent_vs_expected")
    assert (answer, target, status, against) == (2, pytest.approx(0.5), "on track", "expected")


def test_pipeline_and_bookings(rows: dict) -> None:
    # created in the period: O1 = 1,000 against 1,000 (on track, level); baseline: no
    # opportunity was created in W45, so W45 is left out as it is of the funnel's
    # opportunities count (whose baseline is 1 a week): 3,000 / 1 = 3,000
    assert _row(rows, "pipeline_created") == (1000, 1000, 3000, "on track", "target")
    assert _row(rows, "opportunities")[2] == 1
    # won 1 Oct..22 Nov: O2 3,000 + O3 500 = 3,500; target 31 x 100 + 22 x 100 = 5,300:
    # off track; the same 53 days of Q3 (1 Jul..22 Aug): O4 200
    assert _row(rows, "bookings_qtd") == (3500, 5300, 200, "off track", "target")
    assert rows[("bookings_qtd", None)]["note"] == "01 Oct to 22 Nov"


def test_a_tactics_baseline_leaves_out_weeks_before_the_leads_export() -> None:
    # The export begins on Thu 12 Nov (W46: 3 of its 7 days before it, so W46 counts); W45
    # holds no lead and is left out. Bing: 2 in the period against W46's 2: 2 / 1 = 2 (not
    # 2 / 2 = 1 as if W45 had been a week of no leads).
    leads = [*[_lead(f"B{i}", "2026-11-17", "Bing") for i in range(2)],
             *[_lead(f"P{i}", "2026-11-12", "Bing") for i in range(2)]]
    targets = [{"period": "2026-W47", "figure": "funnel.leads", "tactic": "Bing", "target": 2}]
    result = run_panel("scorecard", pack_of(leads=leads, targets=targets), period(),
                       settings())
    found = {(r["key"], r["tactic"]): dict(r) for r in result.tables["scorecard"].rows}
    assert _row(found, "leads", "Bing") == (2, 2, 2, "on track", "target")
    assert _row(found, "leads")[2] == 2  # the funnel's own leads count agrees


def test_wasted_spend(rows: dict) -> None:
    # Display's leads (3 in W45) made no opportunity over the baseline: its whole spend
    # (a.com 200 + b.com 100) counts once; Social's x.com has clicks and no names: 50.
    # 350 against a target of 0: off track
    assert _row(rows, "wasted_spend") == (350, 0, None, "off track", "target")


def test_a_programmes_paid_rows(rows: dict) -> None:
    # Display spent 200 + 100 = 300 against 280: 20 off, within 10% (28) either way: on track
    assert _row(rows, "spend", "display")[:2] == (300, 280)
    assert rows[("spend", "display")]["status"] == "on track"
    # a programme with no paid rows is not answered, never a made-up 0
    video = rows[("spend", "Video")]
    assert video["answer"] is None and video["note"] == (
        "not answered yet: no paid rows for Video in the period")


def test_the_calendars_leads_against_the_plans_need(rows: dict) -> None:
    # the calendar's 4 weeks: 23 Nov..20 Dec; the webinar brings 40 in each of 2 weeks = 80;
    # the plan needs 8 November days x 10 + 20 December days x 10 = 280: off track
    answer, target, _, status, against = _row(rows, "planned_leads")
    assert (answer, target, status, against) == (80, 280, "off track", "target")
    assert rows[("planned_leads", None)]["note"] == "23 Nov to 20 Dec"


def test_rows_without_data_or_not_computed_say_so(rows: dict) -> None:
    hits = rows[("not_found_hits", None)]
    assert hits["answer"] is None and hits["status"] is None
    assert hits["note"].startswith("not answered yet: ") and "pages_404" in hits["note"]
    pacing = rows[("budget_pacing", None)]
    assert pacing["answer"] is None and pacing["note"].startswith("not answered yet: ")


def test_every_question_has_a_row_and_lines_read_as_the_room_does(rows: dict) -> None:
    assert {q.key for q in QUESTIONS} <= {key for key, _ in rows}
    pack = pack_of(traffic=TRAFFIC, targets=TARGETS)
    result = run_panel("scorecard", pack, period(), settings())
    lines = {ln.question: ln for ln in scorecard_lines(result)}
    conv = lines["Goal conversion (by source: Traffic)"]
    assert (conv.answer, conv.target, conv.baseline, conv.status) == ("3.0%", "4.0%", "3.0%",
                                                                      "off track")
    hits = lines["404 hits (pages that convert: not in the data)"]
    assert (hits.answer, hits.status) == ("–", "not answered yet")
    assert hits.where == "Site health panel"
    # the figures and baseline of the scorecard are its answered rows, for `tuneup metrics`
    assert result.figures["sessions"] == 1000 and result.baseline_figures["sessions"] == 1000
    assert result.figures["not_found_hits"] is None  # not answered: null in the JSON
