"""Benchmark: git's merge driver (``planaction merge %O %A %B -o %A``) on a plan of 1,000 actions, cold.

Three files as two people leave them: ours changed ten actions' progress and added one action,
theirs changed ten other actions' status and comment, added a log entry and an action with the
same new id (renumbered). Each run is a new process, as git starts one per conflicting file:
start-up, reading the three plans, the merge, the exact render and the check that the result
reads back. It prints the median wall time of a clean merge and of one with a conflict (the
second render and the markers), beside ``git merge-file`` (git's line merge) on the same files,
and two floors it cannot go under: ``planaction validate`` of one of the three plans, and the
imports alone (Python, pydantic building the model, the YAML reader).

Target (issue 17): the driver on a 1,000-action plan <= 0.5 s cold.

Usage: python bench/bench_merge.py [--actions 1000] [--runs 7]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import ensure_bytecode, generate  # bench/bench.py: the realistic plan, the bytecode

TARGET_S = 0.5


def planaction() -> list[str]:
    script = Path(sys.executable).with_name("planaction")
    return [str(script)] if script.exists() else [sys.executable, "-m", "planaction"]


def sides(actions: int, conflict: bool) -> tuple[str, str, str]:
    base = generate(actions)
    ours = base
    theirs = base
    for i in range(10, 110, 10):  # ten actions' progress on our side
        ours = ours.replace(f"  - id: A{i}\n", f"  - id: A{i}\n    # relu par nous\n", 1)
    ours = ours.replace(
        "log:\n", f"  - id: A{actions + 1}\n    title: Notre nouvelle action\n    owner: CSM\nlog:\n", 1
    )
    for i in range(15, 115, 10):  # ten other actions' comment on theirs
        theirs = theirs.replace(f"    comment: 'Point d''étape n°{i} # suivi hebdo'", f"    comment: Revu n°{i}", 1)
    theirs = theirs.replace(
        "log:\n", f"  - id: A{actions + 1}\n    title: Leur nouvelle action\n    owner: Développeur\nlog:\n", 1
    )
    theirs = theirs.replace("kpis:\n", "  - date: 2026-12-01\n    action: A3\n    result: Revu en comité\nkpis:\n", 1)
    if conflict:
        ours = ours.replace("title: Plan de charge", "title: Notre plan de charge", 1)
        theirs = theirs.replace("title: Plan de charge", "title: Leur plan de charge", 1)
    return base, ours, theirs


def run_driver(folder: Path, texts: tuple[str, str, str], runs: int) -> tuple[float, int]:
    times = []
    code = 0
    for _ in range(runs):
        paths = []
        for name, text in zip(("base", "ours", "theirs"), texts, strict=True):
            path = folder / f"{name}.yaml"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        command = [*planaction(), "merge", *map(str, paths), "-o", str(paths[1]), "-L", "7", "-p", "plan.yaml"]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
        code = done.returncode
    return statistics.median(times), code


def run_git(folder: Path, texts: tuple[str, str, str], runs: int) -> float | None:
    if shutil.which("git") is None:
        return None
    times = []
    for _ in range(runs):
        for name, text in zip(("base", "ours", "theirs"), texts, strict=True):
            (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
        started = time.perf_counter()
        subprocess.run(["git", "merge-file", "ours.yaml", "base.yaml", "theirs.yaml"], cwd=folder, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def floors(folder: Path, runs: int) -> tuple[float, float]:
    """Median cold ``planaction validate base.yaml`` and ``import planaction.store.plan_merge``."""
    validate, imports = [], []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([*planaction(), "validate", str(folder / "base.yaml")], capture_output=True, check=False)
        validate.append(time.perf_counter() - started)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import planaction.store.plan_merge"], check=False)
        imports.append(time.perf_counter() - started)
    return statistics.median(validate), statistics.median(imports)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    ensure_bytecode()  # as git would run an installed planaction, not one recompiled in every process
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="bench-merge-") as tmp:
        folder = Path(tmp)
        print(f"merge driver, {args.actions} actions, median of {args.runs} cold processes")
        for label, conflict in (("clean", False), ("conflict", True)):
            texts = sides(args.actions, conflict)
            seconds, code = run_driver(folder, texts, args.runs)
            worst = max(worst, seconds)
            line_merge = run_git(folder, texts, args.runs)
            git_said = f"   git merge-file {line_merge * 1000:6.0f} ms" if line_merge is not None else ""
            print(f"  {label:<9} {seconds * 1000:6.0f} ms  exit {code}{git_said}")
        validate, imports = floors(folder, args.runs)
        print(f"  floors    validate one plan {validate * 1000:.0f} ms, imports alone {imports * 1000:.0f} ms")
    verdict = "meets" if worst <= TARGET_S else "MISSES"
    print(f"target <= {TARGET_S * 1000:.0f} ms: {verdict} ({worst * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
