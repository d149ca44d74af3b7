"""Site Health panel: 404 errors, keyword rankings and SEO metrics for the period.

Each of its three sources (pages_404, keywords, seo) is optional on its own; the panel is an
error only when none of them can be read. The parts live in site_404.py, site_keywords.py and
site_seo.py; this module puts them together.
"""

from __future__ import annotations

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Period
from tuneup_tui.metrics.common import optional_frame
from tuneup_tui.metrics.coverage import source_baseline
from tuneup_tui.metrics.result import Finding, Number, PanelResult, PanelSettings, Series, Table
from tuneup_tui.metrics.site_404 import not_found_part
from tuneup_tui.metrics.site_keywords import keywords_part
from tuneup_tui.metrics.site_seo import seo_part

NAME = "site_health"
TITLE = "Site health"


def compute(pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """404s, keyword moves and SEO metrics, each part from its own source."""
    baseline = period.baseline(settings.baseline_periods)
    notes: list[str] = []
    errors: list[str] = []
    figures: dict[str, Number] = {}
    baseline_figures: dict[str, Number] = {}
    tables: dict[str, Table] = {}
    series: dict[str, Series] = {}
    findings: list[Finding] = []
    coverage: dict[str, tuple[int, int]] = {}
    for source, part in (("pages_404", not_found_part), ("keywords", keywords_part),
                         ("seo", seo_part)):
        frame = optional_frame(pack, source, errors)
        if frame is None:
            continue
        # 404 and keyword counts average over the periods their source has data for (keyword
        # positions are a weekly snapshot: whole from the first); SEO reads the latest value
        # before a date, so has no mean to guard
        own = (baseline if source == "seo"
               else source_baseline(pack, source, baseline, coverage,
                                    snapshot=source == "keywords"))
        result = part(frame, period, own, settings)
        figures.update(result.figures)
        baseline_figures.update(result.baseline_figures)
        tables.update(result.tables)
        series.update(result.series)
        findings.extend(result.findings)
    if not tables:
        raise DataError("pages_404, keywords, seo", "none could be read; site health needs "
                        "at least one of them")
    notes.extend(errors)
    return PanelResult(
        name=NAME, title=TITLE, period=period, baseline=baseline,
        figures=figures, baseline_figures=baseline_figures, tables=tables, series=series,
        findings=tuple(findings), notes=tuple(notes), baseline_coverage=coverage,
    )
