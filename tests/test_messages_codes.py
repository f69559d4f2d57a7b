"""Messages as codes: the core, the YAML engine and the store say codes and values, and words/ says
them in French or English. English stays word for word what it was; French is a real translation."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
import string
from pathlib import Path

import pytest

from planaction import store
from planaction.core import ops
from planaction.core.model import ID_SECTIONS, Plan
from planaction.message import Message, SaidError, say
from planaction.store.atomic import SaveError
from planaction.words import messages
from planaction.words.catalog import LANGS
from planaction.words.problems import PlanError, render

SRC = Path(__file__).resolve().parents[1] / "src" / "planaction"
TODAY = dt.date(2025, 5, 12)

BAD_PLAN = """\
schema: 1
title: Relance
owner: Ana
actions:
  - id: A1
    title: Appeler
    owner: Ana
    due: 12/05/2025
    colour: red
  - id: A2
    title: Écrire
    owner: Ana
    due: 2025-06-01
    depends_on: [A9]
"""


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_code_has_a_french_and_an_english_text_with_the_same_values() -> None:
    codes = messages.say.keys()
    assert len(codes) > 150
    for code in codes:
        french, english = messages.say.pair(code)
        assert french.strip() and english.strip(), code
        assert _fields(french) == _fields(english), code
        assert french != english or len(english) < 25 or "{" in english, f"{code} is not translated"


def _codes_said_in(path: Path) -> set[str]:
    """Every literal code given to ``say(...)`` or ``Message(...)`` in a module."""
    codes = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("say", "Message") and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                codes.add(first.value)
    return codes


SPEAKERS = sorted(
    path
    for folder in ("core", "yamlfile", "store")
    for path in (SRC / folder).rglob("*.py")
    if "templates" not in path.parts
)


def test_every_code_said_in_the_lower_floors_is_in_the_catalogue() -> None:
    said = set().union(*(_codes_said_in(path) for path in SPEAKERS))
    assert len(said) > 100
    missing = sorted(code for code in said if code not in messages.say)
    assert missing == []


def test_codes_built_from_tables_are_in_the_catalogue() -> None:
    from planaction.store import atomic
    from planaction.yamlfile import errors

    nouns = {model.noun for model in ID_SECTIONS.values()} | {"plan", "log entry", "measurement"}
    built = [f"noun.{n.replace(' ', '_')}" for n in nouns] + [f"a.{n.replace(' ', '_')}" for n in nouns]
    built += [f"nouns.{section}" for section in ID_SECTIONS]
    built += [code for _needle, code in errors._PARSE_HINTS]
    built += [*errors._ODD_SPACES.values(), *errors._UNUSUAL_BREAKS.values(), *atomic._WHAT_TO_DO.values()]
    assert [code for code in built if code not in messages.say] == []


def test_a_message_reads_in_either_language_and_nested_messages_follow() -> None:
    message = say("check.unknown_link", noun=say("noun.value_line"), value="V9")
    assert str(message) == 'unknown value line "V9"'
    assert message.text("en") == str(message)
    assert message.text("fr") == "ligne de valeur « V9 » inconnu(e)"
    assert Message("check.no_due", {"id": "A3"}).text("fr") == "l'action A3 n'a pas d'échéance"


def test_a_real_invalid_plan_reads_in_french_and_in_english(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(BAD_PLAN, encoding="utf-8")
    result = store.read(path)
    assert result.document is None and result.errors
    english = render(result.problems, "text")
    french = render(result.problems, "text", "fr")
    assert english == render(result.problems, "text", "en")
    # English: the program's sentences as before the codes
    assert 'action A1: due "12/05/2025" is not a date' in english
    assert "hint: write dates as YYYY-MM-DD: 2025-05-12" in english
    assert 'action A1: unknown key "colour"' in english
    # French: the same problems, at the same places, in French
    assert "action A1 : due « 12/05/2025 » n'est pas une date" in french
    assert "hint: écrivez les dates AAAA-MM-JJ : 2025-05-12" in french
    assert "action A1 : clé inconnue « colour »" in french
    assert [line.split(": ")[0] for line in english.splitlines() if not line.startswith(" ")] == [
        line.split(": ")[0].split(" :")[0] for line in french.splitlines() if not line.startswith(" ")
    ]
    with pytest.raises(PlanError) as raised:
        store.load(path)
    assert str(raised.value) == english
    assert raised.value.text("fr") == french


def test_cross_check_problems_read_in_french(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(BAD_PLAN.replace("due: 12/05/2025\n    colour: red\n", "due: 2025-05-30\n"), encoding="utf-8")
    problems = store.read(path).problems
    assert [p.code for p in problems] == ["check.unknown_link"]
    assert problems[0].message == 'unknown action "A9"'
    assert problems[0].as_text("fr").endswith(
        ": error: action « A9 » inconnu(e)\n  hint: déclarez-le d'abord sous `actions:`"
    ) or ("action « A9 » inconnu(e)" in problems[0].as_text("fr"))


def test_json_problems_keep_their_fields_and_gain_a_stable_code(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(BAD_PLAN, encoding="utf-8")
    rows = json.loads(render(store.read(path).problems, "json"))
    assert [list(row) for row in rows] == [["file", "line", "col", "level", "message", "hint", "code"]] * len(rows)
    assert {row["code"] for row in rows} == {"schema.not_a_date", "schema.unknown_key"}
    french = json.loads(render(store.read(path).problems, "json", "fr"))
    assert [row["code"] for row in french] == [row["code"] for row in rows]
    assert all(row["message"] != french_row["message"] for row, french_row in zip(rows, french, strict=True))


def test_yaml_and_file_problems_have_codes_and_french(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("schema: 1\ntitle: 'open\nowner: Ana\n", encoding="utf-8")
    (problem,) = store.read(path).problems
    assert problem.code.startswith("yaml.")
    assert problem.message_in("fr") != problem.message
    missing = store.read(tmp_path / "nothing.yaml").problems[0]
    assert (missing.code, missing.message, missing.message_in("fr")) == (
        "read.no_such_file",
        "no such file",
        "fichier introuvable",
    )


def test_an_operation_refused_says_why_in_either_language() -> None:
    plan = Plan.model_validate(
        {"schema": 1, "title": "T", "owner": "Ana", "actions": [{"id": "A1", "title": "x", "owner": "Ana"}]}
    )
    with pytest.raises(ops.OpError) as raised:
        ops.update_action(plan, "A2", {"status": "done"}, TODAY)
    error = raised.value
    assert str(error) == 'no action "A2" in this plan (did you mean "A1"?)'
    assert (error.message, error.hint) == ('no action "A2" in this plan', 'did you mean "A1"?')
    assert error.text("fr") == "action « A2 » introuvable dans ce plan (vouliez-vous dire « A1 » ?)"
    with pytest.raises(ops.OpError) as raised:
        ops.update_action(plan, "A1", {"progress": 140}, TODAY)
    assert raised.value.hint == "progress goes from 0 to 100"
    assert raised.value.hint_in("fr") == "progress va de 0 à 100"
    # a caller that chose its own words keeps them, in every language
    assert ops.OpError("déjà dit", "rien").text("fr") == "déjà dit (rien)"


def test_a_refused_save_says_why_in_either_language(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("schema: 1\ntitle: T\nowner: Ana\n", encoding="utf-8")
    document = store.load(path)
    path.chmod(0o444)
    try:
        with pytest.raises(SaveError) as raised:
            document.save(ops.replace(document.plan, {"title": "U"}))
    finally:
        path.chmod(0o644)
    assert isinstance(raised.value, SaidError)
    assert str(raised.value) == f"{path}: the file is read-only; make it writable (chmod u+w) or save elsewhere"
    assert raised.value.text("fr").startswith(f"{path} : le fichier est en lecture seule")
    assert path.read_text(encoding="utf-8") == "schema: 1\ntitle: T\nowner: Ana\n"


#: Exceptions that are not for people: programming errors, and the catalogue's own checks.
_INTERNAL = {"ValueError", "TypeError", "KeyError", "AssertionError", "RuntimeError", "_Unproved", "_Unusual"}


def _sentences_raised(path: Path) -> list[str]:
    """Raises and problems built from a sentence written inline (a literal or an f-string with words)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None) or ""
        if not (name.endswith(("Error", "Problem", "Exact", "Large", "File")) and name not in _INTERNAL):
            continue
        for arg in node.args[:1]:
            text = arg.value if isinstance(arg, ast.Constant) else None
            if isinstance(arg, ast.JoinedStr):
                text = "".join(v.value for v in arg.values if isinstance(v, ast.Constant))
            if isinstance(text, str) and re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", text):
                found.append(f"{path.relative_to(SRC)}:{node.lineno}: {text}")
    return found


def test_no_sentence_is_written_inline_in_the_lower_floors() -> None:
    found = [line for path in SPEAKERS for line in _sentences_raised(path)]
    assert found == []


def test_no_french_or_english_is_chosen_inline_in_the_lower_floors() -> None:
    for path in SPEAKERS:
        if path.name == "codes.py":  # the file format's vocabulary: each enum code with its two labels
            continue
        text = path.read_text(encoding="utf-8")
        assert 'lang == "fr"' not in text and "def t(" not in text and "_t(lang" not in text, path
    assert set(LANGS) == {"fr", "en"}
