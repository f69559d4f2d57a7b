"""The published pre-commit hook, run by pre-commit itself as a plans repository would.

pre-commit installs the hook from a git repository, so the tests commit a copy of this project
(what a tag would hold) and run ``pre-commit run`` in a temporary plans repository with a config
whose ``repo:`` and ``rev:`` point at that commit, as a user's ``.pre-commit-config.yaml`` does.
The hook's environment (about twenty seconds: a virtualenv and the project's packages) is built
once for the whole run, shared by every xdist worker: one copy of the project, one PRE_COMMIT_HOME,
one config. (``pre-commit try-repo`` would build it again for every call: it keeps its store in a
temporary folder, whatever PRE_COMMIT_HOME says.)
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import PLANS, REPO

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=_git_env(cwd))


def _git_env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(home),
    }


@dataclass(frozen=True)
class Hook:
    """Where the hook comes from and where pre-commit keeps its environment."""

    repo: Path  # this project as a committed repository: what users' `repo:` + `rev:` point at
    config: Path  # a plans repository's .pre-commit-config.yaml naming that repo and commit
    home: Path  # PRE_COMMIT_HOME: pre-commit's store, which holds the hook's environment


@pytest.fixture(scope="session")
def hook(tmp_path_factory: pytest.TempPathFactory) -> Hook:
    """One hook for the whole run: xdist's workers share the base temporary folder's parent, and a
    lock makes the first worker build it while the others wait (pre-commit locks its own store)."""
    base = tmp_path_factory.getbasetemp()
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "pre-commit-hook"
    shared.mkdir(exist_ok=True)
    hook = Hook(repo=shared / "hook-repo", config=shared / "pre-commit-config.yaml", home=shared / "home")
    with open(shared / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not hook.config.exists():
            _build_hook(hook)
    return hook


def _build_hook(hook: Hook) -> None:
    root = hook.repo
    if root.exists():
        shutil.rmtree(root)  # left half-built by a worker that failed
    root.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(REPO / name, root / name)
    shutil.copytree(REPO / "src", root / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    git("init", "-q", cwd=root)
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "hook", cwd=root)
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, check=True, capture_output=True, text=True)
    hook.home.mkdir(exist_ok=True)
    config = f"repos:\n  - repo: {root}\n    rev: {rev.stdout.strip()}\n    hooks:\n      - id: planaction-validate\n"
    written = hook.config.with_suffix(".part")
    written.write_text(config, encoding="utf-8")
    written.rename(hook.config)  # last: its presence says the hook is ready


def run_hook(plans_repo: Path, hook: Hook, *extra: str) -> subprocess.CompletedProcess:
    env = {**_git_env(plans_repo), "PRE_COMMIT_HOME": str(hook.home), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--config", str(hook.config), *extra],
        cwd=plans_repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def make_plans_repo(root: Path) -> Path:
    git("init", "-q", cwd=root)
    (root / "plans").mkdir()
    shutil.copy2(PLANS / "support-it.yaml", root / "plans" / "support-it.yaml")
    # YAML that is not a plan (CI, tools) must not be checked by the hook.
    (root / "ci.yaml").write_text("jobs: [unclosed\n", encoding="utf-8")
    git("add", "-A", cwd=root)
    return root


def test_hook_passes_valid_plans_and_ignores_other_yaml(tmp_path: Path, hook: Hook) -> None:
    plans_repo = make_plans_repo(tmp_path)
    done = run_hook(plans_repo, hook, "--all-files")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "planaction validate" in done.stdout and "Passed" in done.stdout


def test_hook_blocks_an_invalid_plan_with_its_location(tmp_path: Path, hook: Hook) -> None:
    plans_repo = make_plans_repo(tmp_path)
    text = (plans_repo / "plans" / "support-it.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    line_no = next(i for i, line in enumerate(lines, 1) if line.strip() == "status: todo")
    bad = plans_repo / "plans" / "bad.yaml"
    bad.write_text(text.replace("status: todo", "status: finished", 1), encoding="utf-8")
    git("add", "-A", cwd=plans_repo)

    done = run_hook(plans_repo, hook, "--files", "plans/bad.yaml")

    assert done.returncode == 1, done.stdout + done.stderr
    assert "Failed" in done.stdout
    assert f"plans/bad.yaml:{line_no}:" in done.stdout
    assert '"finished" is not a valid status' in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_hook_blocks_conflict_markers_left_in_a_quoted_string(tmp_path: Path, hook: Hook) -> None:
    """A merge whose conflict falls inside a multi-line quoted string, staged as it is: YAML alone would
    read the markers as text; the hook refuses the commit at the ``<<<<<<<`` line."""
    plans_repo = make_plans_repo(tmp_path)
    plan = plans_repo / "plans" / "support-it.yaml"
    text = plan.read_text(encoding="utf-8").replace(
        "owner: Responsable IT\n", 'owner: Responsable IT\nsynthesis: "Bilan du comité\nà compléter\nfin du bilan"\n', 1
    )
    plan.write_text(text, encoding="utf-8")
    git("add", "-A", cwd=plans_repo)
    git("commit", "-q", "-m", "base", cwd=plans_repo)
    git("checkout", "-q", "-b", "client", cwd=plans_repo)
    plan.write_text(text.replace("à compléter\n", "validé par le client\n"), encoding="utf-8")
    git("commit", "-q", "-am", "client", cwd=plans_repo)
    git("checkout", "-q", "-", cwd=plans_repo)
    plan.write_text(text.replace("à compléter\n", "validé en comité\n"), encoding="utf-8")
    git("commit", "-q", "-am", "comité", cwd=plans_repo)
    merge = subprocess.run(["git", "merge", "client"], cwd=plans_repo, capture_output=True, env=_git_env(plans_repo))
    assert merge.returncode == 1
    git("add", "plans/support-it.yaml", cwd=plans_repo)  # "resolved" in git's eyes, markers still inside
    line = next(n for n, t in enumerate(plan.read_text(encoding="utf-8").splitlines(), 1) if t.startswith("<<<<<<<"))

    done = run_hook(plans_repo, hook, "--files", "plans/support-it.yaml")

    assert done.returncode == 1, done.stdout + done.stderr
    assert f"plans/support-it.yaml:{line}:1: error: unresolved merge conflict" in done.stdout
    assert '"validé en comité"' in done.stdout and '"validé par le client"' in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
