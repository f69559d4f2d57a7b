"""Benchmark: how long a one-shot command takes from a cold process, beside Taskwarrior and the floors.

A consultant types ``planaction report`` or ``planaction set`` between two
sentences of a meeting; a pre-commit hook runs ``validate`` on every commit.
What they wait for is the whole process: Python's start, our imports, the
schema's build, the read. This prints, as medians of cold processes:

- the floors: ``python -c pass``, pydantic building one tiny model (what any
  pydantic program pays before its first validation), and our model's classes;
- ``validate`` and ``report`` on the bundled support-it plan, ``report`` and a
  one-field ``set`` on a 1,000-action plan;
- Taskwarrior (Debian's ``task``, when installed) listing 1,000 tasks and
  modifying one, on the same machine: the yardstick the issue names.

Target (issue #12): a typical plan's ``validate`` and ``report`` <= 0.1 s cold.

Usage: python bench/bench_cold.py [--runs 15]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench import ensure_bytecode, generate, timed_process

ROOT = Path(__file__).resolve().parent.parent


def planaction() -> list[str]:
    script = Path(sys.executable).with_name("planaction")
    return [str(script)] if script.exists() else [sys.executable, "-m", "planaction"]


def median_of(command: list[str], runs: int, *, before=None, env=None) -> float:
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        started_env = os.environ.copy()
        if env:
            os.environ.update(env)
        try:
            times.append(timed_process(command)[0])
        finally:
            os.environ.clear()
            os.environ.update(started_env)
    return statistics.median(times)


def taskwarrior(folder: Path, tasks: int, runs: int) -> tuple[float, float] | None:
    """Median seconds of ``task list`` over ``tasks`` tasks and of ``task N modify``, or None without it."""
    task = shutil.which("task")
    if task is None:
        return None
    data = folder / "taskdata"
    data.mkdir()
    rc = folder / "taskrc"
    rc.write_text(f"data.location={data}\nconfirmation=off\nverbose=nothing\ncolor=off\nhooks=off\n", encoding="utf-8")
    env = {"TASKRC": str(rc), "TASKDATA": str(data)}
    lines = [
        json.dumps({"description": f"Tâche {n}", "status": "pending", "project": "bench", "entry": "20260101T000000Z"})
        for n in range(1, tasks + 1)
    ]
    subprocess.run(
        [task, "import", "-"],
        input="\n".join(lines),
        text=True,
        env={**os.environ, **env},
        check=True,
        capture_output=True,
    )
    listing = median_of([task, "rc.gc=off", "list", "limit:none"], runs, env=env)
    counter = iter(range(10**6))
    modify = median_of(
        [task, "rc.gc=off", str(tasks // 2), "modify", "description:x"], runs, env=env, before=lambda: next(counter)
    )
    return listing, modify


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    ensure_bytecode()
    command = planaction()
    python = sys.executable
    rows: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        typical = ROOT / "plans" / "support-it.yaml"
        big = folder / "big.yaml"
        big.write_text(generate(1000), encoding="utf-8")
        work = folder / "work.yaml"

        def fresh() -> None:
            shutil.copyfile(big, work)

        rows.append(("floor: python -c pass", median_of([python, "-c", "pass"], runs)))
        skip = "from planaction.cli.startup import skip_pydantic_plugins as s; s()\n"
        tiny = "from pydantic import BaseModel\nclass Tiny(BaseModel):\n    x: int = 0\nTiny(x=1)\n"
        rows.append(("floor: pydantic, one model", median_of([python, "-c", skip + tiny], runs)))
        rows.append(
            ("floor: our model's classes", median_of([python, "-c", skip + "import planaction.core.model"], runs))
        )
        rows.append(("validate support-it", median_of([*command, "validate", str(typical)], runs)))
        rows.append(("report support-it", median_of([*command, "report", str(typical), "--today", "2025-06-01"], runs)))
        rows.append(("report 1,000 actions", median_of([*command, "report", str(big), "--today", "2026-06-01"], runs)))
        rows.append(
            ("set 1,000 actions", median_of([*command, "set", str(work), "A500", "title=x"], runs, before=fresh))
        )
        task = taskwarrior(folder, 1000, runs)
    for name, seconds in rows:
        print(f"{name:<28} {seconds:7.3f} s")
    if task is None:
        print("taskwarrior                  not installed (apt-get install taskwarrior)")
    else:
        print(f"{'taskwarrior list 1,000':<28} {task[0]:7.3f} s")
        print(f"{'taskwarrior modify 1 of 1,000':<28} {task[1]:7.3f} s")
    target = dict(rows)
    ok = target["validate support-it"] <= 0.1 and target["report support-it"] <= 0.1
    print(f"target validate/report <= 0.1 s cold: {'met' if ok else 'not met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
