"""The command line speaks the person's language: ``--lang``, else PLANACTION_LANG or LANG, else English."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from planaction.cli import options
from tests.conftest import REPO, run_cli

FRENCH = {"LANG": "fr_FR.UTF-8", "PLANACTION_LANG": ""}
ENGLISH = {"LANG": "C", "PLANACTION_LANG": ""}


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        ([], {}, "en"),
        ([], {"LANG": "C.UTF-8"}, "en"),
        ([], {"LANG": "fr_FR.UTF-8"}, "fr"),
        ([], {"LANG": "fr_CA.UTF-8", "PLANACTION_LANG": "en"}, "en"),
        ([], {"PLANACTION_LANG": "fr"}, "fr"),
        (["report", "x", "--lang", "fr"], {"LANG": "C"}, "fr"),
        (["report", "x", "--lang=en"], {"LANG": "fr_FR.UTF-8"}, "en"),
    ],
)
def test_the_language_of_the_command_line(monkeypatch, argv, env, expected) -> None:
    for name in ("LANG", "PLANACTION_LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert options.ui_language(argv) == expected


def test_help_and_messages_in_french(tmp_path: Path) -> None:
    overview = run_cli("--help", env=FRENCH)
    assert "planaction [CHEMIN] ouvre l'app" in overview.stdout
    assert "vérifie des fichiers et dossiers de plans" in overview.stdout
    helped = run_cli("validate", "--help", env=FRENCH)
    assert "compte les avertissements comme des erreurs" in helped.stdout
    assert helped.stdout.startswith("usage : planaction validate")
    empty = run_cli("validate", tmp_path, env=FRENCH)
    assert empty.returncode == 1
    assert "aucun fichier de plan (*.yaml, *.yml)" in empty.stderr
    date = run_cli("report", tmp_path, "--today", "12/05/2025", env=FRENCH)
    assert date.returncode == 2 and "n'est pas une date ; écrivez AAAA-MM-JJ" in date.stderr
    missing = run_cli("report", tmp_path / "nowhere.yaml", "--lang", "fr", env=ENGLISH)
    assert "nowhere.yaml:1:1: error: fichier ou dossier introuvable" in missing.stderr  # the frame stays


def test_english_by_default(tmp_path: Path) -> None:
    empty = run_cli("validate", tmp_path, env=ENGLISH)
    assert "no plan files (*.yaml, *.yml)" in empty.stderr
    assert "check plan files and folders" in run_cli("--help", env=ENGLISH).stdout


def test_no_sentence_is_chosen_by_language_inside_cli() -> None:
    """Sentences come from words/cli.py: no ``_t(lang, fr, en)`` nor ``x if lang == "fr" else y`` in cli/."""
    inline = re.compile(r"""\b_?t\(\s*(lang|self\.lang)\b|==\s*["']fr["']|\bfr\s+if\b""")
    found = [
        f"{path.relative_to(REPO)}:{number}"
        for path in (REPO / "src" / "planaction" / "cli").rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if inline.search(line)
    ]
    assert found == []


def test_every_cli_module_is_short() -> None:
    long = {
        str(path.relative_to(REPO)): count
        for path in (REPO / "src" / "planaction" / "cli").rglob("*.py")
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > 450
    }
    assert long == {}


def test_usage_errors_in_the_command_lines_language() -> None:
    french = run_cli("validate", env=FRENCH)
    assert french.returncode == 2
    assert "planaction validate: erreur: arguments obligatoires manquants : PATH" in french.stderr
    assert french.stderr.startswith("usage : planaction validate")
    choice = run_cli("report", ".", "--format", "xml", env=FRENCH)
    assert "argument --format : choix invalide : 'xml' (choisir parmi 'text', 'markdown', 'json')" in choice.stderr
    english = run_cli("validate", env=ENGLISH)
    assert "planaction validate: error: the following arguments are required: PATH" in english.stderr
    sides = run_cli("import", "a.yaml", "b.xlsx", "--theirs", "--ours", env=ENGLISH)
    assert "argument --ours: not allowed with argument --theirs" in sides.stderr


def test_validate_says_a_plans_problems_in_the_chosen_language(tmp_path: Path) -> None:
    plan = tmp_path / "bad.yaml"
    plan.write_text("schema: 1\ntitle: T\nowner: O\nactions:\n  - {id: A1, title: x, owner: y, progress: 150}\n")
    english = run_cli("validate", plan, env=ENGLISH)
    french = run_cli("validate", plan, "--lang", "fr", env=ENGLISH)
    by_locale = run_cli("validate", plan, env=FRENCH)
    assert english.returncode == french.returncode == by_locale.returncode == 1
    assert f"{plan}:5:44: error: action A1: progress 150 is out of range" in english.stdout
    assert f"{plan}:5:44: error: action A1 : progress 150 est hors limites" in french.stdout  # the frame stays
    assert french.stdout == by_locale.stdout
    coded = json.loads(run_cli("validate", plan, "--format", "json", "--lang", "fr").stdout)
    assert [(p["code"], p["message"]) for p in coded["problems"]] == [
        ("schema.out_of_range", "action A1 : progress 150 est hors limites")
    ]
