"""Benchmark of the one-page report: `planaction export` to .html and .pdf, cold processes.

For a plan of 1,000 actions (the generator of bench.py) it prints the median time of
`planaction export PLAN -o page.html` and `-o page.pdf` (the PDF includes starting headless
Chromium), with `planaction validate` on the same file beside them: the part of any command that
reads the plan. A cold process each time, as a consultant runs it.

Targets (issue 15): html <= 0.8 s, pdf <= 3 s at 1,000 actions.

Usage: python bench/bench_export.py [--runs 5] [--sizes 1000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench import ensure_bytecode, generate
from bench_exchange import timed

TARGETS = {".html": 0.8, ".pdf": 3.0}


def main() -> int:
    ensure_bytecode()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    suffixes = [".html", ".pdf"] if shutil.which("chromium") or os.environ.get("PLANACTION_CHROMIUM") else [".html"]
    results = []
    with tempfile.TemporaryDirectory(prefix="planaction-bench-page-") as folder:
        for size in sizes:
            plan = Path(folder, f"plan-{size}.yaml")
            plan.write_text(generate(size), encoding="utf-8")
            validate = timed(["validate", str(plan)], args.runs)
            row = {"validate": validate}
            for suffix in suffixes:
                out = Path(folder, f"page-{size}{suffix}")
                row[suffix] = timed(["export", str(plan), "-o", str(out), "--today", "2026-06-01"], args.runs)
                row[suffix + " KB"] = out.stat().st_size / 1024
            results.append((size, row))
    print(
        f"planaction one-page report benchmark — Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
        "medians of cold processes"
    )
    print()
    print("| actions | validate | html | html size | pdf | pdf size |")
    print("|---:|---:|---:|---:|---:|---:|")
    for size, row in results:
        pdf = f"{row['.pdf']:.2f} s | {row['.pdf KB']:,.0f} KB" if ".pdf" in row else "— | —"
        print(f"| {size:,} | {row['validate']:.2f} s | {row['.html']:.2f} s | {row['.html KB']:,.0f} KB | {pdf} |")
    print()
    failures = [
        f"{suffix} of {size:,} actions took {row[suffix]:.2f} s (target <= {limit} s)"
        for size, row in results
        if size == 1000
        for suffix, limit in TARGETS.items()
        if suffix in row and row[suffix] > limit
    ]
    print("targets: " + ("all met" if not failures else "MISSED: " + "; ".join(failures)))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
