"""The app's export goes through the format registry: the suffix typed picks the format, an
unknown suffix is refused beside the path with the suffixes known."""

from __future__ import annotations

from python_calamine import CalamineWorkbook
from textual.widgets import Input, Static

from planaction.tui.modals.path import PathModal
from tests.tui.conftest import SIZE, make_app


def _commands(app) -> dict:
    return {title: callback for title, _help, callback in app.screen.palette_commands()}


async def test_export_to_a_typed_path_writes_its_format(plan_copy, tmp_path) -> None:
    path = plan_copy()
    target = tmp_path / "pour-le-client.xlsx"
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        _commands(app)["Exporter vers…"]()
        await pilot.pause()
        assert isinstance(app.screen, PathModal)
        assert app.screen.query_one("#path", Input).value == str(path.with_suffix(".xlsx"))
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any(str(target) in str(n.message) for n in app._notifications)
    rows = CalamineWorkbook.from_path(str(target)).get_sheet_by_name("Actions").to_python()
    assert rows[1][0] == "A1"
    assert not path.with_suffix(".xlsx").exists()  # only where the person said


async def test_an_unknown_suffix_is_refused_naming_the_known_ones(plan_copy, tmp_path) -> None:
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        _commands(app)["Exporter vers…"]()
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(tmp_path / "plan.odt")  # .pdf is a format since issue 15
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PathModal)  # still asking
        error = app.screen.query_one("#path-error", Static)
        assert error.display
        said = str(error.content)
        assert ".odt" in said and ".xlsx" in said and ".pdf" in said
        await pilot.press("escape")
        await pilot.pause()
    assert not list(tmp_path.glob("plan.odt"))
