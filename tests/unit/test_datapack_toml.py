"""datapack.toml: loading, validation in one line with the key path, globs kept in the pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.preset_fixtures import pack_dir, rows
from tuneup_tui.data.datapack_toml import DatapackError, load_datapack
from tuneup_tui.data.discover import discover
from tuneup_tui.data.pack import DataPack


def _load(tmp_path: Path, text: str) -> object:
    (tmp_path / "datapack.toml").write_text(text, encoding="utf-8")
    return load_datapack(tmp_path)


def _fails(tmp_path: Path, text: str) -> str:
    with pytest.raises(DatapackError) as info:
        _load(tmp_path, text)
    message = str(info.value)
    assert "\n" not in message and message.startswith(str(tmp_path / "datapack.toml"))
    return message.split(": ", 1)[1]


def test_no_file_is_none(tmp_path: Path) -> None:
    assert load_datapack(tmp_path) is None


def test_a_full_entry(tmp_path: Path) -> None:
    config = _load(tmp_path, '''
period = "2026-11"
[sources.traffic]
files = ["ga4-traffic-*.csv"]
preset = "ga4"
[sources.traffic.columns]
goal_completions = "Key events"
[sources.activities]
files = "report*.csv"
date_order = "day-first"
period = "2026-W47"
''')
    assert config is not None
    traffic = config.sources["traffic"]  # type: ignore[attr-defined]
    assert traffic.files == ("ga4-traffic-*.csv",) and traffic.preset == "ga4"
    assert traffic.columns == {"goal_completions": "Key events"}
    # The pack's period (November 2026) is kept apart: it applies to files with none.
    assert traffic.period is None
    period = config.period  # type: ignore[attr-defined]
    assert (str(period.start), str(period.end), period.kind) == ("2026-11-01", "2026-11-30",
                                                                "month")
    activities = config.sources["activities"]  # type: ignore[attr-defined]
    assert activities.date_order == "day-first"
    assert str(activities.period.start) == "2026-11-16"


@pytest.mark.parametrize(("text", "expected"), [
    ("[sources.trafic]\nfiles = ['a.csv']\n", "sources.trafic: unknown source; closest: 'traffic'"),
    ("[sources.traffic]\nfile = ['a.csv']\n",
     "sources.traffic.file: unknown key; closest: 'files'"),
    ("[sources.traffic]\nfiles = ['a.csv']\npreset = 'ga5'\n",
     "sources.traffic.preset: unknown preset 'ga5'; closest: 'ga4'"),
    ("[sources.traffic]\nfiles = ['a.csv']\npreset = 'hubspot-contacts'\n",
     "sources.traffic.preset: preset 'hubspot-contacts' feeds leads, not traffic"),
    ("[sources.traffic]\nfiles = ['a.csv']\ncolumns = { goal_completion = 'Key events' }\n",
     "sources.traffic.columns.goal_completion: traffic has no column 'goal_completion'; "
     "closest: 'goal_completions'"),
    ("[sources.traffic]\nfiles = ['a.csv']\nperiod = 'last week'\n",
     "sources.traffic.period: expected a period like \"2026-W47\" or \"2026-11\", found "
     "'last week'"),
    ("[sources.traffic]\nfiles = ['a.csv']\ndate_order = 'dmy'\n",
     "sources.traffic.date_order: expected \"day-first\" or \"month-first\", found 'dmy'"),
    ("[sources.traffic]\nfiles = []\n",
     "sources.traffic.files: expected a list of file names or globs, like [\"ga4-*.csv\"]"),
    ("[sources.traffic]\nfiles = ['/etc/passwd']\n",
     "sources.traffic.files[0]: '/etc/passwd' is outside the pack: give a path inside it"),
    ("[sources.traffic]\nfiles = ['ok.csv', '../other/*.csv']\n",
     "sources.traffic.files[1]: '../other/*.csv' reaches outside the pack ('..'): give a "
     "path inside it"),
    ("perod = '2026-W47'\n", "perod: unknown key; closest: 'period'"),
])
def test_mistakes_are_one_line_with_the_key_path(tmp_path: Path, text: str,
                                                 expected: str) -> None:
    assert _fails(tmp_path, text) == expected


def test_invalid_toml(tmp_path: Path) -> None:
    assert _fails(tmp_path, "[sources.traffic\n").startswith("not valid TOML (")


def test_a_glob_through_a_symlink_outside_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "traffic.csv").write_text("date,source,medium,sessions,goal_completions\n")
    root = pack_dir(tmp_path)
    (root / "linked").symlink_to(outside)
    (root / "datapack.toml").write_text('[sources.traffic]\nfiles = ["linked/*.csv"]\n')
    found = discover(root)
    assert found.error is not None
    assert found.error.endswith("sources.traffic.files[0]: traffic.csv links outside the "
                                f"pack ({outside.resolve() / 'traffic.csv'})")
    # The source the toml names carries the error; nothing is read from outside.
    with pytest.raises(Exception, match="links outside the pack"):
        DataPack.open(root).frame("traffic")


def test_columns_override_the_presets_choice(tmp_path: Path) -> None:
    toml = ('[sources.traffic]\nfiles = ["ga4/*.csv"]\n'
            'columns = { goal_completions = "Engaged sessions", users = "Users" }\n')
    root = pack_dir(tmp_path, "ga4/ga4-traffic-source-medium.csv", toml=toml)
    pack = DataPack.open(root)
    # Engaged sessions (1001, 433, ...) counted as goals instead of Key events.
    assert rows(pack.frame("traffic"), "source", "goal_completions")[:2] == [
        ("google", 1001.0), ("(direct)", 433.0)]


def test_a_column_the_file_lacks_is_that_sources_error(tmp_path: Path) -> None:
    toml = '[sources.traffic]\nfiles = ["ga4/*.csv"]\ncolumns = { users = "Visitors" }\n'
    root = pack_dir(tmp_path, "ga4/ga4-traffic-source-medium.csv", toml=toml)
    with pytest.raises(Exception, match=r"datapack.toml maps users to 'Visitors', which "
                                        r"ga4-traffic-source-medium.csv lacks; found: "):
        DataPack.open(root).frame("traffic")


def test_a_canonical_file_under_another_name(tmp_path: Path) -> None:
    root = pack_dir(tmp_path)
    (root / "web-w47.csv").write_text("Date,Source,Medium,Sessions,Goal Completions\n"
                                      "2026-11-16,google,organic,10,1\n")
    (root / "datapack.toml").write_text('[sources.traffic]\nfiles = ["web-*.csv"]\n')
    assert rows(DataPack.open(root).frame("traffic"), "date", "sessions") == [
        ("2026-11-16", 10.0)]
