"""Python's collector waits while a tab is built and drawn, and is never left stopped (``tui.collector``)."""

from __future__ import annotations

import gc

import pytest

from planaction.tui import collector, tabs
from tests.tui.conftest import SIZE, make_app


@pytest.fixture
def collector_running():
    was = gc.isenabled()
    gc.enable()
    yield
    (gc.enable if was else gc.disable)()


def test_holds_nest_and_the_collector_resumes_at_the_last_release(collector_running) -> None:
    collector.hold()
    collector.hold()
    assert not gc.isenabled()
    collector.release()
    assert not gc.isenabled()  # one hold left
    frozen = gc.get_freeze_count()
    kept = [[object()] for _ in range(100)]  # made during the hold, living on
    collector.release(lasting=True)
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen + len(kept)  # what was made is out of the collector's walks
    gc.unfreeze()


def test_a_collector_stopped_before_stays_stopped(collector_running) -> None:
    gc.disable()  # as a plan's read does while it builds its objects
    collector.hold()
    collector.release()
    assert not gc.isenabled()


async def test_every_tab_shown_leaves_the_collector_running(plan_copy, collector_running) -> None:
    app = make_app(plan_copy())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for number, tab in enumerate(app.screen.shown_tabs()[1:], 2):
            await pilot.press(str(number % 10))
            await pilot.pause()
            assert app.screen.query_one(f"TabPane#{tab.id}").display
        await pilot.press("1")
        await pilot.pause(0.6)  # the hidden tabs' building while idle, had any been left
        assert gc.isenabled()
        assert all(not app.screen._unbuilt(tab.id) for tab in tabs.TABS if tab.shown(app.screen.plan))
