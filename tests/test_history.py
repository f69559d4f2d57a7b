"""``planaction history`` on real git repositories: a plan committed at each committee, tagged or
not; the points read back from the real command's JSON and text."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PLANS, run_cli

SUPPORT = PLANS / "support-it.yaml"


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x"}
    if date:
        env |= {"GIT_AUTHOR_DATE": f"{date}T12:00:00", "GIT_COMMITTER_DATE": f"{date}T12:00:00"}
    import os

    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env={**os.environ, **env}, check=True
    )
    return done.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """support-it.yaml committed four times: the plan as shipped (copil-1), A2 done (copil-2), a
    commit that breaks the YAML, then A3 done too (copil-3)."""
    folder = tmp_path / "repo"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    plan = folder / "support-it.yaml"
    shutil.copyfile(SUPPORT, plan)
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "plan", date="2025-05-05")
    git(folder, "tag", "copil-1")
    assert run_cli("set", plan, "A2", "status=done", "--today", "2025-05-12").returncode == 0
    git(folder, "commit", "-q", "-am", "A2 done", date="2025-05-12")
    git(folder, "tag", "-a", "copil-2", "-m", "second committee")
    good = plan.read_text(encoding="utf-8")
    plan.write_text(good + "\n  broken: [\n", encoding="utf-8")
    git(folder, "commit", "-q", "-am", "oops", date="2025-05-13")
    plan.write_text(good, encoding="utf-8")
    assert run_cli("set", plan, "A3", "status=done", "--today", "2025-05-19").returncode == 0
    git(folder, "commit", "-q", "-am", "A3 done", date="2025-05-19")
    git(folder, "tag", "copil-3")
    git(folder, "tag", "release-1")  # not a committee
    return folder


def test_every_commit_is_a_point_with_its_figures_as_of_its_day(repo: Path) -> None:
    done = run_cli("history", repo / "support-it.yaml", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    points = data["points"]
    assert [p["date"] for p in points] == ["2025-05-05", "2025-05-12", "2025-05-19"]
    assert [p["done"] for p in points] == [1, 2, 3]
    assert {p["total"] for p in points} == {4}
    assert points[0]["progress"] < points[1]["progress"] < points[2]["progress"]
    assert all(
        set(p) == {"revision", "commit", "date", "progress", "rag", "health", "done", "total", "kpis"} for p in points
    )
    assert set(points[0]["kpis"]) == {"K1"}
    [skipped] = data["skipped"]
    assert skipped["date"] == "2025-05-13" and "support-it.yaml@" in skipped["problem"]


def test_tags_give_one_point_per_committee_named_by_its_tag(repo: Path) -> None:
    data = json.loads(run_cli("history", repo / "support-it.yaml", "--tags", "copil-*", "--format", "json").stdout)
    assert [(p["revision"], p["done"]) for p in data["points"]] == [("copil-1", 1), ("copil-2", 2), ("copil-3", 3)]


def test_since_starts_at_that_revision(repo: Path) -> None:
    data = json.loads(run_cli("history", repo / "support-it.yaml", "--since", "copil-2", "--format", "json").stdout)
    assert data["points"][0]["revision"] == "copil-2"
    assert [p["done"] for p in data["points"]] == [2, 3]


def test_text_shows_the_table_the_rag_trail_and_the_burnup(repo: Path) -> None:
    done = run_cli("history", repo / "support-it.yaml", "--tags", "copil-*")
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Historique : Optimisation support IT")
    assert any(line.startswith("copil-2 ") and "2/4" in line for line in lines)
    assert any(line.startswith("Météo au fil des points : ") and line.count("→") == 2 for line in lines)
    chart = lines[lines.index("Burn-up (█ fait, ░ reste du périmètre) :") + 1 :]
    assert len(chart) == 8 and chart[0].startswith("4 ┤") and chart[-1].startswith("0 ┤")
    assert chart[-1].endswith("██████") and chart[0].endswith("░░░░░░")  # scope 5 at the top, done below
    english = run_cli("history", repo / "support-it.yaml", "--lang", "en", "--format", "markdown")
    assert english.stdout.startswith("## History: Optimisation support IT")
    assert "| Revision | Date | RAG | Progress | Health | Done / scope | K1 |" in english.stdout


def test_a_folder_gives_each_plans_history(repo: Path) -> None:
    shutil.copyfile(PLANS / "essms-qualite.yaml", repo / "essms.yaml")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "second plan", date="2025-05-20")
    data = json.loads(run_cli("history", repo, "--format", "json").stdout)
    assert sorted(Path(p["file"]).name for p in data["plans"]) == ["essms.yaml", "support-it.yaml"]


def test_bad_input_says_why_without_a_traceback(tmp_path: Path, repo: Path) -> None:
    outside = tmp_path / "alone.yaml"
    shutil.copyfile(SUPPORT, outside)
    done = run_cli("history", outside)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "git" in (done.stdout + done.stderr).lower()
    for bad in ("--output=x", "nope-rev"):
        done = run_cli("history", repo / "support-it.yaml", "--since", bad)
        assert done.returncode != 0 and "Traceback" not in done.stderr, done.stderr
    assert not (repo / "x").exists()
    none = run_cli("history", repo / "support-it.yaml", "--tags", "nothing-*")
    assert none.returncode == 0 and "aucune révision" in none.stdout
