"""Traps of the house style, checked mechanically."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "backend" / "donghanh"
SERVICES = sorted(PACKAGE.glob("*/service.py"))


@pytest.mark.parametrize("path", SERVICES, ids=lambda p: p.parent.name)
def test_a_service_that_defines_list_never_calls_the_builtin(path: Path) -> None:
    """Services name their verb `list` (STYLE.md), which shadows the builtin in that module: a call to
    `list(...)` there would call the service instead (it happened twice)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    defines_list = any(isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.name == "list" for n in tree.body)
    calls = [n.lineno for n in ast.walk(tree)
             if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "list"]
    if defines_list:
        assert calls == [], f"{path.name} calls list(...) at lines {calls}; use [*...] instead"
