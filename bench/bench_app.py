"""Benchmark of the terminal app: time to first full paint, and time per key.

For plans of 1,000 and 10,000 actions (the same generator as bench.py) it
prints, as medians of cold processes:

- planaction's time from process start to the first full paint of the plan
  screen (headless, exit right after that paint);
- the same for a bare Textual app that reads the same file with the same fast
  YAML reader and shows the same rows in a minimal line-API widget, with no
  validation, no rules, no tabs: the floor any Textual app pays;
- the ratio of the two (target <= 1.3) and, in process, the time to handle
  a cursor move, a status change (s) and a filter character (median of 20
  Pilot round trips, minus the median round trip of a key bound to nothing,
  which is the Pilot's own waiting).

Then, in process at 1,000 actions, each tab's first display (its digit key,
its widgets built and filled) and the time to open each kind of form: the
action form (e), a form generated from the model (a new risk, the plan's header),
each opened five times: the first opening (the form built, or, a second after the
first paint, the action form the app built while idle, refilled) and the median of
the later ones (the form kept from the first, refilled: ``tui/forms/kept.py``).
A tab's widgets are built when the app is idle after the first paint, or when
the tab is first shown if that comes first: each tab is timed both ways, with
its digit pressed at once after the first paint ("at once") and a second later.

Tabs and forms are timed twice: wall-clock time above the Pilot's own round trip,
and the process's CPU time above that round trip's (``time.process_time``): on a
machine shared with other work the wall clock counts their time too, while the
CPU time is what the app itself spent.

Targets (issue #4): first paint of 1,000 actions <= 1.5 s; 10,000 <= 4 s;
each key < 100 ms at 1,000 actions. Issue #13: each tab's first display
<= 200 ms, a form opens in < 100 ms.

Usage: python bench/bench_app.py [--sizes 1000,10000] [--runs 5] [--only tabs,forms|leftovers]

``--only tabs,forms`` times only the tabs and forms at 1,000 actions, in process (no cold processes,
no keys, no second run of the tabs a second later): the figures to compare while working on them.
``--only leftovers`` opens and closes the action form forty times and prints what each one left alive
(objects and traced kB): a form left behind made every later opening slower.
"""

from __future__ import annotations

import argparse
import asyncio
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

TODAY = "2026-06-01"

PLANACTION_RUNNER = """
import sys, datetime as dt
from pathlib import Path
from planaction.tui.screens import plan as plan_screen
from planaction.tui.app import PlanactionApp

mounted = plan_screen.PlanScreen.on_mount

def on_mount(self):
    mounted(self)
    # exit once the plan screen has been laid out and drawn
    self.call_after_refresh(lambda: self.app.call_after_refresh(self.app.exit))

plan_screen.PlanScreen.on_mount = on_mount
PlanactionApp(Path(sys.argv[1]), today=dt.date.fromisoformat(sys.argv[2])).run(headless=True, size=(120, 40))
"""

BARE_RUNNER = """
import sys
from rich.segment import Segment
from textual.app import App
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from planaction.yamlfile.nodes import compose

class Rows(ScrollView):
    def __init__(self, rows):
        super().__init__()
        self.rows = rows
        self.virtual_size = Size(120, len(rows))

    def render_line(self, y):
        index = self.scroll_offset.y + y
        if index >= len(self.rows):
            return Strip.blank(self.size.width)
        a = self.rows[index]
        text = f"{a['id']:<6} {a['title'][:50]:<50} {a['owner'][:20]:<20} {a.get('due')} {a.get('status', '')}"
        return Strip([Segment(text, self.rich_style)]).crop_extend(0, self.size.width, self.rich_style)

class Bare(App):
    def compose(self):
        data, _ = compose(open(sys.argv[1], encoding="utf-8").read())
        yield Rows(data["actions"])

    def on_mount(self):
        self.call_after_refresh(lambda: self.call_after_refresh(self.exit))

Bare().run(headless=True, size=(120, 40))
"""


def cold(runner: str, path: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", runner, str(path), TODAY], check=True, env={**os.environ, "NO_COLOR": "1"}
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


async def key_times(path: Path) -> dict[str, float]:
    from planaction.tui.app import PlanactionApp
    from planaction.tui.widgets.line_table import LineTable

    app = PlanactionApp(path, today=dt.date.fromisoformat(TODAY))
    results: dict[str, list[float]] = {"cursor move": [], "status (s)": [], "filter character": []}
    idle: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#action-table", LineTable)
        for _ in range(20):  # the Pilot's own round trip, with a key nothing is bound to
            started = time.perf_counter()
            await pilot.press("f12")
            await pilot.pause()
            idle.append(time.perf_counter() - started)
        for _ in range(20):
            started = time.perf_counter()
            await pilot.press("down")
            await pilot.pause()
            results["cursor move"].append(time.perf_counter() - started)
        for _ in range(20):
            started = time.perf_counter()
            await pilot.press("s")
            await pilot.pause()
            results["status (s)"].append(time.perf_counter() - started)
        await pilot.press("slash")
        for character in "action 12345678901234"[:20]:
            started = time.perf_counter()
            await pilot.press("space" if character == " " else character)
            await pilot.pause()
            results["filter character"].append(time.perf_counter() - started)
        assert table.rows is not None
    floor = statistics.median(idle)
    return {key: max(statistics.median(values) - floor, 0.0) for key, values in results.items()}


async def tab_and_form_times(
    path: Path, *, wait: float = 0.0, cpu: dict[str, float] | None = None
) -> tuple[dict[str, float], dict[str, float]]:
    """Each tab's first display and each form's opening, in seconds above the Pilot's own round trip.

    ``wait``: seconds between the first paint and the first key (the app builds hidden tabs meanwhile).
    ``cpu``, when given, receives the same figures in CPU time (tabs by id, forms by name)."""
    from planaction.tui import tabs
    from planaction.tui.app import PlanactionApp

    app = PlanactionApp(path, today=dt.date.fromisoformat(TODAY))
    # the tabs' underline slides for 0.3 s after the tab is shown; the Pilot's wait for idle counted some
    # of its frames, more or fewer from run to run: the tab's display is what is timed, not the slide
    app.animation_level = "none"
    shown: dict[str, float] = {}
    forms: dict[str, list[float]] = {"action form (e)": [], "new risk (a)": [], "plan header (e)": []}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if wait:
            await pilot.pause(wait)
        idle, idle_cpu = [], []
        for _ in range(10):
            started, started_cpu = time.perf_counter(), time.process_time()
            await pilot.press("f12")
            await pilot.pause()
            idle.append(time.perf_counter() - started)
            idle_cpu.append(time.process_time() - started_cpu)
        floor, floor_cpu = statistics.median(idle), statistics.median(idle_cpu)
        spent: list[float] = []  # the CPU time of the last ``timed``

        async def timed(*keys: str) -> float:
            started, started_cpu = time.perf_counter(), time.process_time()
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            spent[:] = [max(time.process_time() - started_cpu - floor_cpu * len(keys), 0.0)]
            return max(time.perf_counter() - started - floor * len(keys), 0.0)

        forms_cpu: dict[str, list[float]] = {key: [] for key in forms}
        for number, tab in enumerate(tabs.TABS[1:10], 2):
            if tab.shown(app.screen.plan):
                shown[tab.id] = await timed(str(number % 10))
                if cpu is not None:
                    cpu[tab.id] = spent[0]
        for _ in range(5):
            for tab_key, form_key, form in (
                ("1", "e", "action form (e)"),
                ("5", "a", "new risk (a)"),
                ("7", "e", "plan header (e)"),
            ):
                await timed(tab_key)
                forms[form].append(await timed(form_key))
                forms_cpu[form].append(spent[0])
                await timed("escape")
    if cpu is not None:
        cpu.update({key: statistics.median(values[1:]) for key, values in forms_cpu.items()})
        cpu.update({f"{key}, first": values[0] for key, values in forms_cpu.items()})
    # the first opening of each kind and the median of the later ones, refilled (``tui/forms/kept.py``): the
    # action form is built at idle, so that its first opening is a refill too
    return shown, {
        **{key: statistics.median(values[1:]) for key, values in forms.items()},
        **{f"{key}, first": values[0] for key, values in forms.items()},
    }


def only_tabs_and_forms() -> int:
    """Each tab's first display and each form's opening at 1,000 actions, wall and CPU time."""
    with tempfile.TemporaryDirectory(prefix="planaction-bench-app-") as folder:
        path = Path(folder, "plan-1000.yaml")
        path.write_text(generate(1000), encoding="utf-8")
        cpu: dict[str, float] = {}
        tab_times, form_times = asyncio.run(tab_and_form_times(path, cpu=cpu))
    for name, value in (*tab_times.items(), *form_times.items()):
        print(f"{name}: {value * 1000:.0f} ms, CPU {cpu[name] * 1000:.0f} ms")
    return 0


async def forms_left_behind(path: Path, forms: int = 40) -> tuple[float, float]:
    """Objects and traced kB left alive per action form opened and closed (``tui/widgets/leftovers.py``).

    Opened with ``e``, closed with escape, ``forms`` times after two to warm Textual's caches; counted after a
    full collection, frozen objects included (a plan's read freezes what is alive)."""
    import gc
    import tracemalloc

    from planaction.tui.app import PlanactionApp

    def alive() -> tuple[int, int]:
        gc.collect()
        return len(gc.get_objects()) + gc.get_freeze_count(), tracemalloc.get_traced_memory()[0]

    tracemalloc.start()
    app = PlanactionApp(path, today=dt.date.fromisoformat(TODAY))
    app.animation_level = "none"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        for _ in range(100):  # the hidden tabs built first (at idle, not under a form): what they hold is not a form's
            if not any(screen._unbuilt(tab.id) for tab in screen.shown_tabs()):
                break
            await pilot.pause(0.1)
        for opened in range(forms + 2):
            if opened == 2:
                objects, traced = alive()
            await pilot.press("e")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        await pilot.pause(0.3)
        objects_after, traced_after = alive()
    tracemalloc.stop()
    return (objects_after - objects) / forms, (traced_after - traced) / 1024 / forms


def only_leftovers() -> int:
    """What each action form opened and closed leaves alive, at 1,000 actions."""
    with tempfile.TemporaryDirectory(prefix="planaction-bench-app-") as folder:
        path = Path(folder, "plan-1000.yaml")
        path.write_text(generate(1000), encoding="utf-8")
        objects, kilobytes = asyncio.run(forms_left_behind(path))
    print(f"per action form opened and closed: {objects:.0f} objects, {kilobytes:.1f} kB left alive")
    return 0


def main() -> int:
    ensure_bytecode()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--only",
        default="",
        help="tabs,forms: only the in-process tabs and forms at 1,000 actions; "
        "leftovers: what each action form opened and closed leaves alive",
    )
    args = parser.parse_args()
    if args.only == "leftovers":
        return only_leftovers()
    if args.only:
        return only_tabs_and_forms()
    rows = []
    with tempfile.TemporaryDirectory(prefix="planaction-bench-app-") as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(folder, f"plan-{size}.yaml")
            path.write_text(generate(size), encoding="utf-8")
            runs = args.runs if size < 10_000 else max(3, args.runs // 2)
            bare = cold(BARE_RUNNER, path, runs)
            ours = cold(PLANACTION_RUNNER, path, runs)
            keys = asyncio.run(key_times(path))
            rows.append((size, bare, ours, keys))
            if size == 1000:
                cpu_times: dict[str, float] = {}
                tab_times, form_times = asyncio.run(tab_and_form_times(path, cpu=cpu_times))
                tab_times_later, form_times_later = asyncio.run(tab_and_form_times(path, wait=1.5))
    print(
        f"planaction app benchmark — Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, medians, 120x40 headless"
    )
    print()
    print(
        "| actions | bare Textual app, first paint | planaction, first paint | ratio | cursor move | status (s) | filter character |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size, bare, ours, keys in rows:
        print(
            f"| {size:,} | {bare:.2f} s | {ours:.2f} s | {ours / bare:.2f}x"
            f" | {keys['cursor move'] * 1000:.0f} ms | {keys['status (s)'] * 1000:.0f} ms | {keys['filter character'] * 1000:.0f} ms |"
        )
    print()
    if "tab_times" in locals():
        print("| at 1,000 actions | " + " | ".join(tab_times) + " |")
        print("|---|" + "---:|" * len(tab_times))
        print("| tab's first display, at once | " + " | ".join(f"{v * 1000:.0f} ms" for v in tab_times.values()) + " |")
        print(
            "| tab's first display, a second later | "
            + " | ".join(f"{v * 1000:.0f} ms" for v in tab_times_later.values())
            + " |"
        )
        print("| at once, CPU time | " + " | ".join(f"{cpu_times[t] * 1000:.0f} ms" for t in tab_times) + " |")
        print()
        kinds = [f for f in form_times if not f.endswith(", first")]
        print("| form | " + " | ".join(kinds) + " |")
        print("|---|" + "---:|" * len(kinds))
        print("| first opening | " + " | ".join(f"{form_times[f + ', first'] * 1000:.0f} ms" for f in kinds) + " |")
        print(
            "| first opening, a second later | "
            + " | ".join(f"{form_times_later[f + ', first'] * 1000:.0f} ms" for f in kinds)
            + " |"
        )
        print("| later openings | " + " | ".join(f"{form_times[f] * 1000:.0f} ms" for f in kinds) + " |")
        print("| first, CPU time | " + " | ".join(f"{cpu_times[f + ', first'] * 1000:.0f} ms" for f in kinds) + " |")
        print("| later, CPU time | " + " | ".join(f"{cpu_times[f] * 1000:.0f} ms" for f in kinds) + " |")
        print()
    failures = []
    if "tab_times" in locals():
        failures += [
            f"tab {t} first shown in {v * 1000:.0f} ms (target <= 200 ms)" for t, v in tab_times.items() if v > 0.2
        ]
        failures += [f"{f} opens in {v * 1000:.0f} ms (target < 100 ms)" for f, v in form_times.items() if v >= 0.1]
        failures += [
            f"{f} a second later opens in {v * 1000:.0f} ms (target < 100 ms)"
            for f, v in form_times_later.items()
            if v >= 0.1
        ]
    for size, bare, ours, keys in rows:
        limit = 1.5 if size <= 1000 else 4.0
        if ours > limit:
            failures.append(f"{size:,} actions paint after {ours:.2f} s (target <= {limit} s)")
        if size <= 1000 and ours / bare > 1.3:
            failures.append(f"{size:,} actions: {ours / bare:.2f}x the bare app (target <= 1.3x)")
        if size <= 1000 and max(keys.values()) >= 0.1:
            failures.append(f"{size:,} actions: a key took {max(keys.values()) * 1000:.0f} ms (target < 100 ms)")
    print("targets: " + ("all met" if not failures else "MISSED: " + "; ".join(failures)))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
