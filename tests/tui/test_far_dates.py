"""Any date the schema accepts works in every tab: 0001-01-01, a typo year 0205, 9999-12-31 ("no end").

The Timeline drew one cell per week from the first date to the last: with
9999-12-31 it froze for a minute, then crashed with an OverflowError (exit 1,
unsaved edits lost); with 0205 each key took 13-15 s. Its scale now covers
at most about five years around the plan's dates and shows what falls
outside at the edge, with its date.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planaction import store
from planaction.core.model import Status
from planaction.present import views
from planaction.tui.widgets.timeline import TimelineView
from tests.conftest import REPO
from tests.tui.conftest import make_app

FAR = """schema: 1
title: Dates lointaines
owner: Ana
period: {start: 0001-01-01, end: 9999-12-31}
objective: {statement: Tenir, baseline: 1, target: 2, deadline: 9999-12-31}
actions:
  - id: A1
    title: Normale
    owner: Ana
    start: 2025-03-01
    due: 2025-06-15
  - id: A2
    title: Sans fin
    owner: Ana
    start: 2025-05-01
    due: 9999-12-31
    status: in_progress
    progress: 10
  - id: A3
    title: Faute de frappe
    owner: Ana
    due: 0205-06-30
  - id: A4
    title: Tout début
    owner: Ana
    start: 0001-01-01
    due: 0001-01-02
    status: done
    progress: 100
    completed: 0001-01-02
log:
  - {date: 0001-01-01, action: A4, result: Commencé}
  - {date: 9999-12-31, action: A2, result: Jamais}
kpis:
  - id: K1
    name: Délai
    baseline: 10
    target: 5
    deadline: 9999-12-31
    measurements: [{date: 0001-01-01, value: 9}, {date: 9999-12-31, value: 6}]
milestones:
  - {id: M1, title: Jalon lointain, due: 9999-12-31}
  - {id: M2, title: Jalon antique, due: 0001-01-01}
decisions:
  - {id: D1, title: Décider, due: 9999-12-31}
"""
#: Each key must answer within this: a normal key takes well under 0.2 s, the old timeline froze for
#: minutes. Generous, as the suite runs two workers per core (a loaded run once took 3.3 s); the app's
#: speed is measured by bench/bench_app.py, not here.
KEY_SECONDS = 10.0
#: The whole story, in a child process killed after this: the old timeline froze for minutes.
STORY_SECONDS = 120


async def story(path: Path) -> dict:
    """Keys on every tab, the timeline scrolled and resized, every form saved unchanged; what was seen."""
    app = make_app(path, today=dt.date(2025, 5, 12))
    slow: list[tuple[str, float]] = []
    seen: dict = {}
    async with app.run_test(size=(120, 40)) as pilot:

        async def press(*keys: str) -> None:
            for key in keys:
                started = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                if time.perf_counter() - started > KEY_SECONDS:
                    slow.append((key, round(time.perf_counter() - started, 1)))

        await press("down", "s")  # an unsaved edit on the "no end" action
        for tab in "234567":
            await press(tab, "down", "right", "end", "pagedown", "home")
        await press("4")
        timeline = app.screen.query_one(TimelineView)
        seen["window_days"] = timeline.weeks * 7
        seen["left"] = "\n".join(timeline.render_line(y).text for y in range(len(timeline.items) + 2))
        timeline.scroll_to(x=timeline.virtual_size.width, animate=False)
        await pilot.pause()
        seen["right"] = "\n".join(timeline.render_line(y).text for y in range(len(timeline.items) + 2))
        await pilot.resize_terminal(80, 24)
        await press("left", "right", "1")
        for _ in range(4):  # every action's form, saved unchanged: dates read back as shown
            await press("e")
            seen.setdefault("forms", []).append(type(app.screen).__name__)
            await press("ctrl+s", "down")
        await press("ctrl+s")
        seen["dirty"] = app.screen.session.dirty
    seen["slow"] = slow
    return seen


def test_every_tab_with_far_dates(tmp_path: Path) -> None:
    path = tmp_path / "far.yaml"
    path.write_text(FAR, encoding="utf-8")
    script = (
        "import asyncio, json, sys; from pathlib import Path; from tests.tui.test_far_dates import story; "
        "print(json.dumps(asyncio.run(story(Path(sys.argv[1])))))"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", script, str(path)],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=STORY_SECONDS,
            env={**os.environ, "PLANACTION_KEYS": str(tmp_path / "no-keys.toml")},
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the app froze on far dates (no answer in {STORY_SECONDS} s)")
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["slow"] == []
    assert seen["window_days"] <= views.TIMELINE_MAX_DAYS + 7
    assert "01/01/0001 ◀" in seen["left"] and "30/06/0205 ◀" in seen["left"]  # at the left edge, with their date
    assert "▶ 31/12/9999" in seen["right"]
    assert seen["forms"] == ["ActionForm"] * 4
    assert seen["dirty"] is False
    plan = store.load(path).plan
    assert plan.action("A2").status == Status.DONE
    assert plan.action("A4").due == dt.date(1, 1, 2)


def test_the_window_stays_near_the_plan(tmp_path: Path) -> None:
    path = tmp_path / "far.yaml"
    path.write_text(FAR, encoding="utf-8")
    plan = store.load(path).plan
    today = dt.date(2025, 5, 12)
    first, last = views.timeline_window(views.timeline(plan, today), today, plan)
    assert first.weekday() == 0
    assert first <= dt.date(2025, 3, 1) and last >= dt.date(2025, 6, 15)
    assert (last - first).days <= views.TIMELINE_MAX_DAYS
