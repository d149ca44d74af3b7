"""Fixtures the snapshot tests share: the built-in day, a small sample pack, a fake clock
and a temporary run store, defined in tests/functional/console_fixtures.py; pytest hands
them to the tests that name them."""

from __future__ import annotations

from tests.functional.console_fixtures import (  # noqa: F401
    agenda,
    agenda_path,
    clock,
    sample_pack,
    store,
)
