"""The Word canvas (``.docx``): seed 000's "Plan d'Action Visuel", read back with python-docx and printed by LibreOffice.

The canvas is written by the installed command; python-docx reads what Word would show (headings,
table cells, the page set-up), the chart part is read as XML straight from the archive (the values
Word's chart shows), and LibreOffice prints it to PDF.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from lxml import etree

from tests.conftest import PLANS, run_cli
from tests.hostile.test_injection import LITERALS, hostile_plan
from tests.office_helpers import pdf_pages, to_pdf

SUPPORT = PLANS / "support-it.yaml"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def export(plan: Path, out: Path, *args: str) -> Path:
    done = run_cli("export", plan, "-o", out, *args)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def canvas(tmp_path_factory) -> Path:
    return export(SUPPORT, tmp_path_factory.mktemp("canvas") / "canvas.docx", "--today", "2025-05-12")


def table_texts(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_canvas_has_seed_000s_parts_in_order(canvas: Path) -> None:
    document = Document(str(canvas))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings == [
        "Plan d'action visuel",
        "Objectif stratégique",
        "Résumé du plan",
        "Tableau de planification des actions",
        "Suivi et évaluation",
        "Synthèse et recommandations",
        "Progression globale",
    ]
    texts = [p.text for p in document.paragraphs]
    assert "Réduire le délai de traitement des demandes internes IT de 7 jours à 3 jours en 2 mois" in texts
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert round(section.page_width.cm, 1) == 29.7 and round(section.page_height.cm, 1) == 21.0


def test_summary_planning_and_follow_up_tables(canvas: Path) -> None:
    summary, planning, follow_up = (table_texts(t) for t in Document(str(canvas)).tables)
    assert summary == [
        ["Projet ou domaine", "Responsable du plan", "Période (de – à)"],
        ["Optimisation support IT", "Responsable IT", "01/05/2025 – 30/06/2025"],
    ]
    assert planning[0] == ["Action", "Responsable", "Début", "Fin", "Indicateur", "Ressources", "Statut"]
    assert planning[1] == [
        "A1 Réorganiser la boîte de réception IT",
        "Technicien référent",
        "01/05/2025",
        "03/05/2025",
        "100 % des tickets tagués automatiquement",
        "Plateforme Helpdesk",
        "Terminé",
    ]
    assert len(planning) == 5
    assert follow_up[0] == ["Action suivie", "Date de suivi", "Résultat obtenu", "Commentaire"]
    assert follow_up[1] == [
        "A1 Réorganiser la boîte de réception IT",
        "06/05/2025",
        "100 % triés automatiquement",
        "Gain de 1 jour sur l'ancien process",
    ]


def test_header_rows_repeat_and_rows_do_not_split(canvas: Path) -> None:
    for table in Document(str(canvas)).tables:
        first, *rest = table.rows
        assert first._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rest)


def test_the_progress_chart_is_a_native_bar_chart(canvas: Path) -> None:
    with zipfile.ZipFile(canvas) as archive:
        names = archive.namelist()
        charts = [n for n in names if n.startswith("word/charts/chart")]
        assert charts and not any(n.startswith("word/media/") for n in names)  # a chart, not a picture
        space = etree.fromstring(archive.read(charts[0]))
        assert any(n.startswith("word/embeddings/") and n.endswith(".xlsx") for n in names)  # its data, editable
        assert (
            'uri="http://schemas.openxmlformats.org/drawingml/2006/chart"' in archive.read("word/document.xml").decode()
        )
    bar = space.find(f".//{C}barChart")
    assert bar.find(f"{C}barDir").get("val") == "bar"
    categories = [v.text for v in bar.findall(f".//{C}cat//{C}pt/{C}v")]
    values = [float(v.text) for v in bar.findall(f".//{C}val//{C}pt/{C}v")]
    assert categories[0] == "Ensemble du plan"
    assert categories[1].startswith("A1 Réorganiser")
    assert values[:2] == [0.45, 1.0]


def test_synthesis_and_recommendations(tmp_path: Path) -> None:
    out = export(PLANS / "onboarding-client.yaml", tmp_path / "onboarding.docx", "--today", "2026-11-25")
    document = Document(str(out))
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets[0] == "Lancer le plan d'action ciblé adoption + support prévu par le seuil orange (60–79)"
    assert any(
        p.text.startswith("À T+90, le temps de traitement est passé de 8 à 6,1 h/dossier") for p in document.paragraphs
    )
    with zipfile.ZipFile(out) as archive:
        chart = etree.fromstring(archive.read("word/charts/chart1.xml"))
    assert [v.text for v in chart.findall(f".//{C}cat//{C}pt/{C}v")] == [
        "Ensemble du plan",
        "Tech",
        "Data",
        "Adoption",
        "Valeur",
    ]


@pytest.mark.parametrize("plan", sorted(PLANS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_plan_makes_a_canvas(plan: Path, tmp_path: Path) -> None:
    document = Document(str(export(plan, tmp_path / "canvas.docx", "--today", "2026-06-15")))
    assert len(document.tables) >= 2


def test_plan_text_stays_text_in_the_canvas(tmp_path: Path) -> None:
    plan = tmp_path / "evil.yaml"
    plan.write_text(hostile_plan(), encoding="utf-8")
    out = export(plan, tmp_path / "evil.docx", "--today", "2025-05-12")
    document = Document(str(out))
    said = "\n".join(
        [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    for literal in LITERALS:
        assert literal in said
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    # no field or hyperlink came from the plan; control characters were replaced
    assert "<w:fldSimple" not in xml and "<w:instrText" not in xml and "<w:hyperlink" not in xml
    assert "\x1b" not in xml and "<script>" not in xml


def test_libreoffice_prints_the_canvas(canvas: Path, tmp_path: Path) -> None:
    pages = pdf_pages(to_pdf(canvas, tmp_path))
    text = "\n".join(pages)
    for heading in ("Plan d'action visuel", "Tableau de planification des actions", "Suivi et évaluation"):
        assert heading in text
    assert "Réorganiser la boîte de réception IT" in text


def test_a_cooperations_partners_and_skills_gap(tmp_path: Path) -> None:
    """Seed 004 in the canvas: each partner with what it brings and what it expects, and the skills no
    structure has with the guide's three answers; a plan without partners has neither heading."""
    from planaction.core.structures import skills_gap
    from planaction.store import load

    siae = PLANS / "siae-cooperation.yaml"
    plan = load(siae).plan
    document = Document(export(siae, tmp_path / "siae.docx", "--today", "2026-11-30"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Partenaires" in headings and "Compétences manquantes" in headings
    partners = next(t for t in document.tables if "Ce qu'il apporte" in table_texts(t)[0])
    rows = table_texts(partners)[1:]
    assert [r[0] for r in rows] == [p.name for p in plan.partners]
    assert [(r[2], r[3]) for r in rows] == [(p.brings or "", p.expects or "") for p in plan.partners]
    text = "\n".join(p.text for p in document.paragraphs)
    gaps = skills_gap(plan)
    assert gaps and all(gap.skill in text for gap in gaps)
    assert "une formation, un expert ou un recrutement" in text
    plain = Document(export(SUPPORT, tmp_path / "support.docx", "--today", "2025-05-12"))
    plain_headings = [p.text for p in plain.paragraphs if p.style.name.startswith("Heading")]
    assert "Partenaires" not in plain_headings and "Compétences manquantes" not in plain_headings
