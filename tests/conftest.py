"""Shared fixtures: every test runs with its own TUNEUP_HOME, never the user's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def tuneup_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private TUNEUP_HOME for each test."""
    home = tmp_path / "tuneup-home"
    home.mkdir()
    monkeypatch.setenv("TUNEUP_HOME", str(home))
    yield home


@pytest.fixture
def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent
