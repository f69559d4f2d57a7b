"""The plan screen is built from the tab registry: panes, digits, keys per tab and refresh."""

from __future__ import annotations

from textual.widgets import TabbedContent, TabPane

from planaction import store
from planaction.tui import tabs
from planaction.tui.forms.action import FIELDS, ActionForm
from planaction.tui.screens.plan import PlanScreen
from tests.tui.conftest import SIZE, make_app


def test_registry_ids_are_unique_and_digits_follow_the_order() -> None:
    ids = [tab.id for tab in tabs.TABS]
    assert len(ids) == len(set(ids))
    digits = {b.id: b.action for b in tabs.digit_bindings()}
    assert digits == {f"tab_{n}": f"show_tab('{tab_id}')" for n, tab_id in enumerate(ids, 1)}
    # the screen's keys include every key a tab brings, and the digits
    screen_keys = {(b.key, b.action) for b in PlanScreen.BINDINGS}
    assert {(b.key, b.action) for tab in tabs.TABS for b in tab.bindings} <= screen_keys


def test_a_tab_key_works_only_where_the_tab_offers_it() -> None:
    assert tabs.offered("add_action", "actions")
    assert not tabs.offered("add_action", "dashboard")
    assert tabs.offered("log_entry", "log") and tabs.offered("log_entry", "actions")
    assert tabs.offered("measure", "kpis") and not tabs.offered("measure", "risks")
    assert tabs.offered("save", "timeline")  # a key of the plan, not of a tab


async def test_the_screen_shows_the_registered_tabs_in_order(plan_copy) -> None:
    path = plan_copy("essms-qualite.yaml")
    plan = store.load(path).plan
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panes = [pane.id for pane in app.screen.query_one("#tabs", TabbedContent).query(TabPane)]
        assert panes == [tab.id for tab in tabs.TABS if tab.shown(plan)]
        for number, tab_id in enumerate(panes, 1):
            await pilot.press(str(number))
            await pilot.pause()
            assert app.screen.query_one("#tabs", TabbedContent).active == tab_id
        await pilot.press("6")  # the KPI tab fills itself from the registry's fill
        await pilot.pause(0.2)
        assert app.screen.query_one("#reg-kpis").rows


async def test_the_action_form_builds_each_declared_field_once(plan_copy) -> None:
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionForm)
        plan = form.plan
        expected = [spec.key for spec in FIELDS if not (spec.only_with_options and not spec.options(plan, form.lang))]
        assert list(form.form_fields) == expected
        assert [f"f-{key}" for key in expected] == [field.widget.id for field in form.form_fields.values()]
