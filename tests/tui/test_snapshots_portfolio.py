"""What the portfolio looks like filtered and sorted, and its New plan form, at 120x40 and 80x24.

Nothing is created: the form is shown with a refused name, the plans folder is only read.
Update on purpose with: pytest tests/tui/test_snapshots_portfolio.py --snapshot-update
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planaction.tui.app import PlanactionApp
from planaction.tui.widgets.line_table import LineTable
from tests.conftest import PLANS
from tests.tui.conftest import type_text

pytestmark = pytest.mark.usefixtures("tabs_built_when_shown")

TODAY = dt.date(2026, 11, 23)
SIZES = [(120, 40), (80, 24)]


def app_for_plans(monkeypatch) -> PlanactionApp:
    monkeypatch.chdir(PLANS.parent)  # the folder shows as the user gave it: plans
    return PlanactionApp(Path("plans"), today=TODAY, lang="fr")  # a mixed folder: French, whatever the machine


async def no_blink(pilot) -> None:
    for field in pilot.app.screen.query("Input"):
        field.cursor_blink = False
    await pilot.pause()


async def click_heading(pilot, key: str) -> None:
    """Click the heading of column ``key``, wherever the table's width put it."""
    table = pilot.app.screen.query_one("#portfolio-table", LineTable)
    x = 0
    for column, width in zip(table._visible, table._widths, strict=True):
        if column.key == key:
            await pilot.click("#portfolio-table", offset=(x + 1, 0))
            await pilot.pause()
            return
        x += width + 1
    raise AssertionError(f"no column {key}")


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
def test_portfolio_filtered_and_sorted(snap_compare, monkeypatch, size: tuple[int, int]) -> None:
    async def filter_and_sort(pilot) -> None:
        await pilot.pause()
        await click_heading(pilot, "rag")
        await click_heading(pilot, "rag")  # again: red first
        await pilot.press("slash")
        await type_text(pilot, "plan")
        await no_blink(pilot)

    assert snap_compare(app_for_plans(monkeypatch), run_before=filter_and_sort, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
def test_new_plan_form(snap_compare, monkeypatch, size: tuple[int, int]) -> None:
    async def open_form(pilot) -> None:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "../client")  # refused: the message beside the field
        await pilot.press("tab")
        await type_text(pilot, "Plan ACME")
        await no_blink(pilot)

    assert snap_compare(app_for_plans(monkeypatch), run_before=open_form, terminal_size=size)
