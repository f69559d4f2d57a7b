"""A file name is data too: every command prints it on one line, inert, in every format.

A name can hold a line break, an escape or ``%0A`` (any byte but ``/`` and
NUL is allowed). Printed raw, ``a\\n::error file=x::pwned.yaml`` puts a line
of its own in ``validate``'s output, which GitHub Actions would run as a
workflow command, and ESC recolours the terminal. These tests make real
files with such names and read every command's output as its reader does:
lines for text, workflow commands for ``--format github``, JSON for scripts.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import run_cli

INJECTION = "a\n::error file=x::pwned"
NAMES = [INJECTION, "e\x1b[31mred", "p%0Aq%25", "t\tab\rcr"]
VALID = (  # a plan that follows the method too: its only problems are the ones the tests put there
    "schema: 1\nid: p{index}\ntitle: Plan {index}\nowner: Ana\nperiod: {{start: 2025-04-01, end: 2025-06-30}}\nactions:\n  - id: A1\n    title: T\n    owner: Ana\n"
    "    priority: medium\n    start: 2025-04-01\n    due: 2025-05-01\n    status: todo\n    indicators: [x]\n"
)
INVALID = "schema: 1\ntitle: Plan\nowner: Ana\nstate: x\n"  # an unknown key (a plan has a `status` since issue 16)


def lines_ok(output: str) -> None:
    """No line of the output was started by a file name: no injected command, no raw escape."""
    for line in output.splitlines():
        assert not line.startswith("::error file=x::pwned"), output
    assert "\x1b" not in output and "\r" not in output


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    for index, name in enumerate(NAMES):
        (plans / f"{name}.yaml").write_text(VALID.format(index=index), encoding="utf-8")
        (plans / f"{name}-bad.yaml").write_text(INVALID, encoding="utf-8")
    return plans


def test_validate_text_keeps_each_problem_on_its_lines(folder: Path) -> None:
    done = run_cli("validate", folder)
    assert done.returncode == 1
    lines_ok(done.stdout)
    lines = done.stdout.splitlines()
    problems = [line for line in lines if ": error: " in line]
    hints = [line for line in lines if line.startswith("  hint: ")]
    # one error and one hint per invalid file, and the summary: nothing else
    assert len(problems) == len(NAMES) and len(hints) == len(NAMES)
    assert len(lines) == 2 * len(NAMES) + 1
    assert any(line.startswith(f"{folder}/a ::error file=x::pwned-bad.yaml:4:1: error:") for line in problems)


def test_validate_github_is_one_command_per_problem(folder: Path) -> None:
    done = run_cli("validate", folder, "--format", "github")
    lines = done.stdout.splitlines()
    assert len(lines) == len(NAMES)
    assert all(line.startswith("::error file=") for line in lines)
    for name in (INJECTION, "p%0Aq%25", "t\tab\rcr"):
        path = f"{folder}/{name}-bad.yaml"
        assert any(
            line.startswith(f"::error file={github_property(path)},line=4,col=1,title=planaction::") for line in lines
        ), name
    assert "\x1b" not in done.stdout


def github_property(text: str) -> str:
    """GitHub's escaping of a workflow command's property value (as its toolkit's `escapeProperty`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def test_validate_json_keeps_the_exact_names(folder: Path) -> None:
    done = run_cli("validate", folder, "--format", "json")
    data = json.loads(done.stdout)
    files = {Path(p["file"]).name for p in data["problems"]}
    assert files == {f"{name}-bad.yaml" for name in NAMES}
    assert "\x1b" not in done.stdout and len(done.stdout.splitlines()) > 1


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_report_and_due_of_the_folder(folder: Path, fmt: str) -> None:
    report = run_cli("report", folder, "--today", "2025-05-12", "--format", fmt)
    lines_ok(report.stdout + report.stderr)
    due = run_cli("due", folder, "--today", "2025-05-12", "--format", fmt)
    lines_ok(due.stdout + due.stderr)
    assert due.returncode == 1
    # each invalid plan is told on stderr with its hint: two lines each
    assert len([line for line in due.stderr.splitlines() if ": error: " in line]) == len(NAMES)
    if fmt == "json":
        rows = json.loads(report.stdout)["plans"]
        assert {Path(r["file"]).name for r in rows} == {f"{n}.yaml" for n in NAMES} | {f"{n}-bad.yaml" for n in NAMES}
        people = json.loads(due.stdout)["people"]
        assert {Path(item["file"]).name for p in people for item in p["overdue"]} == {f"{n}.yaml" for n in NAMES}


def test_every_command_names_a_file_on_one_line(folder: Path, tmp_path: Path) -> None:
    plan = folder / f"{INJECTION}.yaml"
    outputs = []
    for args in (
        ("report", plan, "--today", "2025-05-12"),
        ("report", folder / f"{INJECTION}-bad.yaml"),
        ("report", folder / f"{INJECTION}-missing.yaml"),
        ("due", plan, folder / f"{INJECTION}-bad.yaml"),
        ("ics", plan, folder / f"{INJECTION}-bad.yaml", "-o", tmp_path / "c.ics"),
        ("ics", plan, "-o", tmp_path / f"{INJECTION}.ics"),
        ("ics", plan, "-o", tmp_path / f"{INJECTION}.txt"),
        ("diff", plan, folder / f"{INJECTION}-bad.yaml"),
        ("diff", plan, folder / f"{INJECTION}-missing.yaml"),
        ("diff", plan, "HEAD"),
        ("textconv", plan),
        ("set", folder / f"{INJECTION}-bad.yaml", "A1", "status=done"),
        ("set", plan, "A9", "status=done"),
        ("set", plan, "A1", "status=done"),
        ("set", plan, "A1", "status=done"),
        ("new", tmp_path / f"{INJECTION}-new.yaml"),
        ("new", tmp_path / f"{INJECTION}-new.yaml"),
        ("new", tmp_path / f"{INJECTION}-new.txt"),
        ("validate", tmp_path / "nothing-here"),
    ):
        done = run_cli(*args, cwd=tmp_path)
        lines_ok(done.stdout + done.stderr)
        assert "Traceback" not in done.stderr, args
        outputs.append(done.stdout + done.stderr)
    joined = "\n".join(outputs)
    assert "a ::error file=x::pwned" in joined  # shown, on one line


def test_new_prints_a_command_that_opens_the_file(tmp_path: Path) -> None:
    """The "open it with" line quotes the name for the shell, still on one line."""
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    import subprocess

    target = tmp_path / f"{INJECTION}.yaml"
    done = run_cli("new", target)
    assert done.returncode == 0, done.stderr
    [line] = done.stdout.splitlines()
    command = line.split("open it with: ", 1)[1]
    # the shell reads the quoted word back as the exact name
    echoed = subprocess.run(
        ["bash", "-c", f"printf %s {command.removeprefix('planaction ')}"], capture_output=True, text=True
    )
    assert echoed.stdout == str(target)
