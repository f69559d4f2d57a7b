"""Every way out asks when there are unsaved changes; nothing advertises a key that loses work.

``ctrl+q`` (Textual's own binding), the palette's quit command and the key
``ctrl+c`` points at all left with no question. Now each goes through the
plan's "save / don't save / cancel" question, from the plan and from the
portfolio, and an open form with typed changes asks first too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input

from planaction import store
from planaction.core.model import Status
from planaction.tui.forms.action import ActionForm
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.screens.portfolio import PortfolioScreen
from planaction.tui.widgets.line_table import LineTable
from planaction.tui.widgets.questions import ChoiceModal
from tests.conftest import PLANS
from tests.tui.conftest import SIZE, make_app, type_text


def quit_commands(app) -> list:
    """The palette's commands that leave the app."""
    return [c for c in app.get_system_commands(app.screen) if c.title in ("Quitter", "Quit")]


async def test_ctrl_q_asks_and_cancel_keeps_the_edits(plan_copy) -> None:
    path = plan_copy()
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal), "ctrl+q left without asking"
        await pilot.press("ctrl+q")  # pressed again while asked: still one question
        await pilot.pause()
        assert len([s for s in app.screen_stack if isinstance(s, ChoiceModal)]) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen) and app.screen.session.dirty
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#discard")
        await pilot.pause()
    assert app.return_code == 0
    assert path.read_bytes() == before


async def test_ctrl_q_then_save(plan_copy) -> None:
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "ctrl+q")
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
    assert store.load(path).plan.action("A1").status == Status.TODO


async def test_the_palette_quit_asks(plan_copy) -> None:
    path = plan_copy()
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Quit" not in titles  # Textual's English command that quits at once is gone
        (command,) = quit_commands(app)
        command.callback()
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.session.dirty
    assert path.read_bytes() == before


async def test_ctrl_c_names_a_key_that_asks(plan_copy) -> None:
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "ctrl+c")
        await pilot.pause()
        said = " ".join(str(n.message) for n in app._notifications)
        named = [k for k in ("q", "ctrl+q") if f"« {k} »" in said]
        assert named, said
        for key in named:  # every key it names asks before leaving
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, ChoiceModal), key
            assert app.is_running
            await pilot.press("escape")
            await pilot.pause()


async def test_quit_from_the_portfolio_asks_for_the_open_plan(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    shutil.copytree(PLANS, folder)
    before = (folder / "support-it.yaml").read_bytes()
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one("#portfolio-table", LineTable)
        table.move_cursor(next(i for i, r in enumerate(table.rows) if r.path.name == "support-it.yaml"))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("s", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("escape")  # back to the portfolio asks too
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.click("#discard")
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
        await pilot.press("ctrl+q")  # nothing unsaved any more: leaves at once
        await pilot.pause()
    assert app.return_code == 0
    assert (folder / "support-it.yaml").read_bytes() == before


@pytest.mark.parametrize("way", ["ctrl+q", "palette"])
async def test_quit_with_a_form_open_asks_about_the_form_first(plan_copy, way: str) -> None:
    path = plan_copy()
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        app.screen.query_one("#f-title", Input).focus()
        await pilot.press("end")
        await type_text(pilot, " bis")
        if way == "ctrl+q":
            await pilot.press("ctrl+q")
        else:
            quit_commands(app)[0].callback()
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        assert isinstance(app.screen_stack[-2], ActionForm)
        await pilot.click("#cancel")  # back to the form, the typed text still there
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        assert app.screen.query_one("#f-title", Input).value.endswith(" bis")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#discard")  # the form's text is given up; nothing else unsaved
        await pilot.pause()
    assert app.return_code == 0
    assert path.read_bytes() == before


async def test_quit_with_an_untouched_form_open_leaves(plan_copy) -> None:
    app = make_app(plan_copy())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_quit_chosen_in_the_real_palette_asks(plan_copy) -> None:
    path = plan_copy()
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "ctrl+p")
        await pilot.pause(0.3)
        await type_text(pilot, "Quitter")
        await pilot.pause(0.5)
        await pilot.press("down", "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ChoiceModal), app.screen
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen) and app.screen.session.dirty
    assert path.read_bytes() == before


async def test_ctrl_q_with_the_palette_open_asks(plan_copy) -> None:
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "ctrl+p")
        await pilot.pause(0.3)
        await pilot.press("ctrl+q")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ChoiceModal)
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen) and app.screen.session.dirty
