"""The exported workbook, read back with an independent reader (python-calamine)."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
from python_calamine import CalamineWorkbook, SheetVisibleEnum

from planaction import store
from tests.conftest import PLANS, run_cli
from tests.exchange.conftest import TODAY


def rows(book: Path, sheet: str) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(book)).get_sheet_by_name(sheet).to_python()


def test_sheets_values_and_types(exported) -> None:
    plan, book = exported("onboarding-client.yaml")
    assert book == plan.with_suffix(".xlsx")
    workbook = CalamineWorkbook.from_path(str(book))
    visible = [s.name for s in workbook.sheets_metadata if s.visible == SheetVisibleEnum.Visible]
    assert visible == [
        "Synthèse",
        "Actions",
        "Suivi",
        "Indicateurs clés",
        "Mesures",
        "Risques",
        "Jalons",
        "Valeur",
        # what the plan also has, read-only: the actions' means and the streams
        "Moyens",
        "Flux",
        "Amélioration",  # the improvement loop (issue 18): the plan's retros and lesson
    ]
    hidden = {s.name: s.visible for s in workbook.sheets_metadata if s.visible != SheetVisibleEnum.Visible}
    assert hidden == {"_planaction": SheetVisibleEnum.VeryHidden}
    actions = rows(book, "Actions")
    assert actions[0][:11] == [
        "Id",
        "Titre",
        "Responsable",
        "Co-pilotes",
        "Flux",
        "Priorité",
        "Début",
        "Échéance",
        "Statut",
        "Avancement",
        "Terminée le",
    ]
    source = store.load(plan).plan
    assert len(actions) == len(source.actions) + 1
    first = dict(zip(actions[0], actions[1], strict=True))
    a1 = source.actions[0]
    assert first["Id"] == a1.id and first["Titre"] == a1.title
    assert first["Début"] == a1.start and isinstance(first["Début"], dt.date)  # real dates
    assert first["Avancement"] == a1.progress / 100  # a real percentage
    assert first["Statut"] == "Terminé" and first["Météo"] == "Vert"
    summary = rows(book, "Synthèse")
    assert summary[0][0] == source.title
    labels = {row[0]: row[1] for row in summary if row and row[0]}
    assert labels["Météo du plan"] == "orange : score de santé 72/100"
    assert labels["Score de santé"] == 72
    assert labels["Exporté le"] == dt.date(2025, 5, 12)
    value = rows(book, "Valeur")
    assert value[1][0] == "V1" and value[1][6] == 136_800 and round(value[1][7], 3) == 14.2
    measurements = rows(book, "Mesures")
    assert measurements[0] == ["KPI", "Date", "Valeur", "Commentaire", "Réf. planaction"]
    assert [row[4] for row in measurements[1:4]] == ["M1", "M2", "M3"]  # each row's key, in a hidden column
    hidden = openpyxl.load_workbook(book)
    assert hidden["Mesures"].column_dimensions["E"].hidden and hidden["Suivi"].column_dimensions["G"].hidden
    assert [row[6] for row in rows(book, "Suivi")[:3]] == ["Réf. planaction", "L1", "L2"]
    assert sum(len(k.measurements) for k in source.kpis) == len(measurements) - 1


def test_english_workbook(exported) -> None:
    _plan, book = exported("support-it.yaml", "--lang", "en")
    workbook = CalamineWorkbook.from_path(str(book))
    assert workbook.sheet_names[:3] == ["Summary", "Actions", "Follow-up log"]
    actions = rows(book, "Actions")
    assert actions[0][8] == "Status" and actions[1][8] == "Done"


def test_a_real_table_with_lists_bars_and_print_setup(exported) -> None:
    _plan, book = exported()
    workbook = openpyxl.load_workbook(book)
    ws = workbook["Actions"]
    assert list(ws.tables) == ["Actions"]
    assert ws.tables["Actions"].ref == "A1:O5"
    assert ws.freeze_panes == "B2"
    lists = {str(dv.sqref)[0]: dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    assert lists["I"] == '"À faire,En cours,Terminé,Bloqué,Annulé"'
    assert lists["F"] == '"Faible,Moyen,Élevé"'
    rules = [rule.type for cf in ws.conditional_formatting for rule in cf.rules]
    assert "dataBar" in rules and rules.count("cellIs") == 3
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$1:$1"
    assert "&P" in ws.oddFooter.right.text
    assert ws["B2"].alignment.wrap_text
    assert workbook.properties.creator == "planaction" and workbook.properties.title == "Optimisation support IT"


def test_kpi_chart(exported) -> None:
    _plan, book = exported("onboarding-client.yaml")
    names = zipfile.ZipFile(book).namelist()
    charts = [n for n in names if n.startswith("xl/charts/chart")]
    assert len(charts) == 6  # one per KPI with measurements, and the summary's actions by status
    xml = [zipfile.ZipFile(book).read(name).decode() for name in charts]
    kpis = [chart for chart in xml if "<scatterChart>" in chart]
    assert len(kpis) == 5 and all("Mesures" in chart for chart in kpis)
    (summary,) = [chart for chart in xml if "<barChart>" in chart]
    assert "Synth" in summary  # drawn from the summary sheet's counts


INJECTIONS = ["=1+1", "+SUM(A1:A2)", "-2+3", "@SUM(A1)", "\tTab", "=cmd|' /C calc'!A0", '=HYPERLINK("http://evil","x")']


def test_plan_text_is_never_a_formula(tmp_path: Path) -> None:
    lines = ["schema: 1", "title: '=2*3'", "owner: '+33 6 00'", "actions:"]
    for i, text in enumerate(INJECTIONS, 1):
        escaped = text.replace("\t", "\\t").replace('"', '\\"')
        lines += [
            f"  - id: A{i}",
            f'    title: "{escaped}"',
            f'    owner: "{escaped}"',
            "    due: 2025-06-01",
            f'    comment: "{escaped}"',
        ]
    lines += ["log:", "  - date: 2025-05-01", "    action: A1", "    result: '=1+1'"]
    plan = tmp_path / "inject.yaml"
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = run_cli("export", plan, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    book = Path(done.stdout.strip())
    actions = rows(book, "Actions")
    assert [row[1] for row in actions[1:]] == INJECTIONS
    assert [row[14] for row in actions[1:]] == INJECTIONS
    assert rows(book, "Synthèse")[0][0] == "=2*3"
    assert rows(book, "Suivi")[1][3] == "=1+1"
    archive = zipfile.ZipFile(book)
    for name in archive.namelist():
        if name.startswith("xl/worksheets/"):
            assert "<f>" not in archive.read(name).decode(), name  # no formula anywhere
    # and each such cell keeps a quote prefix, so that editing it in Excel keeps it text
    workbook = openpyxl.load_workbook(book)
    assert all(workbook["Actions"].cell(row=r, column=2).quotePrefix for r in range(2, len(INJECTIONS) + 2))


def test_characters_a_workbook_cannot_hold(tmp_path: Path) -> None:
    long_text = "x" * 40_000
    plan = tmp_path / "odd.yaml"
    plan.write_text(
        f'schema: 1\ntitle: Odd\nowner: Ana\nactions:\n  - id: A1\n    title: "bell \\a and escape \\e[31m"\n    owner: Ana\n    due: 2025-06-01\n    comment: {long_text}\n',
        encoding="utf-8",
    )
    done = run_cli("export", plan, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    row = rows(Path(done.stdout.strip()), "Actions")[1]
    assert row[1] == "bell \ufffd and escape \ufffd[31m"
    assert len(row[14]) == 32_767 and row[14].endswith("…")
    # and importing it untouched changes nothing
    again = run_cli("import", plan, done.stdout.strip(), "--today", TODAY)
    assert again.returncode == 0, again.stderr
    assert "no changes" in again.stdout or "aucun changement" in again.stdout


def test_export_options_and_errors(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_bytes((PLANS / "servicia-reclamations.yaml").read_bytes())
    out = tmp_path / "out" / "client.xlsx"
    out.parent.mkdir()
    done = run_cli("export", plan, "-o", out, "--today", TODAY)
    assert done.returncode == 0 and done.stdout.strip() == str(out)
    assert run_cli("export", plan, "-o", tmp_path / "x.csv").returncode == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: 1\ntitle: x\n", encoding="utf-8")
    refused = run_cli("export", bad)
    assert refused.returncode == 1 and f"{bad}:1:1: error:" in refused.stderr
    assert not bad.with_suffix(".xlsx").exists()


def test_export_writes_no_temporary_files_and_keeps_mode(exported) -> None:
    plan, book = exported()
    assert sorted(p.name for p in plan.parent.iterdir()) == [book.name, plan.name]
    assert re.fullmatch(r"0o6\d\d", oct(book.stat().st_mode & 0o777))


def test_every_example_plan_exports(tmp_path: Path) -> None:
    for source in sorted(PLANS.glob("*.yaml")):
        done = run_cli("export", source, "-o", tmp_path / f"{source.stem}.xlsx", "--today", TODAY)
        assert done.returncode == 0, (source, done.stderr)
        assert CalamineWorkbook.from_path(str(tmp_path / f"{source.stem}.xlsx")).sheet_names[0] in (
            "Synthèse",
            "Summary",
        )


def test_the_kpis_are_as_of_the_export_day_and_fired_playbooks_are_on_the_summary(tmp_path: Path) -> None:
    """A measurement dated after the export's day is not current yet (it stays on the measurements
    sheet, as data); a playbook that fires that day is on the summary, with why and by when."""
    plan = tmp_path / "onboarding.yaml"
    text = (PLANS / "onboarding-client.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "      - date: 2026-11-22\n        value: 66\n",
        "      - date: 2026-11-22\n        value: 30\n      - date: 2027-01-15\n        value: 99\n",
        1,
    )
    plan.write_text(text, encoding="utf-8")
    book = tmp_path / "book.xlsx"
    done = run_cli("export", plan, "-o", book, "--today", "2026-12-06")
    assert done.returncode == 0, done.stderr
    kpis = {row[0]: row for row in rows(book, "Indicateurs clés")}
    assert kpis["K4"][5] == 30  # the current value as of 2026-12-06, not the 99 of 2027
    measured = [row for row in rows(book, "Mesures") if row[0] == "K4"]
    assert [row[2] for row in measured][-1] == 99
    summary = [str(cell) for row in rows(book, "Synthèse") for cell in row if cell]
    assert "Playbooks déclenchés" in summary
    assert any(cell.startswith("Adoption : K4 à 30") and "avant le 27/11/2026" in cell for cell in summary)
