"""An independent check of the marketing panels against DESIGN.md's definitions, to the letter.

Each pack is a few hand-made rows aimed at one definition's edge cases: inclusive day ends with
times of day on the last day, a baseline week without rows (left out: the mean divides by the
baseline periods the source has data for), pooled rates (not a mean of weekly rates), case and
spaces of text keys, a lead or an opportunity listed twice, a paid site named in two programs,
a program with leads but no paid rows. Every expected number is worked out by hand in the comments.

Period: 2026-11-16 (Mon) .. 2026-11-22 (Sun). Baselines: with 2 periods W45 11-02..08 and W46
11-09..15; with 3 periods also W44 10-26..11-01.
"""

from __future__ import annotations

import pytest

from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.registry import run_panel
from tuneup_tui.metrics.result import PanelResult


def _t(day: str | None, source: str | None, medium: str, sessions: float | None,
       goals: float | None) -> dict:
    return {"date": day, "source": source, "medium": medium, "sessions": sessions,
            "goal_completions": goals}


def _lead(lead_id: str, created: str, program: str = "Website",
          sent: str | None = None) -> dict:
    return {"lead_id": lead_id, "created_at": created, "program": program, "score": 50,
            "status": "open", "sent_to_sales_at": sent, "territory": "east"}


def _opp(opp_id: str, lead_id: str, created: str, stage: str = "Qualification",
         closed: str | None = None) -> dict:
    return {"opportunity_id": opp_id, "lead_id": lead_id, "created_at": created,
            "stage": stage, "amount": 1000, "closed_at": closed}


# --- traffic: windows, a missing baseline week, pooled rates, case of keys --------------------

TRAFFIC = [
    _t("2026-11-03", "Google", "CPC", 10, 5),         # W45
    _t("2026-11-10", "google", "cpc", 1000, 10),      # W46
    _t("2026-11-22", "google", "Cpc", 200, 4),        # period, last day
    _t("2026-11-16", "bing", "cpc", 100, 1),          # period, first day
    _t("2026-11-17", "partner.com", "Referral", 50, 0),  # period
    _t("2026-11-23", "google", "cpc", 999, 99),       # the day after the period: out
    _t("2026-10-25", "google", "cpc", 777, 77),       # W43, before a 3-week baseline: out
]
# W44 (10-26..11-01) has no traffic at all: it is left out of the traffic's means.

LEADS_SENT = [
    _lead("L1", "2026-11-01", sent="2026-11-05 10:00"),   # W45
    _lead("L2", "2026-11-01", sent="2026-11-12 09:00"),   # W46
    _lead("L2", "2026-11-01", sent="2026-11-12 09:00"),   # the same lead listed twice
    _lead("L3", "2026-11-01", sent="2026-11-15 23:30"),   # W46's last day, late evening
    _lead("L4", "2026-11-01", sent="2026-11-22 18:00"),   # period's last day, evening
    _lead("L5", "2026-11-01", sent="2026-11-23 00:00"),   # after the period
]


def _traffic(**options: object) -> PanelResult:
    pack = pack_of(traffic=TRAFFIC, leads=LEADS_SENT)
    return run_panel("traffic", pack, period(), settings(baseline_periods=3, **options))


def test_traffic_totals_windows_and_pooled_baseline() -> None:
    r = _traffic()
    assert r.error is None
    f, b = r.figures, r.baseline_figures
    # period: 200 + 100 + 50 = 350 sessions, 4 + 1 + 0 = 5 goals (11-23 and 10-25 are out)
    assert f["sessions"] == pytest.approx(350)
    assert f["goal_completions"] == pytest.approx(5)
    assert f["goal_conversion"] == pytest.approx(5 / 350)
    # baseline W44 (no rows: left out) + W45 (10) + W46 (1000) = 1010 sessions, 5 + 10 = 15
    # goals; means per period divide by the 2 weeks with rows, not by all 3
    assert r.baseline_coverage["traffic"] == (3, 2)
    assert b["sessions"] == pytest.approx(1010 / 2)
    assert b["goal_completions"] == pytest.approx(15 / 2)
    # pooled 15 / 1010, not the mean of weekly rates (5/10 + 10/1000) / 2 = 0.255
    assert b["goal_conversion"] == pytest.approx(15 / 1010)


def test_traffic_source_medium_ignores_case() -> None:
    rows = {r["source_medium"]: r for r in _traffic().tables["by_source"].rows}
    # "Google / CPC", "google / cpc" and "google / Cpc" are one source / medium
    assert set(rows) == {"google / cpc", "bing / cpc", "partner.com / referral"}
    g = rows["google / cpc"]
    assert g["sessions"] == pytest.approx(200)
    assert g["avg_sessions"] == pytest.approx(1010 / 2)      # (10 + 1000) / 2: W44 left out
    assert g["share"] == pytest.approx(200 / 350)             # traffic share
    # its average share, pooled: its 1010 baseline sessions / all 1010 baseline sessions
    assert g["avg_share"] == pytest.approx(1010 / 1010)
    assert rows["bing / cpc"]["avg_share"] == pytest.approx(0 / 1010)
    assert g["goal_conversion"] == pytest.approx(4 / 200)
    assert g["avg_goal_conversion"] == pytest.approx(15 / 1010)
    assert rows["bing / cpc"]["avg_goal_conversion"] is None  # no baseline sessions: n/a
    assert _traffic().figures["sources"] == pytest.approx(3)


def test_expected_leads_to_sales() -> None:
    f, b = _traffic().figures, _traffic().baseline_figures
    # sent in the baseline: L1, L2 (listed twice: one lead), L3 (23:30 on W46's last day) = 3
    # leads per goal, pooled: 3 / 15 = 0.2; expected = 5 goals in the period x 0.2 = 1.0
    assert b["leads_per_goal"] == pytest.approx(3 / 15)
    assert f["expected_leads_to_sales"] == pytest.approx(5 * 3 / 15)
    # sent in the period: L4 (18:00 on the last day); L5 (11-23 00:00) is out
    assert f["leads_sent_to_sales"] == pytest.approx(1)
    # the leads start on 11-01, W44's Sunday: 6 of its 7 days pass before, so W44 is left
    # out of their mean: 3 sent over W45 and W46 = 3 / 2
    assert b["leads_sent_to_sales"] == pytest.approx(3 / 2)
    assert f["leads_per_goal"] == pytest.approx(1 / 5)


def test_zero_denominators_are_none() -> None:
    traffic = [_t("2026-11-17", "google", "cpc", 0, 0)]
    r = run_panel("traffic", pack_of(traffic=traffic, leads=[]), period(), settings())
    assert r.error is None
    assert r.figures["goal_conversion"] is None       # 0 / 0
    assert r.baseline_figures["goal_conversion"] is None
    assert r.figures["expected_leads_to_sales"] is None  # no baseline goals: no ratio
    assert r.tables["by_source"].rows[0]["share"] is None  # 0 / 0 sessions


def test_blank_numbers_add_nothing() -> None:
    traffic = [_t("2026-11-17", "google", "cpc", 100, None),   # goals blank
               _t("2026-11-18", "google", "cpc", None, 3),     # sessions blank
               _t(None, "google", "cpc", 50, 5)]               # no date: in no window
    r = run_panel("traffic", pack_of(traffic=traffic), period(), settings())
    assert r.figures["sessions"] == pytest.approx(100)          # 100 + blank
    assert r.figures["goal_completions"] == pytest.approx(3)    # blank + 3
    assert r.figures["goal_conversion"] == pytest.approx(3 / 100)


# --- funnel ---------------------------------------------------------------------------------

FUNNEL_LEADS = [
    _lead("A", "2026-11-16 00:00", sent="2026-11-18"),    # period; sent in the period
    _lead("B", "2026-11-22 23:59:59"),                    # period (last second)
    _lead("B", "2026-11-22 23:59:59"),                    # listed twice: one lead
    _lead("C", "2026-11-23 00:00"),                       # out
    _lead("D", "2026-11-08 12:00", sent="2026-11-09"),    # W45; sent in W46
    _lead("E", "2026-11-15 23:00"),                       # W46
]
FUNNEL_OPPS = [
    _opp("O1", "A", "2026-11-20 15:00", "proposal"),      # period; reached proposal
    _opp("O1", "A", "2026-11-20 15:00", "proposal"),      # listed twice: one opportunity
    _opp("O2", "D", "2026-11-10", "Closed Won", "2026-11-22 17:00"),  # W46; won in period
    _opp("O3", "B", "2026-11-22 23:00"),                  # period, Qualification
]


def test_funnel_steps_and_pooled_rates() -> None:
    pack = pack_of(traffic=TRAFFIC, leads=FUNNEL_LEADS, opportunities=FUNNEL_OPPS)
    r = run_panel("funnel", pack, period(), settings(baseline_periods=3))
    assert r.error is None
    f, b = r.figures, r.baseline_figures
    # counts in the period
    assert f["sessions"] == pytest.approx(350)
    assert f["goal_completions"] == pytest.approx(5)
    assert f["leads"] == pytest.approx(2)           # A, B
    assert f["sent_to_sales"] == pytest.approx(1)   # A
    assert f["opportunities"] == pytest.approx(2)   # O1, O3
    assert f["proposals"] == pytest.approx(1)       # O1 (proposal); O3 is at Qualification
    assert f["closed_won"] == pytest.approx(1)      # O2, closed 17:00 on the last day
    # goal conversion and leads per goal completion: each over the step before, same window
    assert f["goal_completions_rate"] == pytest.approx(5 / 350)
    assert f["leads_rate"] == pytest.approx(2 / 5)
    # the cohort of the period's leads, A and B, up to the as-of date 2026-11-23:
    # sent A (1 of 2); with an opportunity A (O1; B's O3 does not count, B was never sent);
    # A's O1 reached proposal (1 of 1); none won (0 of 1)
    assert f["sent_to_sales_rate"] == pytest.approx(1 / 2)
    assert f["opportunities_rate"] == pytest.approx(1 / 1)
    assert f["proposals_rate"] == pytest.approx(1 / 1)
    assert f["closed_won_rate"] == pytest.approx(0)
    # baseline (3 periods). Each count's mean is over the weeks its source has data for:
    # traffic W45 and W46 (W44 has no row); leads W46 alone (their first day, 11-08, is W45's
    # Sunday: 6 of its 7 days pass before it); opportunities W46 alone (the first, O2, on
    # 11-10). W46: created E; sent D (11-09); opportunity O2; nothing closed (O2 closed 11-22)
    assert r.baseline_coverage == {"traffic": (3, 2), "leads": (3, 1), "opportunities": (3, 1)}
    assert b["sessions"] == pytest.approx(1010 / 2)
    assert b["leads"] == pytest.approx(1 / 1)
    assert b["sent_to_sales"] == pytest.approx(1 / 1)
    assert b["opportunities"] == pytest.approx(1 / 1)
    assert b["closed_won"] == pytest.approx(0)
    # pooled: 15 goals / 1010 sessions over the traffic's W45 and W46; leads per goal over the
    # week both sources have, W46: 1 lead (E) / 10 goals. The baseline's cohort D, E, each
    # followed as long as the period's (up to the as-of date 11-23): W45's (D) up to 11-09,
    # W46's (E) up to 11-16. D was sent on 11-09, in time (1 of 2); its O2 came on 11-10, a
    # day too late for a cohort of its age (0 of 1), so no proposal or win to divide (n/a).
    assert b["goal_completions_rate"] == pytest.approx(15 / 1010)
    assert b["leads_rate"] == pytest.approx(1 / 10)
    assert b["sent_to_sales_rate"] == pytest.approx(1 / 2)
    assert b["opportunities_rate"] == pytest.approx(0 / 1)
    assert b["proposals_rate"] is None and b["closed_won_rate"] is None
    # the panel says how long each cohort was followed
    assert any("up to 2026-11-23 (1 to 7 days)" in n and "up to 2026-11-16" in n
               for n in r.notes)


def test_funnel_stage_spellings() -> None:
    opps = [
        _opp("P1", "A", "2026-11-17", "Proposal/Price Quote"),   # Salesforce: at proposal
        _opp("P2", "A", "2026-11-17", "Negotiation/Review"),     # past it
        _opp("P3", "A", "2026-11-17", "closedwon", "2026-11-18"),  # HubSpot's Closed Won
        _opp("P4", "A", "2026-11-17", "Closed Lost", "2026-11-18"),
        _opp("P5", "A", "2026-11-17", "Prospecting"),
    ]
    r = run_panel("funnel", pack_of(opportunities=opps), period(), settings())
    assert r.figures["opportunities"] == pytest.approx(5)
    assert r.figures["proposals"] == pytest.approx(3)   # P1, P2, P3
    assert r.figures["closed_won"] == pytest.approx(1)  # P3
    # without leads there is no cohort to follow: the cohort rates are n/a
    assert r.figures["proposals_rate"] is None
    assert r.figures["leads"] is None  # no leads source: n/a, with a note
    assert any("leads" in n for n in r.notes)


# --- paid -----------------------------------------------------------------------------------

def _p(day: str, program: str, channel: str, site: str, spend: float, imps: float,
       clicks: float, names: float) -> dict:
    return {"date": day, "program": program, "channel": channel, "site": site, "spend": spend,
            "impressions": imps, "clicks": clicks, "names": names}


PAID = [
    # Search, spelled three ways; Google.com / google.com is one site on two channels
    _p("2026-11-17", "Search", "search", "Google.com", 300, 10000, 200, 20),
    _p("2026-11-22", "SEARCH", "partners", "google.com", 100, 2000, 50, 5),
    _p("2026-11-17", "search", "search", "bing.com", 100, 5000, 50, 5),
    _p("2026-11-18", "Search", "search", "tiny.example", 5, 100, 3, 0),  # 3 clicks, no names
    _p("2026-11-10", "Search", "search", "google.com", 400, 8000, 200, 20),  # W46
    # Display; google.com is named in Search too
    _p("2026-11-17", "Display", "display", "a.com", 100, 10000, 20, 2),
    _p("2026-11-17", "Display", "display", "b.com", 100, 10000, 30, 3),
    _p("2026-11-17", "Display", "display", "c.com", 100, 1000, 40, 4),
    _p("2026-11-17", "Display", "display", "google.com", 50, 10000, 10, 1),
    _p("2026-11-03", "Display", "display", "a.com", 200, 20000, 40, 4),  # W45
]
PAID_LEADS = [
    _lead("S1", "2026-11-16 08:00", " search"),   # period
    _lead("S2", "2026-11-22 22:00", "SEARCH"),    # period, late on the last day
    _lead("S2", "2026-11-22 22:00", "SEARCH"),    # listed twice: one lead
    _lead("S3", "2026-11-23 01:00", "Search"),    # after the period
    _lead("S4", "2026-11-04", "Search"),          # W45
    _lead("S5", "2026-11-12", "Search"),          # W46
    _lead("S6", "2026-10-01", "Search"),          # before the baseline
    _lead("D1", "2026-11-05", "Display"),         # W45
    _lead("D2", "2026-11-06", "display"),         # W45
    _lead("D3", "2026-11-18", "Display"),         # period
    _lead("W1", "2026-11-18", "Webinar"),         # leads but no paid rows: not a paid program
]
PAID_OPPS = [
    _opp("O1", "S4", "2026-11-19"),        # period, from a baseline lead of Search
    _opp("O1", "S4", "2026-11-19"),        # listed twice: one opportunity
    _opp("O2", "S1", "2026-11-22 12:00"),  # period, Search
    _opp("O3", "S6", "2026-11-10"),        # W46, from Search's old lead
    _opp("O4", "W1", "2026-11-19"),        # Webinar: not paid
    _opp("O5", "D3", "2026-11-23"),        # after the period
]


def _paid(**options: object) -> PanelResult:
    pack = pack_of(paid=PAID, leads=PAID_LEADS, opportunities=PAID_OPPS)
    return run_panel("paid", pack, period(), settings(**options))


def test_paid_totals() -> None:
    r = _paid()
    assert r.error is None
    f, b = r.figures, r.baseline_figures
    # spend: Search 300+100+100+5 = 505, Display 100+100+100+50 = 350 -> 855
    # impressions: 10000+2000+5000+100 = 17100 + 31000 = 48100
    # clicks: 200+50+50+3 = 303 + 100 = 403; names: 30 + 10 = 40
    assert f["spend"] == pytest.approx(855)
    assert f["impressions"] == pytest.approx(48100)
    assert f["clicks"] == pytest.approx(403)
    assert f["names"] == pytest.approx(40)
    assert f["cpc"] == pytest.approx(855 / 403)
    assert f["ctr"] == pytest.approx(403 / 48100)
    assert f["cost_per_name"] == pytest.approx(855 / 40)
    # leads created in the period of a paid program: S1, S2 (once), D3 = 3 (W1 is not paid)
    assert f["leads"] == pytest.approx(3)
    assert f["cost_per_lead"] == pytest.approx(855 / 3)
    # opportunities created in the period from paid programs' leads: O1 (once), O2 = 2
    assert f["opportunities"] == pytest.approx(2)
    # conversion follows the period's leads S1, S2, D3 up to the as-of date 2026-11-23:
    # S1 (O2) and D3 (O5, made on the as-of date) have an opportunity: 2 of 3
    assert f["opportunity_conversion"] == pytest.approx(2 / 3)
    # baseline sums: spend 600, impressions 28000, clicks 240, names 24; leads S4, S5, D1, D2
    # = 4; opportunities O3 = 1. Counts are means over 2 periods, rates pooled.
    assert b["spend"] == pytest.approx(300)
    assert b["clicks"] == pytest.approx(120)
    assert b["cpc"] == pytest.approx(600 / 240)
    assert b["ctr"] == pytest.approx(240 / 28000)
    assert b["cost_per_name"] == pytest.approx(600 / 24)
    assert b["leads"] == pytest.approx(4 / 2)
    assert b["cost_per_lead"] == pytest.approx(600 / 4)
    assert b["opportunities"] == pytest.approx(1 / 2)
    # the baseline's leads S4, S5, D1, D2, each window's followed as long as the period's:
    # W45's up to 11-09 (the as-of date less 14 days), W46's up to 11-16. S4 (W45) has O1, but
    # made on 11-19, ten days too late for a cohort of its age: 0 of 4. (Followed to the as-of
    # date it was 1 of 4: a cohort weeks older than the period's.)
    assert b["opportunity_conversion"] == pytest.approx(0 / 4)


def test_paid_per_program() -> None:
    rows = {r["program"]: r for r in _paid().tables["programs"].rows}
    assert set(rows) == {"Search", "Display"}  # Webinar has leads but no paid rows
    s = rows["Search"]
    assert s["spend"] == pytest.approx(505)
    assert s["leads"] == pytest.approx(2)                       # S1, S2
    assert s["cost_per_lead"] == pytest.approx(505 / 2)
    assert s["avg_cost_per_lead"] == pytest.approx(400 / 2)     # W46 spend / S4, S5
    assert s["opportunities"] == pytest.approx(2)               # O1 (lead S4), O2
    assert s["opportunity_conversion"] == pytest.approx(1 / 2)      # S1 (O2); S2 none
    # S4's O1 came after W45's cohort was followed (to 11-09); S5 none
    assert s["avg_opportunity_conversion"] == pytest.approx(0 / 2)
    d = rows["Display"]
    assert d["leads"] == pytest.approx(1)                       # D3
    assert d["cost_per_lead"] == pytest.approx(350)
    assert d["avg_leads"] == pytest.approx(2 / 2)               # D1, D2 ("display")
    assert d["opportunity_conversion"] == pytest.approx(1)      # D3 (O5, on the as-of date)
    assert d["avg_opportunity_conversion"] == pytest.approx(0)  # 0 / 2


def test_paid_baseline_conversion_follows_each_cohort_as_long_as_the_periods() -> None:
    # W45's cohort is followed up to 11-09, W46's up to 11-16 (as of 11-23, the period from
    # 11-16): S4 (W45) with an opportunity on 11-09 counts, S5 (W46) with one on 11-17 does
    # not; D1 (W45) with one on 11-08 counts, D2 none. Search 1 of 2, Display 1 of 2.
    opps = [_opp("O1", "S4", "2026-11-09 18:00"), _opp("O2", "S5", "2026-11-17"),
            _opp("O3", "D1", "2026-11-08")]
    pack = pack_of(paid=PAID, leads=PAID_LEADS, opportunities=opps)
    r = run_panel("paid", pack, period(), settings())
    rows = {row["program"]: row for row in r.tables["programs"].rows}
    assert rows["Search"]["avg_opportunity_conversion"] == pytest.approx(1 / 2)
    assert rows["Display"]["avg_opportunity_conversion"] == pytest.approx(1 / 2)
    assert r.baseline_figures["opportunity_conversion"] == pytest.approx(2 / 4)


def test_paid_sites_and_click_farm_rules() -> None:
    r = _paid()
    sites = {(row["program"], row["site"].casefold()): row for row in r.tables["sites"].rows}
    g = sites[("Search", "google.com")]  # Google.com and google.com, two channels: one site
    assert g["spend"] == pytest.approx(400) and g["clicks"] == pytest.approx(250)
    assert g["ctr"] == pytest.approx(250 / 12000)
    assert g["channel"] == "search, partners"
    # Search CTRs: google .0208, bing .01, tiny .03 -> median .0208; nothing over 3x
    assert g["program_median_ctr"] == pytest.approx(250 / 12000)
    # Display CTRs: a .002, b .003, c .04, google .001 -> median .0025; 3x = .0075 < .04
    assert sites[("Display", "c.com")]["program_median_ctr"] == pytest.approx(0.0025)
    assert sites[("Display", "c.com")]["suspect"] is not None
    assert sites[("Display", "google.com")]["suspect"] is None  # judged within Display
    assert sites[("Search", "tiny.example")]["suspect"] == "clicks but no names"
    found = {f.key for f in r.findings}
    assert "click_farm_no_names:Search / tiny.example" in found  # any clicks, no names
    assert "click_farm_ctr:Display / c.com" in found
    # Display brought leads D1, D2 in the baseline and no opportunity came from its leads then
    assert "click_farm_no_opportunities:Display" in found
    # Search's leads produced O3 in the baseline (from an older lead): not a suspect
    assert "click_farm_no_opportunities:Search" not in found
    assert {k for k in found if k.startswith("click_farm")} == {
        "click_farm_no_names:Search / tiny.example", "click_farm_ctr:Display / c.com",
        "click_farm_no_opportunities:Display"}


def test_paid_zero_denominators() -> None:
    paid = [_p("2026-11-17", "Radio", "radio", "station", 100, 0, 0, 0)]
    r = run_panel("paid", pack_of(paid=paid, leads=[], opportunities=[]), period(),
                  settings())
    f = r.figures
    assert f["cpc"] is None and f["ctr"] is None and f["cost_per_name"] is None
    assert f["leads"] == pytest.approx(0) and f["cost_per_lead"] is None
    assert f["opportunity_conversion"] is None
    assert r.baseline_figures["cpc"] is None
    assert r.tables["sites"].rows[0]["suspect"] is None  # no clicks: no suspect


def test_paid_row_without_a_program_is_still_spend() -> None:
    paid = [_p("2026-11-17", "Search", "search", "google.com", 100, 1000, 10, 1),
            {**_p("2026-11-17", "x", "search", "bing.com", 50, 1000, 5, 1), "program": ""}]
    r = run_panel("paid", pack_of(paid=paid), period(), settings())
    assert r.figures["spend"] == pytest.approx(150)  # 100 + 50
    assert r.figures["cpc"] == pytest.approx(150 / 15)
    assert {row["program"] for row in r.tables["programs"].rows} == {"Search", "(none)"}


def test_no_cost_per_lead_finding_against_a_zero_average() -> None:
    # Webinar: $0 in the baseline with 2 leads (average $0 per lead); $200 for 1 lead now
    paid = [_p("2026-11-17", "Webinar", "webinar", "host.com", 200, 1000, 10, 10),
            _p("2026-11-10", "Webinar", "webinar", "host.com", 0, 0, 0, 0)]
    leads = [_lead("W1", "2026-11-18", "Webinar"), _lead("W2", "2026-11-10", "Webinar"),
             _lead("W3", "2026-11-11", "Webinar")]
    r = run_panel("paid", pack_of(paid=paid, leads=leads), period(), settings())
    (row,) = r.tables["programs"].rows
    assert row["cost_per_lead"] == pytest.approx(200)      # 200 / 1
    assert row["avg_cost_per_lead"] == pytest.approx(0)    # 0 / 2
    assert not [f for f in r.findings if f.key.startswith("high_cost_per_lead")]


# --- social ---------------------------------------------------------------------------------

SOCIAL = [
    {"date": "2026-11-15", "network": "LinkedIn", "followers": 1000, "engagements": 5},
    {"date": "2026-11-22", "network": "LinkedIn", "followers": 1100, "engagements": 9},
    {"date": "2026-11-22", "network": "Facebook", "followers": 500, "engagements": 3},
]
SOCIAL_TRAFFIC = [
    _t("2026-11-17", "Facebook.com", "referral", 10, 0),           # facebook, any case
    _t("2026-11-18", "facebook.com", "cpc", 5, 0),                 # any medium: facebook
    _t("2026-11-19", "business.facebook.com", "referral", 2, 0),   # a subdomain: facebook
    _t("2026-11-19", "LNKD.IN", "social", 7, 0),                   # linkedin
    _t("2026-11-20", "linkedin", "cpc", 500, 0),                   # a tag, not an alias
    _t("2026-11-20", "youtube.com", "referral", 4, 0),             # not in the social export
    _t("2026-11-10", "t.co", "referral", 6, 0),                    # x, W46
    _t("2026-11-23", "facebook.com", "referral", 100, 0),          # after the period
]


def test_social_referral_from_source_aliases() -> None:
    r = run_panel("social", pack_of(social=SOCIAL, traffic=SOCIAL_TRAFFIC), period(),
                  settings())
    assert r.error is None
    rows = {row["network"]: row for row in r.tables["networks"].rows}
    assert set(rows) == {"facebook", "linkedin", "x", "youtube"}
    assert rows["facebook"]["referral_sessions"] == pytest.approx(17)  # 10 + 5 + 2
    assert rows["linkedin"]["referral_sessions"] == pytest.approx(7)
    assert rows["youtube"]["referral_sessions"] == pytest.approx(4)
    assert rows["youtube"]["followers"] is None and rows["youtube"]["engagements"] is None
    # the traffic starts on 11-10 (t.co): W45 lies before it and is left out, so the
    # referral sessions' mean is W46's 6 over 1 period
    assert r.baseline_coverage["traffic"] == (2, 1)
    assert rows["x"]["avg_referral_sessions"] == pytest.approx(6 / 1)
    # all social referral sessions: 17 + 7 + 4 = 28; baseline 6 over 1 period
    assert r.figures["referral_sessions"] == pytest.approx(28)
    assert r.baseline_figures["referral_sessions"] == pytest.approx(6)
    assert r.figures["followers"] == pytest.approx(1600)  # 1100 + 500
    assert r.figures["engagements"] == pytest.approx(12)  # 9 + 3


# --- referrers ------------------------------------------------------------------------------

REFERRAL_TRAFFIC = [
    _t("2026-11-17", "Partner.com", "Referral", 60, 6),
    _t("2026-11-18", "partner.com", "REFERRAL", 40, 2),
    _t("2026-11-19", None, "referral", 10, 0),        # a referral without a source
    _t("2026-11-20", "google", "organic", 890, 0),
    _t("2026-11-10", "partner.com", "referral", 50, 5),  # W46
    _t("2026-11-03", "google", "organic", 950, 0),      # W45
]


def test_referring_sites_from_medium_referral() -> None:
    r = run_panel("referrers", pack_of(traffic=REFERRAL_TRAFFIC), period(), settings())
    assert r.error is None
    f, b = r.figures, r.baseline_figures
    # all referral rows: 60 + 40 + 10 = 110 sessions, 8 goals; all traffic 1000 sessions
    assert f["referral_sessions"] == pytest.approx(110)
    assert f["referral_goal_conversion"] == pytest.approx(8 / 110)
    assert f["referral_share"] == pytest.approx(110 / 1000)
    assert f["referring_sites"] == pytest.approx(1)  # partner.com; no source is no site
    assert b["referral_sessions"] == pytest.approx(50 / 2)
    assert b["referral_goal_conversion"] == pytest.approx(5 / 50)
    assert b["referral_share"] == pytest.approx(50 / 1000)
    (row,) = r.tables["referrers"].rows
    assert row["site"] == "partner.com"
    assert row["sessions"] == pytest.approx(100)        # Partner.com + partner.com
    assert row["share"] == pytest.approx(100 / 110)     # of referral sessions
    assert row["traffic_share"] == pytest.approx(100 / 1000)  # of all sessions
    assert row["avg_sessions"] == pytest.approx(50 / 2)


# --- site health and calendar ---------------------------------------------------------------

def test_site_health_keys_ignore_case() -> None:
    keywords = [{"date": "2026-11-15", "keyword": "CRM Software", "position": 5},
                {"date": "2026-11-22", "keyword": "crm software", "position": 7}]
    seo = [{"date": "2026-11-10", "metric": "Domain Authority", "value": 40},
           {"date": "2026-11-20", "metric": "domain authority", "value": 42}]
    r = run_panel("site_health", pack_of(keywords=keywords, seo=seo), period(), settings())
    (kw,) = r.tables["keywords"].rows
    assert kw["keyword"] == "CRM Software" and kw["move"] == pytest.approx(5 - 7)
    assert r.figures["keywords_tracked"] == pytest.approx(1)
    # W45 has no keyword row: left out of the mean; W46 tracks 1 -> 1 / 1
    assert r.baseline_figures["keywords_tracked"] == pytest.approx(1 / 1)
    assert len(r.tables["seo"].rows) == 1
    assert r.figures["seo_domain_authority"] == pytest.approx(42)
    assert r.baseline_figures["seo_domain_authority"] == pytest.approx(40)


def test_calendar_entries_run_whole_days() -> None:
    # the window: 11-23..29, 11-30..12-06, 12-07..13, 12-14..20
    calendar = [
        {"start": "2026-12-20 09:00", "end": "2026-12-20 17:00", "name": "Launch day",
         "kind": "launch", "owner": "Maya", "budget": 100},      # the window's last day
        {"start": "2026-11-24", "end": "2026-11-20", "name": "Typo", "kind": "email",
         "owner": "Maya", "budget": 70},                         # end before start: one day
    ]
    r = run_panel("calendar", pack_of(calendar=calendar), period(), settings())
    assert r.error is None
    assert r.figures["planned_entries"] == pytest.approx(2)
    assert r.figures["launches"] == pytest.approx(1)
    weeks = r.tables["weeks"].rows
    assert weeks[0]["budget"] == pytest.approx(70)
    assert weeks[3]["budget"] == pytest.approx(100)
    assert r.figures["budget"] == pytest.approx(170)
