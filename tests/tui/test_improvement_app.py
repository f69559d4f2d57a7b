"""The improvement loop in the app (issue 18), as a person would use it, checked on the saved file.

The retros and lessons registers have their add/edit/delete stories with every register
(``test_registers.STORIES``); here: the SWOT, a single part of the plan, filled through its
generated form and cleared; an action a retro's item became cannot be deleted (the link holds).
"""

from __future__ import annotations

import difflib

from planaction import store
from planaction.tui.forms.generated import EntryForm
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.widgets.questions import ConfirmModal
from tests.tui.conftest import SIZE, make_app
from tests.tui.test_registers import ONBOARDING, PART_ROWS, focus_field, keys, notifications, submit_and_save


def added_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


async def test_the_swot_is_filled_in_its_form_then_cleared(plan_copy) -> None:
    path = plan_copy(ONBOARDING)
    original = path.read_text(encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")  # the Plan tab: its parts first, the SWOT last of them
        await pilot.pause()
        await pilot.press("home", *["down"] * PART_ROWS["swot"], "e")
        await pilot.pause()
        assert isinstance(app.screen, EntryForm)
        await focus_field(pilot, "strengths")
        await pilot.press(*keys("Sponsor engage"), "enter", *keys("CSM dedie"))
        await focus_field(pilot, "threats")
        await pilot.press(*keys("Turnover utilisateurs"))
        await submit_and_save(pilot)
        swot = store.load(path).plan.swot
        assert swot is not None
        assert (swot.strengths, swot.weaknesses, swot.threats) == (
            ("Sponsor engage", "CSM dedie"),
            (),
            ("Turnover utilisateurs",),
        )
        diff = added_lines(original, path.read_text(encoding="utf-8"))
        assert diff and all(line.startswith("+") for line in diff), diff  # only the SWOT's lines, added
        assert "+swot:" in diff

        # d on the SWOT's row, and yes: the part is gone, the file as it was
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("shift+tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert path.read_text(encoding="utf-8") == original


async def test_an_action_a_retro_became_is_not_deleted(plan_copy) -> None:
    """A11 is the content the first retro asked for: ``d`` on it says so, and the file stays."""
    path = plan_copy(ONBOARDING)
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one("#action-table")
        rows = [row.id for row in table.rows]
        await pilot.press("home", *["down"] * rows.index("A11"))
        assert table.current.id == "A11"
        await pilot.press("d")
        await pilot.pause()
        if isinstance(app.screen, ConfirmModal):
            await pilot.press("shift+tab", "enter")
            await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert "la rétro du 2026-09-30" in notifications(app)
        assert not app.screen.session.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert path.read_bytes() == before
