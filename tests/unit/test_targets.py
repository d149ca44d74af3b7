"""The plan (targets.csv): rows read one by one, bad rows set aside in one line each, and a
target over any span of days, worked out by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.unit.panel_fixtures import pack_of
from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import parse_period
from tuneup_tui.metrics.targets import Target, TargetPlan, read_targets


def _plan(*rows: tuple[str, str, float, str | None]) -> TargetPlan:
    return TargetPlan(tuple(Target(parse_period(p), f, v, t) for p, f, v, t in rows))


def test_a_good_file_is_read_whole(tmp_path: Path) -> None:
    (tmp_path / "targets.csv").write_text(
        "period,figure,tactic,target\n"
        "2026-W49,funnel.leads,,300\n"
        "2026-12,paid.cost_per_lead,Webinar,\"$50.00\"\n"
        "2026-12,traffic.goal_conversion,,2.8%\n", encoding="utf-8")
    plan = read_targets(DataPack.open(tmp_path))
    assert plan.set_aside == () and plan.missing is None
    assert [(t.period.label, t.figure, t.tactic, t.value) for t in plan.targets] == [
        ("2026-W49", "funnel.leads", None, 300.0),
        ("2026-12", "paid.cost_per_lead", "Webinar", 50.0),
        ("2026-12", "traffic.goal_conversion", None, pytest.approx(0.028)),   # "2.8%"
    ]
    assert plan.targets[0].place == "targets.csv row 2"


def test_bad_rows_are_set_aside_one_line_each_and_the_rest_stands(tmp_path: Path) -> None:
    (tmp_path / "targets.csv").write_text(
        "period,figure,tactic,target\n"
        "2026-12,funnel.leads,,310\n"           # row 2: good
        "2026-12,paid.spend,,lots\n"            # row 3: not a number
        "2026-12,funnel.leadz,,310\n"           # row 4: unknown figure, closest named
        "December,funnel.leads,,310\n"          # row 5: not a period
        "2026-12,paid.spend,,\n"                # row 6: no target
        "2026-12,funnel.leads,,999\n"           # row 7: a second target for row 2's
        "2026-12,nothing_like_it,,1\n"          # row 8: unknown, nothing close
        "2026-W50,handoff.missing,,0\n",        # row 9: good
        encoding="utf-8")
    plan = read_targets(DataPack.open(tmp_path))
    assert [t.place for t in plan.targets] == ["targets.csv row 2", "targets.csv row 9"]
    assert plan.set_aside == (
        "targets.csv row 3, column 'target': set aside, expected a number, found 'lots'",
        "targets.csv row 4: set aside, unknown figure 'funnel.leadz'; closest: 'funnel.leads'",
        "targets.csv row 5: set aside, expected a period like \"2026-W49\" or \"2026-11\", "
        "found 'December'",
        "targets.csv row 6: set aside, expected a target value for paid.spend, found nothing",
        "targets.csv row 7: set aside, a second target for funnel.leads in 2026-12; "
        "targets.csv row 2 stands",
        "targets.csv row 8: set aside, unknown figure 'nothing_like_it'; figure ids are listed "
        "in docs/metrics.md",
    )


def test_a_plan_spreadsheet_mapped_in_datapack_toml(tmp_path: Path) -> None:
    (tmp_path / "Plan FY27.csv").write_text(
        "Month,KPI,Programme,Goal,Owner\n"
        "2026-12,funnel.leads,Google Search,\"1,240\",Dana\n"
        "2026-12,scorecard.bookings,,\"$250,000\",Priya\n", encoding="utf-8")
    (tmp_path / "datapack.toml").write_text(
        '[sources.targets]\nfiles = ["Plan FY27.csv"]\n'
        'columns = { period = "Month", figure = "KPI", tactic = "Programme", '
        'target = "Goal" }\n', encoding="utf-8")
    plan = read_targets(DataPack.open(tmp_path))
    assert plan.set_aside == ()
    assert [(t.figure, t.tactic, t.value) for t in plan.targets] == [
        ("funnel.leads", "Google Search", 1240.0), ("scorecard.bookings", None, 250000.0)]


def test_no_plan_says_so() -> None:
    plan = read_targets(pack_of(traffic=[]))
    assert plan.targets == () and plan.missing is not None and "targets.csv" in plan.missing


def test_a_month_is_shared_out_over_its_days_and_a_week_across_two_months() -> None:
    plan = _plan(("2026-12", "funnel.leads", 310, None),     # 10 a day (31 days)
                 ("2027-01", "funnel.leads", 620, None))     # 20 a day
    # W49: 30 Nov .. 6 Dec; 30 Nov has no target: none for the week
    assert plan.over("funnel.leads", date(2026, 11, 30), date(2026, 12, 6)) is None
    # W50: 7..13 Dec, all December: 7 x 10 = 70
    assert plan.over("funnel.leads", date(2026, 12, 7), date(2026, 12, 13)) == 70
    # W53: 28 Dec .. 3 Jan: 4 x 10 + 3 x 20 = 100
    assert plan.over("funnel.leads", date(2026, 12, 28), date(2027, 1, 3)) == 100
    # the whole of December: 310
    assert plan.over("funnel.leads", date(2026, 12, 1), date(2026, 12, 31)) == 310


def test_a_week_target_comes_before_its_month() -> None:
    plan = _plan(("2026-12", "funnel.leads", 310, None), ("2026-W50", "funnel.leads", 84, None))
    # W50 (7..13 Dec) takes its own 84, not 70
    assert plan.over("funnel.leads", date(2026, 12, 7), date(2026, 12, 13)) == 84
    # 1..13 Dec: 6 December days x 10 + W50's 84 = 144
    assert plan.over("funnel.leads", date(2026, 12, 1), date(2026, 12, 13)) == 144


def test_rates_costs_and_levels_are_not_divided() -> None:
    plan = _plan(("2026-12", "traffic.goal_conversion", 0.03, None),
                 ("2027-01", "traffic.goal_conversion", 0.02, None),
                 ("2026-12", "paid.cost_per_lead", 60, None),
                 ("2026-12", "nurturing.database_size", 52000, None))
    # W53: (4 x 3% + 3 x 2%) / 7 = 0.18 / 7
    assert plan.over("traffic.goal_conversion", date(2026, 12, 28), date(2027, 1, 3)) == \
        pytest.approx(0.18 / 7)
    assert plan.over("paid.cost_per_lead", date(2026, 12, 7), date(2026, 12, 13)) == 60
    assert plan.over("nurturing.database_size", date(2026, 12, 7), date(2026, 12, 13)) == 52000


def test_tactics_have_their_own_targets() -> None:
    plan = _plan(("2026-12", "funnel.leads", 310, None),
                 ("2026-12", "funnel.leads", 62, "Bing Search"),      # 2 a day
                 ("2026-12", "funnel.leads", 93, "Google Search"))    # 3 a day
    assert plan.tactics("funnel.leads") == ("Bing Search", "Google Search")
    assert plan.over("funnel.leads", date(2026, 12, 7), date(2026, 12, 13), " bing search ") == 14
    assert plan.over("funnel.leads", date(2026, 12, 7), date(2026, 12, 13), "LinkedIn") is None
    assert plan.over("paid.spend", date(2026, 12, 7), date(2026, 12, 13)) is None
