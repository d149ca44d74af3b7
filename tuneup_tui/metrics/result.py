"""What a panel returns: headline figures, tables, series, findings, or an error.

These types hold plain Python values only (numbers, strings, None, lists, dicts), never
DataFrames, so the UI and the report can use them without pandas and `to_json` is exact.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.catalogue import panel_figure_info

Severity = Literal["high", "medium", "low"]
SEVERITY_ORDER: dict[str, int] = {"high": 0, "medium": 1, "low": 2}

Number = float | int | None
"""A figure: a plain number, or None where it is not defined ("n/a", JSON null)."""


@dataclass(frozen=True)
class PanelSettings:
    """What a panel needs besides the data: the run's date, the baseline length, thresholds."""

    as_of: date
    baseline_periods: int = 8
    period_kind: Literal["week", "month"] = "week"
    options: Mapping[str, Any] = field(default_factory=dict)
    """The agenda's `[panels.NAME]` table: thresholds and knobs, with per-panel defaults."""
    panel_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Every panel's `[panels.NAME]` table, for a panel that reads other panels (the
    scorecard computes them with their own options)."""
    sessions: Mapping[str, str] = field(default_factory=dict)
    """Panel name -> the topic of the agenda's first session showing it: where a figure is dug
    into."""

    def option(self, key: str, default: Any) -> Any:
        return self.options.get(key, default)


@dataclass(frozen=True)
class Finding:
    """Something off in the numbers: a candidate soft spot."""

    panel: str
    key: str
    """Stable identity within the panel, e.g. "low_conversion:bing / cpc"."""
    severity: Severity
    message: str
    """One plain sentence with the numbers in it."""
    figures: Mapping[str, Number] = field(default_factory=dict)
    evidence: Mapping[str, Any] | None = None
    """For a change against the baseline: `count`, `of`, `baseline_count`, `baseline_of`, the
    `test` it passed ("two-proportion" for a rate, "poisson" for a count; "mcnemar" and
    "poisson-expected" for two sources checked against each other) and its `z`
    (`tuneup_tui.metrics.significance`)."""
    fact: str | None = None
    """The underlying fact when several panels see it ("referral_drop:linkedin"): one soft
    spot in the day's list, shown in each panel it concerns."""

    @property
    def identity(self) -> str:
        """What makes two findings one: their shared fact, else the panel's own key."""
        return self.fact or self.key

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "panel": self.panel,
            "key": self.key,
            "severity": self.severity,
            "message": self.message,
            "figures": {k: clean_number(v) for k, v in self.figures.items()},
        }
        if self.evidence is not None:
            out["evidence"] = {k: v if isinstance(v, str) else clean_number(v)
                               for k, v in self.evidence.items()}
        if self.fact is not None:
            out["fact"] = self.fact
        return out


@dataclass(frozen=True)
class Table:
    """A table of a panel: ordered columns and rows as dicts of plain values."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[Mapping[str, Any], ...]

    def to_json(self) -> list[dict[str, Any]]:
        return [{c: clean_value(row.get(c)) for c in self.columns} for row in self.rows]


@dataclass(frozen=True)
class Series:
    """A series for a chart: labels (period labels, names) and values."""

    title: str
    labels: tuple[str, ...]
    values: tuple[Number, ...]
    kind: Literal["trend", "share"] = "trend"

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "kind": self.kind,
            "labels": list(self.labels),
            "values": [clean_number(v) for v in self.values],
        }


@dataclass(frozen=True)
class PanelResult:
    """A computed panel."""

    name: str
    title: str
    period: Period
    baseline: Baseline
    figures: Mapping[str, Number] = field(default_factory=dict)
    """Headline figures for the period (rates as fractions, money as numbers)."""
    baseline_figures: Mapping[str, Number] = field(default_factory=dict)
    """The same figures over the baseline: counts as mean per period, rates pooled."""
    tables: Mapping[str, Table] = field(default_factory=dict)
    series: Mapping[str, Series] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    notes: tuple[str, ...] = ()
    """Plain remarks on how a figure was taken (assumptions, sources missing but optional)."""
    currency: str | None = None
    """The currency of the panel's money ("GBP"); None when the files do not say."""
    baseline_coverage: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    """Per source a baseline mean reads: (baseline periods, periods with data from it); a
    period without data is left out of that source's means (`tuneup_tui.metrics.coverage`)."""

    @classmethod
    def failed(cls, name: str, title: str, period: Period, baseline: Baseline, error: str
               ) -> PanelResult:
        """A panel that could not be computed: its error, in one line."""
        return cls(name=name, title=title, period=period, baseline=baseline, error=error)

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "figures": {k: clean_number(v) for k, v in self.figures.items()},
            "figure_info": panel_figure_info(self.name, self.figures),
            "baseline_figures": {k: clean_number(v) for k, v in self.baseline_figures.items()},
            "tables": {k: t.to_json() for k, t in self.tables.items()},
            "series": {k: s.to_json() for k, s in self.series.items()},
            "findings": [f.to_json() for f in self.findings],
            "notes": list(self.notes),
            "currency": self.currency,
            "error": self.error,
            "baseline_coverage": {source: {"periods": n, "with_data": k}
                                  for source, (n, k) in self.baseline_coverage.items()},
        }


def clean_number(value: Any) -> float | int | None:
    """A figure as JSON takes it: NaN, infinities and missing become None."""
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(f) or math.isinf(f):
        return None
    if f.is_integer() and abs(f) < 2**53 and not isinstance(value, float):
        return int(f)
    return f


def strict_json(value: Any) -> Any:
    """`value` with every float that strict JSON can't hold (NaN, infinities) as None, all
    the way down: the contract `tuneup metrics --json` keeps."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: strict_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [strict_json(v) for v in value]
    return value


def clean_value(value: Any) -> Any:
    """A table cell as JSON takes it: numbers cleaned, dates as ISO text, the rest as text."""
    if value is None or isinstance(value, str | bool):
        return value
    if isinstance(value, int | float):
        return clean_number(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    try:
        f = float(value)
    except (TypeError, ValueError):
        return str(value)
    return clean_number(f)


def ratio(numerator: Any, denominator: Any) -> float | None:
    """numerator / denominator, or None ("n/a") when the denominator is zero or missing."""
    n = clean_number(numerator)
    d = clean_number(denominator)
    if n is None or d is None or d == 0:
        return None
    return n / d
