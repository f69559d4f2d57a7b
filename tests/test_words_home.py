"""Every sentence a person reads is chosen in ``words/``: no area picks French or English itself.

A sentence written inline drifts from its twin ("Plan status" in the app, "Plan RAG" in the
report) and is missed by a translation. This reads every module outside ``words/`` and fails on
the three ways code chooses a language by itself: comparing a language with ``"fr"``, a helper
taking ``fr`` and ``en`` texts, and a string literal in French. Docstrings and comments are for
developers and are not read.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "planaction"
FRENCH_LETTERS = set("éèêëàâùûçôîïœÉÈÀÇ«»")

#: The file format's own vocabulary: enum codes with the French and English words that read as them.
VOCABULARY = {"core/codes.py"}
#: The schema's descriptions (English, for editors and ``planaction schema``) quote French examples.
SCHEMA_DOCS = {"core/model.py"}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _modules() -> list[str]:
    return sorted(
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if not path.relative_to(SRC).as_posix().startswith("words/")
    )


def choices_of_language(relative: str, source: Path | None = None) -> list[str]:
    tree = ast.parse((source or SRC / relative).read_text(encoding="utf-8"))
    docstrings = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and relative not in VOCABULARY:
            operands = [node.left, *node.comparators]
            if any(isinstance(o, ast.Constant) and o.value in ("fr", "en") for o in operands):
                found.append(f"{relative}:{node.lineno}: compares a language with a literal")
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and relative not in VOCABULARY:
            names = {a.arg for a in [*node.args.args, *node.args.kwonlyargs]}
            if {"fr", "en"} <= names:
                found.append(f"{relative}:{node.lineno}: {node.name}() takes a French and an English text")
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and relative not in VOCABULARY | SCHEMA_DOCS
            and FRENCH_LETTERS & set(node.value)
        ):
            found.append(f"{relative}:{node.lineno}: French text {node.value[:40]!r}")
    return found


@pytest.mark.parametrize("relative", _modules())
def test_no_area_chooses_its_own_words(relative: str) -> None:
    assert choices_of_language(relative) == []


def test_the_scan_finds_an_inline_choice(tmp_path) -> None:
    """The scan is not blind: each of the three ways is caught."""
    module = tmp_path / "probe.py"
    module.write_text(
        'def t(lang, fr, en):\n    return fr if lang == "fr" else en\n\nSAID = "échéance"\n', encoding="utf-8"
    )
    assert len(choices_of_language("cli/probe.py", module)) == 3
