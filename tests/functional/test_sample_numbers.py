"""The numbers a VP reads, checked on the sample pack: for each of the last 8 Mondays and for
the monthly agenda, every figure is in the catalogue, a label carries one value, no rate
passes 100%."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tuneup_tui.commands.metrics import metrics_output
from tuneup_tui.metrics.names import PANEL_NAMES

AS_OF = date(2026, 12, 7)
MONDAYS = tuple(AS_OF - timedelta(weeks=n) for n in range(8))


@pytest.fixture(scope="module")
def sample_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tuneup_tui.data.sample.generate import generate_sample

    return generate_sample(tmp_path_factory.mktemp("sample"), AS_OF)


@pytest.fixture(scope="module")
def runs(sample_folder: Path) -> dict[str, dict]:
    """`tuneup metrics --json` on the sample pack: one run per as-of Monday, and the month."""
    from tuneup_tui.agenda.load import load_agenda

    folder = sample_folder
    out = {day.isoformat(): json.loads(metrics_output(folder, None, day, PANEL_NAMES,
                                                      as_json=True))
           for day in MONDAYS}
    monthly = load_agenda(Path(__file__).resolve().parents[2] / "agendas" / "monthly-tuneup.toml")
    out["monthly"] = json.loads(metrics_output(folder, monthly, AS_OF, PANEL_NAMES,
                                               as_json=True))
    return out


def test_every_figure_has_its_catalogue_entry(runs: dict[str, dict]) -> None:
    for run, doc in runs.items():
        for name, panel in doc["panels"].items():
            assert panel["error"] is None, (run, name, panel["error"])
            assert set(panel["figure_info"]) == set(panel["figures"]), (run, name)
            unlisted = [k for k, info in panel["figure_info"].items() if info["unit"] is None]
            assert unlisted == [], (run, name)


def test_no_label_carries_two_values_in_one_run(runs: dict[str, dict]) -> None:
    for run, doc in runs.items():
        seen: dict[str, tuple[str, object]] = {}
        for name, panel in doc["panels"].items():
            for key, value in panel["figures"].items():
                label = panel["figure_info"][key]["label"]
                where, before = seen.setdefault(label, (f"{name}.{key}", value))
                assert before == value, (run, label, where, f"{name}.{key}")


def test_no_rate_passes_100_percent(runs: dict[str, dict]) -> None:
    for run, doc in runs.items():
        for name, panel in doc["panels"].items():
            for key, info in panel["figure_info"].items():
                if info["unit"] != "rate":
                    continue
                for figures in (panel["figures"], panel["baseline_figures"]):
                    value = figures.get(key)
                    assert value is None or 0 <= value <= 1, (run, name, key, value)


def test_unqualified_leads_count_as_rejected(runs: dict[str, dict],
                                              sample_folder: Path) -> None:
    import pandas as pd

    leads = pd.read_csv(sample_folder / "leads.csv", parse_dates=["sent_to_sales_at"])
    crm = pd.read_csv(sample_folder / "crm.csv").drop_duplicates("lead_id")
    status = leads["lead_id"].map(crm.set_index("lead_id")["status"])
    assert (status == "Unqualified").any()
    for day in MONDAYS:
        run = runs[day.isoformat()]["panels"]["lead_scoring"]
        start = pd.Timestamp(day - timedelta(days=7))
        stamp = leads["sent_to_sales_at"]
        sent = (stamp >= start) & (stamp < pd.Timestamp(day))
        # accepted: sent, found in the CRM, and not Unqualified (the sample's one rejection)
        accepted = int((sent & status.notna() & (status != "Unqualified")).sum())
        assert run["figures"]["sales_accepted"] == accepted, day


def test_every_comparison_finding_carries_evidence_that_passes_its_test(
        runs: dict[str, dict]) -> None:
    from tuneup_tui.metrics.significance import poisson_z, proportion_z, severity_of

    # the findings that compare the period with the baseline; the others are rules
    compared = ("low_conversion:", "sessions_drop:", "followers_not_traffic:",
                "low_opportunity_conversion:", "high_cost_per_lead:", "referrer_drop:",
                "not_found_rising", "attrition_high", "few_calls:", "few_emails:",
                "low_step_rate:")
    seen = 0
    for run, doc in runs.items():
        for panel in doc["panels"].values():
            for f in panel["findings"]:
                if not f["key"].startswith(compared):
                    continue
                seen += 1
                e = f["evidence"]
                if e["test"] == "two-proportion":
                    assert 0 <= e["count"] <= e["of"], (run, f["key"])
                    z = proportion_z(e["count"], e["of"], e["baseline_count"], e["baseline_of"])
                else:
                    z = poisson_z(e["count"], e["baseline_count"], e["baseline_of"] / e["of"])
                assert z == pytest.approx(e["z"]), (run, f["key"])
                assert severity_of(z) == f["severity"], (run, f["key"])
    assert seen > 0


def test_one_fact_is_one_finding_of_the_day(runs: dict[str, dict]) -> None:
    from tuneup_tui.metrics.day_findings import day_findings
    from tuneup_tui.metrics.result import Finding

    doc = runs[AS_OF.isoformat()]
    found = [Finding(f["panel"], f["key"], f["severity"], f["message"],
                     evidence=f.get("evidence"), fact=f.get("fact"))
             for panel in doc["panels"].values() for f in panel["findings"]]
    facts = [f for f in found if f.fact == "referral_drop:linkedin"]
    assert {f.panel for f in facts} >= {"referrers", "social"}
    day = day_findings(found)
    identities = [d.finding.identity for d in day]
    assert len(identities) == len(set(identities)) == len(found) - len(facts) + 1


FIRST_DAY = date(2026, 8, 31)
"""The sample's data starts on Monday 31 August (13 weeks before the review week of 7 December)."""
STEADY = ("traffic", "leads", "paid", "social", "activities", "emails")
"""Sources with rows in every week of the sample (activities on weekdays): a baseline period
without data is one before the first day."""


def _baseline_periods(doc: dict, monthly: bool) -> list[tuple[date, date]]:
    """The run's baseline periods, from its baseline dates: weeks of 7 days, or months."""
    start = date.fromisoformat(doc["baseline"]["start"])
    end = date.fromisoformat(doc["baseline"]["end"])
    periods = []
    while start <= end:
        if monthly:
            nxt = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        else:
            nxt = start + timedelta(days=7)
        periods.append((start, nxt - timedelta(days=1)))
        start = nxt
    return periods


def test_baselines_without_data_are_left_out_and_said_so(runs: dict[str, dict]) -> None:
    from tuneup_tui.metrics.coverage_line import coverage_line

    partial = set()
    for run, doc in runs.items():
        monthly = run == "monthly"
        periods = _baseline_periods(doc, monthly)
        # a week starting before 31 August ends before it (31 August is a Monday); August has
        # 30 of its 31 days before it: either way, the periods starting on or after it count
        with_data = sum(1 for start, _ in periods if start >= FIRST_DAY)
        for name, panel in doc["panels"].items():
            for source, counts in panel["baseline_coverage"].items():
                assert counts["periods"] == len(periods), (run, name, source)
                if source == "keywords":
                    continue  # a weekly snapshot: whole from its first row (31 August)
                assert counts["with_data"] <= with_data, (run, name, source)
                if source in STEADY:
                    assert counts["with_data"] == with_data, (run, name, source)
            if with_data < len(periods) and any(s in STEADY for s in panel["baseline_coverage"]):
                partial.add(run)
                kind = "month" if monthly else "week"
                line = coverage_line({s: (c["periods"], c["with_data"]) for s, c in
                                      panel["baseline_coverage"].items()}, kind)
                assert line is not None and f"{with_data} of {len(periods)}" in line, (run, name)
    # the monthly baseline (August to October) and the Mondays of 19 and 26 October (their
    # 8 weeks reach back to 17 and 24 August) start before the data
    assert partial == {"monthly", "2026-10-19", "2026-10-26"}


def test_a_count_average_is_over_the_periods_with_data(runs: dict[str, dict],
                                                        sample_folder: Path) -> None:
    import pandas as pd

    traffic = pd.read_csv(sample_folder / "traffic.csv", parse_dates=["date"])

    def sessions(start: str, end: str) -> float:
        rows = traffic[(traffic["date"] >= start) & (traffic["date"] <= end)]
        return float(rows["sessions"].sum())

    # monthly: September and October, not August's one day over three months
    funnel = runs["monthly"]["panels"]["funnel"]
    assert funnel["baseline_figures"]["sessions"] == pytest.approx(
        (sessions("2026-09-01", "2026-09-30") + sessions("2026-10-01", "2026-10-31")) / 2)
    # as of 19 October: W36 (31 August) to W41 (4-11 October), 6 weeks of the 8
    traffic_panel = runs["2026-10-19"]["panels"]["traffic"]
    assert traffic_panel["baseline_figures"]["sessions"] == pytest.approx(
        sessions("2026-08-31", "2026-10-11") / 6)


def test_leads_sent_to_sales_of_the_review_week(runs: dict[str, dict],
                                                sample_folder: Path) -> None:
    """"Leads sent to sales 173 vs average 46.6" is the sample's planted webinar surge, not a
    baseline over periods without data: the 8 baseline weeks all have data."""
    import pandas as pd

    leads = pd.read_csv(sample_folder / "leads.csv", parse_dates=["sent_to_sales_at"])
    leads = leads.drop_duplicates("lead_id")
    sent = leads.dropna(subset=["sent_to_sales_at"])
    stamp = sent["sent_to_sales_at"]
    review = sent[(stamp >= "2026-11-30") & (stamp < "2026-12-07")]
    # 133 webinar attendees (docs/sample-data.md, (f)) on top of the week's usual 40
    assert len(review) == 173
    assert int((review["program"] == "Webinar - Q4").sum()) == 133
    weekly = [int(((stamp >= str(day)) & (stamp < str(day + timedelta(days=7)))).sum())
              for day in (date(2026, 10, 5) + timedelta(weeks=n) for n in range(8))]
    # W41..W48 at seed 7: 31, 49, 50, 40, 53, 45, 57, 48 = 373; 373 / 8 = 46.625
    assert weekly == [31, 49, 50, 40, 53, 45, 57, 48]
    for name in ("funnel", "traffic"):
        panel = runs[AS_OF.isoformat()]["panels"][name]
        key = "sent_to_sales" if name == "funnel" else "leads_sent_to_sales"
        assert panel["figures"][key] == 173
        assert panel["baseline_figures"][key] == pytest.approx(373 / 8)
        assert panel["baseline_coverage"]["leads"] == {"periods": 8, "with_data": 8}


def test_the_monthly_calendar_looks_at_the_weeks_of_the_coming_month(
        runs: dict[str, dict]) -> None:
    weeks = runs["monthly"]["panels"]["calendar"]["tables"]["weeks"]
    assert [(w["week"], w["start"], w["end"]) for w in weeks] == [
        ("2026-W49", "2026-11-30", "2026-12-06"), ("2026-W50", "2026-12-07", "2026-12-13"),
        ("2026-W51", "2026-12-14", "2026-12-20"), ("2026-W52", "2026-12-21", "2026-12-27"),
        ("2026-W53", "2026-12-28", "2027-01-03")]
    for run, doc in runs.items():
        for w in doc["panels"]["calendar"]["tables"]["weeks"]:
            start = date.fromisoformat(w["start"])
            year, number, weekday = start.isocalendar()
            # each row is the ISO week its label names
            assert (weekday, w["week"]) == (1, f"{year}-W{number:02d}"), (run, w)
            assert date.fromisoformat(w["end"]) == start + timedelta(days=6), (run, w)


def test_the_baseline_rule_is_documented() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "metrics.md").read_text()
    assert "Baselines that cover their periods" in doc
    assert "`baseline_coverage`" in doc and '"with_data"' in doc
    assert "baseline: 2 of 3 months have data" in doc


def test_the_programme_mix_explains_the_cheap_week(runs: dict[str, dict]) -> None:
    paid = runs[AS_OF.isoformat()]["panels"]["paid"]
    f, b = paid["figures"], paid["baseline_figures"]
    # the raw cost per lead halves; at the baseline's mix it is dearer than the baseline
    assert f["cost_per_lead"] < 0.6 * b["cost_per_lead"]
    assert f["cost_per_lead_mix_adjusted"] > b["cost_per_lead"]
    mover = max(paid["tables"]["lead_mix"], key=lambda r: abs(r["effect"] or 0))
    assert mover["program"] == "Webinar - Q4"
    assert any("Webinar - Q4 moved it most" in n for n in paid["notes"])


def test_the_crm_and_the_activity_log_disagree_only_in_the_planted_week(
        runs: dict[str, dict]) -> None:
    fired = [day for day in runs if any(f["key"] == "touches_disagree" for f in
                                        runs[day]["panels"]["follow_up"]["findings"])]
    assert fired == [AS_OF.isoformat()]
    figures = runs[AS_OF.isoformat()]["panels"]["follow_up"]["figures"]
    assert (figures["first_touch_in_crm"], figures["with_logged_activity"]) == (169, 94)
