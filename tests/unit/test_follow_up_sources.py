"""The CRM's first touch against the activity log, worked out by hand.

Period 2026-11-16..22, as-of 2026-11-23, baseline W45 and W46 (see test_panel_follow_up).
"""

from __future__ import annotations

import math

import pytest

from tests.unit.cross_check_fixtures import ACTIVITIES, CRM, TERRITORIES, crm, lead
from tests.unit.cross_check_fixtures import SENT_LEADS as LEADS
from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.follow_up import compute
from tuneup_tui.metrics.follow_up_sources import mcnemar_z


def _act(lead_id: str, day: str) -> dict:
    return {"date": f"{day} 10:00", "rep": "Alex Kim", "type": "call", "lead_id": lead_id}


def _run(leads: list[dict], crm_rows: list[dict], activities: list[dict] | None, **options):
    sources = {"leads": leads, "crm": crm_rows, "territories": TERRITORIES}
    if activities is not None:
        sources["activities"] = activities
    return compute(pack_of(**sources), period(), settings(**options))


def test_both_counts_on_the_panel_fixture() -> None:
    r = _run(LEADS, CRM, ACTIVITIES)
    f, b = r.figures, r.baseline_figures
    # period: L-1, L-2, L-3 have a CRM first touch (L-4 none, L-5 not in the CRM)
    assert f["first_touch_in_crm"] == 3
    # every activity names L-1, sent 11-16: only L-1 has a logged activity
    assert f["with_logged_activity"] == 1
    # baseline: L-6, L-7, L-8 touched in the CRM, none logged; means over 2 weeks
    assert b["first_touch_in_crm"] == pytest.approx(1.5)
    assert b["with_logged_activity"] == pytest.approx(0)
    # 3 against 1 of 5 is past the 20% tolerance, but 2 leads in the CRM alone and none in
    # the log alone is z = 2 / sqrt(2) = 1.41: noise at that volume, no finding
    assert not [x for x in r.findings if x.key == "touches_disagree"]


TWELVE = [lead(f"T-{i}", "2026-11-17 09:00") for i in range(12)]
TOUCHED = [crm(f"T-{i}", "Working", "2026-11-17 12:00") for i in range(12)]


def test_the_sources_disagree() -> None:
    # all 12 touched in the CRM; the log names 2 of them after they were sent
    r = _run(TWELVE, TOUCHED, [_act("T-0", "2026-11-18"), _act("T-1", "2026-11-17")])
    assert (r.figures["first_touch_in_crm"], r.figures["with_logged_activity"]) == (12, 2)
    found = [x for x in r.findings if x.key == "touches_disagree"]
    assert len(found) == 1
    # 10 in the CRM alone, 0 in the log alone: z = 10 / sqrt(10) = 3.16, high
    assert found[0].severity == "high"
    assert found[0].evidence["z"] == pytest.approx(math.sqrt(10))
    assert (found[0].evidence["crm_only"], found[0].evidence["log_only"]) == (10, 0)
    assert "(crm) shows 12 of 12" in found[0].message
    assert "activity log (activities) 2" in found[0].message


def test_within_the_tolerance_they_agree() -> None:
    # 10 of 12 logged: a gap of 2 leads, 16.7% of those sent, within 20%
    acts = [_act(f"T-{i}", "2026-11-20") for i in range(10)]
    r = _run(TWELVE, TOUCHED, acts)
    assert r.figures["with_logged_activity"] == 10
    assert not [x for x in r.findings if x.key == "touches_disagree"]
    # a tolerance of 10% makes it a gap, yet 2 leads alone is z = 1.41: noise
    r = _run(TWELVE, TOUCHED, acts, touch_tolerance=0.1)
    assert not [x for x in r.findings if x.key == "touches_disagree"]


def test_activities_before_the_lead_was_sent_or_after_the_as_of_date_are_not_touches() -> None:
    acts = [_act("T-0", "2026-11-16"),      # the day before it was sent
            _act("T-1", "2026-11-24"),      # after the as-of date (11-23)
            _act("T-2", "2026-11-23"),      # on the as-of date: counts
            _act("T-3", "2026-11-17")]      # the day it was sent: counts
    r = _run(TWELVE, TOUCHED, acts)
    assert r.figures["with_logged_activity"] == 2


def test_no_leads_or_no_activity_log() -> None:
    empty = _run([lead("X", "2026-10-01 09:00")], [], [_act("X", "2026-10-02")])
    assert (empty.figures["first_touch_in_crm"], empty.figures["with_logged_activity"]) == (0, 0)
    assert not [x for x in empty.findings if x.key == "touches_disagree"]
    no_log = _run(TWELVE, TOUCHED, None)
    assert no_log.figures["first_touch_in_crm"] == 12
    assert no_log.figures["with_logged_activity"] is None
    assert not [x for x in no_log.findings if x.key == "touches_disagree"]


def test_mcnemar_by_hand() -> None:
    assert mcnemar_z(0, 0) is None
    assert mcnemar_z(9, 0) == pytest.approx(3.0)
    assert mcnemar_z(2, 6) == pytest.approx(-4 / math.sqrt(8))
