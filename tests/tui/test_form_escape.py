"""Escape in a form: what was typed is not lost on one key.

The story: in a steering meeting, a consultant types a long comment into an action's form, then
presses escape by reflex. The form asks; escape again (or "Revenir au formulaire") goes back to the
form with the text still there; only "Les abandonner" closes it, and the file is left as it was. A
form where nothing was typed closes at once, as before.
"""

from __future__ import annotations

import pytest

from planaction.tui.forms.action import ActionForm
from planaction.tui.forms.base import FormScreen
from planaction.tui.widgets.questions import ChoiceModal
from tests.tui.conftest import SIZE, make_app, type_text


@pytest.mark.parametrize("back_with", [["escape"], ["enter"]])
async def test_escape_with_typed_text_asks_and_going_back_keeps_it(plan_copy, back_with) -> None:
    path = plan_copy()
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionForm)
        await type_text(pilot, " et suivi")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press(*back_with)  # "back to the form" has the focus
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#f-title").value.endswith(" et suivi")
    assert path.read_bytes() == before


async def test_discarding_closes_the_form_and_changes_nothing(plan_copy) -> None:
    path = plan_copy()
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        await type_text(pilot, " et suivi")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#discard")
        await pilot.pause()
        assert not isinstance(app.screen, (FormScreen, ChoiceModal))
        assert not app.screen.session.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert path.read_bytes() == before


async def test_escape_with_nothing_typed_closes_at_once(plan_copy) -> None:
    app = make_app(plan_copy())
    async with app.run_test(size=SIZE) as pilot:
        for key in ("e", "escape"):
            await pilot.press(key)
            await pilot.pause()
        assert not app.screen.is_modal
