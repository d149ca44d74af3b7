"""The soft spots planted in the sample's review week hold (docs/sample-data.md).

Worked out with plain pandas filtering of the CSV files, not with the panels' code. The review
week for as-of 2026-11-23 is 2026-11-16 .. 2026-11-22; the baseline is the 8 weeks before it,
2026-09-21 .. 2026-11-15.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from tuneup_tui.data.sample.generate import generate_sample

AS_OF = date(2026, 11, 23)
P0, P1 = pd.Timestamp("2026-11-16"), pd.Timestamp("2026-11-23")   # [start, end)
B0 = pd.Timestamp("2026-09-21")
WEEKS = 8


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_sample(tmp_path_factory.mktemp("planted"), AS_OF)


def _read(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(folder / f"{name}.csv", keep_default_na=False, na_values=[""])


def _period(df: pd.DataFrame, column: str) -> pd.DataFrame:
    when = pd.to_datetime(df[column])
    return df[(when >= P0) & (when < P1)]


def _baseline(df: pd.DataFrame, column: str) -> pd.DataFrame:
    when = pd.to_datetime(df[column])
    return df[(when >= B0) & (when < P0)]


def test_a_bing_cpc_conversion_collapses(sample: Path) -> None:
    traffic = _read(sample, "traffic")
    bing = traffic[(traffic["source"] == "bing") & (traffic["medium"] == "cpc")]
    now, before = _period(bing, "date"), _baseline(bing, "date")
    rate_now = now["goal_completions"].sum() / now["sessions"].sum()
    rate_before = before["goal_completions"].sum() / before["sessions"].sum()
    assert 0.008 <= rate_now <= 0.010
    assert 0.029 <= rate_before <= 0.033


def test_the_other_sources_convert_about_as_usual(sample: Path) -> None:
    traffic = _read(sample, "traffic")
    for (source, medium), rows in traffic.groupby(["source", "medium"]):
        now, before = _period(rows, "date"), _baseline(rows, "date")
        if (source, medium) == ("bing", "cpc") or now["sessions"].sum() < 500:
            continue
        rate_now = now["goal_completions"].sum() / now["sessions"].sum()
        rate_before = before["goal_completions"].sum() / before["sessions"].sum()
        assert rate_now >= 0.6 * rate_before, (source, medium)


def test_b_a_click_farm_and_a_site_with_an_outsized_ctr(sample: Path) -> None:
    paid = _period(_read(sample, "paid"), "date")
    display = paid[paid["program"] == "Display Network"].groupby("site")[
        ["impressions", "clicks", "names"]].sum()
    farm = display.loc["clickfarm-network.example"]
    assert farm["clicks"] >= 100 and farm["names"] == 0
    ctr = display["clicks"] / display["impressions"]
    assert ctr["gadgets-hub.example"] > 3 * ctr.median()
    others = display.drop(index=["clickfarm-network.example"])
    assert (others["names"] > 0).all()


def test_c_pricing_page_404s_new_this_week(sample: Path) -> None:
    pages = _read(sample, "pages_404")
    pricing = pages[pages["url"] == "/pricing"]
    assert _period(pricing, "date")["hits"].sum() >= 300
    assert _baseline(pricing, "date").empty


def test_d_email_clicks_jump_without_the_sessions(sample: Path) -> None:
    emails = _read(sample, "emails")
    traffic = _read(sample, "traffic")
    email_sessions = traffic[traffic["medium"] == "email"]
    ratio_now = (_period(email_sessions, "date")["sessions"].sum()
                 / _period(emails, "date")["clicks"].sum())
    ratio_before = (_baseline(email_sessions, "date")["sessions"].sum()
                    / _baseline(emails, "date")["clicks"].sum())
    assert ratio_now < 0.7 * ratio_before
    scanned = emails[emails["campaign"] == "Nurture - Re-engage"]
    clicks_now = _period(scanned, "date")["clicks"].sum()
    clicks_before = _baseline(scanned, "date")["clicks"].sum() / WEEKS
    assert clicks_now > 8 * clicks_before
    sessions_before = _baseline(email_sessions, "date")["sessions"].sum() / WEEKS
    assert _period(email_sessions, "date")["sessions"].sum() < 1.25 * sessions_before


def test_e_handoff_gaps_are_exact(sample: Path) -> None:
    leads = _read(sample, "leads")
    crm = _read(sample, "crm")
    territories = _read(sample, "territories")
    delivered = _period(leads.dropna(subset=["sent_to_sales_at"]), "sent_to_sales_at")
    assert (~delivered["lead_id"].isin(crm["lead_id"])).sum() == 4
    found = delivered.merge(crm[["lead_id", "owner"]], on="lead_id").drop_duplicates("lead_id")
    right = set(zip(territories["territory"], territories["rep"], strict=True))
    wrong = [lead for lead, territory, owner in
             zip(found["lead_id"], found["territory"], found["owner"], strict=True)
             if isinstance(owner, str) and (territory, owner) not in right]
    assert len(wrong) == 2
    assert found["owner"].isna().sum() == 0
    duplicated = crm.loc[crm["lead_id"].duplicated(), "lead_id"]
    assert len(duplicated) == 1 and duplicated.iloc[0] in set(delivered["lead_id"])


def test_f_one_rep_stops_calling_and_capacity_falls_short(sample: Path) -> None:
    activities = _read(sample, "activities")
    calls = activities[activities["type"] == "call"]
    alex_now = (_period(calls, "date")["rep"] == "Alex Kim").sum()
    alex_before = (_baseline(calls, "date")["rep"] == "Alex Kim").sum() / WEEKS
    assert alex_now == 9
    assert 55 <= alex_before <= 70
    before = _baseline(calls, "date")
    week = pd.to_datetime(before["date"]).dt.to_period("W-SUN")
    per_rep_week = before.groupby(["rep", week]).size()
    assert len(per_rep_week) == 6 * WEEKS  # every rep called every week
    capacity = per_rep_week.quantile(0.9) * 6
    leads = _read(sample, "leads")
    delivered = len(_period(leads.dropna(subset=["sent_to_sales_at"]), "sent_to_sales_at"))
    assert capacity < delivered * 3


def test_g_trade_show_loses_money_and_the_rest_pay_back(sample: Path) -> None:
    tactics = _read(sample, "tactics")
    leads = _read(sample, "leads")[["lead_id", "program"]]
    opps = _read(sample, "opportunities").merge(leads, on="lead_id")
    won = opps[opps["stage"] == "Closed Won"].groupby("program")["amount"].sum()
    for row in tactics.itertuples():
        total = row.cost + row.internal_hours * row.hourly_rate
        romi = (won.get(row.tactic, 0) - total) / total
        if row.tactic == "Trade Show":
            assert romi == pytest.approx(-0.45, abs=0.01)
        else:
            assert romi > 0, row.tactic


def test_h_a_few_dozen_leads_are_past_their_lifetime(sample: Path) -> None:
    leads = _read(sample, "leads")
    opps = _read(sample, "opportunities")
    cutoff = pd.Timestamp(AS_OF) - pd.Timedelta(days=90)
    past = leads[(pd.to_datetime(leads["created_at"]) < cutoff)
                 & ~leads["lead_id"].isin(opps["lead_id"])
                 & (leads["status"] != "Disqualified")]
    assert len(past) == 36
    # left Working: neither recycled into nurturing nor rejected in the CRM
    assert set(past["status"]) == {"Working"}
    crm = _read(sample, "crm")
    assert not past["lead_id"].isin(crm.loc[crm["status"] == "Unqualified", "lead_id"]).any()


def test_i_linkedin_followers_grow_while_its_sessions_fall(sample: Path) -> None:
    social = _period(_read(sample, "social"), "date")
    linkedin = social[social["network"] == "linkedin"].sort_values("date")
    assert linkedin["followers"].iloc[-1] > linkedin["followers"].iloc[0]
    traffic = _read(sample, "traffic")
    referred = traffic[traffic["source"].isin(["lnkd.in", "linkedin.com"])]
    now = _period(referred, "date")["sessions"].sum()
    before = _baseline(referred, "date")["sessions"].sum() / WEEKS
    assert now < 0.6 * before
    facebook = traffic[traffic["source"].isin(["l.facebook.com", "facebook.com"])]
    fb_before = _baseline(facebook, "date")["sessions"].sum() / WEEKS
    assert _period(facebook, "date")["sessions"].sum() > 0.8 * fb_before


def test_j_some_leads_under_60_went_to_sales(sample: Path) -> None:
    leads = _read(sample, "leads").dropna(subset=["sent_to_sales_at"])
    assert (_period(leads, "sent_to_sales_at")["score"] < 60).sum() == 6
    assert (_baseline(leads, "sent_to_sales_at")["score"] < 60).sum() == 0
