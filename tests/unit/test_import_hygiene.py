"""Only the ui layer imports textual: every core module imported alone leaves it out."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import tuneup_tui

CORE_PACKAGES = ("agenda", "data", "metrics", "store", "report")


def _core_modules() -> list[str]:
    names = ["tuneup_tui", "tuneup_tui.cli", "tuneup_tui.paths", "tuneup_tui.fsutil"]
    for info in pkgutil.walk_packages(tuneup_tui.__path__, "tuneup_tui."):
        parts = info.name.split(".")
        if len(parts) > 1 and parts[1] in (*CORE_PACKAGES, "commands"):
            names.append(info.name)
    return sorted(set(names))


def test_core_modules_are_found() -> None:
    modules = _core_modules()
    for package in CORE_PACKAGES:
        assert f"tuneup_tui.{package}" in modules


@pytest.mark.parametrize("module", _core_modules())
def test_core_module_does_not_import_textual(module: str) -> None:
    code = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} imports {result.stdout.strip()}"
