"""Export never overwrites, without saying so, a workbook that changed since planaction wrote it.

The client sends PLAN.xlsx back edited, saved over the one exported beside
the plan; exporting again before importing would lose their edits. A
workbook planaction wrote carries a seal (a digest of its parts in the zip
comment, which any spreadsheet that saves it drops). Export replaces a
workbook that is sealed, or whose edits are all in the plan already
(imported); anything else is refused, exit 1, saying what it holds and what
to do: import it first, write elsewhere (-o), or replace it (--force). The
app asks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import openpyxl

from planaction.tui.modals.changes import ChangesModal
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.widgets.questions import ChoiceModal
from tests.conftest import run_cli
from tests.exchange.conftest import TODAY, edit_workbook
from tests.tui.conftest import SIZE, make_app


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_edited_workbook_is_not_overwritten(exported) -> None:
    plan, book = exported()
    edit_workbook(book, {"Actions": {"I3": "Terminé"}}, append={"Suivi": [[dt.date(2025, 5, 14), "A3", None, "Fait"]]})
    sent_back = digest(book)
    done = run_cli("export", plan, "--today", TODAY)
    assert done.returncode == 1, done.stdout
    assert digest(book) == sent_back  # the client's edits are still there
    message = done.stderr
    assert str(book) in message and "2" in message, message  # which workbook, how many changes
    assert "planaction import" in message and "--force" in message and "-o" in message, message
    assert "Traceback" not in message


def test_force_replaces_it_and_o_writes_elsewhere(exported, tmp_path: Path) -> None:
    plan, book = exported()
    edit_workbook(book, {"Actions": {"I3": "Terminé"}})
    elsewhere = run_cli("export", plan, "-o", tmp_path / "nouveau.xlsx", "--today", TODAY)
    assert elsewhere.returncode == 0, elsewhere.stderr
    forced = run_cli("export", plan, "--today", TODAY, "--force")
    assert forced.returncode == 0, forced.stderr
    assert openpyxl.load_workbook(book)["Actions"]["I3"].value == "En cours"  # the plan's value again


def test_once_imported_the_workbook_is_replaced_without_asking(exported) -> None:
    plan, book = exported()
    edit_workbook(book, {"Actions": {"I3": "Terminé"}})
    assert run_cli("import", plan, book, "--today", TODAY).returncode == 0
    again = run_cli("export", plan, "--today", TODAY)
    assert again.returncode == 0, again.stderr  # everything it held is in the plan now


def test_an_untouched_workbook_is_replaced_even_after_a_spreadsheet_saved_it(exported) -> None:
    plan, book = exported()
    assert run_cli("export", plan, "--today", TODAY).returncode == 0  # as planaction wrote it
    openpyxl.load_workbook(book).save(book)  # opened and saved, nothing changed
    assert run_cli("export", plan, "--today", TODAY).returncode == 0


def test_a_file_planaction_did_not_write_is_not_overwritten(exported, tmp_path: Path) -> None:
    plan, _book = exported()
    own = tmp_path / "budget.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "mon budget"
    workbook.save(own)
    before = digest(own)
    done = run_cli("export", plan, "-o", own, "--today", TODAY)
    assert done.returncode == 1 and "--force" in done.stderr, done.stderr
    assert digest(own) == before
    text = tmp_path / "notes.xlsx"
    text.write_text("not a workbook", encoding="utf-8")
    assert run_cli("export", plan, "-o", text, "--today", TODAY).returncode == 1
    assert text.read_text(encoding="utf-8") == "not a workbook"


# ---------------------------------------------------------------------------
# The app asks


def choice_modal_question(app) -> str:
    return " ".join(str(widget.render()) for widget in app.screen.query("Static"))


async def test_x_asks_before_replacing_an_edited_workbook(exported) -> None:
    plan, book = exported()
    edit_workbook(book, {"Actions": {"I3": "Terminé"}})
    sent_back = digest(book)
    app = make_app(plan)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal), type(app.screen)
        assert "support-it.xlsx" in choice_modal_question(app)
        assert digest(book) == sent_back
        await pilot.click("#other")  # write it under another name
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        dated = plan.with_name(f"support-it-{dt.date(2025, 5, 12).isoformat()}.xlsx")
        assert dated.exists() and digest(book) == sent_back
        await pilot.press("x")  # again: the edited workbook still asks; import it first
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.click("#import")
        await pilot.pause()
        assert isinstance(app.screen, ChangesModal)
        await pilot.click("#apply")
        await pilot.pause()
        assert screen.session.plan.action("A2").status.value == "done"
        assert digest(book) == sent_back


async def test_x_replaces_when_asked_to(exported) -> None:
    plan, book = exported()
    edit_workbook(book, {"Actions": {"I3": "Terminé"}})
    app = make_app(plan)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.click("#replace")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert openpyxl.load_workbook(book)["Actions"]["I3"].value == "En cours"


async def test_x_over_a_file_planaction_did_not_write_offers_another_name(exported) -> None:
    plan, book = exported()
    book.write_text("not a workbook", encoding="utf-8")
    app = make_app(plan)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        assert not app.screen.query("#import")  # nothing to import from it
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
    assert book.read_text(encoding="utf-8") == "not a workbook"
