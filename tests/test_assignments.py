"""``planaction set`` / ``add`` read ``key=value`` numbers and dates as the plan's language writes them.

Every test runs the real command on a real file and reads the saved file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planaction.cli import assignments
from planaction.core import ops
from planaction.core.model import Action
from tests.conftest import run_cli

PLAN = """\
schema: 1
title: Plan
owner: Ana
language: {lang}
actions:
  - id: A1
    title: Former les agents
    owner: RH
    due: 2025-06-01
    status: in_progress
    progress: 40
"""


def plan(tmp_path: Path, lang: str = "fr") -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.format(lang=lang), encoding="utf-8")
    return path


def action_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return text[text.index("  - id: A1") :].splitlines()


@pytest.mark.parametrize(
    ("lang", "assignment", "line"),
    [
        ("fr", "budget=1 234,5", "    budget: 1234.5"),
        ("fr", "budget=1\u202f234,5", "    budget: 1234.5"),
        ("fr", "budget=1234.5", "    budget: 1234.5"),
        ("fr", "budget=1e6", "    budget: 1000000"),
        ("fr", "budget=12", "    budget: 12"),
        ("en", "budget=1,234.5", "    budget: 1234.5"),
        ("fr", "progress=55 %", "    progress: 55"),
        ("fr", "progress=55\u00a0%", "    progress: 55"),
        ("en", "progress=55%", "    progress: 55"),
        ("fr", "due=15/01/2027", "    due: 2027-01-15"),
        ("fr", "due=2027-01-15", "    due: 2027-01-15"),
        ("en", "due=15/01/2027", "    due: 2027-01-15"),
        ("en", "start=2025-05-02", "    start: 2025-05-02"),
        ("fr", "impact=4", "    impact: 4"),
    ],
)
def test_set_reads_numbers_and_dates_in_the_plans_language(
    tmp_path: Path, lang: str, assignment: str, line: str
) -> None:
    path = plan(tmp_path, lang)
    done = run_cli("set", path, "A1", assignment, "--today", "2025-05-12")
    assert done.returncode == 0, done.stderr
    assert line in action_lines(path)
    assert run_cli("validate", path).returncode == 0


@pytest.mark.parametrize(
    ("lang", "assignment", "message"),
    [
        ("fr", "budget=1.234", "budget : « 1.234 » peut se lire 1234 ou 1,234"),
        ("en", "due=05/06/2025", 'due: "05/06/2025" could be 2025-06-05 or 2025-05-06'),
        ("fr", "due=31/02/2027", "due : « 31/02/2027 » : cette date n'existe pas"),
        ("fr", "due=demain", "due : « demain » n'est pas une date"),
        ("fr", "progress=55,5 %", "progress : « 55,5 » n'est pas un nombre entier"),
        ("fr", "progress=101", "progress : « 101 » est hors limites"),
        ("fr", "budget=12 34", "budget : « 12 34 » : les espaces ne séparent que des groupes de trois chiffres"),
        ("en", "budget=1,5", 'budget: "1,5": a comma is not a decimal mark in English'),
        ("fr", "budget=1e999", "budget : « 1e999 » est trop grand"),
    ],
)
def test_set_refuses_what_cannot_be_read_one_way(tmp_path: Path, lang: str, assignment: str, message: str) -> None:
    path = plan(tmp_path, lang)
    before = path.read_bytes()
    done = run_cli("set", path, "A1", assignment)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == f"{path}:6:5: error: {message}"
    assert done.stderr.splitlines()[1].startswith("  hint: ")
    assert "Traceback" not in done.stderr
    assert path.read_bytes() == before


def test_add_reads_the_same_way(tmp_path: Path) -> None:
    path = plan(tmp_path)
    done = run_cli("add", path, "title=Publier", "owner=Léa", "due=30/06/2025", "budget=2 500", "progress=10 %")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "A2"
    text = path.read_text(encoding="utf-8")
    added = text[text.index("  - id: A2") :]
    assert "    due: 2025-06-30\n" in added and "    budget: 2500\n" in added and "    progress: 10\n" in added
    refused = run_cli("add", path, "title=X", "owner=Y", "due=05/06")
    assert refused.returncode == 1 and "« 05/06 » n'est pas une date" in refused.stderr


def test_other_fields_as_before() -> None:
    parsed = assignments.parse(
        Action,
        ["status=Terminé", "co_owners=Ana, Léo", "comment=", "skills=[a, 'b, c']", "title=x=y", "imperative=true"],
        "fr",
    )
    assert parsed == {
        "status": "Terminé",
        "co_owners": ("Ana", "Léo"),
        "comment": None,
        "skills": ("a", "b, c"),
        "title": "x=y",
        "imperative": "true",
    }
    with pytest.raises(ops.OpError, match="not key=value"):
        assignments.parse(Action, ["status"], "en")
    with pytest.raises(ops.OpError, match="nested values"):
        assignments.parse(Action, ["origins=audit"], "en")
    with pytest.raises(ops.OpError, match='unknown key "stauts" for an action') as info:
        assignments.parse(Action, ["stauts=done"], "en")
    assert info.value.hint == 'did you mean "status"?'


def test_ops_knows_no_yaml_reader() -> None:
    """ops changes plans; reading typed text is the command line's job (and the YAML reader's)."""
    import ast

    source = Path(ops.__file__).read_text(encoding="utf-8")
    imported = {node.module for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom) and node.module}
    assert "planaction.yamlfile.nodes" not in imported
