"""The improvement loop in the app (issue 18), as a person would use it, checked on the saved file.

The retros and lessons registers have their add/edit/delete stories with every register
(``test_registers.STORIES``); here: the SWOT, a single part of the plan, filled through its
generated form and cleared; an action a retro's item became cannot be deleted (the link holds).
"""

from __future__ import annotations

import datetime as dt
import difflib

from textual.widgets import Static

from planaction import store
from planaction.tui.forms.generated import EntryForm
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.widgets.questions import ConfirmModal
from tests.tui.conftest import SIZE, make_app, type_text
from tests.tui.test_registers import (
    ONBOARDING,
    PART_ROWS,
    Place,
    focus_field,
    keys,
    notifications,
    open_section,
    shown_panel,
    submit_and_save,
)

ESSMS = "essms-qualite.yaml"


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


async def test_the_imperative_filter_shows_the_criteria_and_their_actions(plan_copy) -> None:
    path = plan_copy(ESSMS)
    app = make_app(path, today=dt.date(2026, 11, 23))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "critères impératifs")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        status = str(app.screen.query_one("#filter-status", Static).render())
        assert "4 / 12 actions" in status
        assert status.endswith("critères : 2/4 → A1 · 3/4 → A3 · non coté → A4")


async def test_the_dashboard_shows_the_situation_and_the_last_retro_held(plan_copy) -> None:
    path = plan_copy(ONBOARDING)
    app = make_app(path, today=dt.date(2026, 10, 15))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        retro = app.screen.query_one("#card-retro", Static)
        assert retro.border_title == "Dernière rétro : 30/09/2026"  # the one of 30/10 is not held yet
        lines = str(retro.render()).splitlines()
        assert [line.split()[0] for line in lines] == ["Simplifier", "Créer", "Éliminer"]
        assert lines[2].endswith("→ A8")
        situation = str(app.screen.query_one("#card-situation", Static).render()).splitlines()
        assert situation[0].startswith("Quoi ") and len(situation) == 7  # no SWOT in this plan: QQOQCP only


async def test_each_decision_says_whether_it_is_taken_by_whom_and_when(plan_copy) -> None:
    path = plan_copy(ONBOARDING)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, Place(ONBOARDING, "8", 1, "decisions"))
        panel = shown_panel(app)
        headings = [column.heading for column in panel.section.columns("fr")]
        assert headings == ["Id", "Décision", "Statut", "Responsable", "Quand"]
        cells = {row.key: [column.cell(row)[0] for column in panel.section.columns("fr")] for row in panel.table().rows}
        assert cells["D1"][2:] == ["Prise", "Inès Caron", "24/08/2026"]
        assert cells["D4"][2:] == ["Attendue", "Inès Caron", "→ 27/11/2026"]
