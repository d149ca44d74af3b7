"""The sample pack: deterministic, complete, and one coherent world across its sources."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.sample.generate import generate_sample
from tuneup_tui.data.sources import SOURCES

AS_OF = date(2026, 11, 23)  # a Monday: the review week is 2026-11-16 .. 2026-11-22


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_sample(tmp_path_factory.mktemp("sample"), AS_OF)


def _read(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(folder / f"{name}.csv", keep_default_na=False, na_values=[""])


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.glob("*.csv"))}


def test_the_same_seed_writes_the_same_files(sample: Path, tmp_path: Path) -> None:
    again = generate_sample(tmp_path / "again", AS_OF)
    assert _digests(again) == _digests(sample)


def test_another_seed_writes_other_numbers(sample: Path, tmp_path: Path) -> None:
    other = generate_sample(tmp_path / "other", AS_OF, seed=8)
    assert _digests(other)["leads.csv"] != _digests(sample)["leads.csv"]


def test_every_source_is_written_with_its_schema_columns(sample: Path) -> None:
    assert sorted(p.stem for p in sample.glob("*.csv")) == sorted(SOURCES)
    for name, schema in SOURCES.items():
        header = (sample / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        columns = header.split(",")
        assert set(schema.required) <= set(columns), name
        assert all(schema.column(c) is not None for c in columns), name


def test_the_pack_reads_every_source_without_error(sample: Path) -> None:
    pack = DataPack.open(sample)
    assert pack.errors() == {}
    assert all(pack.notes(name) == () for name in SOURCES)


def test_history_runs_13_weeks_before_the_review_week(sample: Path) -> None:
    traffic = _read(sample, "traffic")
    assert traffic["date"].min() == "2026-08-17"   # 2026-11-16 minus 13 x 7 days
    assert traffic["date"].max() == "2026-11-22"   # the review week's Sunday
    calendar = _read(sample, "calendar")
    assert calendar["end"].max() >= "2026-12-21"   # four weeks after the as-of date


def test_volumes_are_realistic_at_scale_one(sample: Path) -> None:
    traffic = _read(sample, "traffic")
    daily = traffic.groupby("date")["sessions"].sum()
    assert 1500 <= daily.median() <= 5000
    leads = _read(sample, "leads")
    weeks = pd.to_datetime(leads["created_at"]).dt.to_period("W-SUN")
    per_week = leads.groupby(weeks).size()
    assert 150 <= per_week.median() <= 300
    sent = pd.to_datetime(leads["sent_to_sales_at"]).dropna().dt.to_period("W-SUN")
    assert 40 <= sent.value_counts().median() <= 60


def test_crm_rows_are_leads_sent_to_sales(sample: Path) -> None:
    leads = _read(sample, "leads")
    crm = _read(sample, "crm")
    sent = set(leads.loc[leads["sent_to_sales_at"].notna(), "lead_id"])
    assert set(crm["lead_id"]) <= sent
    merged = crm.merge(leads[["lead_id", "territory"]], on="lead_id", suffixes=("", "_lead"))
    assert (merged["territory"] == merged["territory_lead"]).all()


def test_opportunities_belong_to_crm_leads_and_match_their_ids(sample: Path) -> None:
    crm = _read(sample, "crm").drop_duplicates("lead_id")
    opps = _read(sample, "opportunities")
    assert opps["opportunity_id"].is_unique
    linked = crm.dropna(subset=["opportunity_id"]).set_index("lead_id")["opportunity_id"]
    assert dict(zip(opps["lead_id"], opps["opportunity_id"], strict=True)) == linked.to_dict()
    leads = _read(sample, "leads").set_index("lead_id")
    created = pd.to_datetime(leads.loc[opps["lead_id"], "created_at"]).to_numpy()
    assert (pd.to_datetime(opps["created_at"]).to_numpy() >= created).all()
    closed = opps["stage"].isin(["Closed Won", "Closed Lost"])
    assert opps.loc[closed, "closed_at"].notna().all()
    assert opps.loc[~closed, "closed_at"].isna().all()


def test_activities_touch_leads_their_rep_owns(sample: Path) -> None:
    activities = _read(sample, "activities")
    crm = _read(sample, "crm").drop_duplicates("lead_id").set_index("lead_id")
    assert set(activities["type"]) == {"call", "email", "meeting"}
    owners = crm.loc[activities["lead_id"], "owner"].to_numpy()
    assert (owners == activities["rep"].to_numpy()).all()
    territories = _read(sample, "territories")
    assert set(activities["rep"]) == set(territories["rep"])
    assert territories["rep"].nunique() == 6 and territories["territory"].nunique() == 4


def test_programs_tactics_and_paid_programs_are_the_same_names(sample: Path) -> None:
    tactics = set(_read(sample, "tactics")["tactic"])
    assert {"Google Search", "Bing Search", "LinkedIn Ads", "Display Network", "Webinar - Q4",
            "Content Syndication", "Trade Show"} == tactics
    assert set(_read(sample, "paid")["program"]) <= tactics
    assert tactics <= set(_read(sample, "leads")["program"])


def test_paid_spend_adds_up_to_each_programs_cost(sample: Path) -> None:
    tactics = _read(sample, "tactics").set_index("tactic")
    spend = _read(sample, "paid").groupby("program")["spend"].sum()
    for program, total in spend.items():
        assert total == pytest.approx(tactics.at[program, "cost"], abs=1.0)


def test_traffic_has_social_aliases_and_referrers(sample: Path) -> None:
    traffic = _read(sample, "traffic")
    referral = set(traffic.loc[traffic["medium"] == "referral", "source"])
    assert {"l.facebook.com", "lnkd.in", "t.co", "youtube.com"} <= referral
    assert set(_read(sample, "social")["network"]) == {"linkedin", "facebook", "youtube", "x"}


def test_every_paid_program_made_opportunities_in_the_baseline(sample: Path) -> None:
    # Otherwise the program itself would be a click-farm suspect, which is not planted.
    leads = _read(sample, "leads")
    opps = _read(sample, "opportunities").merge(leads[["lead_id", "program"]], on="lead_id")
    created = pd.to_datetime(opps["created_at"])
    baseline = opps[(created >= "2026-09-21") & (created < "2026-11-16")]
    assert set(_read(sample, "paid")["program"]) <= set(baseline["program"])


def test_scale_multiplies_volumes(tmp_path: Path) -> None:
    small = generate_sample(tmp_path / "s", AS_OF, scale=0.5)
    big = generate_sample(tmp_path / "b", AS_OF, scale=2)
    n_small = len(_read(small, "leads"))
    n_big = len(_read(big, "leads"))
    assert 3.5 <= n_big / n_small <= 4.5  # 2 / 0.5 = 4
