"""Benchmark: ``planaction history`` on real git histories, cold (a new process per run).

One plan of ``--actions`` actions committed ``--commits`` times (each revision's text differs from
the one before, so that each is parsed: the worst case); and a folder
of ``--plans`` such plans of 50 actions over ``--folder-commits`` commits each. It prints the median
wall time of the history of the plan, of the folder, and the floor ``planaction validate`` of the
plan (start-up and one read).

Targets (issue 17): a plan over 100 commits <= 1.5 s; a folder of 20 plans over 50 commits <= 3 s.

Usage: python bench/bench_history.py [--actions 200] [--commits 100] [--plans 20] [--folder-commits 50] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import ensure_bytecode, generate  # bench/bench.py: the realistic plan, the bytecode

PLAN_TARGET_S = 1.5
FOLDER_TARGET_S = 3.0
ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "b",
    "GIT_AUTHOR_EMAIL": "b@x",
    "GIT_COMMITTER_NAME": "b",
    "GIT_COMMITTER_EMAIL": "b@x",
}


def planaction() -> list[str]:
    script = Path(sys.executable).with_name("planaction")
    return [str(script)] if script.exists() else [sys.executable, "-m", "planaction"]


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=ENV)


def committed(repo: Path, names: list[str], actions: int, commits: int) -> None:
    """Each plan written, then committed ``commits`` times, its text different each time (a line
    of the committee's notes), so that every revision is a distinct text to parse: the worst case."""
    texts = {name: generate(actions) for name in names}
    for step in range(commits):
        for name in names:
            texts[name] += f"# committee {step}\n"
            (repo / name).write_text(texts[name], encoding="utf-8")
        git(repo, "add", ".")
        git(repo, "commit", "-q", "-m", f"step {step}")


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument("--commits", type=int, default=100)
    parser.add_argument("--plans", type=int, default=20)
    parser.add_argument("--folder-commits", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ensure_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        one, many = Path(tmp, "one"), Path(tmp, "many")
        for repo in (one, many):
            repo.mkdir()
            git(repo, "init", "-q", "-b", "main")
        committed(one, ["plan.yaml"], args.actions, args.commits)
        committed(many, [f"plan-{i:02}.yaml" for i in range(args.plans)], 50, args.folder_commits)
        plan = median_seconds([*planaction(), "history", str(one / "plan.yaml"), "--format", "json"], args.runs)
        folder = median_seconds([*planaction(), "history", str(many), "--format", "json"], args.runs)
        floor = median_seconds([*planaction(), "validate", str(one / "plan.yaml")], args.runs)
    print(
        f"history, 1 plan of {args.actions} actions over {args.commits} commits: {plan:.2f} s (target <= {PLAN_TARGET_S} s)"
    )
    print(
        f"history, folder of {args.plans} plans over {args.folder_commits} commits: {folder:.2f} s "
        f"(target <= {FOLDER_TARGET_S} s)"
    )
    print(f"floor: validate of the plan: {floor:.2f} s")


if __name__ == "__main__":
    main()
