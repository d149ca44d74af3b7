"""The sales panels on the generated sample pack find the soft spots planted for them.

docs/sample-data.md lists the planted soft spots; the counts come from the generator's own
constants, so this checks the panels against what was planted, not against themselves.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import review_period
from tuneup_tui.data.sample.email import SCANNED_CAMPAIGN
from tuneup_tui.data.sample.generate import FORGOTTEN_LEADS, generate_sample
from tuneup_tui.data.sample.sales import DUPLICATED, MISSING_FROM_CRM, WRONG_REP
from tuneup_tui.data.sample.world import SLOW_REP
from tuneup_tui.metrics.registry import run_panel
from tuneup_tui.metrics.result import PanelResult, PanelSettings

AS_OF = date(2026, 11, 23)
PANELS = ("lead_scoring", "nurturing", "handoff", "follow_up", "romi", "lifecycle")


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, PanelResult]:
    folder = generate_sample(tmp_path_factory.mktemp("sample"), AS_OF)
    pack = DataPack.open(Path(folder))
    settings = PanelSettings(as_of=AS_OF)
    return {name: run_panel(name, pack, review_period(AS_OF), settings) for name in PANELS}


def keys(result: PanelResult) -> set[str]:
    return {f.key for f in result.findings}


def test_every_sales_panel_computes(results: dict[str, PanelResult]) -> None:
    assert {name: r.error for name, r in results.items()} == dict.fromkeys(PANELS)
    for r in results.values():
        json.dumps(r.to_json(), allow_nan=False)  # plain values only


def test_leads_to_sales_soft_spots(results: dict[str, PanelResult]) -> None:
    r = results["handoff"]
    assert r.figures["missing"] == MISSING_FROM_CRM
    assert r.figures["wrong_rep"] == WRONG_REP
    assert r.figures["duplicates"] == DUPLICATED
    assert {"missing_in_crm", "wrong_rep", "duplicates"} <= keys(r)
    assert len(r.tables["missing"].rows) == MISSING_FROM_CRM


def test_follow_up_soft_spots(results: dict[str, PanelResult]) -> None:
    found = keys(results["follow_up"])
    assert f"few_calls:{SLOW_REP}" in found
    assert "capacity_short" in found


def test_nurturing_soft_spot(results: dict[str, PanelResult]) -> None:
    found = keys(results["nurturing"])
    assert f"clicks_not_confirmed:{SCANNED_CAMPAIGN}" in found


def test_romi_soft_spot(results: dict[str, PanelResult]) -> None:
    negative = {k for k in keys(results["romi"]) if k.startswith("negative_romi:")}
    assert negative == {"negative_romi:Trade Show"}


def test_lifecycle_soft_spot(results: dict[str, PanelResult]) -> None:
    r = results["lifecycle"]
    assert "past_lifetime" in keys(r)
    assert r.figures["past_lifetime"] >= FORGOTTEN_LEADS


def test_lead_scoring_soft_spot(results: dict[str, PanelResult]) -> None:
    r = results["lead_scoring"]
    assert "sent_below_threshold" in keys(r)
    assert r.figures["sent_below_threshold"] >= 1
