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
