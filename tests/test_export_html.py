"""``planaction export PLAN -o FILE.html``: the one-page steering report, read back by html.parser and by
headless Chromium (its DOM and a screenshot kept as the test's artefact).

The figures are those of the Markdown report (one report object for both); the page is
self-contained (no script, nothing fetched), says the plan RAG, RAG by stream, progress, the objective
and KPIs with a chart each, the open actions, the top risks, the milestones with today, the next
decision, value and ROI, synthesis and recommendations; its options filter the tables and change its
language; branding shows in its header and footer.
"""

from __future__ import annotations

import re
from pathlib import Path

from planaction.words.onepage import say as page_words
from tests.conftest import PLANS, run_cli
from tests.export_page import read_page, rendered_dom, screenshot

TODAY = "2026-10-15"
ONBOARDING = PLANS / "onboarding-client.yaml"
ESSMS = PLANS / "essms-qualite.yaml"


def export(tmp_path: Path, plan: Path = ONBOARDING, *options: str, name: str = "page.html") -> Path:
    target = tmp_path / name
    done = run_cli("export", plan, "-o", target, "--today", TODAY, *options)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(target)
    return target


def test_the_page_holds_the_steering_report(tmp_path: Path) -> None:
    page = read_page(export(tmp_path))
    assert page.lang == "fr"
    text = page.text
    assert "Plan d'intégration client — Mutuelle Horizon (T0 → T+90)" in text
    for heading in (
        "Météo du plan",
        "Avancement",
        "Décision attendue",
        "RAG par flux",
        "Risques principaux",
        "Objectif et indicateurs",
        "Actions ouvertes (3)",
        "Jalons",
        "Valeur et ROI",
        "Synthèse et recommandations",
    ):
        assert heading in page.sections, heading
    assert "88 %" in page.sections["Avancement"]
    assert "Orange" in page.sections["Météo du plan"]
    streams = {row[0]: row[1] for row in page.rows["RAG par flux"][1:]}
    # Adoption: the Support playbook (K5 78 % < 85 %, a KPI of the adoption stream) fires on that day
    assert streams == {"Tech": "● Vert", "Data": "● Orange", "Adoption": "● Orange", "Valeur": "● Orange"}
    risks = page.rows["Risques principaux"][1:]
    assert [row[1] for row in risks] == ["R1 Sponsor peu visible", "R4 Adoption faible", "R3 Turnover utilisateurs"]
    assert risks[0][2] == "Revue bimensuelle + mails de synthèse"
    actions = page.rows["Actions ouvertes (3)"][1:]
    assert [row[1].split()[0] for row in actions] == ["A12", "A11", "A14"]
    assert actions[0][2].startswith("Léa Fontaine") and actions[0][3] == "30/11/2026"
    kpis = page.sections["Objectif et indicateurs"]
    assert "8 → 7,4 → 6 h/dossier" in kpis
    assert "K1 Temps de traitement d'un dossier" in kpis and "K5 Tickets dans SLA" in kpis
    milestones = page.sections["Jalons"]
    assert "aujourd'hui 15/10/2026" in milestones
    assert "22/11/2026 T+90 Stabilisation" in milestones
    assert "Total 123 700 € par an" in page.sections["Valeur et ROI"]
    assert "Lancer le plan d'action ciblé adoption" in page.sections["Synthèse et recommandations"]
    # the playbooks that fire today (core.playbooks, as the dashboard and the other reports say them)
    # (one cell each, its level as a dot: Valeur's K1 fell behind its course on 02/10, K5 78 % < 85 %)
    fired = [row[0] for row in page.rows["Playbooks déclenchés"]]
    assert [text.split(" : ")[0] for text in fired] == ["● Valeur", "● Support", "● Données"]
    assert fired[1].startswith("● Support : K5 à 78 %") and fired[2].startswith("● Données : flux Data en orange")
    # the KPIs' measurements as charts: one inline SVG per KPI measured at two dates at least
    svgs = [attrs.get("id") for tag, attrs in page.tags if tag == "svg"]
    assert svgs == ["chart-kpi0", "chart-kpi1", "chart-kpi2"]


def test_the_page_agrees_with_the_markdown_report(tmp_path: Path) -> None:
    """One report object for both faces: the same RAG reasons, progress and open actions."""
    page = read_page(export(tmp_path)).text
    markdown = run_cli("report", ONBOARDING, "--today", TODAY, "--format", "markdown").stdout
    for figure in re.findall(r"\*\*Avancement\*\* : `[^`]*` (\S+ %)", markdown):
        assert figure in page
    for line in markdown.splitlines():
        if line.startswith("| 🟢") or line.startswith("| 🟠") or line.startswith("| 🔴"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            assert cells[1] in page or cells[1].split(" ", 1)[1] in page, cells


def test_the_page_is_self_contained(tmp_path: Path) -> None:
    """No script, nothing fetched: a CSP that says so, no src or href pointing anywhere."""
    path = export(tmp_path, ONBOARDING, "--logo", str(PLANS.parent / "tests" / "fixtures" / "logo.svg"))
    html = path.read_text(encoding="utf-8")
    page = read_page(path)
    tags = [tag for tag, _attrs in page.tags]
    assert "script" not in tags and "iframe" not in tags and "link" not in tags
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    for _tag, attrs in page.tags:
        for name in ("src", "href"):
            assert attrs.get(name) is None or attrs[name].startswith("data:image/"), attrs
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html
    images = [a for t, a in page.tags if t == "img"]
    assert len(images) == 1 and images[0]["src"].startswith("data:image/svg+xml;base64,")


def test_the_owner_filter_keeps_only_their_actions(tmp_path: Path) -> None:
    page = read_page(export(tmp_path, ESSMS, "--owner", "claire martin"))
    heading = next(h for h in page.sections if h.startswith("Actions ouvertes"))
    rows = page.rows[heading][1:]
    assert [row[1].split()[0] for row in rows] == ["A7", "A12"]
    assert all("Claire Martin" in row[2] for row in rows)
    assert "Actions filtrées : Responsable : claire martin (2 sur 7)" in page.sections[heading]
    # the figures stay those of the whole plan
    assert "78 %" in page.sections["Avancement"]


def test_status_imperative_and_stream_filters(tmp_path: Path) -> None:
    blocked = read_page(export(tmp_path, ESSMS, "--status", "Bloqué", name="blocked.html"))
    heading = next(h for h in blocked.sections if h.startswith("Actions ouvertes"))
    assert [row[1].split()[0] for row in blocked.rows[heading][1:]] == ["A10"]
    stream = read_page(export(tmp_path, ONBOARDING, "--stream", "adoption", name="stream.html"))
    heading = next(h for h in stream.sections if h.startswith("Actions ouvertes"))
    assert [row[1].split()[0] for row in stream.rows[heading][1:]] == ["A11", "A14"]
    assert "Flux : Adoption (2 sur 3)" in stream.sections[heading]
    done = run_cli("export", ONBOARDING, "-o", tmp_path / "x.html", "--stream", "nowhere")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "nowhere" in done.stderr and not (tmp_path / "x.html").exists()


def test_lang_en_gives_english_words_only(tmp_path: Path) -> None:
    """An English plan exported in English: not one French word of the page's own (its headings, labels,
    statuses, dates' words), whatever the machine's locale."""
    page = read_page(export(tmp_path, PLANS / "product-launch-en.yaml", "--lang", "en"))
    assert page.lang == "en"
    for heading in (
        "Plan RAG",
        "Progress",
        "Top risks",
        "Objective and KPIs",
        "Milestones",
        "Synthesis and recommendations",
    ):
        assert heading in page.sections, heading
    french = [page_words.pair(key)[0] for key in page_words.keys() if not key.startswith(("help_", "unknown_"))]  # noqa: SIM118 (a Catalog has no __iter__)
    french += ["Météo", "Échéance", "Avancement", "Responsable", "Qui", "Quand", "Statut", "En cours", "À faire",
               "Atteinte", "Cible", "Base", "par an", "Établi"]  # fmt: skip
    for word in french:
        if "{" not in word and word not in page_words.pair("logo"):
            assert word not in page.text, word
    # a French plan's page in English: the interface speaks English, the plan's text stays as written
    onboarding = read_page(export(tmp_path, ONBOARDING, "--lang", "en", name="onboarding-en.html"))
    assert "Open actions (3)" in onboarding.sections and "RAG by stream" in onboarding.sections
    assert "Plan d'intégration client" in onboarding.text


def test_branding_in_header_and_footer(tmp_path: Path) -> None:
    page = read_page(export(tmp_path, ONBOARDING, "--client", "Mutuelle Horizon", "--consultancy", "Cabinet <Martin>"))
    assert "Client : Mutuelle Horizon" in page.text
    assert "Préparé par Cabinet <Martin>" in page.text
    footer = page.text.rsplit("Cabinet <Martin>", 1)[1]
    assert "Établi le 15/10/2026 avec planaction" in footer


def test_chromium_renders_the_page(tmp_path: Path) -> None:
    """Chromium's own DOM of the file: the same headings and no element the plan could have added; the
    screenshot stays in tmp_path for whoever wants to look."""
    path = export(tmp_path)
    dom = rendered_dom(path, tmp_path)
    assert "<script" not in dom
    assert "Actions ouvertes (3)" in dom and "RAG par flux" in dom
    shot = screenshot(path, tmp_path)
    assert shot.stat().st_size > 20_000  # a page drawn, not a blank one
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_logo_that_cannot_be_read_is_refused_with_its_name(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    done = run_cli("export", ONBOARDING, "-o", target, "--logo", tmp_path / "missing.png")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "missing.png" in done.stderr and not target.exists()
    not_image = tmp_path / "logo.png"
    not_image.write_text("hello", encoding="utf-8")
    done = run_cli("export", ONBOARDING, "-o", target, "--logo", not_image)
    assert done.returncode == 1 and "logo.png" in done.stderr and not target.exists()
