"""A client's spreadsheet for real: LibreOffice opens and re-saves the workbook, and it still merges."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from python_calamine import CalamineWorkbook

from planaction import store
from planaction.core.model import Status
from tests.conftest import run_cli
from tests.exchange.conftest import TODAY, edit_workbook, resave_with_libreoffice


def test_libreoffice_resave_keeps_everything_the_import_needs(exported, tmp_path: Path) -> None:
    plan, book = exported("onboarding-client.yaml")
    resaved = resave_with_libreoffice(book, tmp_path / "lo")
    workbook = CalamineWorkbook.from_path(str(resaved))
    assert "_planaction" in workbook.sheet_names  # the hidden sheet survives (as hidden)
    before = plan.read_bytes()
    done = run_cli("import", plan, resaved, "--today", TODAY)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "aucun changement" in done.stdout
    assert plan.read_bytes() == before


def test_edits_saved_by_libreoffice_merge(exported, tmp_path: Path) -> None:
    plan, book = exported()
    edited = edit_workbook(
        book,
        {"Actions": {"I3": "Terminé", "I5": "En cours", "J5": 0.5}},
        append={"Suivi": [[dt.date(2025, 5, 20), "A4", None, "Alerte testée en recette", None, "Client"]]},
        target=tmp_path / "client.xlsx",
    )
    resaved = resave_with_libreoffice(edited, tmp_path / "lo")
    done = run_cli("import", plan, resaved, "--today", "2025-05-21")
    assert done.returncode == 0, done.stdout + done.stderr
    result = store.load(plan).plan
    assert result.action("A2").status == Status.DONE
    assert (result.action("A4").status, result.action("A4").progress) == (Status.IN_PROGRESS, 50)
    assert result.log[-1].result == "Alerte testée en recette"
    assert result.log[-1].date == dt.date(2025, 5, 20)


def test_formula_looking_text_stays_text_through_libreoffice(tmp_path: Path) -> None:
    plan = tmp_path / "inject.yaml"
    plan.write_text(
        "schema: 1\ntitle: '=1+1'\nowner: Ana\nactions:\n"
        "  - id: A1\n    title: \"=cmd|' /C calc'!A0\"\n    owner: '@SUM(A1)'\n    due: 2025-06-01\n    comment: '+33 6 12'\n",
        encoding="utf-8",
    )
    done = run_cli("export", plan, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    resaved = resave_with_libreoffice(Path(done.stdout.strip()), tmp_path / "lo")
    row = CalamineWorkbook.from_path(str(resaved)).get_sheet_by_name("Actions").to_python()[1]
    assert row[1:3] == ["=cmd|' /C calc'!A0", "@SUM(A1)"] and row[14] == "+33 6 12"
    again = run_cli("import", plan, resaved, "--today", TODAY)
    assert again.returncode == 0 and "aucun changement" in again.stdout
