"""``planaction PLAN --baseline REV``: the timeline shows, under each action that moved since a
committee, where it was then (a shadow ░), on a real git repository."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from planaction.present.history import plan_at
from planaction.tui.widgets.timeline import TimelineView
from tests.conftest import PLANS, run_cli
from tests.tui.conftest import make_app

ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@x",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@x",
}


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=ENV)


@pytest.fixture
def replanned(tmp_path: Path) -> Path:
    """support-it.yaml tagged copil-1, then A4 re-planned three weeks later."""
    git(tmp_path, "init", "-q", "-b", "main")
    plan = tmp_path / "support-it.yaml"
    shutil.copyfile(PLANS / "support-it.yaml", plan)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "plan")
    git(tmp_path, "tag", "copil-1")
    done = run_cli("set", plan, "A4", "start=2025-05-25", "due=2025-06-10", "--today", "2025-05-19")
    assert done.returncode == 0, done.stderr
    git(tmp_path, "commit", "-q", "-am", "A4 re-planned")
    return plan


def line_of(view: TimelineView, action_id: str) -> str:
    index = next(i for i, item in enumerate(view.items) if item.id == action_id)
    return view.render_line(index + 2 - view.scroll_offset.y).text


async def test_the_timeline_shadows_where_a_replanned_action_was_at_the_baseline(replanned: Path) -> None:
    app = make_app(replanned, today=dt.date(2025, 5, 19))
    app.baseline = ("copil-1", plan_at(replanned, "copil-1"))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        view = app.screen.query_one(TimelineView)
        assert view.render_line(0).text.startswith("Semaine du (░ = copil-1)")
        moved = line_of(view, "A4")
        assert "░" in moved and "█" in moved
        assert moved.index("░") < moved.index("█")  # it was earlier
        assert "░" not in line_of(view, "A1")  # not moved: no shadow


async def test_without_a_baseline_there_is_no_shadow(replanned: Path) -> None:
    app = make_app(replanned, today=dt.date(2025, 5, 19))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        view = app.screen.query_one(TimelineView)
        assert view.render_line(0).text.startswith("Semaine du ")
        assert "░" not in line_of(view, "A4")


def test_a_baseline_that_cannot_be_read_is_refused_before_the_app_opens(replanned: Path) -> None:
    for bad in ("nope", "--output=x"):
        done = run_cli(replanned, f"--baseline={bad}", "--lang", "en")
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert "is not a" in done.stdout + done.stderr and "revision" in done.stdout + done.stderr
    assert not (replanned.parent / "x").exists()
    folder = run_cli(replanned.parent, "--baseline", "copil-1", "--lang", "en")
    assert folder.returncode == 1 and "not a folder" in folder.stdout + folder.stderr


async def test_the_dashboard_says_the_trend_since_the_baseline(replanned: Path) -> None:
    plan = replanned
    assert run_cli("set", plan, "A3", "status=done", "--today", "2025-05-19").returncode == 0
    app = make_app(plan, today=dt.date(2025, 5, 19))
    app.baseline = ("copil-1", plan_at(plan, "copil-1"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        weather = str(app.screen.query_one("#card-weather").render())
        assert "Depuis copil-1 : avancement 45\u00a0% → 70\u00a0%, 1 → 2 terminées" in weather
