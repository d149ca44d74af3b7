"""Shared fixtures: every test runs with its own TUNEUP_HOME, never the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# A PostgreSQL server for the tests that run on both engines (tests/shared_store.py).
from tests.shared_store import shared_server, shared_url, store_target  # noqa: F401

# The local time zone set for one test (tests/zones.py).
from tests.zones import time_zone  # noqa: F401

# CI runs the same examples every time (a red build is then the change's, not the dice's);
# a developer's run keeps exploring new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


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
