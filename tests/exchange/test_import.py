"""Merging a client's workbook back: exactly their changes, conflicts listed, bad cells refused."""

from __future__ import annotations

import datetime as dt
import difflib
import zipfile
from pathlib import Path

import openpyxl
import pytest

from planaction import store
from planaction.core import ops
from tests.conftest import run_cli
from tests.exchange.conftest import TODAY, edit_workbook


def diff_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_untouched_workbook_changes_nothing(exported) -> None:
    plan, book = exported("onboarding-client.yaml")
    before = plan.read_bytes()
    done = run_cli("import", plan, book, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    assert "aucun changement" in done.stdout
    assert plan.read_bytes() == before


def test_client_edits_are_merged_with_a_minimal_diff(exported) -> None:
    plan, book = exported()
    before = plan.read_text(encoding="utf-8")
    edit_workbook(
        book,
        {"Actions": {"I3": "Terminé", "I4": "En cours", "J4": 0.3, "O5": "Commentaire du client"}},
        append={
            "Suivi": [[dt.date(2025, 5, 14), "A3", None, "Webinaire planifié", "Date fixée", "Client"]],
            "Mesures": [["K1", dt.date(2025, 5, 13), 5.5, "après le formulaire"]],
        },
    )
    done = run_cli("import", plan, book, "--today", "2025-05-15")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "A2 statut : En cours → Terminé" in done.stdout
    assert "A3 avancement : 0 % → 30 %" in done.stdout
    assert "+ suivi 14/05/2025 A3 : Webinaire planifié" in done.stdout
    assert "+ mesure K1 13/05/2025 : 5,5" in done.stdout
    assert sorted(diff_lines(before, plan.read_text(encoding="utf-8"))) == sorted(
        [
            "+    completed: 2025-05-15",
            "-    status: in_progress",
            "+    status: done",
            "-    progress: 80",
            "+    progress: 100",
            "-    status: todo",
            "+    status: in_progress",
            "+    progress: 30",
            "+    comment: Commentaire du client",
            "+  - date: 2025-05-14",
            "+    action: A3",
            "+    result: Webinaire planifié",
            "+    comment: Date fixée",
            "+    author: Client",
            "+      - date: 2025-05-13",
            "+        value: 5.5",
            "+        comment: après le formulaire",
        ]
    )
    assert run_cli("validate", plan).returncode == 0


def test_dry_run_writes_nothing(exported) -> None:
    plan, book = exported()
    before = plan.read_bytes()
    edit_workbook(book, {"Actions": {"I3": "Terminé"}})
    done = run_cli("import", plan, book, "--dry-run")
    assert done.returncode == 0
    assert "A2 statut" in done.stdout and "rien n'est écrit" in done.stdout
    assert plan.read_bytes() == before


def test_changes_in_both_places(exported) -> None:
    plan, book = exported()
    # since the export, the plan changed A2's comment and A3's status; the client changed them too
    document = store.load(plan)
    today = dt.date(2025, 5, 13)
    changed = ops.update_action(document.plan, "A2", {"comment": "Version du consultant"}, today)
    changed = ops.set_status(changed, "A3", "in_progress", today)
    changed = ops.update_action(changed, "A4", {"comment": "Même texte"}, today)
    document.save(changed)
    edit_workbook(book, {"Actions": {"O3": "Version du client", "I4": "En cours", "I5": "Bloqué", "O5": "Même texte"}})
    done = run_cli("import", plan, book, "--today", TODAY)
    assert done.returncode == 1  # a conflict stays unresolved
    assert "conflits" in done.stdout
    assert "A2 commentaire (O3) : classeur « Version du client », plan « Version du consultant »" in done.stdout
    plan_now = store.load(plan).plan
    assert plan_now.action("A2").comment == "Version du consultant"  # not overwritten
    assert plan_now.action("A4").status.value == "blocked"  # changed only in the workbook: applied
    assert plan_now.action("A3").status.value == "in_progress"  # same change on both sides: nothing to do
    theirs = run_cli("import", plan, book, "--theirs", "--today", TODAY)
    assert theirs.returncode == 0, theirs.stdout
    assert store.load(plan).plan.action("A2").comment == "Version du client"


def test_ours_keeps_the_plan(exported) -> None:
    plan, book = exported()
    document = store.load(plan)
    document.save(ops.update_action(document.plan, "A2", {"comment": "Plan"}, dt.date(2025, 5, 13)))
    edit_workbook(book, {"Actions": {"O3": "Classeur"}})
    done = run_cli("import", plan, book, "--ours")
    assert done.returncode == 0
    assert store.load(plan).plan.action("A2").comment == "Plan"


def test_what_cannot_be_imported_is_reported(exported) -> None:
    plan, book = exported()
    edit_workbook(
        book,
        {"Actions": {"F3": "Faible", "B3": "Titre changé"}},
        append={"Actions": [[None, "Nouvelle action du client"]]},
    )
    done = run_cli("import", plan, book)
    assert done.returncode == 0, done.stderr
    assert "A2 : priorité changée dans le classeur (F3), non reprise" in done.stdout
    assert "sans id" in done.stdout


BAD_CELLS = {
    "status": (
        {"Actions": {"I3": "Finished"}},
        'Actions!I3: "Finished" is not a status',
        "allowed: todo (À faire / To do)",
    ),
    # values typed in the plan's notation are refused in the workbook's language, with an example in it
    "progress": ({"Actions": {"J3": 1.5}}, "Actions!J3: « 150 % » n'est pas un avancement", "de 0 % à 100 %"),
    "date": ({"Actions": {"K3": "bientôt"}}, "Actions!K3: « bientôt » n'est pas une date", "JJ/MM/AAAA"),
    "unknown id": ({"Actions": {"A3": "A99"}}, 'Actions!A3: unknown action "A99"', "added in the plan"),
    "duplicate id": (
        {"Actions": {"A3": "A1"}},
        'Actions!A3: action "A1" appears twice (first at A2)',
        "one row per action",
    ),
    "log without result": (
        {"Suivi": {"A4": dt.date(2025, 5, 14), "B4": "A1"}},
        "Suivi!D4: the result is empty",
        "observed",
    ),
    "log unknown action": (
        {"Suivi": {"A4": dt.date(2025, 5, 14), "B4": "A9", "D4": "x"}},
        'Suivi!B4: unknown action "A9"',
        None,
    ),
    "measurement": (
        {"Mesures": {"A3": "K1", "B3": dt.date(2025, 5, 20), "C3": "beaucoup"}},
        "Mesures!C3: « beaucoup » n'est pas un nombre",
        "1 234,5",
    ),
}


@pytest.mark.parametrize("case", list(BAD_CELLS), ids=list(BAD_CELLS))
def test_bad_cells_are_located_and_nothing_is_written(exported, case: str) -> None:
    plan, book = exported()
    before = plan.read_bytes()
    edits, message, hint = BAD_CELLS[case]
    edit_workbook(book, edits)
    done = run_cli("import", plan, book)
    assert done.returncode == 1
    assert message in done.stderr, done.stderr
    if hint:
        assert hint in done.stderr
    assert "Traceback" not in done.stderr
    assert "nothing was imported" in done.stderr
    assert plan.read_bytes() == before


def test_workbook_of_another_plan(exported, tmp_path: Path) -> None:
    _plan, book = exported("servicia-reclamations.yaml")
    other, _ = exported("support-it.yaml")
    done = run_cli("import", other, book)
    assert done.returncode == 1
    said = done.stderr.splitlines()[0]
    assert said.startswith('servicia-reclamations.xlsx: this workbook is for the plan "servicia-reclamations" (')
    assert said.endswith('/servicia-reclamations.yaml), not "support-it"'), said  # its folder and file


def test_renamed_and_missing_sheets(exported) -> None:
    plan, book = exported()
    workbook = openpyxl.load_workbook(book)
    workbook["Actions"].title = "Mes actions"
    del workbook["Suivi"]
    workbook.save(book)
    done = run_cli("import", plan, book)
    assert done.returncode == 1
    assert 'the sheet "Actions" is missing' in done.stderr
    assert 'the sheet "Suivi" is missing' in done.stderr
    assert 'rename the sheet back to "Actions"' in done.stderr


def test_renamed_column_and_moved_columns(exported) -> None:
    plan, book = exported()
    workbook = openpyxl.load_workbook(book)
    ws = workbook["Actions"]
    ws["I1"] = "État"
    workbook.save(book)
    done = run_cli("import", plan, book)
    assert done.returncode == 1
    assert 'Actions!1: the column "Statut" is missing' in done.stderr


def test_not_a_workbook(tmp_path: Path, exported) -> None:
    plan, _ = exported()
    text = tmp_path / "notes.xlsx"
    text.write_text("hello", encoding="utf-8")
    done = run_cli("import", plan, text)
    assert done.returncode == 1 and "not an Excel workbook" in done.stderr
    archive = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("readme.txt", "x")
    assert "zip archive, not an Excel workbook" in run_cli("import", plan, archive).stderr
    foreign = tmp_path / "foreign.xlsx"
    openpyxl.Workbook().save(foreign)
    assert "not exported by planaction" in run_cli("import", plan, foreign).stderr
    assert "no such file" in run_cli("import", plan, tmp_path / "missing.xlsx").stderr


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path, exported) -> None:
    plan, _ = exported()
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        chunk = b"\0" * (1024 * 1024)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(300):
                member.write(chunk)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    done = run_cli("import", plan, bomb)
    assert done.returncode == 1
    assert "oversized" in done.stderr
