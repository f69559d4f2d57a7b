"""A plan left with git's conflict markers is an error at the ``<<<<<<<`` line, in every way it is read.

The conflicts are made by a real ``git merge`` of two branches that changed
the same lines: one in a plain field (YAML alone would report a syntax error
with a hint about ``:``) and one inside a multi-line quoted string (YAML
alone reads the markers as text, and the plan validated).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from planaction.store import conflict_markers
from tests.conftest import run_cli
from tests.merge_helpers import git

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BASE = """\
schema: 1
title: Plan de test
owner: Ana Martin
synthesis: "Première ligne
Deuxième ligne
Troisième ligne"
actions:
  - id: A1
    title: Former les agents
    owner: Ana Martin
    status: todo
"""


def merged(tmp_path: Path, ours: dict[str, str], theirs: dict[str, str], *, style: str = "merge") -> Path:
    """A repository whose `git merge feature` left conflicts in plans/plan.yaml; its path."""
    folder = tmp_path / "repo"
    (folder / "plans").mkdir(parents=True)
    plan = folder / "plans" / "plan.yaml"
    plan.write_text(BASE, encoding="utf-8")
    git(folder, "init", "-q", "-b", "main")
    git(folder, "config", "merge.conflictStyle", style)
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "base")
    git(folder, "checkout", "-q", "-b", "feature")
    text = BASE
    for old, new in theirs.items():
        text = text.replace(old, new)
    plan.write_text(text, encoding="utf-8")
    git(folder, "commit", "-q", "-am", "feature")
    git(folder, "checkout", "-q", "main")
    text = BASE
    for old, new in ours.items():
        text = text.replace(old, new)
    plan.write_text(text, encoding="utf-8")
    git(folder, "commit", "-q", "-am", "main")
    done = git(folder, "merge", "feature", check=False)
    assert done.returncode == 1 and "CONFLICT" in done.stdout, done.stdout + done.stderr
    return plan


IN_A_FIELD = ({"status: todo": "status: done\n    progress: 100"}, {"status: todo": "status: blocked"})
IN_A_QUOTED_STRING = (
    {"Deuxième ligne\n": "Deuxième ligne, revue en comité\n"},
    {"Deuxième ligne\n": "Deuxième ligne, revue par le client\n"},
)


def marker_line(plan: Path) -> int:
    lines = plan.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith("<<<<<<<"))


@pytest.mark.parametrize("sides", [IN_A_FIELD, IN_A_QUOTED_STRING], ids=["field", "quoted-string"])
@pytest.mark.parametrize("style", ["merge", "diff3"])
def test_validate_says_unresolved_merge_conflict_at_the_marker(tmp_path: Path, sides, style: str) -> None:
    plan = merged(tmp_path, *sides, style=style)
    line = marker_line(plan)
    relative = Path("plans/plan.yaml")

    done = run_cli("validate", relative, cwd=plan.parents[1])

    assert done.returncode == 1, done.stdout
    first = done.stdout.splitlines()[0]
    assert first.startswith(f"plans/plan.yaml:{line}:1: error: unresolved merge conflict: HEAD has ")
    assert "feature has " in first
    ours, theirs = (
        ("status: done", "status: blocked") if sides is IN_A_FIELD else ("revue en comité", "revue par le client")
    )
    assert ours in first and theirs in first
    hint = done.stdout.splitlines()[1]
    assert "delete the marker lines" in hint
    assert "git checkout --ours plans/plan.yaml (HEAD)" in hint
    assert "git checkout --theirs plans/plan.yaml (feature)" in hint
    assert "':'" not in done.stdout and "Traceback" not in done.stdout + done.stderr

    data = json.loads(run_cli("validate", relative, "--format", "json", cwd=plan.parents[1]).stdout)
    assert data["valid"] is False
    problem = data["problems"][0]
    assert (problem["line"], problem["col"], problem["level"]) == (line, 1, "error")
    assert problem["message"].startswith("unresolved merge conflict")

    github = run_cli("validate", relative, "--format", "github", cwd=plan.parents[1])
    assert github.returncode == 1
    assert github.stdout.startswith(f"::error file=plans/plan.yaml,line={line},col=1,title=planaction::")
    assert "unresolved merge conflict" in github.stdout


def test_every_face_refuses_the_conflicted_plan(tmp_path: Path) -> None:
    plan = merged(tmp_path, *IN_A_QUOTED_STRING)
    line = marker_line(plan)
    for args in (
        ("report", plan),
        ("due", plan),
        ("ics", plan, "-o", tmp_path / "x.ics"),
        ("set", plan, "A1", "status=done"),
        ("diff", plan, "HEAD"),
    ):
        before = plan.read_bytes()
        done = run_cli(*args)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        assert f"{plan}:{line}:1: error: unresolved merge conflict" in done.stderr, args
        assert plan.read_bytes() == before
    assert not (tmp_path / "x.ics").exists()


def test_two_conflicts_are_two_errors(tmp_path: Path) -> None:
    ours = {**IN_A_FIELD[0], **IN_A_QUOTED_STRING[0]}
    theirs = {**IN_A_FIELD[1], **IN_A_QUOTED_STRING[1]}
    plan = merged(tmp_path, ours, theirs)
    lines = plan.read_text(encoding="utf-8").splitlines()
    starts = [number for number, line in enumerate(lines, 1) if line.startswith("<<<<<<<")]
    done = run_cli("validate", plan)
    errors = [line for line in done.stdout.splitlines() if ": error: " in line]
    assert [int(e.split(":")[1]) for e in errors] == starts
    assert len(starts) == 2


def test_a_resolved_merge_validates(tmp_path: Path) -> None:
    plan = merged(tmp_path, *IN_A_FIELD)
    git(plan.parents[1], "checkout", "--theirs", "plans/plan.yaml")
    assert run_cli("validate", plan).returncode == 0


def test_equals_lines_without_a_conflict_start_are_text(tmp_path: Path) -> None:
    """Decided: ``=======`` or ``>>>>>>>`` with no ``<<<<<<<`` before it is text (a heading underline, a
    quoted reply), inside a block scalar or at the start of a line in a quoted string; YAML decides."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        BASE.replace(
            "actions:\n",
            'recommendations: ["Titre\n=======\n>>>>>>> citation"]\nactions:\n',
        ).replace(
            "status: todo\n", "status: todo\n    comment: |\n      Titre\n      =======\n      >>>>>>> réponse\n"
        ),
        encoding="utf-8",
    )
    done = run_cli("validate", plan)
    assert done.returncode == 0, done.stdout
    report = json.loads(run_cli("report", plan, "--format", "json").stdout)
    assert report["title"] == "Plan de test"


def test_markers_inside_indented_text_are_not_at_the_start_of_a_line(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(BASE.replace("status: todo\n", "status: todo\n    comment: |\n      <<<<<<< pas un conflit\n"))
    assert run_cli("validate", plan).returncode == 0


def test_a_conflict_without_its_end_is_still_located() -> None:
    text = "schema: 1\n<<<<<<< HEAD\ntitle: A\n=======\ntitle: B\n"
    problems = conflict_markers.problems(text, "p.yaml")
    assert [(p.line, p.col) for p in problems] == [(2, 1)]
    assert problems[0].message == 'unresolved merge conflict: HEAD has "title: A", the other side has "title: B"'
    assert "(lines" not in problems[0].hint


def test_crlf_and_longer_markers_are_conflicts() -> None:
    text = "schema: 1\r\n<<<<<<<<< HEAD\r\ntitle: A\r\n=========\r\ntitle: B\r\n>>>>>>>>> other\r\n"
    [problem] = conflict_markers.problems(text, "p.yaml")
    assert (problem.line, problem.message) == (
        2,
        'unresolved merge conflict: HEAD has "title: A", other has "title: B"',
    )
    assert "(lines 2-6)" in problem.hint


def test_one_side_empty_reads_nothing() -> None:
    text = "<<<<<<< HEAD\n=======\nowner: B\n>>>>>>> b\n"
    [problem] = conflict_markers.problems(text, "p.yaml")
    assert problem.message == 'unresolved merge conflict: HEAD has nothing, b has "owner: B"'


def test_the_markers_are_found_in_a_large_plan_quickly(tmp_path: Path) -> None:
    import time

    text = BASE + "".join(f"  - id: X{i}\n    title: t\n    owner: o\n" for i in range(100_000))
    started = time.perf_counter()
    assert conflict_markers.find(text) == []
    assert time.perf_counter() - started < 0.5


def test_sides_resolve_each_conflict_to_one_side() -> None:
    from planaction.store.conflict_markers import sides

    text = "a: 1\n<<<<<<< HEAD\nb: 2\n||||||| base\nb: 0\n=======\nb: 3\n>>>>>>> topic\nc: 4\n"
    assert sides(text) == ("a: 1\nb: 2\nc: 4\n", "a: 1\nb: 3\nc: 4\n", "HEAD", "topic")
    assert sides("a: 1\n<<<<<<< HEAD\nb: 2\n") is None  # left without its end: not resolvable
