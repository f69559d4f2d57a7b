"""The client workbook prints well: read back by openpyxl and calamine, printed to PDF by LibreOffice.

What a client gets when they print the workbook (issue 15, part 5): the Actions sheet on several
landscape A4 pages at a readable size with its title row repeated, explicit fonts, headings over
figures aligned with them, empty columns left out, KPI charts that do not straddle a page break,
a summary with the one-page dashboard and its chart, and the cells the client must not edit locked.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import statistics
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from lxml import etree
from python_calamine import CalamineWorkbook

from tests.conftest import PLANS, run_cli
from tests.office_helpers import to_pdf

TODAY = "2025-05-12"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def export(tmp_path: Path, name: str, *args: str, text: str | None = None, today: str = TODAY) -> tuple[Path, Path]:
    plan = tmp_path / name
    if text is None:
        shutil.copyfile(PLANS / name, plan)
    else:
        plan.write_text(text, encoding="utf-8")
    done = run_cli("export", plan, "--today", today, *args)
    assert done.returncode == 0, done.stderr
    return plan, Path(done.stdout.strip())


def long_plan(actions: int = 60) -> str:
    """A plan whose action table runs over several pages, with every column filled."""
    lines = [
        "schema: 1",
        "title: Plan long",
        "owner: Claire Martin",
        "streams:",
        "  - {id: s1, name: Qualité}",
        "actions:",
    ]
    for i in range(1, actions + 1):
        lines += [
            f"  - id: A{i}",
            f"    title: Action numéro {i} qui décrit en une phrase assez longue ce qu'il faut faire",
            f"    owner: Personne {i % 7}",
            "    co_owners: [Sophie Bernard]",
            "    stream: s1",
            "    priority: high",
            "    start: 2025-04-01",
            f"    due: {dt.date(2025, 5, 1) + dt.timedelta(days=i)}",
            "    status: in_progress",
            "    progress: 40",
            "    indicators: [Indicateur suivi chaque mois]",
            "    comment: Un commentaire de suivi qui tient sur deux lignes du tableau imprimé",
        ]
    return "\n".join(lines) + "\n"


def test_actions_print_setup(tmp_path: Path) -> None:
    _plan, book = export(tmp_path, "onboarding-client.yaml")
    ws = openpyxl.load_workbook(book)["Actions"]
    setup = ws.page_setup
    assert setup.orientation == "landscape" and int(setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert int(setup.fitToWidth) == 1 and int(setup.fitToHeight) == 0  # one page wide, as many down as needed
    assert ws.print_title_rows == "$1:$1"


def test_every_font_is_named_and_headings_are_not_serif(tmp_path: Path) -> None:
    _plan, book = export(tmp_path, "onboarding-client.yaml")
    with zipfile.ZipFile(book) as archive:
        styles = etree.fromstring(archive.read("xl/styles.xml"))
    fonts = styles.find(f"{MAIN}fonts")
    names = [font.find(f"{MAIN}name").get("val") for font in fonts]
    assert names and set(names) == {"Arial"}
    workbook = openpyxl.load_workbook(book)
    for sheet in ("Synthèse", "Actions", "Suivi", "Indicateurs clés", "Risques"):
        ws = workbook[sheet]
        assert ws["A1"].font.name == "Arial", sheet


def test_headings_over_figures_sit_right_as_the_figures_do(tmp_path: Path) -> None:
    _plan, book = export(tmp_path, "onboarding-client.yaml")
    ws = openpyxl.load_workbook(book)["Actions"]
    headings = {cell.value: cell for cell in ws[1]}
    for name in ("Début", "Échéance", "Avancement", "Terminée le"):
        assert headings[name].alignment.horizontal == "right", name
    for name in ("Titre", "Responsable", "Statut"):
        assert headings[name].alignment.horizontal in (None, "general", "left"), name
    kpis = {cell.value: cell for cell in openpyxl.load_workbook(book)["Indicateurs clés"][1]}
    assert all(kpis[name].alignment.horizontal == "right" for name in ("Base", "Actuel", "Cible", "Atteinte"))


def test_empty_columns_are_left_out_and_the_import_still_finds_its_columns(tmp_path: Path) -> None:
    plan, book = export(tmp_path, "support-it.yaml")
    ws = openpyxl.load_workbook(book)["Actions"]
    hidden = {
        ws.cell(row=1, column=i).value
        for i in range(1, 16)
        if ws.column_dimensions[ws.cell(row=1, column=i).column_letter].hidden
    }
    # support-it has no co-owners and no streams; the columns the client edits always show
    assert hidden == {"Co-pilotes", "Flux"}
    assert CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Actions").to_python()[0][3] == "Co-pilotes"
    done = run_cli("import", plan, book, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    assert "0 changement" in done.stdout or "aucun" in done.stdout.lower(), done.stdout
    _plan, full = export(tmp_path, "onboarding-client.yaml")
    ws = openpyxl.load_workbook(full)["Actions"]
    assert not any(ws.column_dimensions[ws.cell(row=1, column=i).column_letter].hidden for i in range(1, 16))


def test_cells_the_client_must_not_edit_are_locked(tmp_path: Path) -> None:
    _plan, book = export(tmp_path, "support-it.yaml")
    workbook = openpyxl.load_workbook(book)
    for ws in workbook.worksheets:
        if ws.sheet_state == "visible":
            assert ws.protection.sheet, ws.title
            assert not ws.protection.password, ws.title  # no password: the client may lift it knowingly
    actions = workbook["Actions"]
    editable = {"Statut", "Avancement", "Terminée le", "Commentaire"}
    for cell in actions[3]:
        heading = actions.cell(row=1, column=cell.column).value
        assert cell.protection.locked == (heading not in editable), heading
    # the editable columns stay open below the table too, for the client's new rows
    for letter, locked in (("I", False), ("O", False), ("B", True)):
        assert actions.column_dimensions[letter].protection.locked is locked, letter
    log = workbook["Suivi"]
    assert log["D2"].protection.locked is False and log["C2"].protection.locked is True
    assert log.column_dimensions["A"].protection.locked is False
    assert actions.protection.autoFilter is False and actions.protection.sort is False  # filters still work


def test_kpi_charts_never_straddle_a_page_break(tmp_path: Path) -> None:
    _plan, book = export(tmp_path, "onboarding-client.yaml")
    ws = openpyxl.load_workbook(book)["Indicateurs clés"]
    breaks = sorted(b.id for b in ws.row_breaks.brk)
    assert breaks, "the charts start on a page of their own"
    tops = [chart.anchor._from.row for chart in ws._charts]  # 0-based row of each chart's top
    assert len(tops) == 5
    rows = 13  # the rows a 6.8 cm chart covers, at 15 points a row
    for top in tops:  # a break after row N (1-based) starts the next page at 0-based row N
        assert not any(top < brk < top + rows for brk in breaks), (top, breaks)


def test_the_summary_is_the_one_page_dashboard(tmp_path: Path) -> None:
    _plan, book = export(tmp_path, "onboarding-client.yaml", today="2026-11-25")
    rows = CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Synthèse").to_python()
    first = [str(row[0]) for row in rows if row and row[0] != ""]
    for heading in ("Actions par statut", "Météo par flux", "Indicateurs clés", "Risques principaux"):
        assert heading in first, heading
    assert any(text.startswith("Actions ouvertes (") for text in first)
    by_label = {row[0]: row for row in rows if row and row[0]}
    assert by_label["Adoption"][1] == "Orange" and by_label["Tech"][1] == "Vert"
    k1 = next(row for row in rows if str(row[0]).startswith("K1 "))
    assert k1[1:5] == ["8 h/dossier", "6,1 h/dossier", "6 h/dossier", pytest.approx(0.95)] or k1[4] == pytest.approx(
        0.95
    )
    assert by_label["Terminé"][1] == 11


def test_import_lists_each_edit_it_does_not_apply_with_its_cell(tmp_path: Path) -> None:
    plan, book = export(tmp_path, "support-it.yaml")
    workbook = openpyxl.load_workbook(book)
    ws = workbook["Actions"]
    ws["B3"] = "Titre changé"  # A2's title
    ws["C4"] = "Quelqu'un d'autre"  # A3's owner
    ws["H4"] = dt.date(2025, 6, 30)  # A3's due date
    ws["G3"] = dt.date(2025, 5, 5)  # A2's start
    ws.delete_rows(5)  # A4's row
    ws.append([None, "Nouvelle action", "Moi"])
    workbook.save(book)
    before = plan.read_bytes()
    done = run_cli("import", plan, book, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    said = done.stdout
    assert "A2 : colonne « Titre » modifiée dans le classeur (B3), non reprise" in said
    assert "A3 : colonne « Responsable » modifiée dans le classeur (C4), non reprise" in said
    assert "A3 : colonne « Échéance » modifiée dans le classeur (H4), non reprise" in said
    assert "A2 : colonne « Début » modifiée dans le classeur (G3), non reprise" in said
    assert "A4" in said and "absentes" in said  # the deleted row
    assert "ligne 5 : sans id" in said  # the added row, with its row
    assert plan.read_bytes() == before  # nothing the client may change was changed


def test_libreoffice_prints_actions_on_several_pages_at_a_readable_size(tmp_path: Path) -> None:
    _plan, book = export(tmp_path, "long.yaml", text=long_plan())
    pdf = to_pdf(book, tmp_path / "pdf")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    # the pages of the action table: rows that start with an action's id
    actions = [i for i, page in enumerate(pages) if re.search(r"^A\d+ {2,}Action numéro", page, re.M)]
    assert len(actions) >= 2  # several pages, not one page of tiny text
    assert all("Pourquoi" in pages[i] and "Responsable" in pages[i] for i in actions)  # the title row on each
    # the size of the text on the Actions pages, as pdftotext measures each word's box
    boxes = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(actions[0] + 1), "-l", str(actions[0] + 1), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    heights = [float(b) - float(a) for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', boxes)]
    assert statistics.median(heights) >= 8.0, statistics.median(heights)  # about 7.5-point text or more, not 5


def test_means_streams_and_partners_have_their_sheets_when_the_plan_has_them(tmp_path: Path) -> None:
    _plan, book = export(tmp_path, "onboarding-client.yaml", today="2026-11-25")
    workbook = CalamineWorkbook.from_path(str(book))
    assert "Moyens" in workbook.sheet_names and "Flux" in workbook.sheet_names
    means = workbook.get_sheet_by_name("Moyens").to_python()
    assert means[0] == ["Id", "Action", "Ressources", "Budget", "Compétences", "Partenaires", "Origines"]
    a4 = next(row for row in means if row[0] == "A4")
    assert a4[2].startswith("Environnements dev/recette/prod")
    streams = workbook.get_sheet_by_name("Flux").to_python()
    assert [row[:2] for row in streams[1:]] == [
        ["tech", "Tech"],
        ["data", "Data"],
        ["adoption", "Adoption"],
        ["valeur", "Valeur"],
    ]
    assert streams[3][3] == "Orange" and streams[3][5] == 2
    # the import reads none of them: an untouched workbook imports as no change
    _plan, plain = export(tmp_path, "support-it.yaml")
    assert "Moyens" in CalamineWorkbook.from_path(str(plain)).sheet_names  # support-it's actions have resources
    assert "Flux" not in CalamineWorkbook.from_path(str(plain)).sheet_names


def test_partners_sheet(tmp_path: Path) -> None:
    _plan, book = export(tmp_path, "siae-cooperation.yaml")
    partners = CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Partenaires").to_python()
    assert partners[0] == ["Nom", "Type d'appui", "Ce qu'il apporte", "Ce qu'il attend"]
    assert len(partners) > 1
