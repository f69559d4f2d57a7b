"""A form, a modal or a plan closed leaves nothing behind (``widgets.leftovers``).

Textual kept every text area ever mounted alive through the app's theme watchers, and every widget's
rendered lines in an ``lru_cache`` of its styles: each action form opened and closed left 7,000
objects, and the app grew slower with every form of a meeting. These tests open and close the same
thing many times, every way a person closes it, and count what is left."""

from __future__ import annotations

import asyncio
import gc
import heapq
import shutil
import weakref
from pathlib import Path

import pytest

from planaction import store
from planaction.tui.forms.base import FormScreen
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.screens.portfolio import PortfolioScreen
from planaction.tui.widgets.frame import FittingHeader
from planaction.tui.widgets.line_table import LineTable
from tests.conftest import PLANS
from tests.tui.conftest import SIZE, discard_form, make_app, type_text

#: objects a cycle may leave (Textual's bounded caches of regions and styles fill up); a form left
#: behind is thousands
SLACK_PER_CYCLE = 400
CYCLES = 6


def alive_objects() -> int:
    drop_pilots_cancelled_timeouts()
    gc.collect()
    return len(gc.get_objects()) + gc.get_freeze_count()  # a plan's read freezes what lives then


def drop_pilots_cancelled_timeouts() -> None:
    """The Pilot waits for each screen with a 30-s timeout, cancelled once the screen is ready; asyncio
    keeps a cancelled timer in its heap until its time, with the context it was made in, which names
    the screens then shown. The app makes no such timers: the test's own are dropped here."""
    loop = asyncio.get_running_loop()
    loop._scheduled[:] = [handle for handle in loop._scheduled if not handle.cancelled()]  # type: ignore[attr-defined]
    heapq.heapify(loop._scheduled)  # type: ignore[attr-defined]


async def open_form(pilot, tab: str, key: str) -> FormScreen:
    await pilot.press(tab)
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, FormScreen)
    return form


async def close_by_escape(pilot, _cycle: int) -> None:
    await discard_form(pilot)


async def close_by_saving(pilot, cycle: int) -> None:
    await type_text(pilot, f"Relancer le fournisseur {cycle}")  # over the title, selected as the form opens
    await pilot.press("ctrl+s")
    await pilot.pause()


async def close_after_typing_then_discarding(pilot, _cycle: int) -> None:
    await type_text(pilot, " brouillon")
    await discard_form(pilot)


@pytest.mark.parametrize(
    ("tab", "key", "close"),
    [
        ("1", "e", close_by_escape),
        ("1", "e", close_by_saving),
        ("1", "e", close_after_typing_then_discarding),
        ("5", "a", close_by_escape),
        ("7", "e", close_by_escape),
    ],
    ids=["action-escape", "action-saved", "action-discarded", "new-risk", "plan-header"],
)
async def test_a_form_closed_leaves_nothing_alive(
    plan_copy, tabs_built_when_shown, monkeypatch, tab: str, key: str, close
) -> None:
    """The first form of its kind is kept, closed, for the next ones (``forms.kept``): each later form is that
    one refilled, and the widgets made to refill it (never mounted) die, whichever way the form closed."""
    made: list[weakref.ref] = []
    refills: list[bool] = []
    refill = FormScreen.refill

    def watched_refill(kept: FormScreen, fresh: FormScreen) -> bool:
        refilled = refill(kept, fresh)
        refills.append(refilled)
        made.extend([weakref.ref(fresh), *(weakref.ref(f.widget) for f in fresh.form_fields.values())])
        return refilled

    monkeypatch.setattr(FormScreen, "refill", watched_refill)
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        kept = await open_form(pilot, tab, key)
        await close(pilot, 0)
        for cycle in range(1, CYCLES + 2):
            if cycle == 2:  # after Textual's first-use caches
                before = alive_objects()
            assert await open_form(pilot, tab, key) is kept
            await close(pilot, cycle)
            assert isinstance(app.screen, PlanScreen)
        await pilot.pause(0.2)
        left = alive_objects() - before
        alive = [ref() for ref in made if ref() is not None]
        assert refills == [True] * (CYCLES + 1)
        assert not alive, f"the widgets made to refill a form still alive: {alive[:5]}"
        assert left < SLACK_PER_CYCLE * CYCLES, f"{left} objects left by {CYCLES} forms opened and closed"
        await pilot.press("ctrl+s")  # the plan, written
        await pilot.pause()
    if close is close_by_saving:  # the forms did their work meanwhile
        assert store.load(path).plan.actions[0].title == f"Relancer le fournisseur {CYCLES + 1}"


async def test_plans_opened_from_the_portfolio_and_closed_leave_nothing_alive(
    tmp_path: Path, tabs_built_when_shown
) -> None:
    folder = tmp_path / "plans"
    shutil.copytree(PLANS, folder)
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#portfolio-table", LineTable)
        support = next(i for i, row in enumerate(table.rows) if row.path.name == "support-it.yaml")
        screens: list[weakref.ref] = []
        forms: list[weakref.ref] = []
        for cycle in range(CYCLES):
            if cycle == 2:
                before = alive_objects()
            table.move_cursor(support)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, PlanScreen)
            screens.append(weakref.ref(app.screen))
            await pilot.press("2", "1")  # a tab shown, the actions again
            await pilot.press("e")  # a form opened and closed: kept by the plan's screen, for the next one
            await pilot.pause()
            assert isinstance(app.screen, FormScreen)
            forms.append(weakref.ref(app.screen))
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, PortfolioScreen)
        await pilot.pause(0.2)
        left = alive_objects() - before
        assert all(ref() is None for ref in screens), "a closed plan's screen is still alive"
        assert all(ref() is None for ref in forms), "a closed plan's kept form is still alive"
        assert left < SLACK_PER_CYCLE * 4 * 3, f"{left} objects left by 4 plans opened and closed"
        # a plan screen's header watched the app's title, which never changes: each one stayed in its watchers
        gc.unfreeze()
        gc.collect()
        headers = [node for node in gc.get_objects() if isinstance(node, FittingHeader)]
        assert len(headers) == 1, headers  # the portfolio's
