"""Hidden tabs are built when first shown or once the app is idle, never before the first paint.

The story: a consultant opens a plan and, at once, types "5" then "a" to add a risk. The risks tab
is not built yet; the digit builds it before the next key is read, so "a" adds a risk (not an
action, and is not lost). Left alone a moment, the app builds the other tabs one by one.
"""

from __future__ import annotations

import pytest

from planaction.store import load
from planaction.tui.forms.action import ActionForm
from planaction.tui.screens import plan as plan_screen
from planaction.tui.widgets.later import Later
from tests.tui.conftest import SIZE, make_app
from tests.tui.test_registers import ENGLISH, choose, keys


def pane_of(later: Later) -> str:
    return next(a.id for a in later.ancestors if a.id and a.__class__.__name__ == "TabPane")


async def test_digit_then_key_in_a_burst_acts_in_the_new_tab(plan_copy, monkeypatch) -> None:
    monkeypatch.setattr(plan_screen, "BUILD_DELAY", 3600)  # nothing built at idle: the digit builds it
    path = plan_copy(ENGLISH)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert {pane_of(w) for w in app.screen.query(Later)} >= {"risks", "dashboard", "timeline"}
        # one burst, no pause: the tab, its add key, the title, two choices, save the form, save the file
        await pilot.press("5", "a", *keys("Supplier delay"), "tab", *choose(1), "tab", *choose(3), "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ActionForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
    risks = load(path).plan.risks
    assert [(r.title, r.probability.value, r.impact.value) for r in risks][-1] == ("Supplier delay", "low", "high")


async def test_left_alone_the_app_builds_every_hidden_tab(plan_copy, monkeypatch) -> None:
    monkeypatch.setattr(plan_screen, "BUILD_DELAY", 0.05)
    app = make_app(plan_copy("onboarding-client.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(100):
            if not [w for w in app.screen.query(Later) if not w.revealed]:
                break
            await pilot.pause(0.05)
        assert not [w for w in app.screen.query(Later) if not w.revealed]
        # built at idle and filled: the risks tab shows the plan's risks without being opened first
        await pilot.press("5")
        await pilot.pause()
        table = app.screen.query_one("#reg-risks")
        assert table.rows, "the risks were not filled"


@pytest.mark.parametrize("idle_build", [False, True])
async def test_a_click_on_a_tab_builds_and_shows_it(plan_copy, monkeypatch, idle_build: bool) -> None:
    monkeypatch.setattr(plan_screen, "BUILD_DELAY", 0.05 if idle_build else 3600)
    app = make_app(plan_copy("onboarding-client.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5 if idle_build else 0)
        await pilot.click("#--content-tab-dashboard")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#tabs").active == "dashboard"
        assert app.screen.query("#dashboard-view")  # built


async def test_a_tab_shown_again_with_the_same_plan_is_not_filled_again_but_is_after_an_edit(
    plan_copy, monkeypatch
) -> None:
    """Switching tabs back and forth in a meeting costs no fill; an edit in between refills."""
    import dataclasses

    from planaction.tui import tabs
    from tests.tui.conftest import make_app

    fills: list[str] = []
    risks = tabs.BY_ID["risks"]
    original = risks.fill
    counted = dataclasses.replace(risks, fill=lambda view: (fills.append("risks"), original(view))[1])
    monkeypatch.setitem(tabs.BY_ID, "risks", counted)
    app = make_app(plan_copy("onboarding-client.yaml"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        assert fills == ["risks"]
        await pilot.press("1", "s")  # an edit: the action's status
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        assert fills == ["risks", "risks"]


async def test_a_section_highlighted_before_its_table_is_mounted_waits_for_the_filling(plan_copy) -> None:
    """A register tab built while idle: its list of sections highlights the first one as it mounts, and that
    message could arrive before the tables beside it were mounted (seen once in CI, under load)."""
    from planaction.tui.tabs.registers import RegisterPanel

    app = make_app(plan_copy("onboarding-client.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6")  # the KPIs: a list of sections beside a table
        await pilot.pause()
        panel = app.screen.query_one("#kpis-panel", RegisterPanel)
        assert len(panel.sections) > 1
        await panel.table().remove()  # the state of a panel whose tables are not mounted yet
        panel.show_section(panel.sections[0].key)  # what the list's highlight does
        await pilot.pause()
        assert app.is_running and app.return_code is None
