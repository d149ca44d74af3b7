"""The JSON summary: the documented keys, plain values, computed changes."""

from __future__ import annotations

import json

from tests.unit.report_fixtures import small_summary
from tuneup_tui.report.json_out import render_json


def test_top_level_and_nested_keys() -> None:
    doc = json.loads(render_json(small_summary()))
    assert list(doc) == ["run", "period", "attendees", "actions", "soft_spots", "figures",
                         "scorecard", "panels", "day", "carried", "cadence", "decisions",
                         "sessions"]
    assert doc["run"] == {"id": 7, "title": "Small Tune Up", "series": "small-tuneup",
                          "date": "2026-11-23", "previous_run_id": 6}
    assert doc["period"] == {"label": "2026-W47", "kind": "week", "start": "2026-11-16",
                             "end": "2026-11-22", "baseline_periods": 8}
    assert set(doc["actions"][0]) == {"id", "text", "owner", "due", "session", "status",
                                      "carried_from"}
    assert set(doc["soft_spots"][0]) == {"rank", "id", "severity", "text", "session", "owner",
                                         "fix_due", "panel", "finding_key", "figures"}
    assert set(doc["day"]) == {"planned_end", "ended_at", "end_drift_minutes", "compressions",
                               "extensions", "overruns", "skipped", "sessions"}
    assert set(doc["carried"][0]) == {"text", "previous_owner", "owner", "due", "outcome",
                                      "previous_id", "item_id"}


def test_values() -> None:
    doc = json.loads(render_json(small_summary()))
    # grouped by owner (Dana, then Priya), Dana's dated item first
    assert [a["id"] for a in doc["actions"]] == [1, 3, 2]
    assert doc["actions"][1]["due"] is None
    # 41 - 38 = 3; cost per lead has no previous value
    assert doc["figures"][0]["change"] == 3
    assert doc["figures"][1]["previous"] is None and doc["figures"][1]["change"] is None
    sessions = doc["panels"]["traffic"]["figures"]["sessions"]
    assert sessions == {"value": 1234, "baseline": 1100, "vs_baseline": 134,
                        "previous": 1200, "vs_previous": 34}
    rate = doc["panels"]["traffic"]["figures"]["goal_conversion_rate"]
    assert abs(rate["vs_baseline"] - (0.028 - 0.031)) < 1e-12
    assert rate["previous"] is None and rate["vs_previous"] is None
    day = doc["day"]
    # ended 10:15 against 10:30: -15; Traffic Study 45 minutes against 30: +15
    assert day["end_drift_minutes"] == -15
    assert (day["overruns"], day["skipped"], day["extensions"]) == (1, 1, 1)
    assert day["sessions"][0]["actual_minutes"] == 45
    assert day["sessions"][0]["over_minutes"] == 15
    assert day["sessions"][1]["actual_start"] is None
    assert doc["cadence"]["week"]["minutes"] == 30
    assert doc["cadence"]["week"]["sessions"][1] == {
        "start": "09:20", "topic": "Paid Programs and Site Health", "minutes": 10}


def test_the_record_session_by_session() -> None:
    doc = json.loads(render_json(small_summary()))
    # Dana's open Traffic Study item is due 2026-11-27: the soft spot's fix is due then
    assert doc["soft_spots"][0]["fix_due"] == "2026-11-27"
    assert doc["decisions"] == [{"session": "Traffic Study",
                                 "text": "pause bing cpc until the UTM tags are fixed"}]
    traffic, paid = doc["sessions"]
    assert (traffic["topic"], traffic["who"], traffic["start"]) == (
        "Traffic Study", "Webmaster", "09:00")
    assert traffic["notes"].startswith("bing / cpc: the tags")
    assert traffic["questions"] == [
        {"question": "Which sources convert below their average?", "covered": True},
        {"question": "How many leads do we expect to send to sales?", "covered": False}]
    assert [(f["name"], f["value"], f["change"]) for f in traffic["figures"]] == [
        ("expected_leads_to_sales", 41, 3)]
    assert paid["notes"] == "" and paid["questions"] == [
        {"question": "Any click farms?", "covered": False}]
    assert paid["figures"][0]["value"] == 52.5 and paid["figures"][0]["unit"] == "$"
