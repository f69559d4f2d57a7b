"""The workbook from the app: x exports beside the plan; the palette imports, showing changes first."""

from __future__ import annotations

from python_calamine import CalamineWorkbook

from planaction import store
from planaction.core.model import Status
from planaction.tui.modals.changes import ChangesModal
from planaction.tui.modals.path import PathModal
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.widgets.questions import ChoiceModal
from tests.exchange.conftest import edit_workbook
from tests.tui.conftest import SIZE, make_app


async def test_x_exports_beside_the_plan(plan_copy) -> None:
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any(str(path.with_suffix(".xlsx")) in str(n.message) for n in app._notifications)
    rows = CalamineWorkbook.from_path(str(path.with_suffix(".xlsx"))).get_sheet_by_name("Actions").to_python()
    assert rows[1][0] == "A1"


async def test_x_with_unsaved_changes_saves_first(plan_copy) -> None:
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "x")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("enter")  # save and export
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert store.load(path).plan.action("A1").status == Status.TODO
    rows = CalamineWorkbook.from_path(str(path.with_suffix(".xlsx"))).get_sheet_by_name("Actions").to_python()
    assert rows[1][8] == "À faire"


async def test_import_shows_the_changes_then_applies_them(plan_copy) -> None:
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await app.workers.wait_for_complete()
        book = path.with_suffix(".xlsx")
        edit_workbook(book, {"Actions": {"I3": "Terminé"}})
        screen = app.screen
        commands = {title: callback for title, _help, callback in screen.palette_commands()}
        commands["Importer un classeur…"]()
        await pilot.pause()
        assert isinstance(app.screen, PathModal)
        assert app.screen.query_one("#path").value == str(book)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChangesModal)
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "A2 statut : En cours → Terminé" in shown
        await pilot.press("escape")  # cancel: nothing applied
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen) and not screen.session.dirty
        commands["Importer un classeur…"]()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.click("#apply")
        await pilot.pause()
        assert screen.session.plan.action("A2").status == Status.DONE
        assert screen.session.dirty  # applied in the app, saved when the user saves
        await pilot.press("ctrl+z")
        assert screen.session.plan.action("A2").status == Status.IN_PROGRESS
        await pilot.press("ctrl+y", "ctrl+s")
    assert store.load(path).plan.action("A2").status == Status.DONE


async def test_import_of_a_bad_workbook_says_why(plan_copy, tmp_path) -> None:
    path = plan_copy()
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook", encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen._import_from(str(junk))
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert any("not an Excel workbook" in str(n.message) for n in app._notifications)
