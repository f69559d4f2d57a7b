"""Benchmark: how fast planaction reads, validates and saves plans of 100 to 10,000 actions.

For each size it prints, beside the floor (ruamel's C composer alone on the
same file, in a cold process):

- cold-process ``planaction validate`` time and its ratio to the floor;
- in-process load time (read + parse + validate + checks);
- one-field save time of a loaded plan (edit + diff + patch + the check that
  the saved text reads back as the plan + atomic write), whether the saved
  file differs from the original by exactly one line, and what the check
  alone cost (``savecheck`` re-reads only the changed regions);
- peak memory (max RSS) of the validate and floor processes.

Targets (issue #3): validate <= 1.5x the floor; a one-field save of a loaded
1,000-action plan <= 50 ms with a one-line diff.

Usage: python bench/bench.py [--sizes 100,1000,10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STATUSES = ["todo", "in_progress", "done", "blocked", "in_progress"]
OWNERS = [
    "Responsable IT",
    "Développeur",
    "Responsable qualité",
    "Chef de projet",
    "Responsable RH",
    "CSM",
]


def generate(actions: int) -> str:
    """A realistic plan: every action has a dozen fields, some comments, a log and KPIs."""
    start = dt.date(2026, 1, 5)
    lines = [
        "# yaml-language-server: $schema=../schema/plan.schema.json",
        f"# Plan de banc d'essai : {actions} actions",
        "schema: 1",
        f"id: bench-{actions}",
        f"title: Plan de charge ({actions} actions)",
        "type: operational",
        "owner: Direction des opérations",
        "period:",
        "  start: 2026-01-05",
        "  end: 2027-12-31",
        "objective:",
        "  statement: Réduire le délai de traitement de 10 à 5 jours",
        "  indicator: Délai moyen",
        "  unit: jours",
        "  baseline: 10",
        "  target: 5",
        "  deadline: 2027-06-30",
        "streams:",
        "  - id: tech",
        "    name: Technique",
        "  - id: adoption",
        "    name: Adoption",
        "actions:",
    ]
    for i in range(1, actions + 1):
        status = STATUSES[i % len(STATUSES)]
        begin = start + dt.timedelta(days=i % 300)
        due = begin + dt.timedelta(days=14 + i % 60)
        progress = {"todo": 0, "done": 100}.get(status, (i * 7) % 95 + 1)
        lines += [
            f"  - id: A{i}",
            f"    title: Action {i} — former les agents à la procédure n°{i}",
            f"    owner: {OWNERS[i % len(OWNERS)]}",
            "    co_owners: [Ana, Léo]",
            f"    stream: {'tech' if i % 2 else 'adoption'}",
            f"    priority: {('low', 'medium', 'high')[i % 3]}",
            f"    impact: {i % 6}",
            f"    urgency: {(i * 3) % 6}",
            f"    effort: {1 + i % 5}",
            f"    start: {begin.isoformat()}",
            f"    due: {due.isoformat()}",
        ]
        if status == "done":
            lines.append(f"    completed: {due.isoformat()}")
        lines += [
            f"    status: {status}",
            f"    progress: {progress}",
            "    resources: Salle + formateur",
            f"    budget: {1000 + i % 9 * 250}",
            "    indicators:",
            "      - 100 % des agents formés",
            f"    comment: 'Point d''étape n°{i} # suivi hebdo'",
        ]
        if i % 10 == 0:
            lines.append("    # relu en comité de pilotage")
    lines.append("log:")
    for i in range(1, actions // 5 + 1):
        lines += [
            f"  - date: {(start + dt.timedelta(days=i % 300)).isoformat()}",
            f"    action: A{i * 5}",
            f"    result: Taux d'utilisation {i % 100} %",
        ]
    lines += [
        "kpis:",
        "  - id: K1",
        "    name: Délai moyen de traitement",
        "    unit: jours",
        "    direction: down",
        "    baseline: 10",
        "    target: 5",
        "    measurements:",
    ]
    for week in range(20):
        lines += [
            f"      - date: {(start + dt.timedelta(weeks=week)).isoformat()}",
            f"        value: {10 - week * 0.2:.1f}",
        ]
    return "\n".join(lines) + "\n"


FLOOR = (
    "import sys\n"
    "from ruamel.yaml import YAML\n"
    "YAML(typ='safe', pure=False).compose(open(sys.argv[1], encoding='utf-8').read())\n"
)


def timed_process(command: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MB) of one cold process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0,):
        raise SystemExit(f"command failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss / 1024


def median_process(command: list[str], runs: int) -> tuple[float, float]:
    results = [timed_process(command) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def in_process(path: Path, runs: int) -> tuple[float, float, bool, float]:
    """Median load time, median one-field save time, whether each save was a one-line diff, and
    the median time of the save's check (included in the save time)."""
    from planaction import store
    from planaction.core import ops
    from planaction.store import savecheck

    checks: list[float] = []
    real_check = savecheck.check

    def timed_check(*args, **kwargs):
        started = time.perf_counter()
        try:
            return real_check(*args, **kwargs)
        finally:
            checks.append(time.perf_counter() - started)

    savecheck.check = timed_check

    loads = []
    for _ in range(runs):
        started = time.perf_counter()
        store.load(path)
        loads.append(time.perf_counter() - started)
    saves = []
    one_line = True
    original = path.read_text(encoding="utf-8")
    for run in range(runs):
        work = path.with_name(f"save-{run}.yaml")
        shutil.copyfile(path, work)
        document = store.load(work)
        middle = document.plan.actions[len(document.plan.actions) // 2]
        started = time.perf_counter()
        plan = ops.update_action(document.plan, middle.id, {"title": f"Titre modifié {run}"}, dt.date(2026, 6, 1))
        document.save(plan)
        saves.append(time.perf_counter() - started)
        after = work.read_text(encoding="utf-8")
        changed = [
            line
            for line in difflib.unified_diff(original.splitlines(), after.splitlines(), lineterm="", n=0)
            if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
        ]
        one_line = one_line and len(changed) == 2
        work.unlink()
    savecheck.check = real_check
    return statistics.median(loads), statistics.median(saves), one_line, statistics.median(checks)


def ensure_bytecode() -> None:
    """Compile planaction's modules, as an installed package has them.

    An editable install under PYTHONDONTWRITEBYTECODE=1 (set on this project's
    machines) never writes .pyc files, and every cold process would then
    compile the package from source: 0.05-0.1 s that a user never pays.
    """
    import compileall

    import planaction

    compileall.compile_dir(Path(planaction.__file__).parent, quiet=1)


def main() -> int:
    ensure_bytecode()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    planaction = [str(Path(sys.executable).with_name("planaction"))]
    if not Path(planaction[0]).exists():
        planaction = [sys.executable, "-m", "planaction"]
    rows = []
    with tempfile.TemporaryDirectory(prefix="planaction-bench-") as folder:
        for size in sizes:
            path = Path(folder, f"plan-{size}.yaml")
            path.write_text(generate(size), encoding="utf-8")
            runs = args.runs if size < 10_000 else max(3, args.runs // 2)
            floor, floor_mb = median_process([sys.executable, "-c", FLOOR, str(path)], runs)
            validate, validate_mb = median_process([*planaction, "validate", str(path)], runs)
            load, save, one_line, check = in_process(path, runs)
            rows.append(
                (
                    size,
                    path.stat().st_size,
                    floor,
                    validate,
                    load,
                    save,
                    one_line,
                    check,
                    floor_mb,
                    validate_mb,
                )
            )
    print(f"planaction benchmark — Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, medians")
    print()
    print(
        "| actions | file | floor: C compose (cold) | validate (cold) | ratio | load (in-process) | one-field save"
        " | one-line diff | of which the check | peak MB floor / validate |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|:-:|---:|---:|")
    for size, nbytes, floor, validate, load, save, one_line, check, floor_mb, validate_mb in rows:
        print(
            f"| {size:,} | {nbytes / 1024:,.0f} KB | {floor:.3f} s | {validate:.3f} s | {validate / floor:.2f}x"
            f" | {load:.3f} s | {save * 1000:.1f} ms | {'yes' if one_line else 'NO'} | {check * 1000:.1f} ms"
            f" | {floor_mb:.0f} / {validate_mb:.0f} |"
        )
    print()
    failures = []
    for size, _n, floor, validate, _l, save, one_line, _c, _f, _v in rows:
        if validate > 1.5 * floor and size >= 1000:
            failures.append(f"validate of {size:,} actions is {validate / floor:.2f}x the floor (target <= 1.5x)")
        if size == 1000 and (save > 0.050 or not one_line):
            failures.append(
                f"one-field save of 1,000 actions took {save * 1000:.1f} ms (target <= 50 ms, one-line diff)"
            )
    print("targets: " + ("all met" if not failures else "MISSED: " + "; ".join(failures)))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
