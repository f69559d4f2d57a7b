"""What the register tabs and the forms made from the model look like, at 120x40 and 80x24.

Update on purpose with: pytest tests/tui/test_snapshots_registers.py --snapshot-update
"""

from __future__ import annotations

import datetime as dt

import pytest

from planaction.tui.app import PlanactionApp
from tests.conftest import PLANS

pytestmark = pytest.mark.usefixtures("tabs_built_when_shown")

ONBOARDING = PLANS / "onboarding-client.yaml"
TODAY = dt.date(2026, 11, 23)
SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]


def app_for(path=ONBOARDING) -> PlanactionApp:
    return PlanactionApp(path, today=TODAY)


async def steady(pilot) -> None:
    """No blinking cursor in a picture."""
    await pilot.pause()
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("key", "name"), [("7", "plan"), ("8", "milestones"), ("9", "governance")])
def test_register_tab(snap_compare, key: str, name: str, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(), press=[key], run_before=steady, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_people_section(snap_compare, size: tuple[int, int]) -> None:
    """The list of sections on the left, the second one picked with the keys."""
    assert snap_compare(app_for(), press=["7", "shift+tab", "down", "enter"], run_before=steady, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_new_risk_form(snap_compare, size: tuple[int, int]) -> None:
    async def open_form(pilot) -> None:
        await pilot.press("5", "a")
        await steady(pilot)

    assert snap_compare(app_for(), run_before=open_form, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_header_form(snap_compare, size: tuple[int, int]) -> None:
    async def open_form(pilot) -> None:
        await pilot.press("7", "e")
        await steady(pilot)

    assert snap_compare(app_for(), run_before=open_form, terminal_size=size)
