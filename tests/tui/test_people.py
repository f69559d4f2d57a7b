"""One person is one person in the app: the ``/`` filter, the palette's owner filters, the suggestions."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from planaction.tui.forms.action import ActionForm
from planaction.tui.widgets.line_table import LineTable
from tests.test_views_session import PEOPLE_PLAN
from tests.tui.conftest import SIZE, make_app


def plan(tmp_path: Path) -> Path:
    path = tmp_path / "people.yaml"
    path.write_text(PEOPLE_PLAN, encoding="utf-8")
    return path


def shown(app) -> list[str]:
    return [r.id for r in app.screen.query_one("#action-table", LineTable).rows]


async def test_the_slash_filter_typed_in_capitals_and_other_scripts(tmp_path: Path) -> None:
    app = make_app(plan(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        for typed, found in (("İPEK YILMAZ", ["A1"]), ("анна", ["A2"]), ("王芳", ["A3"])):
            await pilot.press("slash")
            await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in typed])
            await pilot.pause()
            assert shown(app) == found, typed
            await pilot.press("escape")
            await pilot.pause()
            assert len(shown(app)) == 4


async def test_the_palette_lists_each_owner_once_and_filters_every_spelling(tmp_path: Path) -> None:
    app = make_app(plan(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        owners = [
            title for title, _help, _cb in app.screen.palette_commands() if title.startswith("Filtre : responsable")
        ]
        assert len(owners) == 4, owners
        dict((t, cb) for t, _h, cb in app.screen.palette_commands())["Filtre : responsable Léa Fontaine"]()
        await pilot.pause()
        assert shown(app) == ["A2", "A3", "A4"]


async def test_owner_suggestions_ignore_case_accents_and_script(tmp_path: Path) -> None:
    app = make_app(plan(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        owner = app.screen.query_one("#f-owner", Input)
        owner.focus()
        for typed, suggested in (("ipek", "İpek Yılmaz"), ("LEA", "Léa Fontaine"), ("ан", "Анна Петрова")):
            owner.value = ""
            await pilot.press(*typed)
            await pilot.pause(0.2)
            assert owner._suggestion == suggested, typed
        co_owners = app.screen.query_one("#f-co_owners", Input)
        co_owners.value = "Анна Петрова, "
        co_owners.focus()
        await pilot.press("end", "王")
        await pilot.pause(0.2)
        assert co_owners._suggestion == "Анна Петрова, 王芳"
