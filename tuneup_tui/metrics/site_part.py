"""What one part of the Site Health panel gives back (404s, keywords, SEO)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tuneup_tui.metrics.result import Finding, Number, Series, Table


@dataclass
class SitePart:
    """Figures, tables, series and findings of one site health source."""

    figures: dict[str, Number] = field(default_factory=dict)
    baseline_figures: dict[str, Number] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)
    series: dict[str, Series] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
