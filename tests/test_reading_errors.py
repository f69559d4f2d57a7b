"""Every bad input a user can cause gets path:line:col, a hint and exit code 1."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from planaction import store
from tests.conftest import run_cli

GOOD_HEAD = "schema: 1\ntitle: Plan\nowner: Ana\n"

# (file bytes, line, col, words in the message, words in the hint)
CASES = {
    "yaml syntax: unclosed list": (b"schema: 1\ntitle: [a, b\nowner: x\n", 3, 6, "YAML syntax", ""),
    "yaml syntax: tab indent": (b"schema: 1\ntitle: x\n\towner: y\n", 3, 1, "YAML syntax", "tabs"),
    "yaml syntax: colon in value": (
        b"schema: 1\ntitle: Phase 1: cadrage\nowner: y\n",
        2,
        15,
        "YAML syntax",
        "quote",
    ),
    "yaml syntax: unclosed quote": (  # where the quote opens, as the hint says, not where the file ends
        b'schema: 1\ntitle: "open\nowner: y\n',
        2,
        8,
        "YAML syntax",
        "opened here is never closed",
    ),
    "unclosed quote far above the end": (
        GOOD_HEAD.encode()
        + b"actions:\n"
        + b"  - id: A1\n    title: t\n    owner: o\n    comment: \"l'avis du client\n"
        + b"".join(f"  - id: A{i}\n    title: t\n    owner: o\n".encode() for i in range(2, 100))
        + b"  - id: A100\n    title: fin\n    owner: o\n",
        8,
        14,
        "YAML syntax",
        "opened here is never closed",
    ),
    "a quote closed by the next value's quote": (
        GOOD_HEAD.encode()
        + b"actions:\n"
        + b"  - id: A1\n    title: t\n    owner: o\n    comment: \"l'avis du client\n"
        + b"".join(f"  - id: A{i}\n    title: t\n    owner: o\n".encode() for i in range(2, 100))
        + b'  - id: A100\n    title: "fin"\n    owner: o\n',
        8,
        14,
        "closes only at line 304",
        "close the quote",
    ),
    "unknown escape in double quotes": (
        b'schema: 1\ntitle: "C:\\dossier\\plan"\nowner: y\n',
        2,
        11,
        "YAML syntax",
        "backslash",
    ),
    "no-break space as indentation": (
        GOOD_HEAD.encode() + b"actions:\n  - id: A1\n    title: t\n\xc2\xa0   owner: o\n    due: 2025-01-01\n",
        7,
        1,
        "no-break space (U+00A0)",
        "ordinary spaces",
    ),
    "no-break spaces after spaces in the indentation": (
        GOOD_HEAD.encode() + b"actions:\n  - id: A1\n  \xc2\xa0\xc2\xa0title: t\n    owner: o\n",
        6,
        3,
        "no-break space (U+00A0)",
        "ordinary spaces",
    ),
    "byte order mark starting a line": (
        b"schema: 1\ntitle: Plan\n\xef\xbb\xbfowner: Ana\nsponsor: x\n",
        3,
        1,
        "byte order mark (U+FEFF)",
        "remove it",
    ),
    "byte order mark in an indented line": (
        GOOD_HEAD.encode() + b"actions:\n  - id: A1\n    title: t\n    owner: o\n\xef\xbb\xbf    due: 2025-01-01\n",
        8,
        1,
        "byte order mark (U+FEFF)",
        "remove it",
    ),
    "unknown key": (
        GOOD_HEAD.encode() + b"ownr: x\n",
        4,
        1,
        'unknown key "ownr"',
        'did you mean "owner"',
    ),
    "unknown action key": (
        GOOD_HEAD.encode()
        + b"actions:\n  - id: A1\n    title: t\n    owner: o\n    due: 2025-01-01\n    priorty: high\n",
        9,
        5,
        'action A1: unknown key "priorty"',
        'did you mean "priority"',
    ),
    "enum": (
        GOOD_HEAD.encode()
        + b"actions:\n  - id: A1\n    title: t\n    owner: o\n    due: 2025-01-01\n    status: Finished\n",
        9,
        13,
        '"Finished" is not a valid status',
        "in_progress (En cours / In progress)",
    ),
    "boolean as a number": (  # pydantic reads true as 1: a plan must not
        GOOD_HEAD.encode() + b"actions:\n  - id: A1\n    title: t\n    owner: o\n    progress: true\n",
        8,
        15,
        'progress "true" is not a whole number',
        "digits",
    ),
    "boolean as an amount": (
        GOOD_HEAD.encode() + b"budget:\n  amount: false\n",
        5,
        11,
        '"false" is not a number',
        "",
    ),
    "french date": (
        GOOD_HEAD.encode() + b"actions:\n  - id: A1\n    title: t\n    owner: o\n    due: 15/05/2025\n",
        8,
        10,
        'due "15/05/2025" is not a date',
        "2025-05-15",
    ),
    "impossible date": (
        GOOD_HEAD.encode() + b"actions:\n  - id: A1\n    title: t\n    owner: o\n    due: 2025-02-30\n",
        8,
        10,
        "is not a date",
        "YYYY-MM-DD",
    ),
    "progress out of range": (
        GOOD_HEAD.encode()
        + b"actions:\n  - id: A1\n    title: t\n    owner: o\n    due: 2025-01-01\n    progress: 120\n",
        9,
        15,
        "progress 120 is out of range",
        "from 0 to 100",
    ),
    "decimal comma": (
        GOOD_HEAD.encode() + b"budget:\n  amount: 9000,50\n",
        5,
        11,
        'amount "9000,50" is not a number',
        "9000.50",
    ),
    "number where text": (
        b"schema: 1\ntitle: 2025\nowner: y\n",
        2,
        8,
        "title must be text",
        '"2025"',
    ),
    "missing owner": (
        b"schema: 1\ntitle: x\nactions:\n  - id: A1\n    title: t\n    due: 2025-01-01\n",
        1,
        1,
        'missing required key "owner"',
        "owner:",
    ),
    "missing action owner": (
        GOOD_HEAD.encode() + b"actions:\n  - id: A1\n    title: t\n    due: 2025-01-01\n",
        5,
        5,
        'action A1: missing required key "owner"',
        "owner:",
    ),
    "too many indicators": (
        GOOD_HEAD.encode()
        + b"actions:\n  - id: A1\n    title: t\n    owner: o\n    due: 2025-01-01\n    indicators: [a, b, c]\n",
        9,
        17,
        "3 indicators, 2 at most",
        "one or two",
    ),
    "schema version": (
        b"schema: 3\ntitle: x\nowner: y\n",
        1,
        9,
        "unsupported schema version",
        "reads schema 1",
    ),
    "duplicate id": (
        GOOD_HEAD.encode()
        + b"actions:\n  - id: A1\n    title: t\n    owner: o\n    due: 2025-01-01\n  - id: A1\n    title: u\n    owner: o\n    due: 2025-01-01\n",
        9,
        9,
        'duplicate action id "A1" (first at line 5)',
        "its own id",
    ),
    "unknown link": (
        GOOD_HEAD.encode()
        + b"actions:\n  - id: A1\n    title: t\n    owner: o\n    due: 2025-01-01\n    depends_on: [A2]\n",
        9,
        18,
        'unknown action "A2"',
        "known actions: A1",
    ),
    "due before start": (
        GOOD_HEAD.encode()
        + b"actions:\n  - id: A1\n    title: t\n    owner: o\n    start: 2025-02-01\n    due: 2025-01-01\n",
        9,
        10,
        "due (2025-01-01) before it starts (2025-02-01)",
        "after the start",
    ),
    "dependency cycle": (
        GOOD_HEAD.encode()
        + b"actions:\n  - id: A1\n    title: t\n    owner: o\n    due: 2025-01-01\n    depends_on: A2\n"
        + b"  - id: A2\n    title: u\n    owner: o\n    due: 2025-01-01\n    depends_on: A1\n",
        9,
        17,
        "dependency cycle: A1 -> A2 -> A1",
        "remove one link",
    ),
    "duplicate key": (
        b"schema: 1\ntitle: x\ntitle: y\nowner: z\n",
        3,
        1,
        'duplicate key "title" (first defined at line 2)',
        "keep one",
    ),
    "two documents": (
        b"schema: 1\ntitle: x\nowner: y\n---\nschema: 1\n",
        4,
        1,
        "one YAML document",
        "---",
    ),
    "unknown tag": (
        b"schema: 1\ntitle: !python/object x\nowner: y\n",
        2,
        8,
        "tag !python/object is not supported",
        "remove the tag",
    ),
    "top level list": (b"- a\n- b\n", 1, 1, "top level of a plan must be keys", "schema: 1"),
    "empty": (b"", 1, 1, "the file is empty", "planaction new"),
    "only comments": (b"# nothing yet\n\n", 1, 1, "the file is empty", "schema: 1"),
    "latin-1": (
        "schema: 1\ntitle: Réunion\nowner: y\n".encode("latin-1"),
        2,
        9,
        "not valid UTF-8: byte 0xE9",
        "save the file as UTF-8",
    ),
    "utf-16": ("schema: 1\n".encode("utf-16"), 1, 1, "UTF-16", "UTF-8"),
    "NUL byte": (
        b"schema: 1\ntitle: a\x00b\nowner: y\n",
        2,
        9,
        "U+0000 is not allowed",
        "control characters",
    ),
    "deep nesting": (
        b"schema: 1\ntitle: " + b"[" * 100_000 + b"\n",
        2,
        71,
        "nests deeper than 64 levels",
        "indentation",
    ),
    "deep block nesting": (b"- " * 50_000 + b"x\n", 1, 129, "nests deeper than 64 levels", ""),
    "alias bomb": (
        b"a: &a [x,x,x,x,x,x,x,x,x,x]\n"
        + b"".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 10)}]\n".encode() for i in range(7)
        ),
        7,
        None,
        "expands to more than 2,000,000 values",
        "aliases",
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_bad_file_is_located_and_explained(tmp_path: Path, case: str) -> None:
    content, line, col, message, hint = CASES[case]
    path = tmp_path / "plan.yaml"
    path.write_bytes(content)
    result = store.read(path)
    assert result.document is None
    first = result.errors[0]
    assert first.file == str(path)
    assert first.line == line, first
    if col is not None:
        assert first.col == col, first
    assert message in first.message, first
    assert hint in (first.hint or ""), first
    # the real command says the same, with exit code 1 and no traceback
    done = run_cli("validate", path)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    expected_head = f"{path}:{first.line}:{first.col}: error: {first.message}"
    assert expected_head in done.stdout


def test_missing_file_and_folder(tmp_path: Path) -> None:
    missing = store.read(tmp_path / "nope.yaml")
    assert "no such file" in missing.errors[0].message
    folder = store.read(tmp_path)
    assert "folder" in folder.errors[0].message
    assert "accepts folders" in folder.errors[0].hint
    done = run_cli("validate", tmp_path / "nope.yaml")
    assert done.returncode == 1
    assert f"{tmp_path / 'nope.yaml'}:1:1: error: no such file" in done.stdout


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(2 * 1024 * 1024)  # sparse: 2 MB of NUL bytes, nothing to parse
    done = run_cli("validate", path, env={"PLANACTION_MAX_BYTES": str(1024 * 1024)})
    assert done.returncode == 1
    assert "plans above 1 MB are refused" in done.stdout
    assert "split it" in done.stdout


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "secret.yaml"
    path.write_text(GOOD_HEAD)
    path.chmod(0)
    assert "cannot read" in store.read(path).errors[0].message


def test_bom_is_accepted_and_crlf_kept(tmp_path: Path) -> None:
    path = tmp_path / "windows.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD_HEAD.replace("\n", "\r\n").encode())
    document = store.load(path)
    assert document.bom
    assert document.plan.title == "Plan"
    assert document.style.newline == "\r\n"


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(GOOD_HEAD + "actions:\n  - id: A1\n    title: t\n    owner: o\n")
    done = run_cli("validate", path)
    assert done.returncode == 0
    assert f"{path}:5:5: warning: action A1 has no due date" in done.stdout
    strict = run_cli("validate", "--strict", path)
    assert strict.returncode == 1
    assert f"{path}:5:5: error: action A1 has no due date" in strict.stdout


# -- every message reads as a sentence a person can act on ----------------------------------

#: Slips a person must never read: pydantic's words, Python's reprs and None, "a action".
JARGON = re.compile(
    r"\bNone\b|\b(?:ge|gt|le|lt) -?\d|Input should|Value error|\[type=|\{'|'\}|\ba [aeiouAEIOU]\w|\(\w[^()]*\([^()]*\)\.\)"
    r"|the plan must be a set"  # said of an item of a list
)
BAD_VALUES = [-1, -0.5, 10**6, "abc", [1, 2, 3], ["a", "b"], {"a": 1}, True, "2025-13-45", "", None, "9000,50"]
SMALLEST = {
    "actions": {"id": "A1", "title": "t", "owner": "o", "due": "2025-06-01"},
    "kpis": {"id": "K1", "name": "k"},
    "risks": {"id": "R1", "title": "r", "probability": "M", "impact": "M"},
    "milestones": {"id": "M1", "title": "m", "due": "2025-06-01"},
    "decisions": {"id": "D1", "title": "d"},
    "value": {"id": "V1", "hypothesis": "v"},
    "stakes": {"id": "E1", "title": "e"},
    "objectives": {"id": "O1", "title": "o"},
    "streams": {"id": "S1", "name": "s"},
    "structures": {"id": "C1", "name": "c"},
}


def every_bad_plan():
    from planaction.core.model import ID_SECTIONS, Plan

    for section, model in ID_SECTIONS.items():
        for name, info in model.model_fields.items():
            for bad in BAD_VALUES:
                item = {**SMALLEST[section], (info.alias or name): bad}
                yield {"schema": 1, "title": "t", "owner": "o", section: [item]}
            yield {"schema": 1, "title": "t", "owner": "o", section: [SMALLEST[section], "pas une liste de clés"]}
    for name, info in Plan.model_fields.items():
        for bad in BAD_VALUES:
            yield {"schema": 1, "title": "t", "owner": "o", (info.alias or name): bad}


def test_every_schema_message_reads_as_a_sentence() -> None:
    """Reported: "it must be ge 0.0". Every field of every section, given every kind of wrong value."""
    slips = set()
    for data in every_bad_plan():
        for problem in store.parse(json.dumps(data), "plan.yaml").problems:
            for text in (problem.message, problem.hint or ""):
                if JARGON.search(text):
                    slips.add(text)
    assert not slips, sorted(slips)[:20]


@pytest.mark.parametrize(
    "argv",
    [
        ["set", "A1", "bogus=1"],
        ["set", "A1", "=x"],
        ["set", "A1", "budget=-5"],
        ["set", "A1", "title="],
        ["set", "A9", "title=x"],
        ["add", "title=x"],
        ["log", "A1", ""],
        ["log", "A1", "ok", "--date", "demain"],
    ],
    ids=lambda a: " ".join(a),
)
def test_every_command_message_reads_as_a_sentence(tmp_path: Path, argv: list[str]) -> None:
    """Reported: "unknown key for a action"."""
    path = tmp_path / "plan.yaml"
    path.write_text(GOOD_HEAD + "actions:\n  - id: A1\n    title: t\n    owner: o\n    due: 2025-06-01\n")
    done = run_cli(argv[0], path, *argv[1:], "--today", "2025-05-12")
    assert done.returncode != 0
    assert not JARGON.search(done.stderr), done.stderr
    assert "Traceback" not in done.stderr
    assert "remove the key" not in done.stderr  # never the advice for a key that must be there
