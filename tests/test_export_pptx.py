"""The QBR deck (``.pptx``): seed 003's five slides, read back with python-pptx and printed by LibreOffice.

The deck is written by the installed command, as a consultant runs it; python-pptx reads what
PowerPoint would show (slide titles, table cells, chart types and series values), independent of the
writer's own objects; LibreOffice prints it to PDF, and poppler reads the pages back.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE

from tests.conftest import PLANS, run_cli
from tests.hostile.test_injection import LITERALS, hostile_plan
from tests.office_helpers import pdf_pages, to_pdf

ONBOARDING = PLANS / "onboarding-client.yaml"
TITLES_FR = [
    "Résumé exécutif",
    "Adoption",
    "Valeur : indicateurs face à la base et à la cible",
    "Initiatives et risques",
    "Feuille de route et priorités",
]


def export(plan: Path, out: Path, *args: str) -> Path:
    done = run_cli("export", plan, "-o", out, *args)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    return out


def texts(slide) -> list[str]:
    """Every text a reader sees on the slide: text frames and table cells."""
    found = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            found.append(shape.text_frame.text)
        if shape.has_table:
            found += [cell.text for row in shape.table.rows for cell in row.cells]
    return found


def tables(slide) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in s.table.rows] for s in slide.shapes if s.has_table]


def charts(slide) -> list:
    return [s.chart for s in slide.shapes if s.has_chart]


@pytest.fixture(scope="module")
def deck(tmp_path_factory) -> Path:
    return export(ONBOARDING, tmp_path_factory.mktemp("qbr") / "qbr.pptx", "--today", "2026-11-25")


def test_five_slides_with_seed_003s_titles(deck: Path) -> None:
    prs = Presentation(str(deck))
    assert [slide.shapes.title.text for slide in prs.slides] == TITLES_FR
    # native shapes only: charts and tables, never a picture of them
    for slide in prs.slides:
        assert all(shape.shape_type != MSO_SHAPE_TYPE.PICTURE for shape in slide.shapes)
    assert prs.core_properties.title == "Plan d'intégration client — Mutuelle Horizon (T0 → T+90)"


def test_executive_summary_has_the_rag_three_highlights_and_three_decisions(deck: Path) -> None:
    slide = Presentation(str(deck)).slides[0]
    said = texts(slide)
    assert "Météo du plan : Orange" in said
    highlights = next(t for t in said if t.startswith("Trois faits marquants")).split("\n")[1:]
    assert highlights == [
        "• Objectif : 8 → 6,1 → 6 h/dossier",
        "• 11 actions terminées sur 14, avancement global 88\u00a0%",
        "• Jalon atteint le 23/10/2026 : T+60 Élargissement",
    ]
    decisions = next(t for t in said if t.startswith("Trois décisions attendues")).split("\n")[1:]
    assert len(decisions) == 3
    assert decisions[0].startswith("• Valider le plan d'action ciblé adoption + support")
    assert "Inès Caron, avant le 27/11/2026" in decisions[0]


def test_adoption_is_a_native_line_chart_of_the_adoption_kpis(deck: Path) -> None:
    slide = Presentation(str(deck)).slides[1]
    (chart,) = charts(slide)
    assert chart.chart_type == XL_CHART_TYPE.LINE_MARKERS
    plot = chart.plots[0]
    assert [s.name for s in plot.series] == ["K4 Utilisateurs actifs 30 j (%)", "K5 Tickets dans SLA (%)"]
    categories = list(plot.categories)
    assert categories == ["23/09/2026", "30/09/2026", "23/10/2026", "22/11/2026"]
    k4 = dict(zip(categories, plot.series[0].values, strict=True))
    assert k4["23/10/2026"] == 62 and k4["22/11/2026"] == 66
    (table,) = tables(slide)
    assert table[0] == ["KPI", "Base", "Actuel", "Cible"]
    assert [row[0] for row in table[1:]] == ["K4 Utilisateurs actifs 30 j", "K5 Tickets dans SLA"]


def test_value_shows_each_kpi_against_baseline_and_target_with_its_gap(deck: Path) -> None:
    slide = Presentation(str(deck)).slides[2]
    (table,) = tables(slide)
    assert table[0] == ["KPI", "Base", "Actuel", "Cible", "Atteinte", "Commentaire d'écart"]
    k1 = table[1]
    assert k1[:5] == ["K1 Temps de traitement d'un dossier", "8 h/dossier", "6,1 h/dossier", "6 h/dossier", "95\u00a0%"]
    assert k1[5].startswith("Écart à la cible : −0,1 h/dossier — Résultat T+90")
    assert table[4][5].startswith("Cible atteinte")
    (chart,) = charts(slide)
    assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert list(chart.plots[0].categories) == ["K1", "K2", "K3", "K4"]
    assert [round(v, 2) for v in chart.plots[0].series[0].values] == [0.95, 0.93, 0.8, 1.1]
    assert any(t.startswith("Valeur créée : 217\u202f300\u00a0€ par an") for t in texts(slide))


def test_initiatives_and_risks_show_streams_risks_and_blockers(deck: Path) -> None:
    slide = Presentation(str(deck)).slides[3]
    streams, risks = tables(slide)
    assert streams[0] == ["Flux", "Météo", "Avancement", "Ouvertes", "Bloquées"]
    assert [row[:2] for row in streams[1:]] == [
        ["Tech", "Vert"],
        ["Data", "Vert"],
        ["Adoption", "Orange"],
        ["Valeur", "Vert"],
    ]
    assert risks[0] == ["Risque", "P × I", "Mitigation", "Responsable"]
    assert len(risks) == 4  # the top three open risks
    assert any(t.startswith("Blocages et retards") for t in texts(slide))


def test_roadmap_lists_the_milestones_and_the_next_actions(deck: Path) -> None:
    slide = Presentation(str(deck)).slides[4]
    milestones, priorities = tables(slide)
    assert milestones[0] == ["Échéance", "Jalon", "État", "Critère"]
    assert [row[1] for row in milestones[1:]][-1] == "T+90 Stabilisation"
    assert milestones[-1][2] == "En retard"
    assert priorities[0] == ["Id", "Action", "Responsable", "Échéance"]
    assert priorities[1][0] == "A14"


def test_english_deck_speaks_english(tmp_path: Path) -> None:
    out = export(PLANS / "product-launch-en.yaml", tmp_path / "launch.pptx", "--today", "2026-03-01", "--lang", "en")
    prs = Presentation(str(out))
    assert [s.shapes.title.text for s in prs.slides] == [
        "Executive summary",
        "Adoption",
        "Value: KPIs against baseline and target",
        "Initiatives and risks",
        "Roadmap and priorities",
    ]


@pytest.mark.parametrize("plan", sorted(PLANS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_plan_makes_a_deck(plan: Path, tmp_path: Path) -> None:
    prs = Presentation(str(export(plan, tmp_path / "deck.pptx", "--today", "2026-06-15")))
    assert len(prs.slides) == 5


def test_plan_text_stays_text_in_the_deck(tmp_path: Path) -> None:
    plan = tmp_path / "evil.yaml"
    plan.write_text(hostile_plan(), encoding="utf-8")
    out = export(plan, tmp_path / "evil.pptx", "--today", "2025-05-12")
    said = "\n".join(t for slide in Presentation(str(out)).slides for t in texts(slide))
    for literal in LITERALS:
        assert literal in said
    with zipfile.ZipFile(out) as archive:
        xml = "".join(
            archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith(("ppt/slides/", "ppt/charts/"))
        )
    # no field, no hyperlink, no action came from the plan; control characters were replaced
    assert "<a:fld" not in xml and "hlinkClick" not in xml and "\x1b" not in xml
    assert "<script>" not in xml  # escaped as &lt;script&gt;


def test_libreoffice_prints_the_deck_on_five_pages(deck: Path, tmp_path: Path) -> None:
    pages = pdf_pages(to_pdf(deck, tmp_path))
    assert len(pages) == 5
    for page, title in zip(pages, TITLES_FR, strict=True):
        assert title.split(" : ")[0] in page
