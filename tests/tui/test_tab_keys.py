"""Keys act only on what the current tab shows, and the footer lists only those keys.

On the Dashboard an action's status key used to change the action highlighted
on the (hidden) Actions tab; on the follow-up tab ``e`` opened an action form.
"""

from __future__ import annotations

from planaction.tui.forms.action import ActionForm
from planaction.tui.forms.entries import LogForm, MeasurementForm
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.widgets.frame import FittingFooter
from tests.tui.conftest import SIZE, make_app

#: The keys that act on actions, by the binding id they have by default.
ACTION_KEYS = {
    "a": "add_action",
    "e": "edit_action",
    "d": "delete_action",
    "s": "cycle_status",
    "plus": "progress",
    "minus": "progress",
    "i": "toggle_detail",
    "slash": "filter",
}
#: What each tab offers beyond the keys every tab has (save, undo, quit, tabs...).
OFFERED = {
    "actions": {
        "add_action",
        "edit_action",
        "delete_action",
        "cycle_status",
        "progress",
        "log_entry",
        "filter",
        "measure",
    },
    "dashboard": set(),
    "log": {"log_entry", "add_entry", "edit_entry", "delete_entry"},
    "timeline": set(),
    "risks": {"add_entry", "edit_entry", "delete_entry"},
    "kpis": {"measure", "add_entry", "edit_entry", "delete_entry"},
    "plan": {"add_entry", "edit_entry", "delete_entry"},
    "milestones": {"add_entry", "edit_entry", "delete_entry"},
    "governance": {"add_entry", "edit_entry", "delete_entry"},
    "tree": set(),
}
TAB_KEYS = dict(zip(OFFERED, "1234567890", strict=True))
EDITING = {"add_action", "edit_action", "delete_action", "cycle_status", "progress", "log_entry", "measure"}
EDITING |= {"filter", "toggle_detail", "add_entry", "edit_entry", "delete_entry"}
#: Keys a register tab gives to its own register: they open its form or question, never an action's.
REGISTER_KEYS = {"a", "e", "d"}


def footer_actions(app) -> set[str]:
    return {key.action.partition("(")[0] for key in app.screen.query_one(FittingFooter).shown}


def active_actions(app) -> set[str]:
    return {b.binding.action.partition("(")[0] for b in app.screen.active_bindings.values()}


async def test_action_keys_do_nothing_where_actions_are_not_shown(plan_copy) -> None:
    path = plan_copy("siae-cooperation.yaml")
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        for tab in [t for t in OFFERED if t != "actions"]:
            await pilot.press(TAB_KEYS[tab])
            await pilot.pause()
            assert screen.query_one("#tabs").active == tab
            for key in [*ACTION_KEYS, *(k for k in ("l", "m") if tab not in ("log", "kpis"))]:
                await pilot.press(key)
                await pilot.pause()
                if key in REGISTER_KEYS and "add_entry" in OFFERED[tab] and app.screen is not screen:
                    assert not isinstance(app.screen, ActionForm), f"{key} opened an action form on {tab}"
                    await pilot.press("escape")  # its own register's form or question: left unchanged
                    await pilot.pause()
                assert app.screen is screen, f"{key} opened {app.screen} on {tab}"
                assert screen.query_one("#tabs").active == tab, f"{key} left {tab}"
                assert not screen.session.dirty, f"{key} changed the plan on {tab}"
                assert screen.session.plan is screen.session.document.base
            shown = footer_actions(app) & EDITING
            assert shown == OFFERED[tab], (tab, shown)
            assert active_actions(app) & EDITING == OFFERED[tab]
        await pilot.press("ctrl+s")
    assert path.read_bytes() == before


async def test_the_actions_tab_keeps_its_keys(plan_copy) -> None:
    app = make_app(plan_copy("siae-cooperation.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "1")
        await pilot.pause()
        assert {"add_action", "edit_action", "cycle_status", "progress", "log_entry", "filter"} <= footer_actions(app)
        await pilot.press("s")
        assert app.screen.session.dirty


async def test_log_tab_adds_an_entry_and_kpi_tab_a_measurement(plan_copy) -> None:
    app = make_app(plan_copy("onboarding-client.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LogForm)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("down", "m")
        await pilot.pause()
        assert isinstance(app.screen, MeasurementForm)
        kpis = app.screen.plan.kpis
        assert app.screen.query_one("#f-kpi").value == kpis[1].id  # the highlighted KPI
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)


async def test_the_palette_offers_only_what_works_on_the_tab(plan_copy) -> None:
    app = make_app(plan_copy("siae-cooperation.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        titles = [title for title, _help, _callback in app.screen.palette_commands()]
        assert "Statut (s)" in titles
        await pilot.press("2")
        await pilot.pause()
        titles = [title for title, _help, _callback in app.screen.palette_commands()]
        assert "Statut (s)" not in titles and "Modifier (e)" not in titles
        assert "Enregistrer (ctrl+s)" in titles  # what concerns the whole plan stays
