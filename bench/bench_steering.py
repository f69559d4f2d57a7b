"""Benchmark of the steering outputs on a portfolio: report, due and ics, cold processes.

A folder of 100 plans of 50 actions each (the generator of bench.py, plus
milestones, risks and a decision per plan, each plan with its own id) is read
by each command in a fresh process; the median of the runs is printed, beside
`planaction validate` of the same folder (the part of every command that reads
the plans). `report --since HEAD` adds the git half, with a tenth of the
plans changed since the commit (one `git cat-file --batch-check` then `--batch` for the folder).

Targets (issue #6): report, due and ics on 100 plans of 50 actions <= 2 s cold.

Usage: python bench/bench_steering.py [--runs 5] [--plans 100] [--actions 50]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench import ensure_bytecode, generate

TARGET_SECONDS = 2.0
TODAY = "2026-06-01"


def portfolio_plan(number: int, actions: int) -> str:
    """One plan of the portfolio: the generated actions and KPIs, with what a steering report shows."""
    text = generate(actions).replace(f"id: bench-{actions}", f"id: plan-{number:03d}", 1)
    text = text.replace(f"title: Plan de charge ({actions} actions)", f"title: Plan {number:03d} — portefeuille", 1)
    return text + (
        "milestones:\n"
        "  - id: J1\n    title: Comité de lancement\n    due: 2026-03-01\n    done: true\n"
        "  - id: J2\n    title: Revue à mi-parcours\n    due: 2026-06-15\n"
        "  - id: J3\n    title: Bilan\n    due: 2027-06-30\n"
        "risks:\n"
        "  - id: R1\n    title: Sponsor peu disponible\n    probability: high\n    impact: high\n"
        "    mitigation: Revue bimensuelle\n"
        "  - id: R2\n    title: Adoption faible\n    probability: medium\n    impact: high\n"
        "    mitigation: Formations ciblées\n"
        "decisions:\n"
        "  - id: D1\n    title: Valider la phase 2\n    owner: Comité\n    due: 2026-06-20\n"
    )


def planaction() -> list[str]:
    script = Path(sys.executable).with_name("planaction")
    return [str(script)] if script.exists() else [sys.executable, "-m", "planaction"]


def timed(args: list[str], runs: int, cwd: Path, ok_codes: tuple[int, ...] = (0,)) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run([*planaction(), *args], capture_output=True, cwd=cwd)
        times.append(time.perf_counter() - started)
        if done.returncode not in ok_codes:
            raise SystemExit(f"planaction {' '.join(args)} failed ({done.returncode}): {done.stderr.decode()[:2000]}")
    return statistics.median(times)


def git_commit(folder: Path) -> bool:
    if shutil.which("git") is None:
        return False
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
    }
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "portfolio"]):
        subprocess.run(["git", *command], cwd=folder, check=True, capture_output=True, env=env)
    return True


def main() -> int:
    ensure_bytecode()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--plans", type=int, default=100)
    parser.add_argument("--actions", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="planaction-bench-steering-") as work:
        folder = Path(work, "plans")
        folder.mkdir()
        for number in range(1, args.plans + 1):
            Path(folder, f"plan-{number:03d}.yaml").write_text(portfolio_plan(number, args.actions), encoding="utf-8")
        has_git = git_commit(folder)
        for number in range(1, args.plans + 1, 10):  # a tenth of the plans changed since the last committee
            path = Path(folder, f"plan-{number:03d}.yaml")
            path.write_text(path.read_text(encoding="utf-8").replace("status: todo", "status: done"), encoding="utf-8")
        # `due` exits 3 when something is overdue: that is its answer, not a failure.
        measured = [
            ("validate", ["validate", "."], (0,), False),
            ("report (text)", ["report", ".", "--today", TODAY], (0,), True),
            ("report --format markdown", ["report", ".", "--today", TODAY, "--format", "markdown"], (0,), True),
            ("report --format json", ["report", ".", "--today", TODAY, "--format", "json"], (0,), True),
            ("due", ["due", ".", "--today", TODAY], (0, 3), True),
            ("due --format json", ["due", ".", "--today", TODAY, "--format", "json"], (0, 3), True),
            ("ics", ["ics", ".", "-o", str(Path(work, "plans.ics")), "--today", TODAY], (0,), True),
        ]
        if has_git:
            measured.append(("report --since HEAD", ["report", ".", "--today", TODAY, "--since", "HEAD"], (0,), False))
        results = [
            (name, timed(command, args.runs, folder, codes), targeted) for name, command, codes, targeted in measured
        ]
        events = Path(work, "plans.ics").read_text(encoding="utf-8").count("BEGIN:VEVENT")
    print(
        f"planaction steering benchmark — {args.plans} plans of {args.actions} actions, "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, medians of {args.runs} cold processes"
    )
    print()
    print("| command | time | target |")
    print("|---|---:|---:|")
    for name, seconds, targeted in results:
        print(f"| `planaction {name}` | {seconds:.2f} s | {'<= 2 s' if targeted else '—'} |")
    print()
    print(f"calendar: {events:,} events")
    failures = [f"{name} took {seconds:.2f} s" for name, seconds, targeted in results if targeted and seconds > 2.0]
    print("targets: " + ("all met" if not failures else "MISSED: " + "; ".join(failures)))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
