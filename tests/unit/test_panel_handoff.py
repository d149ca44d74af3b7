"""Leads to sales panel: delivered leads found in the CRM, right rep, unassigned, duplicates.

Period 2026-11-16..22; baseline W45 (11-02..08) and W46 (11-09..15). Territories: East is
Alex Kim and Bea Lo, West is Cy Park.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.handoff import compute
from tuneup_tui.metrics.registry import run_panel


def lead(lead_id: str, territory: str | None, sent: str) -> dict:
    return {"lead_id": lead_id, "created_at": "2026-10-01", "program": "Webinar", "score": 70,
            "status": "Open", "sent_to_sales_at": sent, "territory": territory}


def crm(lead_id: str, owner: str | None) -> dict:
    return {"lead_id": lead_id, "owner": owner, "territory": "East", "status": "Working",
            "first_touch_at": None, "opportunity_id": None, "bad_data": False}


LEADS = [
    lead("L-1", "East", "2026-11-16 09:00"),  # Alex Kim: right
    lead("L-2", "East", "2026-11-17 09:00"),  # "cy park": West's rep, wrong (any case)
    lead("L-3", "West", "2026-11-17 10:00"),  # Cy Park: right
    lead("L-4", "West", "2026-11-18 09:00"),  # not in the CRM: missing
    lead("L-5", "East", "2026-11-19 09:00"),  # no owner: unassigned
    lead("L-6", None, "2026-11-20 09:00"),    # no territory, Bea Lo: wrong
    lead("L-7", "East", "2026-11-22 23:00"),  # twice in the CRM; first row Bea Lo: right
    lead("L-8", "West", "2026-11-05 09:00"),  # W45: Cy Park, right
    lead("L-9", "East", "2026-11-12 09:00"),  # W46: missing
    lead("L-10", "East", "2026-11-12 10:00"),  # W46: Alex Kim, right
]
CRM = [crm("L-1", "Alex Kim"), crm("L-2", "cy park"), crm("L-3", "Cy Park"),
       crm("L-5", None), crm("L-6", "Bea Lo"), crm("L-7", "Bea Lo"), crm("L-7", "Alex Kim"),
       crm("L-8", "Cy Park"), crm("L-10", "Alex Kim"), crm("L-20", "Alex Kim"),
       crm("L-20", "Bea Lo")]
TERRITORIES = [{"territory": "East", "rep": "Alex Kim"}, {"territory": "East", "rep": "Bea Lo"},
               {"territory": "West", "rep": "Cy Park"}]


def run(**options: Any) -> Any:
    pack = pack_of(leads=LEADS, crm=CRM, territories=TERRITORIES)
    return compute(pack, period(), settings(**options))


def test_figures_worked_by_hand() -> None:
    f = run().figures
    assert f["leads_delivered"] == 7            # L-1..L-7
    assert f["found"] == 6                      # all but L-4
    assert f["found_rate"] == pytest.approx(6 / 7)
    assert f["missing"] == 1
    assert f["unassigned"] == 1                 # L-5
    assert f["right_rep"] == 3                  # L-1, L-3, L-7
    assert f["wrong_rep"] == 2                  # L-2, L-6
    assert f["right_rep_rate"] == pytest.approx(3 / 7)
    assert f["duplicates"] == 1                 # L-7
    assert f["duplicates_total"] == 2           # L-7 and L-20


def test_baseline_figures() -> None:
    b = run().baseline_figures
    # delivered L-8, L-9, L-10 over 2 weeks; found L-8, L-10; both with the right rep
    assert b["leads_delivered"] == pytest.approx(1.5)
    assert b["found"] == pytest.approx(1.0)
    assert b["missing"] == pytest.approx(0.5)
    assert b["unassigned"] == pytest.approx(0.0)
    assert b["found_rate"] == pytest.approx(2 / 3)
    assert b["right_rep_rate"] == pytest.approx(2 / 3)


def test_tables() -> None:
    t = run().tables
    assert [r["lead_id"] for r in t["missing"].rows] == ["L-4"]
    assert t["missing"].rows[0]["sent_to_sales_at"] == "2026-11-18 09:00"
    assert [(r["lead_id"], r["owner"]) for r in t["wrong_rep"].rows] == [
        ("L-2", "cy park"), ("L-6", "Bea Lo")]
    assert [dict(r) for r in t["duplicates"].rows] == [
        {"lead_id": "L-7", "crm_rows": 2, "owners": "Alex Kim, Bea Lo"}]
    # by owner: Bea Lo L-6 (wrong) + L-7 (right); Cy Park L-2 (wrong) + L-3 (right); Alex L-1
    assert [dict(r) for r in t["by_rep"].rows] == [
        {"rep": "Bea Lo", "leads": 2, "right_rep": 1, "wrong_rep": 1},
        {"rep": "Cy Park", "leads": 2, "right_rep": 1, "wrong_rep": 1},
        {"rep": "Alex Kim", "leads": 1, "right_rep": 1, "wrong_rep": 0},
    ]
    by_territory = {r["territory"]: dict(r) for r in t["by_territory"].rows}
    assert by_territory["East"] == {"territory": "East", "delivered": 4, "found": 4,
                                    "missing": 0, "unassigned": 1, "right_rep": 2,
                                    "wrong_rep": 1}
    assert by_territory["West"] == {"territory": "West", "delivered": 2, "found": 1,
                                    "missing": 1, "unassigned": 0, "right_rep": 1,
                                    "wrong_rep": 0}
    assert by_territory["(no territory)"]["wrong_rep"] == 1


def test_findings() -> None:
    found = {f.key: f for f in run().findings}
    assert found["missing_in_crm"].severity == "high"
    assert found["missing_in_crm"].message == (
        "1 of 7 leads sent to sales last week is not in the CRM: L-4")
    assert found["wrong_rep"].message == (
        "2 of 7 leads sent to sales last week are with a rep outside the lead's territory: "
        "L-2, L-6")
    assert found["unassigned"].message.endswith("is in the CRM with no owner: L-5")
    assert found["duplicates"].message.endswith("stands more than once in the CRM: L-7")


def test_findings_fire_at_their_count() -> None:
    assert "wrong_rep" in {f.key for f in run(min_wrong_rep=2).findings}
    assert "wrong_rep" not in {f.key for f in run(min_wrong_rep=3).findings}
    assert "missing_in_crm" not in {f.key for f in run(min_missing=2).findings}


def test_a_clean_week_has_no_findings() -> None:
    pack = pack_of(leads=LEADS[:1], crm=CRM[:1], territories=TERRITORIES)
    assert compute(pack, period(), settings()).findings == ()


def test_without_territories_right_rep_is_na() -> None:
    r = compute(pack_of(leads=LEADS, crm=CRM), period(), settings())
    assert r.figures["right_rep"] is None
    assert r.figures["right_rep_rate"] is None
    assert r.figures["missing"] == 1
    assert any("territories" in n for n in r.notes)
    assert "wrong_rep" not in {f.key for f in r.findings}


def test_nothing_delivered_gives_none() -> None:
    r = compute(pack_of(leads=[], crm=[], territories=[]), period(), settings())
    assert r.figures["leads_delivered"] == 0
    assert r.figures["found_rate"] is None
    assert r.figures["right_rep_rate"] is None
    assert r.findings == ()


def test_missing_crm_is_the_panels_error() -> None:
    r = run_panel("handoff", pack_of(leads=LEADS), period(), settings())
    assert r.error is not None and "crm" in r.error
