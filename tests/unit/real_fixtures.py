"""Helpers for the tests on exports as the tools really write them (tests/fixtures/exports/real).

Each case is a folder laid out like the tool's own download; `panel` runs `tuneup metrics
--json` on it for one as-of date and agenda, `inspect` runs `tuneup data inspect`, both through
the command line as a user would.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tuneup_tui import cli

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "exports" / "real"
AGENDAS = Path(__file__).resolve().parents[2] / "agendas"


def case(tmp_path: Path, name: str) -> Path:
    """A copy of the case folder `name` (so nothing is written beside the fixtures)."""
    dest = tmp_path / name
    shutil.copytree(REAL / name, dest)
    return dest


def panel(root: Path, name: str, as_of: str, capsys: pytest.CaptureFixture[str], *,
          agenda: str = "weekly-tuneup.toml") -> dict[str, Any]:
    """One panel of `tuneup metrics --json` on the pack at `root`."""
    code = cli.main(["metrics", "--data", str(root), "--as-of", as_of, "--json",
                     "--agenda", str(AGENDAS / agenda), "--panel", name])
    out = capsys.readouterr().out
    assert code == 0
    result: dict[str, Any] = json.loads(out)["panels"][name]
    return result


def inspect(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """What `tuneup data inspect` prints for the pack at `root`."""
    assert cli.main(["data", "inspect", str(root)]) == 0
    return capsys.readouterr().out
