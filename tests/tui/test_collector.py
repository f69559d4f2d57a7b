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


async def hold_for_a_refresh_that_never_comes(app) -> None:
    """A hold released after the refresh of a widget whose refresh callbacks are accepted and never run."""
    from textual.widgets import Static

    waiting = Static("en attente")
    await app.screen.mount(waiting)
    waiting.call_after_refresh = lambda *_args, **_kwargs: True  # accepted, never run
    collector.hold()
    collector.release_after_refresh(waiting)


async def test_a_hold_whose_refresh_never_comes_is_released_by_the_clock(
    plan_copy, collector_running, tabs_built_when_shown
) -> None:
    """A screen closed before its refresh never runs what waited for it (here: a refresh that never comes)."""
    app = make_app(plan_copy())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await hold_for_a_refresh_that_never_comes(app)
        await pilot.pause(0.2)
        assert not gc.isenabled()
        await pilot.pause(collector.RELEASE_AT_THE_LATEST)
        assert gc.isenabled()


async def test_a_hold_on_a_closed_widget_is_released_at_once(plan_copy, collector_running) -> None:
    from textual.widgets import Static

    app = make_app(plan_copy())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        gone = Static("parti")
        await app.screen.mount(gone)
        await gone.remove()
        collector.hold()
        collector.release_after_refresh(gone)
        assert gc.isenabled()


async def test_an_app_closed_while_a_hold_waits_leaves_the_collector_running(plan_copy, collector_running) -> None:
    """The app closing before the refresh (or the clock) a hold waits for: the hold is released all the same, so
    the process that ran the app (a test's, a host's) does not go on with its collector stopped."""
    app = make_app(plan_copy())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await hold_for_a_refresh_that_never_comes(app)
        assert not gc.isenabled()
    assert gc.isenabled()
    collector.hold()  # and the next hold stops it again: no hold was left counted
    assert not gc.isenabled()
    collector.release()
    assert gc.isenabled()
