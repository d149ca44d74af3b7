"""Funnel panel on a hand-made pack: period 2026-11-16..22, baseline W45 (11-02..08) + W46."""

from __future__ import annotations

import pytest

from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.registry import run_panel

TRAFFIC = [
    # period 1000 s, 50 g; W45 800 s, 40 g; W46 1200 s, 80 g
    {"date": "2026-11-18", "source": "google", "medium": "organic", "sessions": 1000,
     "goal_completions": 50},
    {"date": "2026-11-04", "source": "google", "medium": "organic", "sessions": 800,
     "goal_completions": 40},
    {"date": "2026-11-11", "source": "google", "medium": "organic", "sessions": 1200,
     "goal_completions": 80},
]


def _lead(i: int, created: str, sent: str | None) -> dict:
    return {"lead_id": f"L{i}", "created_at": created, "program": "web", "score": 1,
            "status": "open", "sent_to_sales_at": sent, "territory": "east"}


# period: 10 leads created, 4 of them sent in the period
# baseline: 8 created in W45, 12 in W46 (20); 10 of them sent in the baseline
LEADS = (
    [_lead(i, "2026-11-17", "2026-11-18" if i < 4 else None) for i in range(10)]
    + [_lead(100 + i, "2026-11-03", "2026-11-05" if i < 5 else None) for i in range(8)]
    + [_lead(200 + i, "2026-11-10", "2026-11-12" if i < 5 else None) for i in range(12)]
)


def _opp(i: int, created: str, stage: str, closed: str | None = None) -> dict:
    return {"opportunity_id": f"O{i}", "lead_id": f"L{i}", "created_at": created,
            "stage": stage, "amount": 1000, "closed_at": closed}


OPPS = [
    # period: 2 created, one at Proposal
    _opp(1, "2026-11-18", "Proposal"), _opp(2, "2026-11-19", "Qualification"),
    # baseline: 4 created; Negotiation and Closed Won reached proposal
    _opp(3, "2026-11-03", "Negotiation"), _opp(4, "2026-11-04", "Closed Won", "2026-11-12"),
    _opp(5, "2026-11-10", "Closed Lost", "2026-11-13"), _opp(6, "2026-11-11", "Qualification"),
    # created long before, won in the period
    _opp(7, "2026-10-01", "closed won", "2026-11-18 15:00"),
]


def _run(**options: object):
    pack = pack_of(traffic=TRAFFIC, leads=LEADS, opportunities=OPPS)
    return run_panel("funnel", pack, period(), settings(**options))


def test_step_counts_and_rates() -> None:
    r = _run()
    assert r.error is None
    f, b = r.figures, r.baseline_figures
    assert f["sessions"] == 1000 and b["sessions"] == pytest.approx(1000)  # (800+1200)/2
    assert f["goal_completions"] == 50 and b["goal_completions"] == pytest.approx(60)
    assert f["goal_completions_rate"] == pytest.approx(50 / 1000)
    assert b["goal_completions_rate"] == pytest.approx(120 / 2000)
    assert f["leads"] == 10 and b["leads"] == pytest.approx(10)  # 20 / 2
    assert f["leads_rate"] == pytest.approx(10 / 50)
    assert b["leads_rate"] == pytest.approx(20 / 120)
    assert f["sent_to_sales"] == 4 and b["sent_to_sales"] == pytest.approx(5)  # 10 / 2
    assert f["opportunities"] == 2 and b["opportunities"] == pytest.approx(2)  # 4 / 2
    assert f["proposals"] == 1 and b["proposals"] == pytest.approx(1)  # 2 / 2
    # closed won by closed_at: O7 in the period, O4 in the baseline
    assert f["closed_won"] == 1 and b["closed_won"] == pytest.approx(0.5)
    # the period's cohort L0..L9 up to 2026-11-23: sent L0..L3 (4 of 10); of those, L1, L2,
    # L3 have opportunities (O1, O2, O3: 3 of 4); O1 (Proposal) and O3 (Negotiation) reached
    # Proposal (2 of 3); neither is won (0 of 2). L4's won O4 is not counted: L4 was never
    # sent, so it left the cohort's path at the second step.
    assert f["sent_to_sales_rate"] == pytest.approx(4 / 10)
    assert f["opportunities_rate"] == pytest.approx(3 / 4)
    assert f["proposals_rate"] == pytest.approx(2 / 3)
    assert f["closed_won_rate"] == pytest.approx(0)
    # the baseline's cohorts (20 leads, 10 sent) have no opportunity: 0 of 10, then n/a
    assert b["sent_to_sales_rate"] == pytest.approx(10 / 20)
    assert b["opportunities_rate"] == pytest.approx(0)
    assert b["proposals_rate"] is None and b["closed_won_rate"] is None
    assert set(f) == set(b)
    steps = [row["step"] for row in r.tables["steps"].rows]
    assert steps == ["sessions", "goal_completions", "leads", "sent_to_sales",
                     "opportunities", "proposals", "closed_won"]


def test_step_rate_finding_at_the_threshold() -> None:
    # defaults: sent to sales 0.4 vs 0.5 is 20% below, under the 25% threshold
    assert _run().findings == ()
    # 0.4 < 0.5 x 0.81 = 0.405 with 10 leads >= min_volume 10, but 4 of 10 against 10 of 20
    # is chance: p = 14 / 30, z = -0.1 / sqrt(p (1 - p) (1/10 + 1/20)) = -0.52
    assert _run(below_share=0.19, min_volume=10).findings == ()


def test_step_rate_finding_with_volume() -> None:
    # thirty times the leads: 120 of 300 sent against 300 of 600; pooled p = 420 / 900;
    # z = (0.4 - 0.5) / sqrt(p (1 - p) (1/300 + 1/600)) = -2.83: high
    leads = (
        [_lead(i, "2026-11-17", "2026-11-18" if i < 120 else None) for i in range(300)]
        + [_lead(1000 + i, "2026-11-03", "2026-11-05" if i < 150 else None)
           for i in range(240)]
        + [_lead(2000 + i, "2026-11-10", "2026-11-12" if i < 150 else None)
           for i in range(360)])
    pack = pack_of(traffic=TRAFFIC, leads=leads, opportunities=[])
    r = run_panel("funnel", pack, period(), settings(below_share=0.19, min_volume=10))
    found = {f.key: f for f in r.findings}
    assert list(found) == ["low_step_rate:sent_to_sales"]
    low = found["low_step_rate:sent_to_sales"]
    assert low.severity == "high"
    assert low.message == ("40.0% of leads created became sent to sales last week against "
                           "50.0% on average over 2 weeks.")
    p = 420 / 900
    assert low.evidence is not None
    assert (low.evidence["count"], low.evidence["of"]) == (120, 300)
    assert (low.evidence["baseline_count"], low.evidence["baseline_of"]) == (300, 600)
    assert low.evidence["z"] == pytest.approx(-0.1 / (p * (1 - p) * (1 / 300 + 1 / 600)) ** 0.5)
    # 300 leads < min_volume 301: too small to judge
    assert run_panel("funnel", pack, period(),
                     settings(below_share=0.19, min_volume=301)).findings == ()


def test_missing_sources_leave_steps_na() -> None:
    r = run_panel("funnel", pack_of(traffic=TRAFFIC), period(), settings())
    assert r.error is None
    assert r.figures["sessions"] == 1000
    assert r.figures["leads"] is None and r.figures["closed_won"] is None
    assert r.figures["leads_rate"] is None
    assert any("leads" in n for n in r.notes) and any("opportunities" in n for n in r.notes)


def test_no_source_at_all_is_an_error() -> None:
    r = run_panel("funnel", pack_of(paid=[]), period(), settings())
    assert r.error is not None and "funnel" in r.error


def test_zero_denominator_is_none() -> None:
    pack = pack_of(traffic=[{"date": "2026-11-18", "source": "a", "medium": "b",
                             "sessions": 0, "goal_completions": 0}])
    r = run_panel("funnel", pack, period(), settings())
    assert r.figures["goal_completions_rate"] is None
    assert r.baseline_figures["goal_completions_rate"] is None


def test_lagging_steps_raise_no_finding() -> None:
    # O1 back at Qualification: of L1, L2, L3 only L3 (O3, Negotiation) reached Proposal
    opps = [{**o, "stage": "Qualification"} if o["opportunity_id"] == "O1" else o for o in OPPS]
    pack = pack_of(traffic=TRAFFIC, leads=LEADS, opportunities=opps)
    r = run_panel("funnel", pack, period(), settings(min_volume=1))
    assert r.figures["proposals_rate"] == pytest.approx(1 / 3)
    assert not any(f.key == "low_step_rate:proposals" for f in r.findings)


def test_baseline_cohorts_are_followed_as_long_as_the_periods() -> None:
    # As of 2026-11-23 the period's cohort (created 11-16..22) has been followed up to 11-23;
    # W45's (from 11-02, 14 days earlier) is followed up to 11-09, W46's (from 11-09) up to
    # 11-16, each day included.
    leads = [
        # the period: P0, P1 sent of P0..P3; P0's opportunity was won on 11-21
        *(_lead(i, "2026-11-17", "2026-11-18" if i < 2 else None) for i in range(4)),
        # W45: A sent 11-05, B 11-09 (its last day: in), C 11-10 (a day too late), D never
        _lead(10, "2026-11-03", "2026-11-05"), _lead(11, "2026-11-03", "2026-11-09"),
        _lead(12, "2026-11-03", "2026-11-10"), _lead(13, "2026-11-03", None),
        # W46: E sent 11-16 (its last day: in), F 11-17 (too late), G 11-11, H never
        _lead(14, "2026-11-10", "2026-11-16"), _lead(15, "2026-11-10", "2026-11-17"),
        _lead(16, "2026-11-10", "2026-11-11"), _lead(17, "2026-11-10", None),
    ]
    opps = [
        _opp(0, "2026-11-19", "Closed Won", "2026-11-21"),
        _opp(10, "2026-11-20", "Qualification"),  # A's, long after W45's 11-09: out
        _opp(11, "2026-11-09", "Proposal"),  # B's, on W45's last day: in
        _opp(14, "2026-11-16", "Closed Won", "2026-11-20"),  # E's: made in time, won too late
        _opp(16, "2026-11-17", "Qualification"),  # G's, a day after W46's 11-16: out
    ]
    r = run_panel("funnel", pack_of(leads=leads, opportunities=opps), period(), settings())
    f, b = r.figures, r.baseline_figures
    # the period: 2 of 4 sent; P0 of P0, P1 with an opportunity, at Proposal (Closed Won is
    # past it) and won by 11-23: 1 of 1 each
    assert (f["sent_to_sales_rate"], f["opportunities_rate"]) == (2 / 4, 1 / 2)
    assert (f["proposals_rate"], f["closed_won_rate"]) == (1.0, 1.0)
    # the baseline: A, B, E, G sent in time, 4 of 8 (6 of 8 followed to 11-23); of those, B
    # and E have an opportunity in time, 2 of 4 (followed to 11-23: A, B, E, G of the six
    # sent, 4 of 6); both reached Proposal by today's stage (2 of 2); E's win came after
    # 11-16 (0 of 2)
    assert b["sent_to_sales_rate"] == pytest.approx(4 / 8)
    assert b["opportunities_rate"] == pytest.approx(2 / 4)
    assert b["proposals_rate"] == pytest.approx(2 / 2)
    assert b["closed_won_rate"] == pytest.approx(0)
    steps = {row["step"]: row for row in r.tables["steps"].rows}
    assert steps["sent_to_sales"]["baseline_of"] == 8
    assert steps["opportunities"]["baseline_of"] == 4
    note = next(n for n in r.notes if n.startswith("Cohort rates"))
    assert "up to 2026-11-23 (1 to 7 days)" in note and "up to 2026-11-16" in note


def test_a_lead_with_several_opportunities_counts_from_its_first() -> None:
    # B (W45, followed to 11-09) has a late opportunity (11-20) and an early one (11-06): it
    # had an opportunity in time, once; a won one without a close date is dated by its creation
    leads = [_lead(0, "2026-11-17", None),
             _lead(11, "2026-11-03", "2026-11-04")]
    opps = [_opp(11, "2026-11-20", "Qualification"),
            {**_opp(11, "2026-11-06", "Closed Won"), "opportunity_id": "O11b"}]
    r = run_panel("funnel", pack_of(leads=leads, opportunities=opps), period(), settings())
    b = r.baseline_figures
    assert b["opportunities_rate"] == 1.0
    assert b["proposals_rate"] == 1.0 and b["closed_won_rate"] == 1.0
