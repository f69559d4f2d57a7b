"""Benchmark of the client workbook: export and import times, cold processes.

For plans of 1,000 and 10,000 actions (the generator of bench.py) it prints
the median time of `planaction export` and, for 1,000 actions, of
`planaction import` of a workbook where the client changed 100 statuses and
progress values and added 50 follow-up rows. Beside them, `planaction
validate` on the same file: the part of any command that reads the plan.

Targets (issue #5): export of 1,000 actions <= 0.6 s, 10,000 <= 5 s;
import of 1,000 rows <= 1 s.

With ``--split``, also where a cold export of 1,000 actions spends its time
(medians of cold processes, each phase timed inside the process): the plan's
model and reader, openpyxl, the workbook's own modules (with the views they
show), reading the plan, building the workbook, writing the file. Only
paired figures compare two trees: the machine's speed drifts during a day.

Usage: python bench/bench_exchange.py [--runs 5] [--split]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench import ensure_bytecode, generate


def planaction() -> list[str]:
    script = Path(sys.executable).with_name("planaction")
    return [str(script)] if script.exists() else [sys.executable, "-m", "planaction"]


def timed(args: list[str], runs: int, *, before=None) -> float:
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        started = time.perf_counter()
        subprocess.run([*planaction(), *args], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def client_edits(book: Path, edited: Path) -> None:
    import openpyxl

    workbook = openpyxl.load_workbook(book)
    actions = workbook["Actions"]
    for row in range(2, 102):
        actions.cell(row=row, column=9).value = "Terminé"
        actions.cell(row=row, column=10).value = 1
    log = workbook["Suivi"]
    for i in range(50):
        log.append([dt.date(2026, 7, 1), f"A{i + 1}", None, f"Point client {i}", None, "Client"])
    workbook.save(edited)


#: One cold export, each phase timed where it happens (see ``--split``); prints "phase seconds" lines.
SPLIT = """
import time
started = time.perf_counter()
marks = []
def mark(name):
    marks.append((name, time.perf_counter()))
import datetime as dt, sys
from pathlib import Path
import planaction.cli  # first, as the command: it tells pydantic there are no plugins (cli/startup.py)
from planaction import store
mark("model and reader imports")
import planaction.exchange.xlsx, openpyxl
mark("openpyxl import")
from planaction.exchange.xlsx import export
mark("workbook modules import")
document = store.load(Path(sys.argv[1]), nodes=False)
mark("reading the plan")
data = export.render(document.plan, plan_id=document.plan_id, file_name="plan.yaml", today=dt.date(2026, 6, 1),
                     lang=document.plan.language, plan_path=document.path)
mark("building the workbook")
Path(sys.argv[2]).write_bytes(data)
mark("writing the file")
last = started
for name, at in marks:
    print(f"{name}\t{at - last:.4f}")
    last = at
"""


def split(plan: Path, book: Path, runs: int) -> list[tuple[str, float]]:
    """The median of each phase of ``SPLIT`` over ``runs`` cold processes."""
    phases: dict[str, list[float]] = {}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", SPLIT, str(plan), str(book)], check=True, capture_output=True, text=True
        )
        for line in done.stdout.splitlines():
            name, seconds = line.split("\t")
            phases.setdefault(name, []).append(float(seconds))
    return [(name, statistics.median(times)) for name, times in phases.items()]


def main() -> int:
    ensure_bytecode()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--split", action="store_true", help="also where a cold export of 1,000 actions spends its time"
    )
    args = parser.parse_args()
    results = []
    phases: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="planaction-bench-xlsx-") as folder:
        for size in (1000, 10_000):
            plan = Path(folder, f"plan-{size}.yaml")
            plan.write_text(generate(size), encoding="utf-8")
            runs = args.runs if size < 10_000 else max(3, args.runs // 2)
            validate = timed(["validate", str(plan)], runs)
            book = Path(folder, f"plan-{size}.xlsx")
            export = timed(["export", str(plan), "-o", str(book), "--today", "2026-06-01"], runs)
            size_kb = book.stat().st_size / 1024
            imported = None
            if size == 1000:
                edited = Path(folder, "edited.xlsx")
                client_edits(book, edited)
                pristine = plan.read_bytes()
                # the workbook's plan id is the plan's: import into a fresh copy each run
                target = Path(folder, "import", plan.name)
                target.parent.mkdir(exist_ok=True)

                def reset_target(target: Path = target, pristine: bytes = pristine) -> None:
                    target.write_bytes(pristine)

                imported = timed(
                    ["import", str(target), str(edited), "--today", "2026-07-02"], runs, before=reset_target
                )
            if size == 1000 and args.split:
                phases = split(plan, Path(folder, "split.xlsx"), args.runs)
            results.append((size, validate, export, size_kb, imported))
    print(
        f"planaction workbook benchmark — Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, medians of cold processes"
    )
    print()
    print("| actions | validate | export | workbook | import (100 edited rows + 50 log rows) |")
    print("|---:|---:|---:|---:|---:|")
    for size, validate, export, size_kb, imported in results:
        shown = f"{imported:.2f} s" if imported is not None else "—"
        print(f"| {size:,} | {validate:.2f} s | {export:.2f} s | {size_kb:,.0f} KB | {shown} |")
    print()
    if phases:
        print("Where a cold export of 1,000 actions spends its time (medians, Python's start not counted):")
        print()
        print("| phase | time |")
        print("|---|---:|")
        for name, seconds in phases:
            print(f"| {name} | {seconds * 1000:.0f} ms |")
        print(f"| total | {sum(seconds for _name, seconds in phases) * 1000:.0f} ms |")
        print()
    failures = []
    for size, _validate, export, _kb, imported in results:
        limit = 0.6 if size == 1000 else 5.0
        if export > limit:
            failures.append(f"export of {size:,} actions took {export:.2f} s (target <= {limit} s)")
        if imported is not None and imported > 1.0:
            failures.append(f"import of {size:,} rows took {imported:.2f} s (target <= 1 s)")
    print("targets: " + ("all met" if not failures else "MISSED: " + "; ".join(failures)))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
