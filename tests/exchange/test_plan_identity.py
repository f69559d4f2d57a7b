"""A workbook goes back only into its own plan, even when two plans share a file name, an id and a template.

``planaction new clientA/plan.yaml`` and ``planaction new clientB/plan.yaml``
make two plans with the same id (``plan``) and the same actions. A's
workbook must be refused by B, saying whose it is; and A must still take
its own workbook after its team renamed it, moved it, or on a colleague's
clone at another path.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from planaction import store
from tests.conftest import run_cli
from tests.exchange.conftest import TODAY, edit_workbook


def new_plan(path: Path, title: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    done = run_cli("new", path, "--title", title)
    assert done.returncode == 0, done.stderr
    return path


def export(plan: Path, *extra: str) -> Path:
    done = run_cli("export", plan, "--today", TODAY, *extra)
    assert done.returncode == 0, done.stderr
    return Path(done.stdout.strip())


def client_edit(book: Path) -> Path:
    return edit_workbook(book, {"Actions": {"I2": "En cours"}})  # A1: to do -> in progress


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def two_clients(tmp_path: Path) -> tuple[Path, Path]:
    """Two plans from one template in two folders: same file name, same id, same actions."""
    a = new_plan(tmp_path / "clientA" / "plan.yaml", "Plan qualité du client A")
    b = new_plan(tmp_path / "clientB" / "plan.yaml", "Plan RH du client B")
    return a, b


def test_a_workbook_of_another_plan_with_the_same_file_and_id_is_refused(two_clients) -> None:
    a, b = two_clients
    book = client_edit(export(a))
    before = b.read_bytes()
    done = run_cli("import", b, book, "--today", TODAY)
    assert done.returncode == 1, done.stdout
    assert "Plan qualité du client A" in done.stderr and "clientA/plan.yaml" in done.stderr, done.stderr
    assert "hint:" in done.stderr
    assert b.read_bytes() == before
    assert run_cli("import", a, book, "--today", TODAY).returncode == 0  # its own plan takes it


def test_a_renamed_plan_takes_its_own_workbook(two_clients) -> None:
    a, _b = two_clients
    book = client_edit(export(a))
    assert run_cli("set", a, "A1", "title=Former tous les agents").returncode == 0
    text = a.read_text(encoding="utf-8").replace("title: Plan qualité du client A", "title: Qualité 2026", 1)
    a.write_text(text, encoding="utf-8")
    done = run_cli("import", a, book, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    assert store.load(a).plan.action("A1").status.value == "in_progress"


@pytest.mark.parametrize("explicit_id", [True, False], ids=["with id", "without id"])
def test_a_moved_and_renamed_file_takes_its_own_workbook(two_clients, explicit_id: bool) -> None:
    a, b = two_clients
    if not explicit_id:
        for plan in (a, b):
            plan.write_text(plan.read_text(encoding="utf-8").replace("\nid: plan\n", "\n", 1), encoding="utf-8")
    book = client_edit(export(a))
    moved = a.parent.parent / "archives" / "qualite-client-a.yaml"
    moved.parent.mkdir()
    a.rename(moved)
    done = run_cli("import", moved, book, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    assert store.load(moved).plan.action("A1").status.value == "in_progress"
    refused = run_cli("import", b, book, "--today", TODAY)  # and B still refuses it: not its title
    assert refused.returncode == 1 and "Plan qualité du client A" in refused.stderr, refused.stdout


def test_a_colleagues_clone_at_another_path(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "mine" / "plans"
    a = new_plan(repo / "clients" / "a" / "plan.yaml", "Plan qualité du client A")
    new_plan(repo / "clients" / "b" / "plan.yaml", "Plan RH du client B")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "plans")
    book = client_edit(export(a, "-o", tmp_path / "envoi.xlsx"))
    clone = tmp_path / "colleague" / "work" / "copie"
    clone.parent.mkdir(parents=True)
    git(clone.parent, "clone", "-q", str(repo), clone.name)
    theirs = clone / "clients" / "a" / "plan.yaml"
    assert run_cli("import", theirs, book, "--today", TODAY).returncode == 0
    other = run_cli("import", clone / "clients" / "b" / "plan.yaml", book, "--today", TODAY)
    assert other.returncode == 1 and "clients/a/plan.yaml" in other.stderr, other.stdout


def test_a_copy_of_the_plan_elsewhere_takes_the_workbook(tmp_path: Path) -> None:
    """Two identical plans: nothing tells them apart, and nothing is wrong either way."""
    a = new_plan(tmp_path / "plans" / "plan.yaml", "Plan qualité du client A")
    book = client_edit(export(a))
    copy = tmp_path / "copie" / "plan.yaml"
    copy.parent.mkdir()
    shutil.copyfile(a, copy)
    assert run_cli("import", copy, book, "--today", TODAY).returncode == 0
