"""The core never imports textual or openpyxl, and reads YAML with the C parser."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import PLANS

CORE = [
    "model",
    "checks",
    "diagnose",
    "yamlnodes",
    "yamlemit",
    "diff",
    "patch",
    "store",
    "rules",
    "labels",
    "ops",
    "problems",
    "cli",
]


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_without_faces(module: str) -> None:
    code = (
        f"import sys, planaction.{module}\n"
        "heavy = [m for m in ('textual', 'openpyxl') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_validate_does_not_load_the_faces() -> None:
    code = (
        "import sys\n"
        "from planaction.cli import main\n"
        f"assert main(['validate', {str(PLANS)!r}]) == 0\n"
        "heavy = [m for m in ('textual', 'openpyxl') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_the_c_parser_is_in_use() -> None:
    import _ruamel_yaml

    from planaction import yamlnodes

    assert yamlnodes.CParser is _ruamel_yaml.CParser
    assert _ruamel_yaml.__file__.endswith((".so", ".pyd"))
