"""The numbers a VP reads, checked on the sample pack: for each of the last 8 Mondays and for
the monthly agenda, every figure is in the catalogue, a label carries one value, no rate
passes 100%."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tuneup_tui.commands.metrics import metrics_output
from tuneup_tui.metrics.names import PANEL_NAMES

AS_OF = date(2026, 12, 7)
MONDAYS = tuple(AS_OF - timedelta(weeks=n) for n in range(8))


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """`tuneup metrics --json` on the sample pack: one run per as-of Monday, and the month."""
    from tuneup_tui.agenda.load import load_agenda
    from tuneup_tui.data.sample import generate_sample

    folder = generate_sample(tmp_path_factory.mktemp("sample"), AS_OF)
    out = {day.isoformat(): json.loads(metrics_output(folder, None, day, PANEL_NAMES,
                                                      as_json=True))
           for day in MONDAYS}
    monthly = load_agenda(Path(__file__).resolve().parents[2] / "agendas" / "monthly-tuneup.toml")
    out["monthly"] = json.loads(metrics_output(folder, monthly, AS_OF, PANEL_NAMES,
                                               as_json=True))
    return out


def test_every_figure_has_its_catalogue_entry(runs: dict[str, dict]) -> None:
    for run, doc in runs.items():
        for name, panel in doc["panels"].items():
            assert panel["error"] is None, (run, name, panel["error"])
            assert set(panel["figure_info"]) == set(panel["figures"]), (run, name)
            unlisted = [k for k, info in panel["figure_info"].items() if info["unit"] is None]
            assert unlisted == [], (run, name)


def test_no_label_carries_two_values_in_one_run(runs: dict[str, dict]) -> None:
    for run, doc in runs.items():
        seen: dict[str, tuple[str, object]] = {}
        for name, panel in doc["panels"].items():
            for key, value in panel["figures"].items():
                label = panel["figure_info"][key]["label"]
                where, before = seen.setdefault(label, (f"{name}.{key}", value))
                assert before == value, (run, label, where, f"{name}.{key}")


def test_no_rate_passes_100_percent(runs: dict[str, dict]) -> None:
    for run, doc in runs.items():
        for name, panel in doc["panels"].items():
            for key, info in panel["figure_info"].items():
                if info["unit"] != "rate":
                    continue
                for figures in (panel["figures"], panel["baseline_figures"]):
                    value = figures.get(key)
                    assert value is None or 0 <= value <= 1, (run, name, key, value)
