"""The expected leads recorded in the Traffic Study against the leads delivered, by hand."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

import pytest

from tests.unit.panel_fixtures import period
from tests.unit.played_day import play_day
from tuneup_tui import cli
from tuneup_tui.metrics.recorded_checks import Recorded, expectation_check, with_recorded
from tuneup_tui.metrics.result import Finding, PanelResult
from tuneup_tui.report.collect import collect_summary
from tuneup_tui.store.db import RunStore


def _handoff(delivered: int, error: str | None = None) -> PanelResult:
    p = period()
    return PanelResult("handoff", "Leads to sales", p, p.baseline(2),
                       figures={"leads_delivered": delivered, "found": delivered},
                       findings=(Finding("handoff", "missing", "medium", "2 missing"),),
                       error=error)


def _check(delivered: int, expected: float) -> Finding | None:
    result = with_recorded({"handoff": _handoff(delivered)},
                           {"expected_leads_to_sales": Recorded(expected, "Traffic Study")})
    found = [f for f in result["handoff"].findings if f.key == "recorded_expectation_missed"]
    return found[0] if found else None


def test_the_recorded_figure_stands_beside_the_leads_delivered() -> None:
    result = with_recorded({"handoff": _handoff(50)},
                           {"expected_leads_to_sales": Recorded(46, "Traffic Study")})
    assert list(result["handoff"].figures) == ["leads_delivered", "expected_leads_recorded",
                                               "found"]
    assert result["handoff"].figures["expected_leads_recorded"] == 46
    # 50 against 46: 4 off, within 25% of 46 (11.5): they agree
    assert [f.key for f in result["handoff"].findings] == ["missing"]


def test_the_sources_disagree() -> None:
    found = _check(173, 46)
    assert found is not None and found.severity == "high"
    # 127 more: z = 127 / sqrt(46) = 18.7
    assert found.evidence is not None
    assert found.evidence["z"] == pytest.approx(127 / math.sqrt(46))
    assert found.message == ("173 leads were delivered to sales last week (leads source) "
                             "against 46 expected as recorded in the Traffic Study (recorded "
                             "figure): 127 more (+276%)")
    # 40 expected, 53 delivered: 13 over 10 (25%), z = 13 / sqrt(40) = 2.06: medium
    assert _check(53, 40).severity == "medium"  # type: ignore[union-attr]
    # 100 expected, 72 delivered: 28 fewer, z = -2.8: high
    fewer = _check(72, 100)
    assert fewer is not None and fewer.severity == "high" and "28 fewer (-28%)" in fewer.message


def test_past_the_tolerance_but_noise_and_nothing_to_test() -> None:
    # 8 expected, 12 delivered: 4 over 2 (25%), yet z = 4 / sqrt(8) = 1.41
    assert _check(12, 8) is None
    # 100 expected, 124 delivered: z = 2.4, but within 25%
    assert _check(124, 100) is None
    # an expectation of 0 has no test
    assert _check(12, 0) is None
    assert expectation_check(None, Recorded(10), "last week") is None


def test_without_the_figure_or_the_panel_nothing_changes() -> None:
    results = {"handoff": _handoff(50)}
    assert with_recorded(results, {}) == results
    assert with_recorded(results, {"cost_per_lead": Recorded(5)}) == results
    assert with_recorded({}, {"expected_leads_to_sales": Recorded(5)}) == {}
    failed = {"handoff": _handoff(50, error="crm: missing")}
    assert with_recorded(failed, {"expected_leads_to_sales": Recorded(5)}) == failed


def test_the_summary_checks_the_runs_recorded_figure(played_store: RunStore) -> None:
    from datetime import date

    run = play_day(played_store, date(2026, 11, 23))
    played_store.record_figure(run.id, "expected_leads_to_sales", 46, session="Traffic Study")
    summary = collect_summary(played_store, run.id, {"handoff": _handoff(173)})
    (panel,) = summary.panels
    assert [(f.name, f.value) for f in panel.figures][:2] == [
        ("leads_delivered", 173), ("expected_leads_recorded", 46)]


def test_tuneup_metrics_takes_recorded_figures(tmp_path: Path) -> None:
    from contextlib import redirect_stdout

    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "leads.csv").write_text(
        "lead_id,created_at,program,score,status,sent_to_sales_at,territory\n"
        + "".join(f"L{i},2026-11-01,Web,70,Open,2026-11-17 09:00,East\n" for i in range(30)),
        encoding="utf-8")
    (folder / "crm.csv").write_text(
        "lead_id,owner,territory,status,first_touch_at,opportunity_id,bad_data\n",
        encoding="utf-8")
    out = io.StringIO()
    with redirect_stdout(out):
        code = cli.main(["metrics", "--data", str(folder), "--as-of", "2026-11-23", "--json",
                         "--panel", "handoff", "--recorded", "expected_leads_to_sales=12"])
    assert code == 0
    panel = json.loads(out.getvalue())["panels"]["handoff"]
    assert panel["figures"]["expected_leads_recorded"] == 12
    assert panel["figure_info"]["expected_leads_recorded"]["unit"] == "count"
    # 30 against 12: z = 18 / sqrt(12) = 5.2
    (found,) = [f for f in panel["findings"] if f["key"] == "recorded_expectation_missed"]
    assert found["severity"] == "high"
