"""Benchmark of the documents a client keeps: the QBR deck (.pptx) and the Word canvas (.docx).

For a plan of 1,000 actions (the generator of bench.py) it prints the median time of a cold
`planaction export PLAN -o FILE.pptx` and `.docx` (python-pptx / python-docx imported, the report
built, the file written), beside `.xlsx` and `validate` on the same file for scale.

Targets (issue #15): pptx and docx at 1,000 actions <= 1.5 s each; xlsx still <= 0.6 s.

Usage: python bench/bench_documents.py [--runs 5] [--sizes 1000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench import ensure_bytecode, generate
from bench_exchange import timed

TARGETS = {".pptx": 1.5, ".docx": 1.5, ".xlsx": 0.6}


def main() -> int:
    ensure_bytecode()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    failures = []
    with tempfile.TemporaryDirectory(prefix="planaction-bench-docs-") as folder:
        for size in sizes:
            plan = Path(folder, f"plan-{size}.yaml")
            plan.write_text(generate(size), encoding="utf-8")
            validate = timed(["validate", str(plan)], args.runs)
            times = {}
            for suffix, limit in TARGETS.items():
                out = Path(folder, f"plan-{size}{suffix}")
                times[suffix] = timed(["export", str(plan), "-o", str(out), "--today", "2026-06-01"], args.runs)
                if size == 1000 and times[suffix] > limit:
                    failures.append(f"{suffix} of {size:,} actions took {times[suffix]:.2f} s (target <= {limit} s)")
            rows.append((size, validate, times))
    print(
        f"planaction documents benchmark — Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, medians of cold processes"
    )
    print()
    print("| actions | validate | .pptx | .docx | .xlsx |")
    print("|---:|---:|---:|---:|---:|")
    for size, validate, times in rows:
        print(
            f"| {size:,} | {validate:.2f} s | {times['.pptx']:.2f} s | {times['.docx']:.2f} s | {times['.xlsx']:.2f} s |"
        )
    print()
    print("targets: " + ("all met" if not failures else "MISSED: " + "; ".join(failures)))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
