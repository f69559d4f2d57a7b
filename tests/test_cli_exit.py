"""The executable leaves without Python's teardown (``cli.main.run``): nothing it says or writes is lost.

``run`` flushes the output streams and calls ``os._exit`` once a command is done, skipping the
50-90 ms Python spends freeing every module and object one by one. What a user could lose that way:
output still in a buffer (a file or a pipe gets it in blocks), a message on stderr, the exit code,
and whatever an atexit handler would have cleaned up (a temporary file). Each is checked on the real
executable, with output going where a user sends it.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.conftest import PLANS, TODAY, planaction_command, run_cli


def _run_into(target: int | object, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*planaction_command(), *args],
        stdout=target,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        timeout=120,
    )


def test_output_sent_to_a_file_arrives_whole(tmp_path: Path) -> None:
    """A file gets stdout in 8 KB blocks: the schema (80 KB) must end with its last brace."""
    shown = run_cli("schema")
    assert shown.returncode == 0 and len(shown.stdout) > 64 * 1024
    out = tmp_path / "schema.json"
    with out.open("w") as file:
        done = _run_into(file, "schema")
    assert done.returncode == 0, done.stderr
    assert out.read_text() == shown.stdout
    json.loads(out.read_text())


def test_a_report_piped_to_a_file_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    with out.open("w") as file:
        done = _run_into(
            file, "report", str(PLANS / "essms-qualite.yaml"), "--format", "json", "--today", TODAY.isoformat()
        )
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text())["kind"] == "plan"


def test_a_reader_gone_before_the_first_byte_is_no_error() -> None:
    """`planaction schema | true`: the pipe's reader has left; the command ends quietly, exit 0."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = _run_into(write_end, "schema")
    finally:
        os.close(write_end)
    assert done.returncode == 0
    assert done.stderr == ""


def test_messages_and_exit_code_of_a_refused_plan_reach_their_streams(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "title: Plan\nactions:\n  - id: A1\n    title: Sans responsable\n    progress: 140\n", encoding="utf-8"
    )
    out = tmp_path / "out.txt"
    with out.open("w") as file:
        done = _run_into(file, "validate", str(bad), "--lang", "en")
    assert done.returncode == 1
    said = out.read_text() + done.stderr
    assert f"{bad}:5:" in said, said
    assert "Traceback" not in said


def test_no_temporary_file_is_left_behind(tmp_path: Path) -> None:
    """What an atexit handler would have removed: the workbook, the HTML report and a conflicting merge
    leave nothing in the temporary folder."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {"TMPDIR": str(temporary)}
    plan = PLANS / "support-it.yaml"
    today = ("--today", TODAY.isoformat())
    assert run_cli("export", plan, "-o", tmp_path / "plan.xlsx", *today, env=env).returncode == 0
    assert run_cli("export", plan, "-o", tmp_path / "plan.html", *today, env=env).returncode == 0
    base = plan.read_text(encoding="utf-8")
    ours = tmp_path / "ours.yaml"
    theirs = tmp_path / "theirs.yaml"
    first_title = base.split("title: ", 2)[2].split("\n", 1)[0]
    ours.write_text(base.replace(first_title, "Notre titre", 1), encoding="utf-8")
    theirs.write_text(base.replace(first_title, "Leur titre", 1), encoding="utf-8")
    merged = run_cli("merge", plan, ours, theirs, "-o", ours, env=env)
    assert merged.returncode == 1, merged.stderr  # a conflict: markers written, git told
    assert "<<<<<<<" in ours.read_text(encoding="utf-8")
    assert list(temporary.iterdir()) == []
