"""Lead scoring panel: bands, sends to sales, sales acceptance, sends below the threshold.

Period 2026-11-16..22 (as of Monday 2026-11-23); baseline W45 (11-02..08) and W46 (11-09..15).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.lead_scoring import compute
from tuneup_tui.metrics.registry import run_panel


def lead(lead_id: str, score: float | None, created: str, sent: str | None = None) -> dict:
    return {"lead_id": lead_id, "created_at": created, "program": "Webinar", "score": score,
            "status": "Open", "sent_to_sales_at": sent, "territory": "East"}


def crm(lead_id: str, status: str) -> dict:
    return {"lead_id": lead_id, "owner": "Alex Kim", "territory": "East", "status": status,
            "first_touch_at": None, "opportunity_id": None, "bad_data": False}


LEADS = [
    # the period
    lead("L-1", 85, "2026-11-16 09:00", "2026-11-17 10:00"),   # 80-100, accepted (Working)
    lead("L-2", 65, "2026-11-16 10:00", "2026-11-18 10:00"),   # 60-79, Rejected
    lead("L-3", 62, "2026-11-17 10:00", "2026-11-18 11:00"),   # 60-79, " rejected" (any case)
    lead("L-4", 45, "2026-11-10 10:00", "2026-11-19 10:00"),   # 40-59, not in CRM; created W46
    lead("L-5", 20, "2026-11-17 12:00"),                       # 0-39, not sent
    lead("L-6", 59.5, "2026-11-18 10:00", "2026-11-20 10:00"), # 40-59, accepted (Open)
    lead("L-7", None, "2026-11-19 10:00"),                     # no score, not sent
    # the baseline
    lead("L-8", 70, "2026-11-03 10:00", "2026-11-04 10:00"),   # W45 sent, accepted (Working)
    lead("L-9", 90, "2026-11-10 10:00", "2026-11-11 10:00"),   # W46 sent, Disqualified
    lead("L-10", 30, "2026-11-05 10:00", "2026-11-12 10:00"),  # W46 sent, accepted (Won)
    # before the baseline: never counted
    lead("L-11", 80, "2026-10-20 10:00", "2026-10-21 10:00"),
]
CRM = [crm("L-1", "Working"), crm("L-2", "Rejected"), crm("L-3", "rejected"),
       crm("L-6", "Open"), crm("L-8", "Working"), crm("L-9", "Disqualified"),
       crm("L-10", "Won"), crm("L-11", "Working")]


def run(**options: Any) -> Any:
    return compute(pack_of(leads=LEADS, crm=CRM), period(), settings(**options))


def test_headline_figures_worked_by_hand() -> None:
    r = run()
    assert r.error is None
    # created 11-16..22: L-1, L-2, L-3, L-5, L-6, L-7 = 6
    assert r.figures["leads_created"] == 6
    # sent 11-16..22: L-1, L-2, L-3, L-4, L-6 = 5; accepted: L-1 (Working), L-6 (Open) = 2
    assert r.figures["leads_sent_to_sales"] == 5
    assert r.figures["sales_accepted"] == 2
    assert r.figures["acceptance_rate"] == pytest.approx(2 / 5)
    # below 60: L-4 (45), L-6 (59.5) = 2 of 5
    assert r.figures["sent_below_threshold"] == 2
    assert r.figures["below_threshold_share"] == pytest.approx(2 / 5)


def test_baseline_figures_are_means_and_pooled_rates() -> None:
    b = run().baseline_figures
    # created 11-02..15: L-8, L-9, L-4, L-10 = 4 over 2 weeks
    assert b["leads_created"] == pytest.approx(4 / 2)
    # sent: L-8 (W45), L-9, L-10 (W46) = 3 -> 1.5; accepted L-8, L-10 = 2 -> 1.0
    assert b["leads_sent_to_sales"] == pytest.approx(1.5)
    assert b["sales_accepted"] == pytest.approx(1.0)
    assert b["acceptance_rate"] == pytest.approx(2 / 3)
    # below 60: L-10 only -> 0.5 a week, 1 of 3
    assert b["sent_below_threshold"] == pytest.approx(0.5)
    assert b["below_threshold_share"] == pytest.approx(1 / 3)


def test_bands_table() -> None:
    rows = {row["band"]: row for row in run().tables["bands"].rows}
    assert list(rows) == ["0-39", "40-59", "60-79", "80-100", "no score"]
    # 0-39: created L-5; nothing sent; baseline sent L-10 (accepted): 1/2 a week, 1/1
    assert rows["0-39"]["created"] == 1
    assert rows["0-39"]["sent_to_sales"] == 0
    assert rows["0-39"]["acceptance_rate"] is None
    assert rows["0-39"]["sent_to_sales_avg"] == pytest.approx(0.5)
    assert rows["0-39"]["acceptance_rate_avg"] == pytest.approx(1.0)
    # 40-59: created L-6; sent L-4, L-6; accepted L-6 -> 1/2; nothing in the baseline
    assert (rows["40-59"]["created"], rows["40-59"]["sent_to_sales"]) == (1, 2)
    assert rows["40-59"]["acceptance_rate"] == pytest.approx(0.5)
    assert rows["40-59"]["acceptance_rate_avg"] is None
    # 60-79: created and sent L-2, L-3, both rejected; baseline L-8 accepted
    assert (rows["60-79"]["created"], rows["60-79"]["sent_to_sales"]) == (2, 2)
    assert rows["60-79"]["acceptance_rate"] == pytest.approx(0.0)
    assert rows["60-79"]["sent_to_sales_avg"] == pytest.approx(0.5)
    assert rows["60-79"]["acceptance_rate_avg"] == pytest.approx(1.0)
    # 80-100: L-1 accepted; baseline L-9 disqualified: 0/1
    assert rows["80-100"]["acceptance_rate"] == pytest.approx(1.0)
    assert rows["80-100"]["acceptance_rate_avg"] == pytest.approx(0.0)
    assert rows["no score"]["created"] == 1


def test_below_threshold_table_and_finding() -> None:
    r = run()
    table = r.tables["sent_below_threshold"]
    assert [row["lead_id"] for row in table.rows] == ["L-4", "L-6"]  # lowest score first
    assert table.rows[0]["sent_to_sales_at"] == "2026-11-19 10:00"
    found = {f.key: f for f in r.findings}
    assert found["sent_below_threshold"].message == (
        "2 of 5 leads sent to sales last week scored below the agreed 60: L-4, L-6")
    assert found["sent_below_threshold"].severity == "medium"


def test_below_threshold_fires_for_one_and_not_at_the_threshold() -> None:
    # threshold 59.5: L-4 (45) is below, L-6 (59.5) stands at it and is not
    r = run(threshold=59.5)
    assert r.figures["sent_below_threshold"] == 1
    assert "sent_below_threshold" in {f.key for f in r.findings}
    # threshold 45: nothing is below
    r = run(threshold=45)
    assert r.figures["sent_below_threshold"] == 0
    assert "sent_below_threshold" not in {f.key for f in r.findings}


def test_low_acceptance_fires_at_min_acceptance() -> None:
    # bands at or above 60: 60-79 accepted 0/2 = 0.0, 80-100 accepted 1/1 = 1.0
    found = {f.key: f for f in run().findings}
    assert found["low_acceptance:60-79"].message == (
        "Sales accepted 0 of 2 leads scored 60-79 last week (0.0%): the score and sales "
        "disagree")
    keys = set(found)
    assert "low_acceptance:80-100" not in keys
    assert "low_acceptance:40-59" not in keys  # under the threshold: not judged
    keys = {f.key for f in run(min_acceptance=1.0).findings}
    assert {"low_acceptance:60-79", "low_acceptance:80-100"} <= keys
    keys = {f.key for f in run(min_acceptance=0.99).findings}
    assert "low_acceptance:80-100" not in keys


def test_custom_bands_and_rejected_statuses() -> None:
    r = run(bands=[0, 50], rejected_statuses=["Won"])
    labels = [row["band"] for row in r.tables["bands"].rows]
    assert labels == ["0-49", "50-100", "no score"]
    # "Won" is a rejection too, on top of the status map's (Rejected, any case, stays one).
    # Sent: L-1 Working, L-6 Open accepted; L-2, L-3 rejected; L-4 not in CRM -> 2 of 5
    assert r.figures["acceptance_rate"] == pytest.approx(2 / 5)


def test_without_crm_acceptance_is_na_with_a_note() -> None:
    r = compute(pack_of(leads=LEADS), period(), settings())
    assert r.figures["acceptance_rate"] is None
    assert r.figures["leads_sent_to_sales"] == 5
    assert any("crm" in n for n in r.notes)


def test_no_leads_gives_none_not_a_crash() -> None:
    r = compute(pack_of(leads=[], crm=[]), period(), settings())
    assert r.figures["leads_sent_to_sales"] == 0
    assert r.figures["acceptance_rate"] is None
    assert r.baseline_figures["acceptance_rate"] is None
    assert r.findings == ()


def test_missing_leads_is_the_panels_error() -> None:
    r = run_panel("lead_scoring", pack_of(crm=CRM), period(), settings())
    assert r.error is not None and "leads" in r.error
