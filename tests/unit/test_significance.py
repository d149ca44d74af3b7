"""The tests a finding passes before it fires, worked by hand; and the day's list of findings."""

from __future__ import annotations

import math

import pytest

from tuneup_tui.metrics.day_findings import day_findings
from tuneup_tui.metrics.result import Finding
from tuneup_tui.metrics.significance import (
    count_evidence,
    poisson_z,
    proportion_z,
    rate_evidence,
    referral_fact,
    severity_of,
)


def test_two_proportion_z_by_hand() -> None:
    # 9 of 830 against 134 of 6040: p = 143 / 6870 = 0.020815...
    p = 143 / 6870
    z = (9 / 830 - 134 / 6040) / math.sqrt(p * (1 - p) * (1 / 830 + 1 / 6040))
    assert proportion_z(9, 830, 134, 6040) == pytest.approx(z)
    assert z == pytest.approx(-2.146, abs=0.001)
    assert severity_of(z) == "medium"
    # no cases on one side, or nothing varies: no test
    assert proportion_z(0, 0, 5, 10) is None
    assert proportion_z(0, 10, 0, 10) is None


def test_poisson_z_by_hand() -> None:
    # 92 sessions against 1,793 over 8 weeks: lambda = 1885 / 9
    z = (92 - 1793 / 8) / math.sqrt(1885 / 9 * (1 + 1 / 8))
    assert poisson_z(92, 1793, 8) == pytest.approx(z)
    assert severity_of(z) == "high"
    assert poisson_z(3, 0, 0) is None and poisson_z(0, 0, 4) is None


def test_thresholds() -> None:
    assert severity_of(2.58) == "high" and severity_of(-2.58) == "high"
    assert severity_of(2.57) == "medium" and severity_of(-1.96) == "medium"
    assert severity_of(1.95) is None and severity_of(None) is None


def test_evidence_carries_the_counts_and_z() -> None:
    e = rate_evidence(9, 830, 134, 6040)
    assert (e["count"], e["of"], e["baseline_count"], e["baseline_of"]) == (9, 830, 134, 6040)
    assert e["test"] == "two-proportion" and e["z"] == pytest.approx(-2.146, abs=0.001)
    # leads for the money: 8 leads for $1,600 against 160 for $12,800: periods = 8
    c = count_evidence(8, 160, 12800, of=1600)
    assert c["z"] == pytest.approx(poisson_z(8, 160, 8))


def test_referral_facts() -> None:
    assert referral_fact("lnkd.in") == referral_fact("linkedin.com") == "referral_drop:linkedin"
    assert referral_fact("G2.com ") == "referral_drop:g2.com"


def test_one_fact_is_one_finding_of_the_day() -> None:
    def f(panel: str, key: str, severity: str, z: float | None, fact: str | None) -> Finding:
        return Finding(panel, key, severity, key,  # type: ignore[arg-type]
                       evidence=None if z is None else {"z": z}, fact=fact)

    found = [f("traffic", "sessions_drop:lnkd.in / referral", "high", -8.6,
               "referral_drop:linkedin"),
             f("referrers", "referrer_drop:lnkd.in", "high", -8.6, "referral_drop:linkedin"),
             f("referrers", "referrer_drop:linkedin.com", "high", -7.7,
               "referral_drop:linkedin"),
             f("social", "followers_not_traffic:linkedin", "high", -11.5,
               "referral_drop:linkedin"),
             f("site_health", "new_404:/pricing", "high", None, None),
             f("traffic", "low_conversion:bing / organic", "medium", -2.1, None)]
    day = day_findings(found)
    assert [d.finding.identity for d in day] == [
        "referral_drop:linkedin", "new_404:/pricing", "low_conversion:bing / organic"]
    linkedin = day[0]
    assert linkedin.finding.panel == "social"  # the clearest: |z| 11.5
    assert linkedin.panels == ("traffic", "referrers", "social")
    assert len(linkedin.keys) == 4


def test_tested_finding_takes_its_severity_from_the_evidence() -> None:
    from tuneup_tui.metrics.significance import rate_evidence, tested_finding

    # 10 of 1000 against 40 of 2000: p = 50 / 3000, z = (0.01 - 0.02) /
    # sqrt(p (1 - p) (1/1000 + 1/2000)) = -2.02: medium (|z| >= 1.96, < 2.58)
    evidence = rate_evidence(10, 1000, 40, 2000)
    p = 50 / 3000
    assert evidence["z"] == pytest.approx(-0.01 / (p * (1 - p) * 1.5 / 1000) ** 0.5)
    found = tested_finding("traffic", "low_conversion:x", "x converted less.", evidence,
                           fact="x", goal_conversion=0.01)
    assert found is not None
    assert (found.severity, found.evidence, found.fact) == ("medium", evidence, "x")
    assert found.figures == {"goal_conversion": 0.01}
    # 10 of 1000 against 14 of 1000: z = -0.82, chance at that volume: no finding
    assert tested_finding("traffic", "k", "m", rate_evidence(10, 1000, 14, 1000)) is None
    # no test possible (no baseline cases): no finding
    assert tested_finding("traffic", "k", "m", rate_evidence(1, 10, 0, 0)) is None
