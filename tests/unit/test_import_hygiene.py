"""Only the ui layer imports textual: the core modules, imported in fresh interpreters, leave
it out of sys.modules.

Each layer's modules are imported together in one fresh interpreter: if none of them pulls in
textual, none of them does alone (an import can only add to sys.modules). A failure names the
modules that did.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import tuneup_tui

CORE_PACKAGES = ("agenda", "data", "metrics", "store", "report", "run", "commands", "web")
TOP_LEVEL = ("tuneup_tui", "tuneup_tui.cli", "tuneup_tui.paths", "tuneup_tui.fsutil")

CHECK = """
import importlib, json, sys
found = {}
for name in json.loads(sys.argv[1]):
    before = set(sys.modules)
    importlib.import_module(name)
    new = sorted(m for m in set(sys.modules) - before if m.split('.')[0] == 'textual')
    if new:
        found[name] = new[:3]
print(json.dumps(found))
"""


def _modules_of(package: str) -> list[str]:
    names = []
    for info in pkgutil.walk_packages(tuneup_tui.__path__, "tuneup_tui."):
        parts = info.name.split(".")
        if len(parts) > 1 and parts[1] == package:
            names.append(info.name)
    return sorted(names)


def test_every_core_layer_has_modules() -> None:
    for package in CORE_PACKAGES:
        assert f"tuneup_tui.{package}" in _modules_of(package)


@pytest.mark.parametrize("layer", [*CORE_PACKAGES, "top-level"])
def test_layer_does_not_import_textual(layer: str) -> None:
    modules = list(TOP_LEVEL) if layer == "top-level" else _modules_of(layer)
    result = subprocess.run([sys.executable, "-c", CHECK, json.dumps(modules)],
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    offenders = json.loads(result.stdout)
    assert offenders == {}, f"these modules import textual: {offenders}"


def test_the_check_catches_a_textual_import() -> None:
    result = subprocess.run([sys.executable, "-c", CHECK, json.dumps(["tuneup_tui.ui.app"])],
                            capture_output=True, text=True, check=False, timeout=120)
    assert "tuneup_tui.ui.app" in json.loads(result.stdout)


OPTIONAL_DRIVER = """
import importlib, sys
for name in ("tuneup_tui.store", "tuneup_tui.store.db", "tuneup_tui.store.pg",
             "tuneup_tui.run.live", "tuneup_tui.ui.app", "tuneup_tui.commands.run",
             "tuneup_tui.commands.log"):
    importlib.import_module(name)
print(sorted(m for m in sys.modules if m.split('.')[0] == 'psycopg'))
"""


def test_the_embedded_store_and_the_console_never_import_the_postgresql_driver() -> None:
    """PostgreSQL's driver is an optional extra: only a shared store address loads it, so a
    plain install (the README's run command) starts the console without it."""
    result = subprocess.run([sys.executable, "-c", OPTIONAL_DRIVER], capture_output=True,
                            text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
