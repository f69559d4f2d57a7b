"""Plans read from git (``diff PLAN REV``, ``report --since REV``) have the size limit of files on disk.

A blob is sized by git before a byte of it is read: one above the limit is
refused with the file and the revision named, as a file is, instead of
being read whole (a 300 MB blob made the command peak at 1.2 GB).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import PLANS, run_bounded, run_cli

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PLAN = (PLANS / "support-it.yaml").read_bytes()


def git(folder: Path, *args: str, data: bytes | None = None) -> str:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    done = subprocess.run(["git", *args], cwd=folder, env=env, input=data, capture_output=True, check=True, timeout=120)
    return done.stdout.decode().strip()


def commit_blob(folder: Path, name: str, chunks, message: str) -> None:
    """Commit ``name`` with the content of ``chunks`` (streamed into git), leaving the work tree as it is."""
    process = subprocess.Popen(
        ["git", "hash-object", "-w", "--stdin"], cwd=folder, stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert process.stdin is not None and process.stdout is not None
    for chunk in chunks:
        process.stdin.write(chunk)
    process.stdin.close()
    object_id = process.stdout.read().decode().strip()
    assert process.wait() == 0
    git(folder, "update-index", "--add", "--cacheinfo", f"100644,{object_id},{name}")
    git(folder, "commit", "-q", "-m", message)


def big(size_mb: int):
    """A valid plan followed by comment lines up to ``size_mb`` MB: cheap for git, and valid YAML."""
    yield PLAN
    line = b"# " + b"x" * 97 + b"\n"
    block = line * 10_000  # 1,000,000 bytes
    for _ in range(size_mb):
        yield block


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    folder.mkdir()
    git(folder, "init", "-q")
    (folder / "plan.yaml").write_bytes(PLAN)
    (folder / "other.yaml").write_bytes(PLAN.replace(b"id: support-it", b"id: other"))
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "small")
    return folder


def test_diff_and_report_since_refuse_a_blob_over_the_limit(repo: Path) -> None:
    commit_blob(repo, "plan.yaml", big(3), "big")
    limit = {"PLANACTION_MAX_BYTES": str(1024 * 1024)}
    plan = repo / "plan.yaml"

    for args in (("diff", plan, "HEAD"), ("report", plan, "--since", "HEAD"), ("diff", plan)):
        done = run_cli(*args, env=limit)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        assert done.stderr.strip() == (
            "planaction: plan.yaml at HEAD is 3 MB; plans above 1 MB are refused (PLANACTION_MAX_BYTES changes the limit)"
        ), args

    # the portfolio shows the other plans and says which past was refused
    folder = run_cli("report", repo, "--since", "HEAD", "--format", "json", env=limit)
    rows = {Path(row["file"]).name: row for row in json.loads(folder.stdout)["plans"]}
    assert rows["plan.yaml"]["since"] == [
        "plan.yaml at HEAD is 3 MB; plans above 1 MB are refused (PLANACTION_MAX_BYTES changes the limit)"
    ]
    assert rows["other.yaml"]["since"] == []

    # under the limit, the same blob is read
    assert run_cli("diff", plan, "HEAD", env={"PLANACTION_MAX_BYTES": str(8 * 1024 * 1024)}).returncode == 0


def test_a_300_mb_blob_is_refused_without_reading_it(repo: Path) -> None:
    commit_blob(repo, "plan.yaml", big(300), "huge")
    started = time.monotonic()
    done = run_bounded(["diff", repo / "plan.yaml", "HEAD"], seconds=60, memory_gb=1)
    elapsed = time.monotonic() - started
    assert done is not None, "the command did not finish"
    assert done.returncode == 1, done.stderr
    assert "plan.yaml at HEAD is 286 MB; plans above 64 MB are refused" in done.stderr
    assert "Traceback" not in done.stderr
    assert elapsed < 20


def test_revision_errors_still_say_why(repo: Path, tmp_path: Path) -> None:
    plan = repo / "plan.yaml"
    assert "is not a revision of this git repository" in run_cli("diff", plan, "nope").stderr
    (repo / "new.yaml").write_bytes(PLAN)
    assert run_cli("diff", repo / "new.yaml", "HEAD").stderr.strip() == "planaction: new.yaml did not exist at HEAD"
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "plan.yaml").write_bytes(PLAN)
    assert "is not in a git repository" in run_cli("diff", alone / "plan.yaml", "HEAD").stderr
    (repo / "dir.yaml").mkdir()
    (repo / "dir.yaml" / "x").write_text("x")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a folder named like a plan")
    shutil.rmtree(repo / "dir.yaml")
    (repo / "dir.yaml").write_bytes(PLAN)
    assert (
        run_cli("diff", repo / "dir.yaml", "HEAD").stderr.strip()
        == "planaction: dir.yaml at HEAD is a tree, not a file"
    )
