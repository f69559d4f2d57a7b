"""Workbooks as a client's spreadsheet sends them back.

Each case ends one of two ways, and the test says which:

* **refused**: exit 1, a message that names the workbook (or ``Sheet!Cell``)
  and says what to do, and the plan byte for byte as it was;
* **handled**: exit 0, the plan still validates, and its diff holds exactly
  the changes the client meant.

tests/exchange/test_import.py already covers bad cells, renamed sheets and
columns, another plan's workbook (other id), a text file and a zip bomb;
test_libreoffice.py a plain LibreOffice re-save. Here: what a real client's
spreadsheet does on top — sheets moved, rows and columns hidden, the table
sorted and filtered, sheets added, macros, external links, formulas, dates
typed every way, other file formats under an .xlsx name — and LibreOffice
re-saving all of it. LibreOffice runs twice for the whole module (once per
target format), on every workbook that needs it.
"""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from planaction import store
from tests.conftest import PLANS, run_cli
from tests.exchange.conftest import soffice
from tests.hostile.test_injection import hostile_plan

TODAY = "2025-05-12"
LATER = "2025-05-13"
PLAN = "support-it.yaml"  # A1 done, A2 in progress 80 %, A3 and A4 to do; Actions rows 2-5; K1 measured


# ---------------------------------------------------------------------------
# Helpers


def export(plan: Path, book: Path) -> Path:
    done = run_cli("export", plan, "-o", book, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    return book


def client_edit(book: Path, target: Path, change: Callable[[openpyxl.Workbook], None]) -> Path:
    workbook = openpyxl.load_workbook(book)
    change(workbook)
    workbook.save(target)
    return target


def changed_lines(before: str, after: str) -> list[str]:
    return sorted(
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    )


def handled(plan: Path, book: Path, expected: list[str], *, today: str = LATER, says: tuple[str, ...] = ()) -> str:
    """Import for real: exit 0, exactly ``expected`` in the diff, and a plan that still validates."""
    before = plan.read_text(encoding="utf-8")
    done = run_cli("import", plan, book, "--today", today)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert changed_lines(before, plan.read_text(encoding="utf-8")) == sorted(expected), done.stdout
    for words in says:
        assert words in done.stdout, done.stdout
    valid = run_cli("validate", plan)
    assert valid.returncode == 0, valid.stdout
    return done.stdout


def refused(plan: Path, book: Path, *messages: str, today: str = LATER) -> str:
    """Exit 1, the messages (each naming where), a hint, and the plan untouched."""
    before = plan.read_bytes()
    done = run_cli("import", plan, book, "--today", today)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    for message in messages:
        assert message in done.stderr, done.stderr
    assert "hint:" in done.stderr
    assert f"nothing was imported into {plan}" in done.stderr
    assert plan.read_bytes() == before
    return done.stderr


def cell_message(stderr: str, cell: str) -> str:
    """The message about one cell, with its hint (never the paths, which hold test names)."""
    lines = stderr.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{cell}:"))
    hint = lines[start + 1] if start + 1 < len(lines) and lines[start + 1].startswith("  hint:") else ""
    return f"{lines[start]}\n{hint}"


def done_lines(completed: str) -> list[str]:
    """The diff of A3 (to do) marked done in the workbook: status, progress and completion date follow."""
    return ["-    status: todo", f"+    completed: {completed}", "+    status: done", "+    progress: 100"]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    target = tmp_path / PLAN
    shutil.copyfile(PLANS / PLAN, target)
    return target


@pytest.fixture
def book(plan: Path, tmp_path: Path) -> Path:
    return export(plan, tmp_path / "support-it.xlsx")


def reverse_action_rows(workbook: openpyxl.Workbook) -> None:
    """Sort the Actions table by id, descending, as a client's sort does: whole rows move."""
    ws = workbook["Actions"]
    rows = [[cell.value for cell in ws[r]] for r in range(2, 6)]
    for r, values in enumerate(reversed(rows), 2):
        for c, value in enumerate(values, 1):
            ws.cell(row=r, column=c).value = value  # cell(value=None) would keep the old value


# ---------------------------------------------------------------------------
# (b) (c) (d) (e): what a spreadsheet user does to the layout — handled


def test_reordered_sheets_are_found_by_name(plan: Path, book: Path, tmp_path: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        wb.move_sheet("Actions", offset=3)
        wb.move_sheet("Suivi", offset=-2)
        wb.move_sheet("_planaction", offset=-wb.sheetnames.index("_planaction"))  # the hidden sheet first
        wb.active = wb.sheetnames.index("Mesures")
        wb["Actions"]["I4"] = "Terminé"

    edited = client_edit(book, tmp_path / "moved.xlsx", change)
    assert openpyxl.load_workbook(edited).sheetnames[0] == "_planaction"
    handled(plan, edited, done_lines(LATER))


def test_hidden_rows_and_columns_still_count(plan: Path, book: Path, tmp_path: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["Actions"]
        for column in ("B", "C", "I", "O"):  # even the edited columns
            ws.column_dimensions[column].hidden = True
        ws.row_dimensions[4].hidden = True  # A3's row, edited while hidden
        ws["I4"] = "En cours"
        ws["J4"] = 0.2
        wb["Suivi"].row_dimensions[2].hidden = True

    edited = client_edit(book, tmp_path / "hidden.xlsx", change)
    handled(plan, edited, ["-    status: todo", "+    status: in_progress", "+    progress: 20"])


def test_sorted_and_filtered_action_table(plan: Path, book: Path, tmp_path: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        reverse_action_rows(wb)  # A4, A3, A2, A1
        ws = wb["Actions"]
        ws.auto_filter.ref = "A1:O5"
        ws.auto_filter.add_filter_column(8, ["À faire"])  # a filter on the status column
        ws.row_dimensions[4].hidden = True  # A2, filtered out
        ws.row_dimensions[5].hidden = True  # A1, filtered out
        ws["I2"] = "Bloqué"  # A4, now in row 2
        ws["O3"] = "Planifié le 20/05"  # A3, now in row 3

    edited = client_edit(book, tmp_path / "sorted.xlsx", change)
    rows = [r[0] for r in openpyxl.load_workbook(edited)["Actions"].iter_rows(min_row=2, max_row=5, values_only=True)]
    assert rows == ["A4", "A3", "A2", "A1"]
    handled(
        plan,
        edited,
        ["-    status: todo", "+    status: blocked", "+    comment: Planifié le 20/05"],
        says=("A4 statut : À faire → Bloqué", "A3 commentaire : — → « Planifié le 20/05 »"),
    )


def test_added_sheets_are_left_alone(plan: Path, book: Path, tmp_path: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        notes = wb.create_sheet("Notes du client", 0)
        notes["A1"] = "Remarques"
        notes["A2"] = "=1+1"
        copy = wb.copy_worksheet(wb["Actions"])  # "Actions Copy": a second table that looks the same
        copy["I4"] = "Annulé"
        wb["Actions"]["O5"] = "Relance envoyée"  # A4

    edited = client_edit(book, tmp_path / "added.xlsx", change)
    handled(plan, edited, ["+    comment: Relance envoyée"])


# ---------------------------------------------------------------------------
# (f) macros, (g) external links


def rewrite_archive(source: Path, target: Path, change: Callable[[dict[str, bytes]], None]) -> Path:
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    change(parts)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


def _add(parts: dict[str, bytes], name: str, before: str, text: str) -> None:
    parts[name] = parts[name].decode("utf-8").replace(before, text + before, 1).encode("utf-8")


def test_macro_enabled_workbook_is_read_and_its_macros_ignored(plan: Path, book: Path, tmp_path: Path) -> None:
    edited = client_edit(book, tmp_path / "edited.xlsx", lambda wb: wb["Actions"].__setitem__("I4", "En cours"))

    def macros(parts: dict[str, bytes]) -> None:
        parts["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504  # an OLE2 header
        types = parts["[Content_Types].xml"].decode("utf-8")
        types = types.replace(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        )
        parts["[Content_Types].xml"] = types.encode("utf-8")
        _add(
            parts,
            "[Content_Types].xml",
            "</Types>",
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
        )
        _add(
            parts,
            "xl/_rels/workbook.xml.rels",
            "</Relationships>",
            '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject"'
            ' Target="vbaProject.bin"/>',
        )

    xlsm = rewrite_archive(edited, tmp_path / "client.xlsm", macros)
    out = handled(plan, xlsm, ["-    status: todo", "+    status: in_progress"])
    assert "le classeur contient des macros : elles sont ignorées" in out
    # what planaction writes never holds any
    with zipfile.ZipFile(export(plan, tmp_path / "again.xlsx")) as archive:
        assert not [n for n in archive.namelist() if "vba" in n.lower()]


def external_link(book: Path, target: Path, *, cached: str | None) -> Path:
    """A1's sheet links to '[other.xlsx]Sheet1'!A1, and A3's status cell is a formula reading it."""

    def change(parts: dict[str, bytes]) -> None:
        parts["xl/externalLinks/externalLink1.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
            ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames>'
            '<sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1" t="str"><v>Terminé</v></cell></row>'
            "</sheetData></sheetDataSet></externalBook></externalLink>"
        ).encode()
        parts["xl/externalLinks/_rels/externalLink1.xml.rels"] = (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'externalLinkPath" Target="other.xlsx" TargetMode="External"/></Relationships>'
        )
        _add(
            parts,
            "[Content_Types].xml",
            "</Types>",
            '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>',
        )
        _add(
            parts,
            "xl/_rels/workbook.xml.rels",
            "</Relationships>",
            '<Relationship Id="rIdExt1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/externalLink" Target="externalLinks/externalLink1.xml"/>',
        )
        workbook = parts["xl/workbook.xml"].decode("utf-8")
        workbook = workbook.replace(
            "</sheets>", '</sheets><externalReferences><externalReference r:id="rIdExt1"/></externalReferences>', 1
        )
        parts["xl/workbook.xml"] = workbook.encode("utf-8")
        value = f"<v>{cached}</v>" if cached is not None else ""
        sheet = parts["xl/worksheets/sheet2.xml"].decode("utf-8")  # Actions
        sheet, count = re.subn(
            r'<c r="I4"[^>]*>.*?</c>', f'<c r="I4" t="str"><f>[1]Sheet1!$A$1</f>{value}</c>', sheet, count=1
        )
        assert count == 1
        parts["xl/worksheets/sheet2.xml"] = sheet.encode("utf-8")

    return rewrite_archive(book, target, change)


def test_external_link_imports_the_value_the_client_sees(plan: Path, book: Path, tmp_path: Path) -> None:
    """Handled: the cell's last computed value (what the client sees) is imported; other.xlsx is never opened."""
    linked = external_link(book, tmp_path / "linked.xlsx", cached="Terminé")
    assert openpyxl.load_workbook(linked)["Actions"]["I4"].value == "=[1]Sheet1!$A$1"
    assert not (tmp_path / "other.xlsx").exists()
    handled(plan, linked, done_lines(LATER))


# ---------------------------------------------------------------------------
# (h) a workbook from another plan


def test_workbook_of_another_plan_with_the_same_file_name(tmp_path: Path) -> None:
    def write(folder: str, title: str, actions: list[str]) -> Path:
        path = tmp_path / folder / "plan.yaml"
        path.parent.mkdir()
        lines = ["schema: 1", f"title: {title}", "owner: Ana", "actions:"]
        for number, text in enumerate(actions, 1):
            lines += [f"  - id: A{number}", f"    title: {text}", "    owner: Ana", "    due: 2025-06-01"]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    ours = write("client-a", "Plan qualité du client A", ["Former les agents", "Publier la charte"])
    theirs = write("client-b", "Plan social du client B", ["Fermer le site", "Licencier"])
    book = export(theirs, tmp_path / "client-b.xlsx")
    edited = client_edit(book, tmp_path / "client-b-edited.xlsx", lambda wb: wb["Actions"].__setitem__("I2", "Terminé"))
    stderr = refused(ours, edited)
    assert "Plan social du client B" in stderr


# ---------------------------------------------------------------------------
# (i) (j) formulas typed in editable cells; cached values


def test_formulas_without_a_computed_value_are_refused_clearly(plan: Path, book: Path, tmp_path: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["Actions"]
        ws["I4"] = '="Terminé"'  # A3's status
        ws["J5"] = "=A1*2"  # A4's progress

    edited = client_edit(book, tmp_path / "formulas.xlsx", change)
    stderr = refused(plan, edited, "Actions!I4", "Actions!J5")
    for cell in ("Actions!I4", "Actions!J5"):
        said = cell_message(stderr, cell)
        assert "formul" in said.lower(), said  # not '"(vide)" is not a status'


# ---------------------------------------------------------------------------
# (k) dates as text and as serial numbers


def test_dates_typed_as_text_and_as_serial_numbers(plan: Path, book: Path, tmp_path: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["Actions"]
        ws["I4"], ws["K4"] = "Terminé", "12/05/2025"  # A3: a French date typed as text
        ws["I5"], ws["K5"] = "Terminé", 45789  # A4: the serial number of 2025-05-12, unformatted
        log = wb["Suivi"]
        log.append(["13/05/2025", "A3", None, "Formation faite", None, "Client"])
        log.append([45790.0, "A4", None, "Alerte en place", None, "Client"])
        wb["Mesures"].append(["K1", "14/05/2025", "4,5", "virgule décimale"])

    edited = client_edit(book, tmp_path / "dates.xlsx", change)
    handled(
        plan,
        edited,
        [
            *done_lines("2025-05-12"),
            *done_lines("2025-05-12"),
            "+  - date: 2025-05-13",
            "+    action: A3",
            "+    result: Formation faite",
            "+    author: Client",
            "+  - date: 2025-05-13",
            "+    action: A4",
            "+    result: Alerte en place",
            "+    author: Client",
            "+      - date: 2025-05-14",
            "+        value: 4.5",
            "+        comment: virgule décimale",
        ],
        today="2025-05-20",
    )


def test_small_numbers_are_not_dates(plan: Path, book: Path, tmp_path: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["Actions"]
        ws["I4"], ws["K4"] = "Terminé", 5

    edited = client_edit(book, tmp_path / "five.xlsx", change)
    refused(plan, edited, "Actions!K4")


# ---------------------------------------------------------------------------
# (l) other formats under an .xlsx name — refused


@pytest.mark.parametrize(
    "content",
    [
        "Id;Statut;Avancement\nA3;Terminé;100 %\n".encode(),  # a CSV export of the table
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024,  # a legacy .xls (OLE2) saved "as Excel 97"
    ],
    ids=["csv", "xls"],
)
def test_a_csv_or_xls_renamed_xlsx_is_refused(plan: Path, tmp_path: Path, content: bytes) -> None:
    fake = tmp_path / "client.xlsx"
    fake.write_bytes(content)
    refused(plan, fake, "client.xlsx: this is not an Excel workbook (.xlsx)", "save the file as .xlsx")


# ---------------------------------------------------------------------------
# (a) LibreOffice re-saves everything above, in two runs for the whole module


def _convert(program: str, profile: Path, target: str, out: Path, books: list[Path]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [program, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target, "--outdir", str(out)]
        + [str(b) for b in books],
        check=True,
        capture_output=True,
        timeout=300,
    )


CR_PLAN = (
    "schema: 1\nid: cr\ntitle: Retours chariot\nowner: Ana\nactions:\n"
    '  - id: A1\n    title: Former\n    owner: Ana\n    due: 2025-06-01\n    comment: "ligne 1\\r\\nligne 2\\rfin"\n'
)


def _combo(wb: openpyxl.Workbook) -> None:
    """Everything at once: sheets moved, a sheet added, the table sorted, rows and columns hidden, edits."""
    wb.move_sheet("Actions", offset=3)
    notes = wb.create_sheet("Notes", 0)
    notes["A1"] = "Notes du client"
    notes["A2"] = "=SUM(1,2)"
    reverse_action_rows(wb)  # A4, A3, A2, A1
    ws = wb["Actions"]
    ws.row_dimensions[5].hidden = True
    ws.column_dimensions["B"].hidden = True
    ws["I3"] = "Terminé"  # A3
    ws["O2"] = "Relance envoyée"  # A4
    wb["Suivi"].append(["13/05/2025", "A3", None, "Formation faite", None, "Client"])


@pytest.fixture(scope="module")
def libreoffice(tmp_path_factory) -> dict[str, Path]:
    """Workbooks edited as above, then opened and saved by LibreOffice; plans to import them into."""
    program = soffice()
    if program is None:
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp("libreoffice")
    plan = folder / PLAN
    shutil.copyfile(PLANS / PLAN, plan)
    base = export(plan, folder / "base.xlsx")
    sources = folder / "in"
    sources.mkdir()
    books = [
        client_edit(base, sources / "combo.xlsx", _combo),
        client_edit(base, sources / "formulas.xlsx", lambda wb: wb["Actions"].__setitem__("J4", "=0.25+0.25")),
        client_edit(base, sources / "status-formula.xlsx", lambda wb: wb["Actions"].__setitem__("I5", '="Bloqué"')),
        client_edit(base, sources / "values.xlsx", lambda wb: wb["Actions"].__setitem__("J4", 0.5)),
        client_edit(base, sources / "error.xlsx", lambda wb: wb["Actions"].__setitem__("J4", "=A1*2")),
    ]
    evil = folder / "evil.yaml"
    evil.write_text(hostile_plan(), encoding="utf-8")
    books.append(export(evil, sources / "evil.xlsx"))
    cr = folder / "cr.yaml"
    cr.write_text(CR_PLAN, encoding="utf-8")
    books.append(export(cr, sources / "cr.xlsx"))
    books.append(external_link(base, sources / "linked.xlsx", cached="Terminé"))
    profile = folder / "profile"
    out = folder / "out"
    _convert(program, profile, "xlsx", out, books)
    _convert(program, profile, "ods", out / "ods", [base])
    found = {b.stem: out / f"{b.stem}.xlsx" for b in books}
    found["ods"] = out / "ods" / "base.ods"
    found["evil.yaml"], found["cr.yaml"] = evil, cr
    for path in found.values():
        assert path.exists(), path
    return found


def _plan_copy(source: Path, tmp_path: Path) -> Path:
    target = tmp_path / source.name
    shutil.copyfile(source, target)
    return target


def test_libreoffice_resave_of_a_reworked_workbook(libreoffice: dict[str, Path], plan: Path) -> None:
    out = handled(
        plan,
        libreoffice["combo"],
        [
            *done_lines(LATER),
            "+    comment: Relance envoyée",
            "+  - date: 2025-05-13",
            "+    action: A3",
            "+    result: Formation faite",
            "+    author: Client",
        ],
    )
    assert "+ suivi 13/05/2025 A3 : Formation faite" in out


def test_libreoffice_keeps_hostile_text_and_text_ids(libreoffice: dict[str, Path], tmp_path: Path) -> None:
    evil = _plan_copy(libreoffice["evil.yaml"], tmp_path)
    before = evil.read_bytes()
    done = run_cli("import", evil, libreoffice["evil"], "--today", TODAY)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "aucun changement" in done.stdout  # formulas, markup and "007"/"1E3" came back as the same text
    assert evil.read_bytes() == before


def test_formulas_with_computed_values_import_as_values(libreoffice: dict[str, Path], tmp_path: Path) -> None:
    """Handled: after a spreadsheet computed them, formulas import as the values they show, like typed values."""
    results = {}
    for name in ("formulas", "values"):
        plan = tmp_path / name / PLAN
        plan.parent.mkdir()
        shutil.copyfile(PLANS / PLAN, plan)
        handled(plan, libreoffice[name], ["-    status: todo", "+    status: in_progress", "+    progress: 50"])
        results[name] = plan.read_text(encoding="utf-8")
    assert results["formulas"] == results["values"]
    plan = tmp_path / "status" / PLAN
    plan.parent.mkdir()
    shutil.copyfile(PLANS / PLAN, plan)
    handled(plan, libreoffice["status-formula"], ["-    status: todo", "+    status: blocked"])


def test_external_link_after_libreoffice(libreoffice: dict[str, Path], plan: Path) -> None:
    handled(plan, libreoffice["linked"], done_lines(LATER))


def test_formula_errors_are_named(libreoffice: dict[str, Path], plan: Path) -> None:
    said = cell_message(refused(plan, libreoffice["error"], "Actions!J4"), "Actions!J4")
    assert "#VALUE!" in said or "formul" in said.lower(), said  # not '"" is not a progress'


@pytest.mark.filterwarnings("ignore:.*extension is not supported:UserWarning")  # openpyxl reading LibreOffice's
def test_client_edit_of_a_comment_holding_a_carriage_return(libreoffice: dict[str, Path], tmp_path: Path) -> None:
    cr = _plan_copy(libreoffice["cr.yaml"], tmp_path)
    untouched = run_cli("import", cr, libreoffice["cr"], "--today", TODAY, "--dry-run")
    assert untouched.returncode == 0 and "aucun changement" in untouched.stdout
    edited = client_edit(libreoffice["cr"], tmp_path / "cr.xlsx", lambda wb: wb["Actions"].__setitem__("O2", "Fait"))
    # the value keeps its double-quoted style, as every save keeps the style of the value it replaces
    handled(cr, edited, ['-    comment: "ligne 1\\r\\nligne 2\\rfin"', '+    comment: "Fait"'])
    assert store.load(cr).plan.action("A1").comment == "Fait"


def test_an_ods_renamed_xlsx_is_refused(libreoffice: dict[str, Path], plan: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "client.xlsx"
    shutil.copyfile(libreoffice["ods"], renamed)
    stderr = refused(plan, renamed, "client.xlsx: this is a zip archive, not an Excel workbook")
    assert "give the .xlsx exported by planaction" in stderr
    own = tmp_path / "client.ods"  # under its own name, too
    shutil.copyfile(libreoffice["ods"], own)
    refused(plan, own, "client.ods: this is a zip archive, not an Excel workbook")
