"""Paid panel on a hand-made pack: period 2026-11-16..22, baseline W45 (11-02..08) + W46."""

from __future__ import annotations

import pytest

from tests.unit.cross_check_fixtures import OPPS, PAID, _opp, _p
from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.registry import run_panel


def _lead(lead_id: str, created: str, program: str) -> dict:
    return {"lead_id": lead_id, "created_at": created, "program": program, "score": 1,
            "status": "open", "sent_to_sales_at": None, "territory": "east"}


LEADS = (
    # "search" matches the paid program "Search" (case and spaces ignored)
    [_lead(f"S{i}", "2026-11-18", " search ") for i in range(5)]      # period: 5
    + [_lead(f"S{i}", "2026-11-10", "Search") for i in range(5, 15)]  # baseline: 10
    + [_lead(f"D{i}", "2026-11-03", "Display") for i in range(12)]    # baseline: 12
    + [_lead("W1", "2026-11-18", "Webinar")]                          # not a paid program
)


def _run(**options: object):
    pack = pack_of(paid=PAID, leads=LEADS, opportunities=OPPS)
    return run_panel("paid", pack, period(), settings(**options))


def test_totals() -> None:
    r = _run()
    assert r.error is None
    f, b = r.figures, r.baseline_figures
    # spend 500+200+100+100+100 = 1000; impressions 10000+3x20000+1000 = 71000
    # clicks 250+100+20+40+60 = 470; names 25+0+2+4+6 = 37
    assert f["spend"] == pytest.approx(1000)
    assert f["impressions"] == pytest.approx(71000)
    assert f["clicks"] == pytest.approx(470)
    assert f["names"] == pytest.approx(37)
    assert f["cpc"] == pytest.approx(1000 / 470)
    assert f["ctr"] == pytest.approx(470 / 71000)
    assert f["cost_per_name"] == pytest.approx(1000 / 37)
    assert f["leads"] == pytest.approx(5)  # S0..S4; W1 is not a paid program
    assert f["cost_per_lead"] == pytest.approx(200)
    assert f["opportunities"] == pytest.approx(1)  # O1 (O4 is from a non-paid lead)
    assert f["opportunity_conversion"] == pytest.approx(0.2)
    # The paid export starts on 11-10: W45 lies before it, so the panel's baseline is W46
    # alone (spend is set against leads, so both are taken over the weeks with paid data).
    # W46 sums: spend 600, imps 28000, clicks 300, names 30; leads S5..S14 = 10 (the Display
    # leads D0..D11 were created in W45); opportunities O2, O3 = 2 (of S6, S7)
    assert r.baseline_coverage == {"paid": (2, 1), "leads": (2, 2)}
    assert b["spend"] == pytest.approx(600)
    assert b["impressions"] == pytest.approx(28000)
    assert b["clicks"] == pytest.approx(300)
    assert b["names"] == pytest.approx(30)
    assert b["cpc"] == pytest.approx(600 / 300)
    assert b["ctr"] == pytest.approx(300 / 28000)
    assert b["cost_per_name"] == pytest.approx(600 / 30)
    assert b["leads"] == pytest.approx(10)
    assert b["cost_per_lead"] == pytest.approx(600 / 10)
    assert b["opportunities"] == pytest.approx(2)
    assert b["opportunity_conversion"] == pytest.approx(2 / 10)
    assert set(f) == set(b)


def test_programs_table() -> None:
    rows = {row["program"]: row for row in _run().tables["programs"].rows}
    s = rows["Search"]
    # the baseline is W46 alone (the paid export starts on 11-10): 400 / 1
    assert s["spend"] == pytest.approx(500) and s["avg_spend"] == pytest.approx(400)
    assert s["cpc"] == pytest.approx(2.0)            # 500 / 250
    assert s["cost_per_name"] == pytest.approx(20)   # 500 / 25
    assert s["leads"] == pytest.approx(5)
    assert s["cost_per_lead"] == pytest.approx(100)  # 500 / 5
    assert s["avg_cost_per_lead"] == pytest.approx(40)  # 400 / 10
    assert s["opportunity_conversion"] == pytest.approx(0.2)  # 1 / 5
    assert s["avg_opportunity_conversion"] == pytest.approx(0.2)  # 2 / 10
    d = rows["Display"]
    assert d["leads"] == pytest.approx(0)
    assert d["cost_per_lead"] is None        # no leads: n/a
    assert d["opportunity_conversion"] is None
    # Display's 12 leads came in W45, before the paid export starts: W46 has $200 and no
    # lead, so no average cost per lead and no cohort to convert
    assert d["avg_cost_per_lead"] is None
    assert d["avg_opportunity_conversion"] is None


def test_sites_and_click_farm_suspects() -> None:
    rows = {row["site"]: row for row in _run().tables["sites"].rows}
    # Display CTRs: a .005, b .001, c .002, d .06 -> median (.002 + .005) / 2 = .0035
    assert rows["d.com"]["program_median_ctr"] == pytest.approx(0.0035)
    assert rows["a.com"]["suspect"] == "clicks but no names"
    assert rows["d.com"]["suspect"] is not None  # .06 > 3 x .0035
    assert rows["b.com"]["suspect"] is None
    assert rows["c.com"]["suspect"] is None
    assert rows["a.com"]["cost_per_name"] is None


# The same spend with a paid row in W45 too (a.com, nothing spent): the paid export then covers
# both baseline weeks, and Display's 12 W45 leads stand against its $200 of W46 spend.
PAID_BOTH_WEEKS = [*PAID, _p("2026-11-03", "Display", "a.com", 0, 0, 0, 0)]


def _run_both_weeks(**options: object):
    pack = pack_of(paid=PAID_BOTH_WEEKS, leads=LEADS, opportunities=OPPS)
    return run_panel("paid", pack, period(), settings(**options))


def test_findings_without_paid_data_in_the_baseline() -> None:
    # W45 has no paid data, so Display's money baseline is W46: $200 and no lead. Its 12 W45
    # leads are not set against that spend: no average cost per lead to exceed. Leads that
    # made no opportunity need no spend beside them: the leads have data for W45 and W46, and
    # Display's 12 (W45) made none, so it stays a no-opportunity suspect. The site findings
    # look at the period alone.
    found = {f.key: f for f in _run().findings}
    assert set(found) == {
        "click_farm_no_names:Display / a.com",
        "click_farm_ctr:Display / d.com",
        "click_farm_no_opportunities:Display",
    }
    assert found["click_farm_no_opportunities:Display"].message == (
        "Suspected click farm: Display brought 12 leads over 2 weeks and its leads produced "
        "no opportunity in that time.")


def test_findings() -> None:
    found = {f.key: f for f in _run_both_weeks().findings}
    assert set(found) == {
        "click_farm_no_names:Display / a.com",
        "click_farm_ctr:Display / d.com",
        "click_farm_no_opportunities:Display",  # 12 baseline leads, none converted
        "high_cost_per_lead:Display",           # $500 and no leads
    }
    assert found["click_farm_no_names:Display / a.com"].message == (
        "Suspected click farm: a.com (Display) had 100 clicks and no names last week for "
        "$200.")  # from $100 up, whole dollars, as the table shows it
    # the test is on the leads the spend brought. Display: 0 leads for $500 against 12 for
    # $200; periods = 200 / 500 = 0.4, lambda = 12 / 1.4, z = (0 - 12 / 0.4) /
    # sqrt(lambda x (1 + 1 / 0.4)) = -5.48: high
    display = found["high_cost_per_lead:Display"]
    assert display.severity == "high" and display.evidence is not None
    assert display.evidence["z"] == pytest.approx(-30 / (12 / 1.4 * 3.5) ** 0.5)
    # Search: $100 per lead against $40, 150% above, but 5 leads for $500 against 10 for
    # $400: periods 0.8, lambda = 15 / 1.8, z = (5 - 12.5) / sqrt(lambda x 2.25) = -1.73,
    # chance at that volume: no finding


def test_thresholds() -> None:
    keys = {f.key for f in _run(min_clicks=100).findings}
    assert "click_farm_no_names:Display / a.com" in keys       # 100 clicks >= 100
    keys = {f.key for f in _run(min_clicks=101).findings}
    assert "click_farm_no_names:Display / a.com" not in keys
    # DESIGN's rule has no minimum (default 1 lead); min_baseline_leads raises it
    assert "click_farm_no_opportunities:Display" in {
        f.key for f in _run_both_weeks(min_baseline_leads=12).findings}
    assert "click_farm_no_opportunities:Display" not in {
        f.key for f in _run_both_weeks(min_baseline_leads=13).findings}
    # Search's cost per lead is far above its average but within chance, whatever the share
    assert "high_cost_per_lead:Search" not in {
        f.key for f in _run(cost_above_share=0.1).findings}


def test_without_leads() -> None:
    r = run_panel("paid", pack_of(paid=PAID), period(), settings())
    assert r.error is None
    assert r.figures["spend"] == pytest.approx(1000)
    assert r.figures["leads"] is None and r.figures["cost_per_lead"] is None
    assert r.figures["opportunity_conversion"] is None
    assert any("leads" in n for n in r.notes)


def test_missing_paid_is_the_panels_error() -> None:
    r = run_panel("paid", pack_of(leads=LEADS), period(), settings())
    assert r.error is not None and "paid" in r.error


def test_leads_that_dont_convert() -> None:
    # Webinar: 10 leads in the period, no opportunity; 10 in W46, 5 of them with one (0.5)
    paid = [_p("2026-11-17", "Webinar", "host.com", 100, 1000, 10, 10),
            _p("2026-11-10", "Webinar", "host.com", 100, 1000, 10, 10)]
    leads = ([_lead(f"N{i}", "2026-11-18", "Webinar") for i in range(10)]
             + [_lead(f"B{i}", "2026-11-10", "Webinar") for i in range(10)])
    opps = [_opp(i, f"B{i}", "2026-11-12") for i in range(5)]

    def keys(**options: object) -> set[str]:
        pack = pack_of(paid=paid, leads=leads, opportunities=opps)
        return {f.key for f in run_panel("paid", pack, period(), settings(**options)).findings}

    # 0% against 50%; 10 leads >= 10; 10 x 0.5 = 5 opportunities expected >= 3
    assert "low_opportunity_conversion:Webinar" in keys()
    assert "low_opportunity_conversion:Webinar" in keys(min_expected_opportunities=5)
    assert "low_opportunity_conversion:Webinar" not in keys(min_expected_opportunities=6)
    assert "low_opportunity_conversion:Webinar" not in keys(min_leads=11)
