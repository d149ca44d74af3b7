"""`tuneup scorecard` as a VP's analyst runs it on Monday: the sample pack's planted misses
show as off track or at risk, a bad row of the plan is named and set aside, bad arguments are
one line and exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tuneup_tui import cli

AS_OF = "2026-12-07"   # the period is 2026-W49, 30 Nov..6 Dec: a week across two months


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scorecard") / "pack"
    assert cli.main(["sample", str(folder), "--as-of", AS_OF]) == 0
    return folder


def _scorecard(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["scorecard", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_sample_plan_and_its_planted_misses(sample: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _scorecard(capsys, "--data", str(sample), "--as-of", AS_OF, "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["period"] == {"label": "2026-W49", "start": "2026-11-30", "end": "2026-12-06"}
    status = {(r["key"], r["tactic"]): r["status"] for r in doc["rows"]}
    assert {k: status[k] for k in [
        ("goal_conversion", None), ("leads", "Bing Search"), ("wasted_spend", None),
        ("missing", None), ("not_found_hits", None), ("past_lifetime", None)]} == dict.fromkeys(
        [("goal_conversion", None), ("leads", "Bing Search"), ("wasted_spend", None),
         ("missing", None), ("not_found_hits", None), ("past_lifetime", None)], "off track")
    assert [status[("leads", "LinkedIn Ads")], status[("acceptance_rate", None)],
            status[("database_size", None)]] == ["at risk"] * 3
    assert status[("sessions", None)] == "on track"
    rows = {(r["key"], r["tactic"]): r for r in doc["rows"]}
    # November's sessions (3,000 a day x 30) and December's (3,000 x 31) give W49 7 x 3,000
    assert rows[("sessions", None)]["target"] == 21000
    # the review week's own target of 60 sent leads stands over the months' share
    assert rows[("leads_sent_to_sales", None)]["target"] == 60
    # the weekly agenda's session that shows the traffic panel digs into it
    assert rows[("sessions", None)]["session"] == "Traffic and Paid"
    pending = [r["key"] for r in doc["rows"] if r["status"] is None
               and (r["note"] or "").startswith("not answered yet")]
    assert pending == []
    # connects: the Service level panel's figure, 61 of the 238 calls with an outcome in W49
    assert rows[("connect_rate", None)]["answer"] == pytest.approx(61 / 238)
    assert rows[("connect_rate", None)]["panel"] == "service_level"
    # the sample's budgets run out early for LinkedIn Ads (12 December) and Bing Search
    # (22 December); no plan or baseline for it: no status
    pacing = rows[("budget_pacing", None)]
    assert (pacing["answer"], pacing["status"], pacing["panel"]) == (2, None, "budget_pacing")
    assert doc["error"] is None and doc["notes"] == []


def test_the_text_table(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _scorecard(capsys, "--data", str(sample), "--as-of", AS_OF)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Monday scorecard as of 2026-12-07: 2026-W49 (2026-11-30 to "
                               "2026-12-06)")
    goal = next(ln for ln in lines if ln.startswith("Goal conversion"))
    # answer, target, baseline, status, session
    assert goal.split()[-8:] == ["2.4%", "2.8%", "2.6%", "off", "track", "Traffic", "and",
                                 "Paid"]
    pacing = next(ln for ln in lines if ln.startswith("Budget pacing"))
    # question, then answer 2, target and baseline "–", no status, the panel that digs in
    assert pacing.split("…", 1)[1].split()[:3] == ["2", "–", "–"]


def test_a_bad_row_of_the_plan_is_named_and_the_rest_stands(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    for f in sample.iterdir():
        (pack / f.name).write_bytes(f.read_bytes())
    plan = (pack / "targets.csv").read_text(encoding="utf-8")
    (pack / "targets.csv").write_text(plan + "2026-12,funnel.leadz,,5\n", encoding="utf-8")
    code, out, _ = _scorecard(capsys, "--data", str(pack), "--as-of", AS_OF, "--json")
    doc = json.loads(out)
    row = len(plan.splitlines()) + 1
    assert code == 0 and doc["notes"] == [
        f"targets.csv row {row}: set aside, unknown figure 'funnel.leadz'; closest: "
        "'funnel.leads'"]
    assert {r["key"]: r["target"] for r in doc["rows"] if r["tactic"] is None}["sessions"] \
        == 21000


@pytest.mark.parametrize(("args", "message"), [
    (["--data", "/nonexistent/pack"], "tuneup: /nonexistent/pack: no such data folder"),
    (["--as-of", "2026-13-01"], "tuneup: --as-of: expected a date as YYYY-MM-DD"),
    (["--agenda", "no-such-agenda"], "tuneup: no-such-agenda: no such file"),
])
def test_bad_arguments_are_one_line_and_exit_2(args: list[str], message: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _scorecard(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith(message) and len(err.strip().splitlines()) == 1
