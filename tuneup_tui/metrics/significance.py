"""Is a change more than chance? The tests a finding passes before it fires.

A finding that compares the period with the baseline fires only when the change is unlikely
by chance at the period's volume, and its severity says how unlikely:

- a **rate** (goal conversion, opportunity conversion, attrition): the two-proportion z-test,
  pooled. With `count` of `of` in the period and `baseline_count` of `baseline_of` over the
  baseline, p = (count + baseline_count) / (of + baseline_of) and
  z = (count / of - baseline_count / baseline_of) / sqrt(p (1 - p) (1 / of + 1 / baseline_of)).
- a **count** per period (sessions, hits, calls): the two-Poisson test. With `count` in the
  period and `baseline_count` over `periods` baseline periods, both Poisson with one rate under
  chance, lambda = (count + baseline_count) / (periods + 1) and
  z = (count - baseline_count / periods) / sqrt(lambda (1 + 1 / periods)). A count against
  money (leads for the spend, behind a cost per lead) is the same test with `periods` the
  baseline's spend over the period's: `of` and `baseline_of` are then the two spends.

|z| >= 2.58 (about 1 in 100 by chance) is high, |z| >= 1.96 (1 in 20) medium; below that the
change is noise at that volume and no finding fires. Each finding carries its `evidence`
(`count`, `of`, `baseline_count`, `baseline_of`, `test`, `z`) so a reader can check it.
"""

from __future__ import annotations

import math
from typing import Any, Literal

from tuneup_tui.metrics.result import Finding, Number, Severity

HIGH_Z = 2.58
MEDIUM_Z = 1.96

Test = Literal["two-proportion", "poisson"]


def proportion_z(count: float, of: float, baseline_count: float, baseline_of: float
                 ) -> float | None:
    """The pooled two-proportion z of count/of against baseline_count/baseline_of; None when
    either side has no cases or nothing varies."""
    if not of or not baseline_of or of <= 0 or baseline_of <= 0:
        return None
    pooled = (count + baseline_count) / (of + baseline_of)
    spread = pooled * (1 - pooled) * (1 / of + 1 / baseline_of)
    if spread <= 0:
        return None
    return (count / of - baseline_count / baseline_of) / math.sqrt(spread)


def poisson_z(count: float, baseline_count: float, periods: float) -> float | None:
    """The two-Poisson z of one period's count against a baseline total over `periods`."""
    if not periods or periods <= 0:
        return None
    rate = (count + baseline_count) / (periods + 1)
    if rate <= 0:
        return None
    return (count - baseline_count / periods) / math.sqrt(rate * (1 + 1 / periods))


def severity_of(z: float | None) -> Severity | None:
    """"high" from |z| 2.58, "medium" from 1.96, None (noise) below or without a test."""
    if z is None:
        return None
    if abs(z) >= HIGH_Z:
        return "high"
    if abs(z) >= MEDIUM_Z:
        return "medium"
    return None


def rate_evidence(count: float, of: float, baseline_count: float, baseline_of: float
                  ) -> dict[str, Any]:
    """A rate finding's evidence, its z included."""
    z = proportion_z(count, of, baseline_count, baseline_of)
    return {"count": count, "of": of, "baseline_count": baseline_count,
            "baseline_of": baseline_of, "test": "two-proportion", "z": z}


def count_evidence(count: float, baseline_count: float, baseline_of: float, of: float = 1
                   ) -> dict[str, Any]:
    """A count finding's evidence: the period's count over an exposure `of` (1 period, or the
    period's spend) against the baseline's total over its exposure (its number of periods, or
    its spend); the Poisson test compares them per unit of exposure. Its z included."""
    z = poisson_z(count, baseline_count, baseline_of / of) if of else None
    return {"count": count, "of": of, "baseline_count": baseline_count,
            "baseline_of": baseline_of, "test": "poisson", "z": z}


def evidence_severity(evidence: dict[str, Any]) -> Severity | None:
    return severity_of(evidence.get("z"))


def tested_finding(panel: str, key: str, message: str, evidence: dict[str, Any],
                   fact: str | None = None, **figures: Number) -> Finding | None:
    """A finding on a change against the baseline, at the severity its evidence's test gives
    (`evidence_severity`), carrying that evidence; None when the change is noise at that
    volume."""
    # common reads pandas: loaded here, not with the module, so the console (which reads the
    # tests' thresholds for recorded figures) never loads pandas itself
    from tuneup_tui.metrics.common import finding

    severity = evidence_severity(evidence)
    if severity is None:
        return None
    return finding(panel, key, severity, message, evidence=evidence, fact=fact, **figures)


def referral_fact(source: str) -> str:
    """The fact behind a fall in sessions referred by `source`: a social network's whole
    referral traffic when the source is one of its domains (lnkd.in and linkedin.com are
    LinkedIn's), else the site's own."""
    from tuneup_tui.metrics.social_aliases import network_of_source

    network = network_of_source(source)
    return f"referral_drop:{network or source.strip().lower()}"
