"""From the portfolio, as a person: make a plan with ``n`` (typed in a burst), filter and sort the plans.

Each new plan is checked on disk with the real ``planaction validate --strict``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual import events

from planaction import store
from planaction.core.model import PlanType, Rag
from planaction.store import templates
from planaction.tui.modals.new_plan import DEFAULT_TEMPLATE, NewPlanModal
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.screens.portfolio import PortfolioScreen
from planaction.tui.widgets.line_table import LineTable
from tests.conftest import PLANS, run_cli
from tests.tui.conftest import KEY_NAMES, SIZE, make_app, type_text

#: The form's templates, in the order of its list.
CHOICES = [templates.EMPTY, *(kind.value for kind in PlanType)]


@pytest.fixture(autouse=True)
def french_machine(monkeypatch) -> None:
    """plans/ mixes French and English plans: its portfolio follows the machine's language, French here."""
    monkeypatch.setenv("PLANACTION_LANG", "fr")


def folder_of(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    shutil.copytree(PLANS, folder)
    return folder


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.parent.rglob("*")) if p.is_file()}


async def burst(pilot, *keys: str) -> None:
    """Keys sent all at once, as a fast typist or a paste sends them: nothing waits between two keys."""
    app = pilot.app
    for key in keys:
        for name in [key] if len(key) > 1 else [KEY_NAMES.get(key, key)]:
            character = key if len(key) == 1 else {"tab": "\t", "enter": "\r", "space": " "}.get(key)
            event = events.Key(name, character)
            event.set_sender(app)
            app._driver.send_message(event)
    await pilot.pause()
    await pilot.pause()


def typed(text: str) -> list[str]:
    """The keys of ``text``, one per character."""
    return list(text)


def validate_strict(path: Path) -> None:
    done = run_cli("validate", "--strict", path)
    assert done.returncode == 0, done.stdout + done.stderr


async def pick_template(pilot, template: str) -> None:
    """Open the template list from the keyboard and move to ``template``."""
    modal = pilot.app.screen
    modal.query_one("#np-template").focus()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    steps = CHOICES.index(template) - CHOICES.index(DEFAULT_TEMPLATE)
    await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps), "enter")
    await pilot.pause()
    assert modal.template == template


@pytest.mark.parametrize("examples", [False, True], ids=["header-only", "with-examples"])
@pytest.mark.parametrize("template", CHOICES)
async def test_a_new_plan_from_each_template(tmp_path: Path, template: str, examples: bool) -> None:
    if examples and template == templates.EMPTY:
        pytest.skip("an empty plan has no examples to keep")
    folder = folder_of(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "n", *typed("client-acme"), "tab", *typed("Plan ACME"), "tab", *typed("Anne Q"))
        modal = app.screen
        assert isinstance(modal, NewPlanModal)
        assert [modal.query_one(f"#np-{f}").value for f in ("file", "title", "owner")] == [
            "client-acme",
            "Plan ACME",
            "Anne Q",
        ]
        await pick_template(pilot, template)
        if examples:
            modal.query_one("#np-examples").focus()
            await pilot.press("space")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        target = folder / "client-acme.yaml"
        assert target.is_file()
        assert isinstance(app.screen, PlanScreen)  # the new plan is open
        assert app.screen.session.path == target
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
        table = app.screen.query_one("#portfolio-table", LineTable)
        assert table.current.path == target  # listed, the cursor on it
    validate_strict(target)
    plan = store.load(target).plan
    assert (plan.id, plan.title, plan.owner, plan.language) == ("client-acme", "Plan ACME", "Anne Q", "fr")
    assert plan.type.value == (template if template != templates.EMPTY else "operational")
    assert bool(plan.actions) == examples


@pytest.mark.parametrize(("ui", "keys", "language"), [("en", [], "en"), ("fr", ["enter", "down", "enter"], "en")])
async def test_the_plan_language(tmp_path: Path, ui: str, keys: list[str], language: str) -> None:
    """The interface's language by default; the list changes it (Enter moves between text fields)."""
    folder = folder_of(tmp_path)
    app = make_app(folder, lang=ui)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "n", *typed("launch"), "enter", *typed("Launch"), "enter", *typed("Grace Kim"))
        if keys:
            app.screen.query_one("#np-language").focus()
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
        await burst(pilot, "ctrl+s")
        assert isinstance(app.screen, PlanScreen)
    plan = store.load(folder / "launch.yaml").plan
    assert (plan.title, plan.owner, plan.language) == ("Launch", "Grace Kim", language)


async def test_an_existing_name_is_refused_and_the_file_kept(tmp_path: Path) -> None:
    folder = folder_of(tmp_path)
    before = listing(folder)
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "n", *typed("support-it"), "tab", *typed("Autre"), "tab", *typed("Moi"), "ctrl+s")
        modal = app.screen
        assert isinstance(modal, NewPlanModal)  # still open, with what was typed
        error = modal.query_one("#np-file-error")
        assert error.display and "support-it.yaml existe déjà" in str(error.render())
        assert modal.query_one("#np-title").value == "Autre"
    assert listing(folder) == before  # byte for byte, and no other file


@pytest.mark.parametrize("name", ["../evil", "sub/plan", "../plans/support-it", ".hidden", "plan.txt", "/tmp/x"])
async def test_a_name_with_a_folder_or_a_bad_suffix_is_refused(tmp_path: Path, name: str) -> None:
    folder = folder_of(tmp_path)
    (folder / "sub").mkdir()
    before = listing(folder)
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "n", *typed(name), "tab", *typed("Titre"), "tab", *typed("Moi"), "ctrl+s")
        modal = app.screen
        assert isinstance(modal, NewPlanModal)
        assert modal.query_one("#np-file-error").display
        assert modal.query_one("#form-error").display
    assert listing(folder) == before


async def test_title_and_owner_are_asked(tmp_path: Path) -> None:
    folder = folder_of(tmp_path)
    before = listing(folder)
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "n", *typed("acme"), "ctrl+s")
        modal = app.screen
        assert isinstance(modal, NewPlanModal)
        assert modal.query_one("#np-title-error").display and modal.query_one("#np-owner-error").display
        assert modal.focused is modal.query_one("#np-title")  # the first field to fill
    assert listing(folder) == before


async def test_escape_cancels_and_writes_nothing(tmp_path: Path) -> None:
    folder = folder_of(tmp_path)
    before = listing(folder)
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "n", *typed("acme"), "tab", *typed("Plan"), "tab", *typed("Moi"))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
    assert listing(folder) == before


async def test_ctrl_q_with_typed_text_asks_before_losing_it(tmp_path: Path) -> None:
    """ctrl+q while the New plan form holds typed text asks, as every form does; "back" keeps the text."""
    from planaction.tui.widgets.questions import ChoiceModal

    folder = folder_of(tmp_path)
    before = listing(folder)
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "n", *typed("acme"))
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("enter")  # the focused choice: back to the form
        await pilot.pause()
        assert isinstance(app.screen, NewPlanModal)
        assert app.screen.query_one("#np-file").value == "acme"
    assert listing(folder) == before


async def test_a_q_in_a_fast_name_never_quits(tmp_path: Path) -> None:
    """The name's letters are the form's even when sent before it is drawn ("q" quits the portfolio)."""
    folder = folder_of(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "n", *typed("quarterly-review"))
        assert isinstance(app.screen, NewPlanModal)
        assert app.screen.query_one("#np-file").value == "quarterly-review"
        assert app.is_running


# -- filter and sort ------------------------------------------------------------------------------


def shown(app) -> list[str]:
    return [r.path.name for r in app.screen.query_one("#portfolio-table", LineTable).rows]


async def palette(pilot, words: str) -> None:
    """Choose a command in the palette, once its search has found it (the search runs apart)."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await type_text(pilot, words)
    for _ in range(50):
        await pilot.pause(0.05)
        found = pilot.app.screen.query("CommandList")
        if found and found.first().option_count and found.first().highlighted is not None:
            break
    await pilot.press("enter")
    await pilot.pause()


async def test_filter_by_text_and_owner_and_sort_survive_a_rescan_and_a_new_plan(tmp_path: Path) -> None:
    folder = folder_of(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "slash", *typed("amelioration"))  # "/" then the text, in one burst
        assert shown(app) == ["essms-qualite.yaml", "servicia-reclamations.yaml"]
        status = str(app.screen.query_one("#portfolio-status").render())
        assert "2 affichés" in status and "« amelioration »" in status
        await pilot.press("enter")  # back to the table, the filter kept
        await pilot.click("#portfolio-table", offset=(2, 0))  # the "Plan" heading sorts by title
        await pilot.pause()
        assert app.screen.sort_column == "title"
        await pilot.click("#portfolio-table", offset=(2, 0))  # again: the other way round
        await pilot.pause()
        assert app.screen.sort_reverse
        titles = [r.title for r in app.screen.query_one("#portfolio-table", LineTable).rows]
        assert titles == sorted(titles, key=str.casefold, reverse=True)
        # a plan of the same kind written behind the app's back shows after a rescan, filtered and sorted
        shutil.copyfile(folder / "servicia-reclamations.yaml", folder / "zz-amelioration.yaml")
        text = (folder / "zz-amelioration.yaml").read_text(encoding="utf-8")
        (folder / "zz-amelioration.yaml").write_text(
            text.replace("title: Améliorer", "title: Zz Améliorer", 1), encoding="utf-8"
        )
        await pilot.press("r")
        await pilot.pause()
        assert shown(app)[0] == "zz-amelioration.yaml" and len(shown(app)) == 3
        # escape clears the text; the palette filters by owner
        await pilot.press("escape")
        await pilot.pause()
        assert len(shown(app)) == 7
        await palette(pilot, "responsable anne leroy")
        assert shown(app) == ["siae-cooperation.yaml"]
        # a new plan for the same owner joins the filtered list after it is made
        await burst(pilot, "n", *typed("coop-2"), "tab", *typed("Coop 2"), "tab", *typed("Anne Leroy"), "ctrl+s")
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert sorted(shown(app)) == ["coop-2.yaml", "siae-cooperation.yaml"]
        assert app.screen.row_filter.owner == "Anne Leroy" and app.screen.sort_column == "title"


async def test_filter_by_type_and_rag_from_the_palette(tmp_path: Path) -> None:
    folder = folder_of(tmp_path)
    app = make_app(folder, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await palette(pilot, "filter type continuous")
        assert shown(app) == ["essms-qualite.yaml", "servicia-reclamations.yaml"]
        assert app.screen.row_filter.type == PlanType.CONTINUOUS_IMPROVEMENT
        await palette(pilot, "filter rag green")
        assert app.screen.row_filter.rag == Rag.GREEN
        assert shown(app) == ["servicia-reclamations.yaml"]
        await palette(pilot, "sort by overdue")
        assert app.screen.sort_column == "overdue"
        await palette(pilot, "filter none")
        assert len(shown(app)) == 6


@pytest.mark.parametrize(("size", "least"), [((120, 40), 36), ((80, 24), 36)])
async def test_the_plan_column_takes_the_free_width(tmp_path: Path, size: tuple[int, int], least: int) -> None:
    folder = folder_of(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#portfolio-table", LineTable)
        widths = dict(zip([c.key for c in table._visible], table._widths, strict=True))
        assert widths["title"] >= least
        assert sum(table._widths) + len(table._widths) == table.size.width  # no column left empty at the end
        if size == (120, 40):
            assert {"type", "owner", "rag", "progress", "overdue"} <= set(widths)
            assert widths["type"] == len("Amélioration continue")  # as wide as the longest type, not cut
