"""The benchmarks keep working when modules move: every name they import from planaction exists.

``bench/`` is run by hand, not by the suite, so a module that moves (as ``tui/plan_screen.py`` did
into ``tui/screens/``) would break a benchmark silently, code strings run in child processes included.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
IMPORTS = re.compile(r"^\s*from (planaction[\w.]*) import ([\w, ]+?)(?: as \w+)?$|^\s*import (planaction[\w.]*)", re.M)


def imported_names() -> list[tuple[str, str, str | None]]:
    found = []
    for script in sorted(BENCH.glob("*.py")):
        for match in IMPORTS.finditer(script.read_text(encoding="utf-8")):
            module, names, plain = match.groups()
            if plain:
                found.append((script.name, plain, None))
            else:
                found.extend((script.name, module, name.strip()) for name in names.split(",") if name.strip())
    return found


def test_the_scan_sees_the_benchmarks_imports() -> None:
    assert ("bench_app.py", "planaction.tui.app", "PlanactionApp") in imported_names()


@pytest.mark.parametrize(("script", "module", "name"), imported_names())
def test_every_planaction_name_a_benchmark_imports_exists(script: str, module: str, name: str | None) -> None:
    imported = importlib.import_module(module)
    if name is not None:
        assert hasattr(imported, name) or importlib.util.find_spec(f"{module}.{name}"), f"{script}: {module}.{name}"
