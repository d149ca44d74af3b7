"""Lead scoring panel: leads by score band, how many went to sales, and whether sales took them.

Options (`[panels.lead_scoring]`): `bands` (lower edges, default [0, 40, 60, 80]), `max_score`
(the top of the last band's label, default 100), `threshold` (the score agreed with sales,
default 60), `rejected_statuses` (CRM statuses that mean sales did not accept the lead, on top
of the pack's status map: Unqualified, Disqualified, Closed - Not Converted, Bad Data, Junk, ...
are rejected already; default none), `min_acceptance` (a band at or above the threshold whose
acceptance is at or below this fraction is a finding, default 0.5).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics._sales import (
    capped,
    id_list,
    names_option,
    stamp,
    text,
)
from tuneup_tui.metrics.common import (
    finding,
    in_baseline,
    in_period,
    mean_per_period,
    num,
    optional_frame,
    pct,
    period_phrase,
    ratio,
    window_mask,
)
from tuneup_tui.metrics.coverage import source_baseline
from tuneup_tui.metrics.names import PANEL_TITLES
from tuneup_tui.metrics.result import Finding, PanelResult, PanelSettings, Series, Table
from tuneup_tui.metrics.shared import (
    crm_joined,
    lead_counter,
    leads_once,
    sent_in,
    sent_per_period,
)
from tuneup_tui.metrics.statuses import series_in_class, status_map

NAME = "lead_scoring"
DEFAULT_BANDS = (0, 40, 60, 80)
NO_SCORE = "no score"
BELOW_LIST_LIMIT = 50
_COLUMNS = ("lead_id", "created_at", "score", "sent_to_sales_at", "program", "territory")
"""The columns the panel reads."""


def compute(pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """Leads created and sent to sales per score band, sales acceptance, sends below threshold."""
    baseline = period.baseline(settings.baseline_periods)
    notes: list[str] = []
    leads = leads_once(pack)
    crm = optional_frame(pack, "crm", notes)
    edges = sorted(float(e) for e in settings.option("bands", DEFAULT_BANDS))
    labels = band_labels(edges, float(settings.option("max_score", 100)))
    threshold = float(settings.option("threshold", 60))
    # rejected: the status map's class, plus any the agenda lists (`rejected_statuses`)
    rejected = names_option(settings, "rejected_statuses", [])
    statuses = status_map(pack)

    # Only the leads created in the period or sent in the period or the baseline are read row
    # by row (the baseline's created leads are only counted), and only the columns shown.
    # each count averages over the baseline periods with data: leads created, leads sent
    coverage: dict[str, tuple[int, int]] = {}
    created_baseline = source_baseline(pack, "leads", baseline, coverage)
    sent_baseline = source_baseline(pack, "leads", baseline, coverage, "sent_to_sales_at")
    created_base = (lead_counter(pack, "created_at")(created_baseline.start,
                                                    created_baseline.end)
                    if len(created_baseline) else 0)
    span = window_mask(leads, "created_at", period.start, period.end).to_numpy(dtype=bool)
    span = span | sent_in(pack, period, baseline)
    rows = leads.loc[span, list(_COLUMNS)]
    rows = rows.assign(band_number=band_number(rows["score"], edges, labels))
    if crm is not None:
        joined = crm_joined(pack, span)  # the same rows, with their CRM row
        rows = rows.assign(
            accepted=(joined["in_crm"] & ~series_in_class(joined["crm_status"], statuses,
                                                          "rejected", rejected)).to_numpy()
        )
    else:
        notes.append("sales acceptance needs the crm source; shown as n/a")

    created = in_period(rows, "created_at", period)
    sent = in_period(rows, "sent_to_sales_at", period)
    base_sent = in_baseline(rows, "sent_to_sales_at", sent_baseline)
    below = sent[sent["score"] < threshold]
    has_crm = crm is not None

    figures = {
        "leads_created": len(created),
        "leads_sent_to_sales": len(sent),
        "sales_accepted": _accepted(sent) if has_crm else None,
        "acceptance_rate": ratio(_accepted(sent), len(sent)) if has_crm else None,
        "sent_below_threshold": len(below),
        "below_threshold_share": ratio(len(below), len(sent)),
    }
    base_below = base_sent[base_sent["score"] < threshold]
    baseline_figures = {
        "leads_created": mean_per_period(created_base, created_baseline),
        "leads_sent_to_sales": mean_per_period(len(base_sent), sent_baseline),
        "sales_accepted": (mean_per_period(_accepted(base_sent), sent_baseline) if has_crm
                           else None),
        "acceptance_rate": ratio(_accepted(base_sent), len(base_sent)) if has_crm else None,
        "sent_below_threshold": mean_per_period(len(base_below), sent_baseline),
        "below_threshold_share": ratio(len(base_below), len(base_sent)),
    }
    bands = _band_rows(labels, created, sent, base_sent, sent_baseline, has_crm)
    below_sorted = below.sort_values(["score", "lead_id"])
    tables = {
        "bands": Table(
            "Leads by score band",
            ("band", "created", "sent_to_sales", "accepted", "acceptance_rate",
             "sent_to_sales_avg", "acceptance_rate_avg"),
            tuple(bands),
        ),
        "sent_below_threshold": Table(
            capped(f"Leads sent to sales below {num(threshold)}", len(below), BELOW_LIST_LIMIT),
            ("lead_id", "score", "program", "territory", "sent_to_sales_at"),
            tuple(_below_row(r) for r in below_sorted.head(BELOW_LIST_LIMIT).to_dict("records")),
        ),
    }
    series = {
        "sent_trend": Series("Leads sent to sales", *sent_per_period(pack, period, baseline),
                             "trend"),
        "sent_by_band": Series("Sent to sales by score band",
                               tuple(r["band"] for r in bands),
                               tuple(r["sent_to_sales"] for r in bands), "share"),
    }
    lowers = dict(zip(labels, edges, strict=True))
    findings = _findings(period, sent, below_sorted, bands, lowers, threshold, settings)
    return PanelResult(
        name=NAME, title=PANEL_TITLES[NAME], period=period, baseline=baseline,
        baseline_coverage=coverage, figures=figures, baseline_figures=baseline_figures,
        tables=tables, series=series,
        findings=tuple(findings), notes=tuple(notes),
    )


def band_labels(edges: Sequence[float], max_score: float) -> list[str]:
    """Labels of the bands from their lower edges: [0, 40] -> ["0-39", "40-100"]."""
    labels = []
    for i, lo in enumerate(edges):
        hi = edges[i + 1] - 1 if i + 1 < len(edges) else max_score
        labels.append(f"{lo:g}-{hi:g}")
    return labels


def band_of(scores: pd.Series, edges: Sequence[float], labels: Sequence[str]) -> pd.Series:
    """Each score's band: the last band whose lower edge it reaches ("no score" if missing).

    A score under the lowest edge counts in the lowest band; over the top, in the last.
    """
    names = np.array([*labels, NO_SCORE], dtype=object)[band_number(scores, edges, labels)]
    return pd.Series(names, index=scores.index, dtype="str")


def band_number(scores: pd.Series, edges: Sequence[float], labels: Sequence[str]
                ) -> np.ndarray:
    """Each score's band as its place among `labels` and "no score" last (see `band_of`)."""
    values = scores.to_numpy(dtype="float64", na_value=np.nan)
    # the last edge the score reaches: edges are sorted, so a binary search finds it
    index = np.searchsorted(np.asarray(edges, dtype="float64"), values, side="right") - 1
    index = np.clip(index, 0, None)
    index[np.isnan(values)] = len(labels)  # NO_SCORE
    return index


def _accepted(rows: pd.DataFrame) -> int:
    return int(rows["accepted"].sum()) if "accepted" in rows else 0


def _band_rows(labels: list[str], created: pd.DataFrame, sent: pd.DataFrame,
               base_sent: pd.DataFrame, baseline: Baseline, has_crm: bool) -> list[dict]:
    bands = len(labels) + 1  # and "no score"

    def tally(rows: pd.DataFrame, accepted: bool = False) -> list[int]:
        number = rows["band_number"].to_numpy()
        if accepted:
            number = number[rows["accepted"].to_numpy(dtype=bool)] if "accepted" in rows \
                else number[:0]
        return np.bincount(number, minlength=bands).tolist()

    made, delivered, before = tally(created), tally(sent), tally(base_sent)
    taken, taken_before = tally(sent, True), tally(base_sent, True)
    shown = len(labels) + (1 if made[-1] or delivered[-1] or before[-1] else 0)
    rows = []
    for i, band in enumerate([*labels, NO_SCORE][:shown]):
        rows.append({
            "band": band,
            "created": made[i],
            "sent_to_sales": delivered[i],
            "accepted": taken[i] if has_crm else None,
            "acceptance_rate": ratio(taken[i], delivered[i]) if has_crm else None,
            "sent_to_sales_avg": mean_per_period(before[i], baseline),
            "acceptance_rate_avg": ratio(taken_before[i], before[i]) if has_crm else None,
        })
    return rows


def _below_row(r: dict) -> dict:
    return {
        "lead_id": text(r["lead_id"]),
        "score": r["score"],
        "program": text(r["program"]),
        "territory": text(r["territory"]),
        "sent_to_sales_at": stamp(r["sent_to_sales_at"]),
    }


def _findings(period: Period, sent: pd.DataFrame, below: pd.DataFrame, bands: list[dict],
              lowers: dict[str, float], threshold: float, settings: PanelSettings
              ) -> list[Finding]:
    words = period_phrase(period)
    out: list[Finding] = []
    if len(below):
        ids = [str(i) for i in below["lead_id"].dropna()]
        out.append(finding(
            NAME, "sent_below_threshold", "medium",
            f"{len(below)} of {len(sent)} leads sent to sales {words} scored below the agreed "
            f"{num(threshold)}: {id_list(ids)}",
            sent_below_threshold=len(below), leads_sent_to_sales=len(sent),
            threshold=threshold,
        ))
    min_acceptance = float(settings.option("min_acceptance", 0.5))
    for row in bands:
        rate = row["acceptance_rate"]
        lower = lowers.get(row["band"])
        if rate is None or lower is None or lower < threshold or rate > min_acceptance:
            continue
        out.append(finding(
            NAME, f"low_acceptance:{row['band']}", "medium",
            f"Sales accepted {row['accepted']} of {row['sent_to_sales']} leads scored "
            f"{row['band']} {words} ({pct(rate)}): the score and sales disagree",
            acceptance_rate=rate, accepted=row["accepted"], sent_to_sales=row["sent_to_sales"],
        ))
    return out

