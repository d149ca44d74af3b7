"""`tuneup metrics` as an analyst runs it the evening before: the JSON contract, the text
report, one broken source breaking only its own panels, and exit code 2 for bad arguments."""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path

import pytest

from tuneup_tui import cli
from tuneup_tui.metrics.names import PANEL_NAMES

TRAFFIC = """\
date,source,medium,sessions,goal_completions
2026-11-03,google,cpc,400,20
2026-11-10,google,cpc,200,10
2026-11-17,google,cpc,300,3
2026-11-17,partner.com,referral,50,1
"""
PAID = """\
date,program,channel,site,spend,impressions,clicks,names
2026-11-10,Display,display,a.com,100,5000,60,3
2026-11-17,Display,display,a.com,100,5000,80,0
"""
# followers is missing: social is broken, and only the social panel says so
SOCIAL_BROKEN = """\
date,network,engagements
2026-11-17,LinkedIn,4
"""


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "traffic.csv").write_text(TRAFFIC, encoding="utf-8")
    (folder / "paid.csv").write_text(PAID, encoding="utf-8")
    (folder / "social.csv").write_text(SOCIAL_BROKEN, encoding="utf-8")
    return folder


def _json(pack: Path, capsys: pytest.CaptureFixture[str], *more: str) -> dict:
    code = cli.main(["metrics", "--data", str(pack), "--as-of", "2026-11-23", "--json", *more])
    out = capsys.readouterr().out
    assert code == 0
    return json.loads(out)


def test_json_shape(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = _json(pack, capsys)
    assert doc["period"] == {"start": "2026-11-16", "end": "2026-11-22"}
    # no agenda: 8 weekly periods before the period
    assert doc["baseline"] == {"start": "2026-09-21", "end": "2026-11-15"}
    assert list(doc["panels"]) == list(PANEL_NAMES)
    for panel in doc["panels"].values():
        assert {"figures", "baseline_figures", "tables", "series", "findings", "notes",
                "error"} <= set(panel)


def test_json_figures_and_findings(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = _json(pack, capsys, "--panel", "traffic")
    traffic = doc["panels"]["traffic"]
    assert list(doc["panels"]) == ["traffic"]
    assert traffic["error"] is None
    # period: 300 + 50 sessions, 3 + 1 goals. The traffic starts on 11-03, W45's Tuesday:
    # of the 8 baseline weeks (W39..W46) only W45 and W46 have data, so the baseline's 600
    # sessions average over 2 weeks = 300
    assert traffic["figures"]["sessions"] == 350
    assert traffic["figures"]["goal_conversion"] == pytest.approx(4 / 350)
    assert traffic["baseline_coverage"] == {"traffic": {"periods": 8, "with_data": 2}}
    assert traffic["baseline_figures"]["sessions"] == pytest.approx(300)
    assert traffic["baseline_figures"]["goal_conversion"] == pytest.approx(30 / 600)
    assert traffic["figures"]["expected_leads_to_sales"] is None  # no leads: null
    rows = traffic["tables"]["by_source"]
    assert rows[0]["source_medium"] == "google / cpc"
    # google / cpc converted 1% against 5%, with 300 >= 200 sessions
    keys = [f["key"] for f in traffic["findings"]]
    assert keys == ["low_conversion:google / cpc"]


def test_a_broken_source_breaks_only_its_panels(pack: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    panels = _json(pack, capsys)["panels"]
    assert "social" in panels["social"]["error"]
    assert "followers" in panels["social"]["error"]
    for name in ("traffic", "paid", "referrers", "funnel"):
        assert panels[name]["error"] is None, name
    paid_keys = [f["key"] for f in panels["paid"]["findings"]]
    assert "click_farm_no_names:Display / a.com" in paid_keys
    assert panels["calendar"]["error"] is not None  # no calendar.csv


def test_text_report(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["metrics", "--data", str(pack), "--as-of", "2026-11-23"])
    out = capsys.readouterr().out
    assert code == 0
    assert "period 2026-W47 (2026-11-16 to 2026-11-22)" in out
    assert "== Traffic and goal conversion (traffic)" in out
    assert "google / cpc converted 1.0% of sessions last week against 5.0%" in out
    assert "error: social" in out
    # 6 of the 8 baseline weeks come before the traffic's first day (11-03): said under the
    # baseline dates, and left out of the averages
    assert "   baseline: 2 of 8 weeks have data" in out
    # the figure by its label: 4 / 350 = 1.1% against 30 / 600 = 5.0%, in points:
    # 1.14% - 5.0% = -3.9 pts; sessions 350 against 600 / 2 = 300: +50 / 300 = +17%
    rows = {line.strip().split("  ")[0]: line.split() for line in out.splitlines()
            if line.startswith("   Goal conversion ") or line.startswith("   Sessions ")}
    # and whether that is good news: a conversion that fell is worse, sessions that rose better
    assert rows["Goal conversion"][-5:] == ["1.1%", "5.0%", "-3.9", "pts", "worse"]
    assert rows["Sessions"][-4:] == ["350", "300", "+17%", "better"]
    assert "source_medium" in out  # table headers keep the JSON keys


def test_with_a_builtin_agenda(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = _json(pack, capsys, "--agenda", "weekly-tuneup", "--panel", "paid")
    assert doc["period"] == {"start": "2026-11-16", "end": "2026-11-22"}
    assert doc["panels"]["paid"]["error"] is None


@pytest.mark.parametrize(("args", "expected"), [
    (["--panel", "nope"], "unknown panel; known: scorecard, funnel, traffic"),
    (["--as-of", "2026-13-01"], "expected a date as YYYY-MM-DD"),
    (["--agenda", "no-such-agenda"], "no-such-agenda"),
    (["--recorded", "expected_leads_to_sales=lots"], "expected NAME=NUMBER"),
    (["--recorded", "=12"], "expected NAME=NUMBER"),
])
def test_bad_arguments_exit_2(pack: Path, capsys: pytest.CaptureFixture[str],
                              args: list[str], expected: str) -> None:
    code = cli.main(["metrics", "--data", str(pack), *args])
    err = capsys.readouterr().err
    assert code == 2
    assert expected in err
    assert len(err.strip().splitlines()) == 1


def test_missing_data_folder_exits_2(tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["metrics", "--data", str(tmp_path / "nothing")])
    assert code == 2
    assert "no such data folder" in capsys.readouterr().err


@pytest.fixture(scope="module")
def sample_panels(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """`tuneup metrics --json` on the generated sample pack for 2026-11-23."""
    from tuneup_tui.data.sample.generate import generate_sample

    folder = generate_sample(tmp_path_factory.mktemp("sample"), date(2026, 11, 23))
    out = io.StringIO()
    with redirect_stdout(out):
        code = cli.main(["metrics", "--data", str(folder), "--as-of", "2026-11-23", "--json"])
    assert code == 0
    panels: dict = json.loads(out.getvalue())["panels"]
    return panels


def _keys(panels: dict, name: str) -> list[str]:
    assert panels[name]["error"] is None, panels[name]["error"]
    return [f["key"] for f in panels[name]["findings"]]


def test_sample_shows_the_planted_marketing_soft_spots(sample_panels: dict) -> None:
    from tuneup_tui.data.sample.paid import CLICK_FARM, HIGH_CTR_SITE
    from tuneup_tui.data.sample.web import BROKEN_PAGE

    # a: bing / cpc converts a third of its usual rate
    assert "low_conversion:bing / cpc" in _keys(sample_panels, "traffic")
    # b: a display site with clicks and no names, another with a CTR far above its peers
    paid = _keys(sample_panels, "paid")
    assert any(k.startswith("click_farm_no_names:") and k.endswith(CLICK_FARM) for k in paid)
    assert any(k.startswith("click_farm_ctr:") and k.endswith(HIGH_CTR_SITE) for k in paid)
    # c: a page never missing before answers 404
    assert f"new_404:{BROKEN_PAGE}" in _keys(sample_panels, "site_health")
    # i: LinkedIn gains followers while the sessions it refers fall
    assert "followers_not_traffic:linkedin" in _keys(sample_panels, "social")
    assert "referrer_drop:lnkd.in" in _keys(sample_panels, "referrers")


def test_sample_marketing_panels_all_compute(sample_panels: dict) -> None:
    for name in ("funnel", "traffic", "social", "paid", "referrers", "site_health",
                 "calendar"):
        assert sample_panels[name]["error"] is None, name
        assert sample_panels[name]["figures"], name
    # a full week of traffic with a baseline behind it
    traffic = sample_panels["traffic"]
    assert traffic["figures"]["sessions"] > 0
    assert traffic["baseline_figures"]["sessions"] > 0
    assert traffic["figures"]["expected_leads_to_sales"] is not None


def test_agenda_options_reach_the_panel(pack: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from tuneup_tui.agenda.builtins import resolve_agenda

    text = resolve_agenda("weekly-tuneup").read_text(encoding="utf-8")
    agenda = tmp_path / "my-weekly.toml"
    # google / cpc had 300 sessions: at min_sessions 301 it is too small to judge
    agenda.write_text(text.replace("baseline_periods = 8", "baseline_periods = 2")
                      + "\n[panels.traffic]\nmin_sessions = 301\n", encoding="utf-8")
    doc = _json(pack, capsys, "--agenda", str(agenda), "--panel", "traffic")
    assert doc["baseline"] == {"start": "2026-11-02", "end": "2026-11-15"}
    traffic = doc["panels"]["traffic"]
    assert traffic["baseline_figures"]["sessions"] == pytest.approx(300)  # (400 + 200) / 2
    assert traffic["findings"] == []


def test_panel_settings_defaults_and_agenda() -> None:
    from tuneup_tui.agenda.builtins import resolve_agenda
    from tuneup_tui.agenda.load import load_agenda
    from tuneup_tui.metrics.settings import panel_settings

    day = date(2026, 11, 23)
    plain = panel_settings(None, "traffic", day)
    assert (plain.as_of, plain.baseline_periods, plain.period_kind) == (day, 8, "week")
    assert plain.option("min_sessions", 200) == 200
    monthly = load_agenda(resolve_agenda("monthly-tuneup"))
    settings = panel_settings(monthly, "lead_scoring", day)
    assert settings.period_kind == monthly.period
    assert settings.baseline_periods == monthly.baseline_periods
    assert dict(settings.options) == dict(monthly.panels.get("lead_scoring", {}))


MARKETING = ("funnel", "traffic", "social", "paid", "referrers", "site_health", "calendar")


def _no_constants(name: str) -> float:
    raise AssertionError(f"the JSON holds {name}, not strict JSON")


def test_json_is_strict_and_exactly_the_contract(pack: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    # a week of 0 sessions and 0 impressions: every rate over them is a zero denominator
    (pack / "traffic.csv").write_text(TRAFFIC + "2026-11-18,bing,cpc,0,0\n", encoding="utf-8")
    (pack / "paid.csv").write_text(PAID + "2026-11-18,Radio,radio,fm,50,0,0,0\n",
                                   encoding="utf-8")
    code = cli.main(["metrics", "--data", str(pack), "--as-of", "2026-11-23", "--json"])
    out = capsys.readouterr().out
    assert code == 0
    doc = json.loads(out, parse_constant=_no_constants)
    assert set(doc) == {"period", "baseline", "panels"}
    assert set(doc["period"]) == {"start", "end"} and set(doc["baseline"]) == {"start", "end"}
    for name, panel in doc["panels"].items():
        assert {"figures", "tables", "findings", "error"} <= set(panel), name
        for key, value in [*panel["figures"].items(), *panel["baseline_figures"].items()]:
            # plain numbers or null: never text, never a flag
            assert value is None or type(value) in (int, float), (name, key, value)
    paid = doc["panels"]["paid"]
    radio = next(r for r in paid["tables"]["programs"] if r["program"] == "Radio")
    assert radio["cpc"] is None and radio["ctr"] is None  # 50 / 0 clicks, 0 / 0 impressions


def _section(doc: str, name: str) -> str:
    """The part of docs/metrics.md about panel `name`: from its heading to the next `---`."""
    start = doc.index(f"(`{name}`)")
    return doc[start:doc.index("\n---", start)]


def _table_keys(section: str) -> set[str]:
    """The backticked names in the first column of the section's `| key | ...` tables."""
    keys: set[str] = set()
    in_keys = False
    for line in section.splitlines():
        if line.startswith("| key |"):
            in_keys = True
        elif not line.startswith("|"):
            in_keys = False
        elif in_keys and not line.startswith("|---"):
            keys.update(re.findall(r"`([a-z0-9_<>]+)`", line.split("|")[1]))
    return keys


def test_every_figure_key_is_documented_and_every_documented_key_exists(
        sample_panels: dict) -> None:
    doc = (Path(__file__).parents[2] / "docs" / "metrics.md").read_text(encoding="utf-8")
    for name in MARKETING:
        section = _section(doc, name)
        panel = sample_panels[name]
        emitted = {("seo_<metric>" if k.startswith("seo_") else k) for k in panel["figures"]}
        assert set(panel["baseline_figures"]) == set(panel["figures"]), name
        for key in emitted:
            assert f"`{key}`" in section, (name, key)
        for table, rows in panel["tables"].items():
            assert f"`{table}`" in section, (name, table)
            for column in rows[0] if rows else ():
                assert f"`{column}`" in section, (name, table, column)
        documented = _table_keys(section)
        assert documented, name
        assert documented <= emitted, (name, documented - emitted)
