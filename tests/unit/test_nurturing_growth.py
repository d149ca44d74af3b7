"""List attrition against the database's growth, worked out by hand on the nurturing fixture.

The period's 4 weeks run 10-26..11-22: the database is 1,000 before them (10-01) and 1,200 at
their end (11-20): +200. Unsubscribes and bounces in them: 10-28 5+10, 11-04 4+6, 11-11 3+7,
11-17 10+30, 11-19 2+8 = 85.
"""

from __future__ import annotations

import pytest

from tests.unit.cross_check_fixtures import DATABASE, EMAILS, TRAFFIC
from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.nurturing import compute


def _leads(n: int, day: str = "2026-11-18") -> list[dict]:
    return [{"lead_id": f"N{i}", "created_at": day, "program": "Web", "score": 1,
             "status": "Open", "sent_to_sales_at": None, "territory": "East"}
            for i in range(n)]


def _run(leads: list[dict] | None, database: list[dict] = DATABASE, **options):
    sources = {"database": database, "emails": EMAILS, "traffic": TRAFFIC}
    if leads is not None:
        sources["leads"] = leads
    return compute(pack_of(**sources), period(), settings(**options))


def _growth(result):
    return [f for f in result.findings if f.key == "database_growth_unexplained"]


def test_the_figures_and_a_disagreement() -> None:
    r = _run(_leads(50))
    f = r.figures
    assert f["database_change_4w"] == 200
    assert f["contacts_lost_4w"] == 85
    assert f["leads_created_4w"] == 50
    # 200 - (50 - 85) = 235 unexplained, past 2% of 1,000 twice over: high
    assert f["unexplained_change_4w"] == 235
    found = _growth(r)
    assert len(found) == 1 and found[0].severity == "high"
    assert "(database source) grew by 200" in found[0].message
    assert "(emails source) reports 85" in found[0].message
    assert "50 leads were created (leads source): 235 contacts more" in found[0].message


def test_the_baseline_is_the_mean_of_its_windows() -> None:
    b = _run(_leads(50)).baseline_figures
    # W45 (10-12..11-08): 1,000 -> 1,100, lost 22+15+10 = 47; W46 (10-19..11-15): 1,000 ->
    # 1,100, lost 15+10+10 = 35; no leads created in either
    assert b["database_change_4w"] == pytest.approx(100)
    assert b["contacts_lost_4w"] == pytest.approx(41)
    assert b["leads_created_4w"] == pytest.approx(0)
    assert b["unexplained_change_4w"] == pytest.approx((147 + 135) / 2)


def test_within_the_tolerance_they_agree_and_just_past_it_is_medium() -> None:
    # 280 leads: 200 - (280 - 85) = 5, within 20 (2% of 1,000)
    agree = _run(_leads(280))
    assert agree.figures["unexplained_change_4w"] == 5
    assert not _growth(agree)
    # 250 leads: 35, past 20 but not 40
    medium = _growth(_run(_leads(250)))
    assert [f.severity for f in medium] == ["medium"]
    # a wider tolerance (4%) takes it in
    assert not _growth(_run(_leads(250), growth_tolerance=0.04))


def test_without_leads_only_a_shrinking_database_is_checked() -> None:
    grew = _run(None)
    assert grew.figures["leads_created_4w"] is None
    assert grew.figures["unexplained_change_4w"] is None
    assert not _growth(grew)  # +200 with 85 lost: the additions are unknown
    shrank = [{"date": "2026-10-01", "contacts": 1000}, {"date": "2026-11-20", "contacts": 800}]
    found = _growth(_run(None, shrank))
    # -200 against 85 lost: 115 gone that the email tool does not report
    assert len(found) == 1 and found[0].severity == "high"
    assert "shrank by 200" in found[0].message and "115 contacts fewer" in found[0].message


def test_no_size_before_the_window_is_na() -> None:
    late = [{"date": "2026-11-20", "contacts": 1200}]
    r = _run(_leads(50), late)
    assert r.figures["database_change_4w"] is None
    assert r.figures["unexplained_change_4w"] is None
    assert not _growth(r)
