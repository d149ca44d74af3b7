"""The day's findings: one per underlying fact, whichever panels saw it.

The fall in LinkedIn's referral traffic shows in traffic (lnkd.in / referral), in referring
sites (lnkd.in, linkedin.com) and in social (LinkedIn's followers without traffic): four
findings of the panels, one fact (`Finding.fact`, "referral_drop:linkedin"), so one candidate
soft spot. Each panel still shows its own finding; the day's list keeps the clearest one (the
highest severity, then the largest |z|) and names every panel it concerns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tuneup_tui.metrics.result import SEVERITY_ORDER, Finding, PanelResult


@dataclass(frozen=True)
class DayFinding:
    """One candidate soft spot of the day: its clearest finding and the panels that saw it."""

    finding: Finding
    panels: tuple[str, ...]
    keys: tuple[str, ...]
    """The panels' own keys of the fact, "panel:key", in panel order."""

    def to_json(self) -> dict[str, Any]:
        return {**self.finding.to_json(), "identity": self.finding.identity,
                "panels": list(self.panels), "seen_as": list(self.keys)}


def day_findings(results: Mapping[str, PanelResult] | Iterable[Finding]) -> list[DayFinding]:
    """The findings of all the panels, one per identity, most severe first."""
    findings = ([f for r in results.values() for f in r.findings]
                if isinstance(results, Mapping) else list(results))
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.identity, []).append(f)
    out = []
    for group in groups.values():
        best = min(group, key=_clearness)
        panels = tuple(dict.fromkeys(f.panel for f in group))
        out.append(DayFinding(best, panels, tuple(f"{f.panel}:{f.key}" for f in group)))
    return sorted(out, key=lambda d: _clearness(d.finding))


def _clearness(f: Finding) -> tuple[int, float]:
    z = (f.evidence or {}).get("z")
    return SEVERITY_ORDER.get(f.severity, 9), -abs(z) if isinstance(z, int | float) else 0.0
