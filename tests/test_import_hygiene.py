"""The core never imports textual or openpyxl, and reads YAML with the C parser."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PLANS

CORE = [
    "core.model",
    "core.checks",
    "core.diagnose",
    "yamlfile.nodes",
    "yamlfile.emit",
    "yamlfile.diff",
    "yamlfile.patch",
    "store",
    "core.rules",
    "words.labels",
    "core.ops",
    "words.problems",
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

    from planaction.yamlfile import nodes as yamlnodes

    assert yamlnodes.CParser is _ruamel_yaml.CParser
    assert _ruamel_yaml.__file__.endswith((".so", ".pyd"))


def test_a_wrong_arrow_breaks_the_floors(tmp_path) -> None:
    """The floors are checked, not only drawn: the core importing the app fails `lint-imports`."""
    import shutil

    from tests.conftest import REPO

    shutil.copytree(REPO / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    model = tmp_path / "src" / "planaction" / "core" / "rules.py"
    model.write_text(model.read_text(encoding="utf-8") + "\nfrom planaction.present import views  # noqa\n")
    command = [str(Path(sys.executable).with_name("lint-imports"))]  # the one installed beside this Python
    env = {"PYTHONPATH": str(tmp_path / "src"), "PATH": "/usr/bin:/bin"}
    broken = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert broken.returncode != 0, broken.stdout
    assert "planaction.core.rules -> planaction.present.views" in broken.stdout
    model.write_text(model.read_text(encoding="utf-8").replace("\nfrom planaction.present import views  # noqa\n", ""))
    kept = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert kept.returncode == 0, kept.stdout


def test_a_command_skips_pydantic_plugin_discovery_and_still_validates(tmp_path) -> None:
    """Looking for pydantic plugins costs ~20 ms of every start (importlib.metadata); planaction has none."""
    code = (
        "import sys\n"
        "from planaction.cli import main\n"
        "status = main(['validate', sys.argv[1]])\n"
        "print('metadata' if 'importlib.metadata' in sys.modules else 'no metadata', status)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(PLANS / "support-it.yaml")], capture_output=True, text=True)
    assert done.stdout.splitlines()[-1] == "no metadata 0", done.stdout + done.stderr
    invalid = tmp_path / "bad.yaml"
    invalid.write_text("schema: 1\ntitle: T\nowner: O\nactions:\n  - {id: A1, title: x, owner: y, progress: 150}\n")
    bad = subprocess.run([sys.executable, "-c", code, str(invalid)], capture_output=True, text=True)
    assert bad.returncode == 0 and bad.stdout.splitlines()[-1].endswith(" 1"), bad.stdout + bad.stderr


def test_the_stand_in_matches_what_pydantic_asks_of_its_plugin_loader() -> None:
    """If a new pydantic asked the loader for more than ``get_plugins``, the stand-in would break it."""
    import pydantic.plugin._schema_validator as asking

    source = Path(asking.__file__).read_text(encoding="utf-8")
    asked = {line.strip() for line in source.splitlines() if "_loader" in line and "import" in line}
    assert asked == {"from ._loader import get_plugins"}
