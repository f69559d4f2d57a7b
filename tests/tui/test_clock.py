"""Today is today: an app left open past midnight moves to the new day (unless ``--today`` fixed it).

The app read the date once at start: an action marked done after midnight got
yesterday's date, and RAG and overdue counts went stale. The app now asks a
clock at each use, and each screen redraws when the day changes.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from planaction import store
from planaction.present.session import Clock
from planaction.tui.app import PlanactionApp, run
from planaction.tui.widgets.line_table import LineTable
from tests.conftest import PLANS
from tests.tui.conftest import SIZE


class MovableClock(Clock):
    """A clock a test moves past midnight."""

    def __init__(self, day: dt.date) -> None:
        super().__init__(now=lambda: self.day)
        self.day = day


def table(app) -> LineTable:
    return app.screen.query_one("#action-table", LineTable)


async def test_done_after_midnight_is_dated_the_new_day(plan_copy) -> None:
    path = plan_copy()
    clock = MovableClock(dt.date(2025, 5, 12))
    app = PlanactionApp(path, today=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down")  # A3, to do
        await pilot.press("s")  # in progress, before midnight
        clock.day = dt.date(2025, 5, 13)  # midnight passes, the app stays open
        await pilot.press("s")  # done
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert store.load(path).plan.action("A3").completed == dt.date(2025, 5, 13)


async def test_rag_and_overdue_follow_the_new_day(plan_copy) -> None:
    path = plan_copy()  # A4 is due 2025-05-20
    clock = MovableClock(dt.date(2025, 5, 20))
    app = PlanactionApp(path, today=clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        row = next(r for r in table(app).rows if r.id == "A4")
        assert row.overdue_days is None
        await pilot.press("2")
        await pilot.pause()
        before = str(screen.query_one("#card-overdue").border_title)
        clock.day = dt.date(2025, 5, 21)
        screen.new_day()  # what the screen's timer does every DAY_CHECK_SECONDS
        await pilot.pause()
        row = next(r for r in table(app).rows if r.id == "A4")
        assert row.overdue_days == 1
        after = str(screen.query_one("#card-overdue").border_title)
        assert overdue_count(after) == overdue_count(before) + 1, (before, after)
        await pilot.press("1", "l")
        await pilot.pause()
        assert app.screen.query_one("#f-date").value == "21/05/2025"  # a new entry is dated the new day


def overdue_count(title: str) -> int:
    return int(title.rsplit("(", 1)[1].rstrip(")"))


async def test_the_portfolio_follows_the_new_day(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copyfile(PLANS / "support-it.yaml", folder / "support-it.yaml")
    clock = MovableClock(dt.date(2025, 5, 20))
    app = PlanactionApp(folder, today=clock)
    async with app.run_test(size=SIZE) as pilot:
        rows = app.screen.query_one("#portfolio-table", LineTable).rows
        assert rows[0].overdue == 2  # A2, A3
        clock.day = dt.date(2025, 5, 21)
        app.screen.new_day()
        await pilot.pause()
        assert app.screen.query_one("#portfolio-table", LineTable).rows[0].overdue == 3  # and A4


async def test_a_given_today_stays_fixed(plan_copy) -> None:
    path = plan_copy()
    app = PlanactionApp(path, today=dt.date(2025, 5, 12))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down", "s", "s", "ctrl+s")
        await pilot.pause()
    assert store.load(path).plan.action("A3").completed == dt.date(2025, 5, 12)


def test_run_follows_the_clock_unless_a_date_is_given(monkeypatch, tmp_path: Path) -> None:
    seen: list[Clock] = []

    class Probe(PlanactionApp):
        def run(self, *args, **kwargs):  # records the clock, opens nothing
            seen.append(self.clock)

    monkeypatch.setattr("planaction.tui.app.PlanactionApp", Probe)
    run(tmp_path, today=None, lang=None)
    run(tmp_path, today=dt.date(2030, 1, 1), lang=None)
    assert [clock.fixed for clock in seen] == [None, dt.date(2030, 1, 1)]
    # the command line itself: without --today the app follows the clock; --today fixes the date
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    from planaction.cli import main

    seen.clear()
    assert main([str(tmp_path)]) == 0
    assert main([str(tmp_path), "--today", dt.date.today().isoformat()]) == 0
    assert [clock.fixed for clock in seen] == [None, dt.date.today()]
