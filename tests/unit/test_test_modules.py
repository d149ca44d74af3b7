"""Test modules stand alone: none imports another test module (what several share is a helper
module, and fixtures reach tests through conftest.py)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_no_test_module_imports_another() -> None:
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module is not None:
                names = [node.module.rsplit(".", 1)[-1]]
            elif isinstance(node, ast.Import):
                names = [a.name.rsplit(".", 1)[-1] for a in node.names]
            else:
                continue
            if any(n.startswith("test_") for n in names) and (
                    getattr(node, "level", 0) or "tests" in (getattr(node, "module", "") or "")
                    or any(a.name.startswith("tests.") for a in node.names)):
                found.append(f"{path.relative_to(TESTS)}:{node.lineno}")
    assert found == []
