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

CORE_PACKAGES = ("agenda", "data", "metrics", "store", "report", "commands", "web")
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
