"""A small plan and a real git repository with planaction's driver, for the merge tests."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.conftest import run_cli

PLAN = """\
# Plan suivi en comité : commentaire d'en-tête gardé
schema: 1
title: Support IT
owner: Responsable IT
actions:
  - id: A1
    title: Trier les tickets
    owner: Marie
    status: in_progress
    progress: 40
    due: 2025-06-01
  # A2 attend le tri
  - id: A2
    title: Relancer les demandes
    owner: Paul
    depends_on: [A1]
    due: 2025-06-15
  - id: A3
    title: Former les agents
    owner: Lina
kpis:
  - id: K1
    name: Délai de traitement
    measurements:
      - date: 2025-05-01
        value: 7
risks:
  - id: R1
    title: Sponsor peu visible
    probability: M
    impact: H
    action: A2
"""

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, **GIT_ENV, "LC_ALL": "C"}
    return subprocess.run(["git", *args], cwd=folder, env=env, capture_output=True, text=True, check=check, timeout=120)


def repository(tmp_path: Path, text: str = PLAN, name: str = "plan.yaml") -> Path:
    """A repository whose plans/ holds one plan, set up by ``planaction git-setup``, on branch main."""
    folder = tmp_path / "repo"
    (folder / "plans").mkdir(parents=True)
    git(folder, "init", "-q", "-b", "main")
    (folder / "plans" / name).write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    done = run_cli("git-setup", "plans", cwd=folder, env=GIT_ENV)
    assert done.returncode == 0, done.stderr
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "base")
    return folder


def branch_edit(folder: Path, branch: str, edit, name: str = "plan.yaml", start: str = "main") -> None:
    """On ``branch`` (made from ``start``), ``edit(path)`` then a commit; back on main after."""
    git(folder, "checkout", "-q", "-B", branch, start)
    edit(folder / "plans" / name)
    git(folder, "commit", "-qam", branch)
    git(folder, "checkout", "-q", "main")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def cli(*args, cwd: Path | None = None):
    return run_cli(*args, cwd=cwd, env=GIT_ENV)
