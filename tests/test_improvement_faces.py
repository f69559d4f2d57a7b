"""The improvement loop in every deliverable, each read back by an independent reader (issue 18): the
workbook with calamine, the one-page HTML with the standard library's parser, the Word canvas with
python-docx. Real exports through ``planaction export``.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import docx
from python_calamine import CalamineWorkbook

from tests.conftest import PLANS, run_cli

ESSMS = PLANS / "essms-qualite.yaml"
ONBOARDING = PLANS / "onboarding-client.yaml"


def export(plan: Path, target: Path, *args: str) -> Path:
    done = run_cli("export", plan, "-o", target, *args)
    assert done.returncode == 0, done.stderr
    return target


def test_the_workbook_has_the_loop_sheet(tmp_path: Path) -> None:
    book = CalamineWorkbook.from_path(str(export(ONBOARDING, tmp_path / "plan.xlsx", "--today", "2026-11-23")))
    assert book.sheet_names[-1] == "Amélioration"  # after the sheets the import reads
    rows = book.get_sheet_by_name("Amélioration").to_python()
    assert rows[0] == ["Partie", "Date", "Élément", "Détail", "Responsable", "Action"]
    assert ["Rétrospective", dt.date(2026, 9, 30), "Risque à éliminer", "Données incomplètes à l'entrée"] == rows[6][:4]
    assert rows[6][4:] == ["Hugo Lambert", "A8"]
    lesson = rows[-1]
    assert lesson[:3] == ["Leçon apprise", dt.date(2026, 10, 30), "Former les champions avant le go-live, pas après"]
    assert lesson[3].splitlines()[2].startswith("Effet : Actifs 30 j de 38 % à 61 %")
    essms = CalamineWorkbook.from_path(str(export(ESSMS, tmp_path / "essms.xlsx", "--lang", "en")))
    rows = essms.get_sheet_by_name("Improvement").to_python()
    assert rows[1][:4] == ["SWOT", "", "Strengths", "Équipe soignante stable, peu de turnover"]
    criteria = [r for r in rows if r[0] == "Imperative criterion"]
    assert [r[2] for r in criteria] == ["2/4", "3/4", "not scored"]
    assert criteria[0][5] == "A1 (Done)"


def test_a_plan_without_the_loop_has_no_such_sheet(tmp_path: Path) -> None:
    book = CalamineWorkbook.from_path(str(export(PLANS / "support-it.yaml", tmp_path / "plan.xlsx")))
    assert "Amélioration" not in book.sheet_names


class Sections(HTMLParser):
    """The text of each <section>, by its heading."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, str] = {}
        self.depth = 0
        self.heading: str | None = None
        self.in_h2 = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "section":
            self.depth += 1
            self.heading, self.text = None, []
        elif tag == "h2":
            self.in_h2 = True
            self.heading = ""
        elif tag in ("td", "li"):
            self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self.in_h2 = False
        elif tag == "section":
            self.depth -= 1
            if self.heading is not None:
                self.sections[self.heading] = " ".join("".join(self.text).split())

    def handle_data(self, data: str) -> None:
        if self.in_h2:
            self.heading = (self.heading or "") + data
        else:
            self.text.append(data)


def sections(path: Path) -> dict[str, str]:
    parser = Sections()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.sections


def test_the_one_page_shows_the_last_retro_held_by_its_day_and_the_criteria(tmp_path: Path) -> None:
    before = sections(export(ONBOARDING, tmp_path / "oct.html", "--today", "2026-10-15"))
    assert before["Dernière rétro : 30/09/2026"] == (
        "Simplifier Validation des accès avec l'IT client · Créer Vidéo « exporter un dossier » → A11 · "
        "Éliminer Données incomplètes à l'entrée → A8"
    )
    assert "Leçons apprises" not in before  # drawn on 30/10: not yet
    after = sections(export(ONBOARDING, tmp_path / "nov.html", "--today", "2026-11-23"))
    assert "Dernière rétro : 30/10/2026" in after
    assert after["Leçons apprises"] == "Former les champions avant le go-live, pas après"
    essms = sections(export(ESSMS, tmp_path / "essms.html", "--lang", "en"))
    criteria = essms["Imperative criteria"]
    assert criteria.startswith(
        "2/4 Évaluation externe HAS 2025 — critère impératif « événements indésirables » A1 (Done)"
    )


def test_the_word_canvas_has_the_situation_analysis(tmp_path: Path) -> None:
    document = docx.Document(str(export(ESSMS, tmp_path / "canvas.docx")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings.index("Analyse de la situation") == headings.index("Résumé du plan") + 1
    qqoqcp, swot = document.tables[1], document.tables[2]
    assert [row.cells[0].text for row in qqoqcp.rows] == [
        "QQOQCP", "Quoi", "Qui", "Où", "Quand", "Comment", "Pourquoi", "Combien"
    ]  # fmt: skip
    assert qqoqcp.rows[3].cells[1].text == "EHPAD Les Tilleuls, 84 places dont une unité protégée de 14 places."
    grid = [[cell.text for cell in row.cells] for row in swot.rows]
    assert grid[0] == ["Forces", "Faiblesses"] and grid[2] == ["Opportunités", "Menaces"]
    assert grid[3][1].splitlines() == [
        "• Prochaine évaluation HAS dans cinq ans, critères impératifs suivis par l'ARS",
        "• Tensions de recrutement sur les postes de nuit",
    ]
    plain = docx.Document(str(export(PLANS / "support-it.yaml", tmp_path / "plain.docx")))
    assert "Analyse de la situation" not in [p.text for p in plain.paragraphs]  # no context, no SWOT: no part
