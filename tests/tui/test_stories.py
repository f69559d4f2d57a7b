"""The user's stories, keys pressed by a Pilot, checked on the saved file."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from planaction import store
from planaction.core.model import Status
from planaction.tui.forms.action import ActionForm
from planaction.tui.forms.entries import LogForm
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.widgets.line_table import LineTable
from planaction.tui.widgets.questions import ChoiceModal, ConfirmModal
from tests.tui.conftest import SIZE, TODAY, discard_form, make_app, type_text


def changed(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def table(app) -> LineTable:
    return app.screen.query_one("#action-table", LineTable)


async def test_change_a_status_and_save(plan_copy) -> None:
    path = plan_copy()
    before = path.read_text(encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down")  # A2, in progress
        assert table(app).current.id == "A2"
        await pilot.press("s")  # -> done
        assert "●" in app.screen.sub_title  # unsaved marker
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "●" not in app.screen.sub_title
    assert changed(before, path.read_text(encoding="utf-8")) == [
        "-    status: in_progress",
        "+    completed: 2025-05-12",
        "+    status: done",
        "-    progress: 80",
        "+    progress: 100",
    ]


async def test_progress_keys(plan_copy) -> None:
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down")  # A3, to do
        await pilot.press("plus", "plus", "plus", "minus")
        await pilot.press("ctrl+s")
    action = store.load(path).plan.action("A3")
    assert (action.progress, action.status) == (20, Status.IN_PROGRESS)


async def test_add_an_action(plan_copy) -> None:
    path = plan_copy()
    before = path.read_text(encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        await type_text(pilot, "Suivre les indicateurs a J+45")
        await pilot.press("tab")
        await type_text(pilot, "Responsable IT")
        app.screen.query_one("#f-due").value = "2025-06-20"
        await pilot.press("ctrl+s")  # submits the form
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert table(app).current.id == "A5"
        await pilot.press("ctrl+s")
    after = path.read_text(encoding="utf-8")
    added = [line for line in changed(before, after) if line.startswith("+")]
    assert "+  - id: A5" in added
    assert "+    title: Suivre les indicateurs a J+45" in added
    assert "+    owner: Responsable IT" in added
    assert "+    due: 2025-06-20" in added
    assert not [line for line in changed(before, after) if line.startswith("-")]


async def test_form_refuses_what_ops_refuse(plan_copy) -> None:
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Sans responsable")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)  # still open
        error = str(app.screen.query_one("#form-error").render())
        assert "responsable" in error.lower()
        await discard_form(pilot)
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert not app.screen.session.dirty


async def test_edit_an_action_changes_only_that_field(plan_copy) -> None:
    path = plan_copy()
    before = path.read_text(encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # edit A1
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        title = app.screen.query_one("#f-title")
        title.value = "Réorganiser la boîte IT"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
    assert changed(before, path.read_text(encoding="utf-8")) == [
        "-    title: Réorganiser la boîte de réception IT",
        "+    title: Réorganiser la boîte IT",
    ]


async def test_log_a_result(plan_copy) -> None:
    path = plan_copy()
    before = path.read_text(encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "l")
        await pilot.pause()
        assert isinstance(app.screen, LogForm)
        await type_text(pilot, "Formulaire utilise a 92%")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
    plan = store.load(path).plan
    entry = plan.log[-1]
    assert (entry.action, entry.result, entry.date) == ("A2", "Formulaire utilise a 92%", TODAY)
    assert all(line.startswith("+") for line in changed(before, path.read_text(encoding="utf-8")))


async def test_undo_then_save_leaves_the_file_as_it_was(plan_copy) -> None:
    path = plan_copy()
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "down", "s", "plus")
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")
        assert not app.screen.session.dirty
        await pilot.press("ctrl+y")
        assert app.screen.session.dirty
        await pilot.press("ctrl+z", "ctrl+s")
    assert path.read_bytes() == before


async def test_delete_asks_first(plan_copy) -> None:
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end", "d")  # A4: nothing refers to it
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("escape")  # keep
        await pilot.pause()
        assert len(app.screen.session.plan.actions) == 4
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        await pilot.press("ctrl+s")
    assert [a.id for a in store.load(path).plan.actions] == ["A1", "A2", "A3"]


async def test_quit_with_unsaved_changes_asks(plan_copy) -> None:
    path = plan_copy()
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("escape")  # cancel: stay, edits kept
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen) and app.screen.session.dirty
        await pilot.press("q")
        await pilot.pause()
        await pilot.click("#discard")
        await pilot.pause()
    assert path.read_bytes() == before
    assert app.return_code == 0


async def test_quit_and_save(plan_copy) -> None:
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "q")
        await pilot.pause()
        await pilot.press("enter")  # "Save" has the focus
        await pilot.pause()
    assert store.load(path).plan.action("A1").status == Status.TODO


async def test_quit_without_changes_does_not_ask(plan_copy) -> None:
    app = make_app(plan_copy())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_file_changed_behind_the_app_reload(plan_copy) -> None:
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        text = path.read_text(encoding="utf-8").replace(
            "Réorganiser la boîte de réception IT", "Changé par un collègue"
        )
        path.write_text(text, encoding="utf-8")
        app.screen.check_disk()
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.click("#reload")
        await pilot.pause()
        assert table(app).rows[0].title == "Changé par un collègue"
        assert not app.screen.session.dirty


async def test_file_changed_behind_the_app_keep_mine(plan_copy) -> None:
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")  # A1 done -> to do, unsaved
        path.write_text(path.read_text(encoding="utf-8").replace("Développeur", "Développeuse"), encoding="utf-8")
        await pilot.press("ctrl+s")  # the save notices the change and asks
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        assert store.load(path).plan.action("A1").status != Status.TODO  # nothing written yet
        await pilot.click("#keep")
        await pilot.pause()
    plan = store.load(path).plan
    assert plan.action("A1").status == Status.TODO  # my edit
    assert plan.action("A2").owner == "Développeur"  # the colleague's change was replaced, as chosen


async def test_failed_save_keeps_the_edits(plan_copy) -> None:
    path = plan_copy()
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        os.chmod(path, 0o444)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.session.dirty
        assert any("read-only" in str(n.message) for n in app._notifications)
        os.chmod(path, 0o644)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.screen.session.dirty
    assert path.read_bytes() != before


async def test_filter_as_you_type_and_clear(plan_copy) -> None:
    app = make_app(plan_copy())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "responsable it")
        assert [r.id for r in table(app).rows] == ["A4"]
        await pilot.press("enter")
        assert table(app).has_focus
        await pilot.press("escape")
        assert len(table(app).rows) == 4


async def test_quick_filters_and_sort_from_the_palette(plan_copy) -> None:
    app = make_app(plan_copy())
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        commands = {title: callback for title, _help, callback in screen.palette_commands()}
        commands["Filtre : en retard"]()
        await pilot.pause()
        assert [r.id for r in table(app).rows] == ["A2"]
        commands["Filtre : aucun"]()
        commands["Filtre : statut À faire"]()
        await pilot.pause()
        assert [r.id for r in table(app).rows] == ["A3", "A4"]
        commands["Filtre : aucun"]()
        commands["Trier par météo"]()
        commands["Trier par météo"]()  # twice: descending
        await pilot.pause()
        assert table(app).rows[0].id == "A2"  # the red one first


async def test_palette_lists_every_action(plan_copy) -> None:
    app = make_app(plan_copy())
    async with app.run_test(size=SIZE):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for label in (
            "Ajouter (a)",
            "Modifier (e)",
            "Supprimer (d)",
            "Statut (s)",
            "Suivi (l)",
            "Enregistrer (ctrl+s)",
            "Annuler (ctrl+z)",
            "Rétablir (ctrl+y)",
            "Quitter (q)",
            "Filtrer (/)",  # the key as typed, not Textual's English name "slash"
        ):
            assert label in titles, label


async def test_keys_can_be_remapped(plan_copy, tmp_path: Path, monkeypatch) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\ncycle_status = "t"\n', encoding="utf-8")
    monkeypatch.setenv("PLANACTION_KEYS", str(keys))
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "ctrl+s")
    assert store.load(path).plan.action("A1").status == Status.TODO


async def test_tabs_switch_with_digits(plan_copy) -> None:
    app = make_app(plan_copy("siae-cooperation.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        tabs = ("dashboard", "log", "timeline", "risks", "kpis", "plan", "milestones", "governance", "tree")
        for key, tab in zip("234567890", tabs, strict=True):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen.query_one("#tabs").active == tab
        await pilot.press("1")
        await pilot.pause()
        assert app.screen.query_one("#tabs").active == "actions"


async def test_plan_text_is_shown_literally(tmp_path: Path) -> None:
    path = tmp_path / "markup.yaml"
    path.write_text(
        "schema: 1\ntitle: '[bold]x[/]'\nowner: '[i]moi'\nactions:\n"
        "  - id: A1\n    title: 'close [/x] tag and [red]danger[/]'\n    owner: '[link=http://evil]clic'\n    due: 2025-06-01\n"
        '    comment: "\\e[31mred escape\\e[0m"\n',
        encoding="utf-8",
    )
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)  # the detail pane follows the cursor once keys pause
        row = table(app)._row_strip(0).text
        assert "close [/x] tag and [red]danger[/]" in row  # markup untouched (the title column fits it whole)
        assert "[link=http://…" in row
        detail = str(app.screen.query_one("#detail-body").render())
        assert "[red]danger[/]" in detail
        assert "\x1b" not in detail and "�[31mred escape" in detail
        assert app.screen.title == "[bold]x[/]"
