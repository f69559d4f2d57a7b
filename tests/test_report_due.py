"""`planaction report` and `planaction due`, run as a user runs them.

The plans are written here with figures small enough to work out by hand, so
every expected value below comes with its arithmetic rather than being copied
from the output. Markdown is read back with an independent parser
(markdown-it, CommonMark + tables): what a reader's renderer would see.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.conftest import TODAY, run_cli

NBSP = "\u00a0"
TODAY_FR = "12/05/2025"  # TODAY = 2025-05-12, as French dates read

# Today is 2025-05-12.
# A1: in progress, 40 %, due 2025-05-05 -> 7 days overdue, red. Pilot Léo, co-pilot Chloé.
# A2: in progress, 60 %, 2025-05-01 .. 2025-06-01: 11 of 31 days gone -> 35 % expected, 60 % done: green,
#     due in 20 days.
# A3: done (counts 100 %), due 2025-04-01: never listed as open or due.
# A4: cancelled: left out of progress and RAG, never listed.
# Progress = mean(40, 60, 100) = 66.67 -> "67 %", bar round(0.6667 * 20) = 13 of 20 cells.
# Plan RAG: 1 red of 3 judged actions >= 25 % -> red, "1 action sur 3 en rouge (A1)".
# K1 (lower is better): baseline 10, target 5, measured 7.5 -> (7.5 - 10) / (5 - 10) = 50 %.
# Risks: R1 high x medium = 3 x 2 = 6 -> red; R2 low x low = 1 -> green; R3 closed -> not a top risk.
# Milestones: J0 done (hidden), J1 2025-06-15 next. Decisions: D0 taken (hidden), D1 expected 2025-05-30.
PLAN = """\
schema: 1
id: delais
title: Réduire les délais de réponse
owner: Ana Martin
sponsor: Paul Durand
period:
  start: 2025-01-01
  end: 2025-12-31
objective:
  statement: Réduire le délai moyen de 10 à 5 jours
  unit: jours
  baseline: 10
  target: 5
  kpi: K1
people:
  - name: Léo Petit
    email: leo@example.org
actions:
  - id: A1
    title: Former les agents
    owner: Léo Petit
    co_owners: [Chloé Roux]
    due: 2025-05-05
    status: in_progress
    progress: 40
  - id: A2
    title: Publier la charte
    owner: Ana Martin
    start: 2025-05-01
    due: 2025-06-01
    status: in_progress
    progress: 60
  - id: A3
    title: Auditer les dossiers
    owner: Léo Petit
    due: 2025-04-01
    completed: 2025-03-30
    status: done
    progress: 100
  - id: A4
    title: Ancienne piste
    owner: Zoé Blanc
    due: 2025-05-01
    status: cancelled
kpis:
  - id: K1
    name: Délai moyen de réponse
    unit: jours
    direction: down
    baseline: 10
    target: 5
    measurements:
      - date: 2025-04-30
        value: 7.5
risks:
  - id: R1
    title: Turnover des agents
    probability: high
    impact: medium
    mitigation: Binômes et fiches réflexes
  - id: R2
    title: Outil indisponible
    probability: low
    impact: low
  - id: R3
    title: Grève des transports
    probability: high
    impact: high
    status: closed
milestones:
  - id: J0
    title: Lancement
    due: 2025-01-15
    done: true
  - id: J1
    title: Comité de mi-parcours
    due: 2025-06-15
decisions:
  - id: D0
    title: Choisir le prestataire
    status: taken
  - id: D1
    title: Valider le budget formation
    owner: Paul Durand
    due: 2025-05-30
"""

BAR_67 = "█" * 13 + "░" * 7
TITLE = "Réduire les délais de réponse"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def lines_of(text: str) -> list[str]:
    return text.splitlines()


# ---------------------------------------------------------------------------
# Reading Markdown back with an independent parser

MD = MarkdownIt("commonmark").enable("table")


def walk(tokens):
    for token in tokens:
        yield token
        if token.children:
            yield from walk(token.children)


def inline_text(token) -> str:
    """What a reader sees of an inline token: its text, entities and escapes resolved, without the
    invisible word joiners that keep GitHub from linking URLs and mentions (see markdown_text)."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts).replace("\u2060", "")


def headings(tokens) -> list[tuple[str, str]]:
    return [(t.tag, inline_text(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"]


def tables(tokens) -> list[list[list[str]]]:
    """Each table as rows of cell texts, header row first."""
    found: list[list[list[str]]] = []
    row: list[str] | None = None
    in_cell = False
    for token in tokens:
        if token.type == "table_open":
            found.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            in_cell = True
            row.append("")
        elif token.type in ("th_close", "td_close"):
            in_cell = False
        elif token.type == "inline" and in_cell:
            row[-1] = inline_text(token)
        elif token.type == "tr_close":
            found[-1].append(row)
            row = None
    return found


def spans(tokens, kind: str) -> list[str]:
    """Texts inside `strong` or `em` spans."""
    found = []
    for token in tokens:
        if token.type != "inline":
            continue
        depth, current = 0, []
        for child in token.children or []:
            if child.type == f"{kind}_open":
                depth += 1
                current = []
            elif child.type == f"{kind}_close":
                depth -= 1
                found.append("".join(current))
            elif depth and child.type in ("text", "text_special", "code_inline"):
                current.append(child.content.replace("\u2060", ""))
    return found


def paragraphs(tokens) -> list[str]:
    return [inline_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "paragraph_open"]


def all_text(tokens) -> str:
    return "\n".join(inline_text(t) for t in tokens if t.type == "inline")


# ---------------------------------------------------------------------------
# Report: one plan


def test_report_text_is_the_one_page_dashboard(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.yaml", PLAN)
    done = run_cli("report", path, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    out = lines_of(done.stdout)
    assert out[0] == TITLE
    assert out[1] == "=" * len(TITLE)
    assert "Responsable : Ana Martin   Sponsor : Paul Durand" in out
    assert "Période : 01/01/2025 – 31/12/2025" in out
    assert "Météo du plan : ■ rouge : 1 action sur 3 en rouge (A1)" in out
    assert f"Avancement : [{BAR_67}] 67{NBSP}%" in out
    assert "Objectif : Réduire le délai moyen de 10 à 5 jours" in out
    assert "  base → actuel → cible : 10 → 7,5 → 5 jours" in out
    # KPI: baseline → current → target, then the attainment worked out above.
    assert f"    K1 Délai moyen de réponse : 10 → 7,5 → 5 jours 50{NBSP}%" in out
    # Open actions: who, what, when, most late first; done and cancelled ones are not open.
    start = out.index("Actions ouvertes (2)")
    assert out[start + 1] == "  ■ A1 Former les agents — Léo Petit — 05/05/2025 — 7 jours de retard"
    assert out[start + 2] == (
        "  ● A2 Publier la charte — Ana Martin — 01/06/2025 — dans les temps (échéance dans 20 jours)"
    )
    assert "A3" not in done.stdout and "A4" not in done.stdout
    # Top risks: highest P x I first, with the mitigation; the closed risk is gone.
    start = out.index("Risques principaux")
    assert out[start + 1 : start + 3] == [
        "  ■ R1 Turnover des agents — Binômes et fiches réflexes",
        "  ● R2 Outil indisponible",
    ]
    assert "Grève" not in done.stdout
    start = out.index("Prochains jalons")
    assert out[start + 1] == "  15/06/2025 Comité de mi-parcours"
    assert "Lancement" not in done.stdout
    assert "Décision attendue : Valider le budget formation (Paul Durand) — 30/05/2025" in out
    assert "prestataire" not in done.stdout
    assert "\x1b" not in done.stdout

    # Piped output is plain even when NO_COLOR is not set and colour is forced: stdout is no terminal.
    piped = run_cli("report", path, "--today", TODAY, env={"NO_COLOR": "", "FORCE_COLOR": "1"})
    assert piped.returncode == 0
    assert piped.stdout == done.stdout


def test_report_today_moves_overdue_and_late_milestones(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.yaml", PLAN)
    # On 2025-05-01, A1 (due 05-05, no start, 40 %) is 4 days ahead with less than half done: amber, not late.
    # A2 starts that day, so nothing is expected of it yet: green, due in 31 days. 0 red, 1 amber -> amber plan.
    early = run_cli("report", path, "--today", "2025-05-01")
    assert early.returncode == 0, early.stderr
    assert "Météo du plan : ▲ orange : 0 en rouge et 1 en orange sur 3 actions" in early.stdout
    assert "  ▲ A1 Former les agents — Léo Petit — 05/05/2025 — échéance dans 4 jours, 40 % fait" in early.stdout
    assert "retard" not in early.stdout

    # On 2025-06-20: A1 is 46 days late, A2 19 days late, J1 (06-15) is 5 days late.
    late = run_cli("report", path, "--today", "2025-06-20", "--format", "json")
    assert late.returncode == 0, late.stderr
    data = json.loads(late.stdout)
    assert data["today"] == "2025-06-20"
    assert [(a["id"], a["rag"], a["why"]) for a in data["open_actions"]] == [
        ("A1", "red", "46 jours de retard"),
        ("A2", "red", "19 jours de retard"),
    ]
    assert data["next_milestones"] == [
        {"id": "J1", "title": "Comité de mi-parcours", "due": "2025-06-15", "late": True}
    ]
    # 2 red of 3 -> red, by share.
    assert (data["rag"], data["rag_text"]) == ("red", "rouge : 2 actions sur 3 en rouge (A1, A2)")


def test_report_json_has_the_documented_figures(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.yaml", PLAN)
    done = run_cli("report", path, "--today", TODAY, "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["kind"] == "plan"
    assert data["id"] == "delais"
    assert data["title"] == TITLE
    assert (data["owner"], data["sponsor"], data["today"]) == ("Ana Martin", "Paul Durand", "2025-05-12")
    assert data["rag"] == "red"
    assert data["progress"] == round((40 + 60 + 100) / 3, 1)
    (kpi,) = data["kpis"]
    assert kpi["id"] == "K1"
    assert (kpi["baseline"], kpi["current"], kpi["target"]) == (10, 7.5, 5)
    assert kpi["attainment"] == pytest.approx((7.5 - 10) / (5 - 10))
    assert kpi["reached"] is False
    assert data["objective"]["current"] == 7.5 and data["objective"]["attainment"] == pytest.approx(0.5)
    assert [a["id"] for a in data["open_actions"]] == ["A1", "A2"]
    first = data["open_actions"][0]
    assert first["due"] == "2025-05-05"
    dt.date.fromisoformat(first["due"])
    assert (first["owner"], first["co_owners"], first["status"], first["progress"]) == (
        "Léo Petit",
        ["Chloé Roux"],
        "in_progress",
        40,
    )
    assert data["top_risks"] == [
        {
            "id": "R1",
            "title": "Turnover des agents",
            "score": 6,
            "rag": "red",
            "mitigation": "Binômes et fiches réflexes",
        },
        {"id": "R2", "title": "Outil indisponible", "score": 1, "rag": "green", "mitigation": None},
    ]
    assert data["next_milestones"] == [
        {"id": "J1", "title": "Comité de mi-parcours", "due": "2025-06-15", "late": False}
    ]
    assert data["next_decision"] == {
        "id": "D1",
        "title": "Valider le budget formation",
        "owner": "Paul Durand",
        "due": "2025-05-30",
    }
    assert data["since"] is None


def test_report_markdown_reads_back_as_tables_and_headings(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.yaml", PLAN)
    done = run_cli("report", path, "--today", TODAY, "--format", "markdown")
    assert done.returncode == 0, done.stderr
    tokens = MD.parse(done.stdout)
    assert headings(tokens) == [
        ("h2", TITLE),
        ("h3", "Indicateurs clés"),
        ("h3", "Actions ouvertes (2)"),
        ("h3", "Risques principaux"),
        ("h3", "Prochains jalons"),
    ]
    kpis, actions = tables(tokens)
    assert kpis == [
        ["KPI", "Base", "Actuel", "Cible", "Atteinte"],
        ["K1 Délai moyen de réponse", "10 jours", "7,5 jours", "5 jours", f"50{NBSP}%"],
    ]
    assert actions == [
        ["Météo", "Action", "Qui", "Quand", "Statut"],
        ["🔴 Rouge", "A1 Former les agents", "Léo Petit", "05/05/2025", "En cours — 7 jours de retard"],
        [
            "🟢 Vert",
            "A2 Publier la charte",
            "Ana Martin",
            "01/06/2025",
            "En cours — dans les temps (échéance dans 20 jours)",
        ],
    ]
    text = paragraphs(tokens)
    assert "Météo du plan : 🔴 Rouge — rouge : 1 action sur 3 en rouge (A1)" in text
    assert f"Avancement : {BAR_67} 67{NBSP}%" in text
    assert "Décision attendue : Valider le budget formation (Paul Durand) — 30/05/2025" in text
    assert "🔴 Rouge R1 Turnover des agents — Binômes et fiches réflexes" in text
    assert "15/06/2025 — Comité de mi-parcours" in text
    assert f"Rapport du {TODAY_FR} — planaction" in text
    assert [t.content for t in walk(tokens) if t.type == "code_inline"] == [BAR_67]
    labels = {"Responsable", "Sponsor", "Période", "Météo du plan", "Avancement", "Objectif", "Décision attendue"}
    assert set(spans(tokens, "strong")) == labels  # bold is for the report's own labels


def test_report_lang_en_switches_words(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.yaml", PLAN)
    done = run_cli("report", path, "--today", TODAY, "--lang", "en")
    assert done.returncode == 0, done.stderr
    out = lines_of(done.stdout)
    assert "Owner: Ana Martin   Sponsor: Paul Durand" in out
    assert "Plan RAG: ■ red: 1 of 3 actions red (A1)" in out
    assert f"Progress: [{BAR_67}] 67%" in out
    assert "  baseline → current → target: 10 → 7.5 → 5 jours" in out
    assert "    K1 Délai moyen de réponse: 10 → 7.5 → 5 jours 50%" in out
    assert "  ■ A1 Former les agents — Léo Petit — 2025-05-05 — 7 days overdue" in out
    assert {"Open actions (2)", "Top risks", "Next milestones", "  2025-06-15 Comité de mi-parcours"} <= set(out)
    assert "Next decision: Valider le budget formation (Paul Durand) — 2025-05-30" in out
    for french in ("Responsable", "Actions ouvertes", "Risques principaux", "de retard", "Météo"):
        assert french not in done.stdout

    markdown = run_cli("report", path, "--today", TODAY, "--lang", "en", "--format", "markdown")
    tokens = MD.parse(markdown.stdout)
    assert [h for _tag, h in headings(tokens)][1:] == ["KPIs", "Open actions (2)", "Top risks", "Next milestones"]
    assert tables(tokens)[0][0] == ["KPI", "Baseline", "Current", "Target", "Attainment"]


def test_report_lists_ten_open_actions_and_counts_the_rest(tmp_path: Path) -> None:
    actions = "".join(
        f"  - id: A{i}\n    title: Tâche {i}\n    owner: Ana\n    due: 2025-06-{i:02d}\n" for i in range(1, 13)
    )
    path = write(tmp_path, "plan.yaml", f"schema: 1\ntitle: Plan\nowner: Ana\nactions:\n{actions}")
    text = run_cli("report", path, "--today", TODAY)
    assert text.returncode == 0, text.stderr
    assert "Actions ouvertes (12)" in text.stdout
    shown = [line for line in lines_of(text.stdout) if " Tâche " in line]
    assert [line.split()[1] for line in shown] == [f"A{i}" for i in range(1, 11)]  # soonest due first
    assert "  … et 2 autres" in lines_of(text.stdout)
    data = json.loads(run_cli("report", path, "--today", TODAY, "--format", "json").stdout)
    assert [a["id"] for a in data["open_actions"]] == [f"A{i}" for i in range(1, 13)]


def test_report_refuses_missing_and_invalid_plans(tmp_path: Path) -> None:
    missing = run_cli("report", tmp_path / "nowhere.yaml")
    assert missing.returncode == 1
    assert "nowhere.yaml:1:1: error: no such file or folder" in missing.stderr
    bad = write(tmp_path, "bad.yaml", PLAN.replace("    status: cancelled", "    status: Finished"))
    done = run_cli("report", bad, "--today", TODAY)
    assert done.returncode == 1
    assert done.stdout == ""
    line = PLAN.splitlines().index("    status: cancelled") + 1
    assert f"{bad}:{line}:13: error: action A4:" in done.stderr
    assert "Traceback" not in done.stderr
    assert run_cli("report", bad, "--format", "html").returncode == 2
    assert run_cli("report", bad, "--today", "12/05/2025").returncode == 2


def test_report_json_id_defaults_to_the_file_name(tmp_path: Path) -> None:
    path = write(tmp_path, "suivi-rh.yaml", PLAN.replace("id: delais\n", ""))
    data = json.loads(run_cli("report", path, "--today", TODAY, "--format", "json").stdout)
    assert data["id"] == "suivi-rh"
    folder = json.loads(run_cli("report", tmp_path, "--today", TODAY, "--format", "json").stdout)
    assert folder["plans"][0]["id"] == "suivi-rh"


# ---------------------------------------------------------------------------
# Report: a folder (portfolio)

PLAN_B = "schema: 1\ntitle: Plan Deux\nowner: Béa\nactions:\n  - id: B1\n    title: Faire\n    owner: Béa\n    due: 2025-06-01\n    status: done\n"
PLAN_BAD = "schema: 1\ntitle: Plan Trois\nowner: Bob\nactions:\n  - id: C1\n    title: Faire\n    owner: Bob\n    due: 2025-06-01\n    status: Finished\n"


def portfolio(tmp_path: Path) -> Path:
    folder = tmp_path / "portefeuille"
    write(folder, "a.yaml", PLAN)
    write(folder, "b.yaml", PLAN_B)
    write(folder, "c-bad.yaml", PLAN_BAD)  # line 9, column 13: "Finished"
    write(folder, "notes.txt", "not a plan")
    write(folder, ".hidden/d.yaml", PLAN_B)
    return folder


def test_report_folder_is_one_row_per_plan(tmp_path: Path) -> None:
    folder = portfolio(tmp_path)
    text = run_cli("report", folder, "--today", TODAY)
    # The report is printed whole, an invalid plan as a row naming where it breaks; the exit code says so (1).
    assert text.returncode == 1, text.stderr
    out = lines_of(text.stdout)
    assert out[0] == "Portefeuille — portefeuille"
    rows = [line for line in out if line.startswith("  ")]
    assert rows == [
        f"  ■ {TITLE} — Ana Martin — 67{NBSP}% — 1 en retard",
        f"  ● Plan Deux — Béa — 100{NBSP}% — 0 en retard",
        '  ! c-bad.yaml — invalide 9:13 action C1: "Finished" is not a valid status',
    ]

    markdown = run_cli("report", folder, "--today", TODAY, "--format", "markdown")
    assert markdown.returncode == 1
    tokens = MD.parse(markdown.stdout)
    assert headings(tokens) == [("h2", "Portefeuille — portefeuille")]
    (table,) = tables(tokens)
    assert table[0] == ["Plan", "Responsable", "Météo", "Avancement", "En retard", "Santé"]
    assert table[1] == [TITLE, "Ana Martin", "🔴 Rouge", f"67{NBSP}%", "1", "—"]
    assert table[2] == ["Plan Deux", "Béa", "🟢 Vert", f"100{NBSP}%", "0", "—"]
    assert table[3][0] == "c-bad.yaml"
    assert table[3][2] == '⚠ invalide : 9:13 action C1: "Finished" is not a valid status'
    assert len(table) == 4 and all(len(row) == 6 for row in table)

    data = json.loads(run_cli("report", folder, "--today", TODAY, "--format", "json", "--lang", "en").stdout)
    assert data["kind"] == "portfolio"
    assert data["since_revision"] is None
    assert [Path(p["file"]).name for p in data["plans"]] == ["a.yaml", "b.yaml", "c-bad.yaml"]
    first, second, invalid = data["plans"]
    assert (first["id"], first["rag"], first["progress"], first["overdue"], first["error"]) == (
        "delais",
        "red",
        66.7,
        1,
        None,
    )
    assert first["rag_text"] == "red: 1 of 3 actions red (A1)"
    assert (second["rag"], second["progress"], second["overdue"]) == ("green", 100.0, 0)
    assert invalid["error"] == '9:13 action C1: "Finished" is not a valid status'
    assert invalid["title"] is None and invalid["rag"] is None

    english = run_cli("report", folder, "--today", TODAY, "--lang", "en")
    assert lines_of(english.stdout)[0] == "Portfolio — portefeuille"
    assert "  ● Plan Deux — Béa — 100% — 0 overdue" in lines_of(english.stdout)
    assert "invalid 9:13" in english.stdout


# ---------------------------------------------------------------------------
# Plan text is data: no markup, no escape, no HTML in any output

ESC_TITLE = (
    r"[bold red]x[/] \e[31mRED\e[0m \e]8;;http://evil\e\\click\e]8;;\e\\ \x9b2J \u202egnp"
    r" <script>alert(1)</script> **bold** [link](http://evil) | pipe"
)
EVIL = rf"""schema: 1
title: "{ESC_TITLE}"
owner: "[link=http://evil]Eve[/link] <b>o</b> | **o** \x1b[31m"
people:
  - name: "[link=http://evil]Eve[/link] <b>o</b> | **o** \x1b[31m"
    email: "eve@evil <i>e</i> | __e__ \e[1m"
streams:
  - id: S1
    name: "**s** | <s>s</s> [s](http://evil)"
actions:
  - id: A1
    title: "[bold red]act[/] \e[2J <script>alert(1)</script> **bold** [link](http://evil) | pipe\tTAB\x07BEL"
    owner: "[link=http://evil]Eve[/link] <b>o</b> | **o** \x1b[31m"
    co_owners: ["\e]8;;http://evil\e\\Mallory\e]8;;\e\\"]
    stream: S1
    due: 2025-05-01
    status: in_progress
kpis:
  - id: K1
    name: "**k** | <i>k</i> [k](http://evil)"
    unit: "u|v"
    baseline: 1
    target: 2
    measurements:
      - date: 2025-05-01
        value: 1.5
risks:
  - id: R1
    title: "<img src=x onerror=alert(1)> [bold red]r[/]"
    probability: high
    impact: high
    mitigation: "**m** | [l](http://evil) \e[1m"
milestones:
  - id: J1
    title: "<script>m</script> | **j** [j](http://evil)"
    due: 2025-05-15
decisions:
  - id: D1
    title: "[d](http://evil) | <u>d</u> `code`"
"""

#: What must still be readable, literally, in every output.
LITERALS = ("[bold red]x[/]", "<script>alert(1)</script>", "**bold**", "[link](http://evil)", "| pipe", "RED", "click")
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def assert_terminal_safe(text: str) -> None:
    bad = [repr(ch) for ch in text if (ord(ch) < 0x20 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F or ch in BIDI]
    assert bad == [], f"control characters reach the terminal: {sorted(set(bad))}"
    assert "\ufffd" in text  # the escapes were made visible, not silently dropped


def test_report_text_shows_markup_and_escapes_literally(tmp_path: Path) -> None:
    path = write(tmp_path, "evil.yaml", EVIL)
    done = run_cli("report", path, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout
    assert_terminal_safe(done.stdout)
    for literal in (*LITERALS, "[link=http://evil]Eve[/link]", "<img src=x onerror=alert(1)>", "`code`"):
        assert literal in done.stdout
    assert "pipe TAB\ufffdBEL" in done.stdout  # tab to a space, BEL to a visible mark

    # JSON is data: the text is kept exactly (control characters JSON-escaped, never raw).
    data = run_cli("report", path, "--today", TODAY, "--format", "json")
    assert "\x1b" not in data.stdout
    report = json.loads(data.stdout)
    assert report["title"].startswith("[bold red]x[/] \x1b[31mRED\x1b[0m \x1b]8;;http://evil\x1b\\click")
    assert report["open_actions"][0]["title"].endswith("| pipe\tTAB\x07BEL")


def test_report_markdown_keeps_plan_text_inert(tmp_path: Path) -> None:
    path = write(tmp_path, "evil.yaml", EVIL)
    done = run_cli("report", path, "--today", TODAY, "--format", "markdown")
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout
    tokens = MD.parse(done.stdout)
    kinds = {t.type for t in walk(tokens)}
    assert not kinds & {"html_inline", "html_block", "link_open", "image", "s_open"}
    # Bold and code come from the report's own labels and progress bar only.
    assert set(spans(tokens, "strong")) <= {"Responsable", "Météo du plan", "Avancement", "Décision attendue"}
    assert spans(tokens, "em") == [f"Rapport du {TODAY_FR} — planaction"]
    assert all(set(t.content) <= {"█", "░"} for t in walk(tokens) if t.type == "code_inline")
    # Every table keeps its columns whatever `|` the plan text holds.
    found = tables(tokens)
    assert [len(t[0]) for t in found] == [3, 5, 5]  # streams, KPIs, open actions
    for table in found:
        assert all(len(row) == len(table[0]) for row in table), table
    streams, kpis, actions = found
    assert streams[1][0] == "**s** | <s>s</s> [s](http://evil)"
    assert kpis[1][0] == "K1 **k** | <i>k</i> [k](http://evil)"
    assert kpis[1][1:4] == ["1 u|v", "1,5 u|v", "2 u|v"]
    action = actions[1]
    assert (
        action[1]
        == "A1 [bold red]act[/] \ufffd[2J <script>alert(1)</script> **bold** [link](http://evil) | pipe TAB\ufffdBEL"
    )
    assert action[2] == "[link=http://evil]Eve[/link] <b>o</b> | **o** \ufffd[31m"
    text = all_text(tokens)
    for literal in (*LITERALS, "<img src=x onerror=alert(1)>", "[d](http://evil) | <u>d</u> `code`"):
        assert literal in text
    assert_terminal_safe(text)


def test_report_rich_renderer_does_not_interpret_plan_text(tmp_path: Path) -> None:
    from rich.console import Console

    from planaction import store
    from planaction.report import steering as report

    path = write(tmp_path, "evil.yaml", EVIL)
    document = store.load(path, nodes=False)
    built = report.plan_report(str(path), document.plan, TODAY, "fr")
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="truecolor", width=260, highlight=False)
    report.print_rich(built, console)
    out = buffer.getvalue()
    assert "\x1b[" in out  # Rich did colour it: the checks below are not vacuous
    assert "[bold red]x[/]" in out and "[bold red]act[/]" in out and "[bold red]r[/]" in out
    assert "[link=http://evil]Eve[/link]" in out
    assert "\x1b]" not in out  # no OSC at all, so no OSC 8 hyperlink to http://evil
    assert "\x1b[2J" not in out and "\x1b[31mRED" not in out
    assert "\ufffd[31mRED" in out and "\ufffd[2J" in out
    assert "\x07" not in out and "\x9b" not in out
    for literal in ("<script>alert(1)</script>", "**bold**", "[link](http://evil)"):
        assert literal in out


# ---------------------------------------------------------------------------
# Report --since: what changed since the last steering committee (a git revision)

GIT = shutil.which("git")


def git(folder: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True, timeout=30)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository: a plan committed, then changed (A2 done, K1 measured, R4 added) and committed again."""
    if GIT is None:
        pytest.skip("git is not installed")
    folder = tmp_path / "repo"
    path = write(folder, "plan.yaml", PLAN)
    git(folder, "init", "-q")
    git(folder, "add", "plan.yaml")
    git(folder, "commit", "-q", "-m", "comité 1")
    done = run_cli("set", path, "A2", "status=done", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "        value: 7.5\n", "        value: 7.5\n      - date: 2025-05-10\n        value: 6\n"
    ).replace(
        "milestones:\n", "  - id: R4\n    title: Budget gelé\n    probability: low\n    impact: high\nmilestones:\n"
    )
    path.write_text(text, encoding="utf-8")
    assert run_cli("validate", path).returncode == 0
    git(folder, "commit", "-q", "-a", "-m", "comité 2")
    return folder


def test_report_since_lists_the_changes(repo: Path) -> None:
    path = repo / "plan.yaml"
    done = run_cli("report", path, "--since", "HEAD~1", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    out = lines_of(done.stdout)
    start = out.index("Depuis le dernier comité (HEAD~1)")
    changes = out[start + 1 :]
    assert "  A2 statut : En cours → Terminé" in changes
    assert "  A2 avancement : 60 % → 100 %" in changes
    assert f"  A2 terminée le : — → {TODAY_FR}" in changes
    assert "  K1 mesuré 6 le 10/05/2025" in changes
    assert "  nouveau risque R4 « Budget gelé »" in changes
    assert len(changes) == 5
    # The report itself is of the new plan: A2 is done, so one open action; K1 at 6 -> (6 - 10) / (5 - 10) = 80 %.
    assert "Actions ouvertes (1)" in out
    assert f"    K1 Délai moyen de réponse : 10 → 6 → 5 jours 80{NBSP}%" in out

    english = run_cli("report", path, "--since", "HEAD~1", "--today", TODAY, "--lang", "en")
    assert "Since the last steering committee (HEAD~1)" in english.stdout
    assert "  A2 status: In progress -> Done" in english.stdout
    assert "  K1 measured 6 on 2025-05-10" in english.stdout
    assert '  new risk R4 "Budget gelé"' in english.stdout

    markdown = run_cli("report", path, "--since", "HEAD~1", "--today", TODAY, "--format", "markdown")
    tokens = MD.parse(markdown.stdout)
    assert headings(tokens)[-1] == ("h3", "Depuis le dernier comité (HEAD~1)")
    assert "A2 statut : En cours → Terminé" in paragraphs(tokens)

    data = json.loads(run_cli("report", path, "--since", "HEAD~1", "--today", TODAY, "--format", "json").stdout)
    assert data["since"]["revision"] == "HEAD~1"
    assert "nouveau risque R4 « Budget gelé »" in data["since"]["changes"]
    assert [line.strip() for line in changes] == data["since"]["changes"]

    same = run_cli("report", path, "--since", "HEAD", "--today", TODAY)
    assert lines_of(same.stdout)[-2:] == ["Depuis le dernier comité (HEAD)", "  aucun changement"]


def test_report_since_refuses_what_git_cannot_give(repo: Path, tmp_path: Path) -> None:
    path = repo / "plan.yaml"
    bad = run_cli("report", path, "--since", "no-such-rev", "--today", TODAY)
    assert bad.returncode == 1
    assert bad.stdout == ""
    assert bad.stderr.startswith("planaction: ") and "no-such-rev" in bad.stderr

    new = write(repo, "new.yaml", PLAN_B)
    git(repo, "add", "new.yaml")
    git(repo, "commit", "-q", "-m", "nouveau plan")
    missing = run_cli("report", new, "--since", "HEAD~1")
    assert missing.returncode == 1
    assert "planaction: new.yaml did not exist at HEAD~1" in missing.stderr

    outside = write(tmp_path / "elsewhere", "plan.yaml", PLAN)
    loose = run_cli("report", outside, "--since", "HEAD")
    assert loose.returncode == 1
    assert "is not in a git repository" in loose.stderr
    for done in (bad, missing, loose):
        assert "Traceback" not in done.stderr


def test_report_folder_since_lists_changes_per_plan(repo: Path) -> None:
    write(repo, "new.yaml", PLAN_B)
    git(repo, "add", "new.yaml")
    git(repo, "commit", "-q", "-m", "nouveau plan")
    done = run_cli("report", repo, "--since", "HEAD~2", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    out = lines_of(done.stdout)
    start = out.index("Depuis le dernier comité (HEAD~2)")
    changes = out[start + 1 :]
    assert "  new.yaml: nouveau plan" in changes  # added after HEAD~2: nothing to compare with
    assert "  plan.yaml: A2 statut : En cours → Terminé" in changes
    assert "  plan.yaml: nouveau risque R4 « Budget gelé »" in changes
    assert "  plan.yaml: K1 mesuré 6 le 10/05/2025" in changes

    data = json.loads(run_cli("report", repo, "--since", "HEAD~2", "--today", TODAY, "--format", "json").stdout)
    assert data["since_revision"] == "HEAD~2"
    by_file = {Path(p["file"]).name: p["since"] for p in data["plans"]}
    assert by_file["new.yaml"] == ["nouveau plan"]
    assert "A2 statut : En cours → Terminé" in by_file["plan.yaml"]


def test_report_folder_since_unknown_revision_is_an_error(repo: Path, tmp_path: Path) -> None:
    # As for one plan: a revision git does not know fails the report, it is not a "change" of each plan.
    done = run_cli("report", repo, "--since", "no-such-rev", "--today", TODAY)
    assert done.returncode == 1
    assert "no-such-rev" in done.stderr
    assert done.stdout == ""
    outside = tmp_path / "elsewhere"
    write(outside, "plan.yaml", PLAN)
    loose = run_cli("report", outside, "--since", "HEAD")
    assert loose.returncode == 1
    assert "is not in a git repository" in loose.stderr
    for result in (done, loose):
        assert "Traceback" not in result.stderr


def test_report_since_is_never_a_git_option(repo: Path, tmp_path: Path) -> None:
    # git show writes to "<value>:./plan.yaml", i.e. into a folder named "out:." when there is one.
    trap = tmp_path / "out:."
    trap.mkdir()
    done = run_cli("report", repo / "plan.yaml", f"--since=--output={tmp_path / 'out'}", "--today", TODAY)
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    assert list(trap.iterdir()) == [], "git wrote a file named by --since"


# ---------------------------------------------------------------------------
# due: each person's overdue and due-soon items


def test_due_reminds_pilots_and_co_pilots(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.yaml", PLAN)
    done = run_cli("due", path, "--today", TODAY)
    assert done.returncode == 3, done.stderr  # A1 is overdue
    # Within 7 days of 2025-05-12 (to 05-19): A1 (overdue) only. A2 (06-01) and J1 (06-15) are further;
    # A3 is done and A4 cancelled, however old their dates. People come sorted by name.
    assert done.stdout == (
        "Chloé Roux\n"
        f"  EN RETARD 05/05/2025  A1 Former les agents — {TITLE} (co-pilote, 7 jours de retard)\n"
        "\n"
        "Léo Petit <leo@example.org>\n"
        f"  EN RETARD 05/05/2025  A1 Former les agents — {TITLE} (pilote, 7 jours de retard)\n"
    )
    # 34 days ahead reaches J1 (06-15), which goes to the plan's owner, and A2 (06-01, in 20 days).
    wide = run_cli("due", path, "--today", TODAY, "--within", "34", "--lang", "en")
    assert wide.returncode == 3
    out = lines_of(wide.stdout)
    ana = out.index("Ana Martin")
    assert out[ana + 1 : ana + 3] == [
        f"  DUE SOON  2025-06-01  A2 Publier la charte — {TITLE} (owner, in 20 days)",
        f"  DUE SOON  2025-06-15  milestone J1 Comité de mi-parcours — {TITLE} (plan owner, in 34 days)",
    ]
    assert f"  OVERDUE   2025-05-05  A1 Former les agents — {TITLE} (co-owner, 7 days overdue)" in out
    for never in ("A3", "A4", "Zoé", "J0", "Lancement"):
        assert never not in wide.stdout


def test_due_within_counts_the_last_day_and_not_the_next(tmp_path: Path) -> None:
    # collect() keeps an item when (due - today).days <= within.
    plan = (
        "schema: 1\ntitle: Bornes\nowner: Ana\nactions:\n"
        "  - id: T0\n    title: Aujourd'hui\n    owner: Ana\n    due: 2025-05-12\n"
        "  - id: T7\n    title: Dans sept jours\n    owner: Ana\n    due: 2025-05-19\n"
        "  - id: T8\n    title: Dans huit jours\n    owner: Ana\n    due: 2025-05-20\n"
        "milestones:\n"
        "  - id: M7\n    title: Jalon à sept jours\n    due: 2025-05-19\n"
        "  - id: M8\n    title: Jalon à huit jours\n    due: 2025-05-20\n"
    )
    path = write(tmp_path, "plan.yaml", plan)

    def listed(*extra: str) -> list[tuple[str, int]]:
        done = run_cli("due", path, "--today", TODAY, "--format", "json", *extra)
        assert done.returncode == 0, done.stderr  # nothing overdue
        data = json.loads(done.stdout)
        assert data["overdue"] is False and all(p["overdue"] == [] for p in data["people"])
        return [(r["id"], r["days"]) for p in data["people"] for r in p["due_soon"]]

    assert listed() == [("T0", 0), ("M7", 7), ("T7", 7)]  # default 7 days: 05-19 in, 05-20 out
    assert listed("--within", "6") == [("T0", 0)]
    assert listed("--within", "8") == [("T0", 0), ("M7", 7), ("T7", 7), ("M8", 8), ("T8", 8)]
    assert listed("--within", "0") == [("T0", 0)]
    today = run_cli("due", path, "--today", TODAY, "--within", "0")
    assert today.stdout == "Ana\n  BIENTÔT   12/05/2025  T0 Aujourd'hui — Bornes (pilote, aujourd'hui)\n"


def test_due_owner_filter_folds_case_and_accents(tmp_path: Path) -> None:
    # --owner compares whole names, case, accents and punctuation folded (model.normalise_word).
    path = write(tmp_path, "plan.yaml", PLAN)
    for spelling in ("léo petit", "LEO PETIT", "Leo-Petit"):
        done = run_cli("due", path, "--today", TODAY, "--owner", spelling)
        assert done.returncode == 3, spelling
        assert lines_of(done.stdout)[0] == "Léo Petit <leo@example.org>", spelling
        assert "Chloé" not in done.stdout
    co_pilot = run_cli("due", path, "--today", TODAY, "--owner", "chloe roux", "--format", "json")
    (person,) = json.loads(co_pilot.stdout)["people"]
    assert person["name"] == "Chloé Roux"
    assert [(r["id"], r["role"]) for r in person["overdue"]] == [("A1", "co-owner")]
    # Part of a name is not the name; nothing overdue for that "person", so exit 0.
    part = run_cli("due", path, "--today", TODAY, "--owner", "Léo")
    assert part.returncode == 0
    assert part.stdout == "Rien en retard ni à échéance dans les 7 prochains jours.\n"
    # The plan's owner gets the milestones; A1 (someone else's) does not make her exit code 3.
    owner = run_cli("due", path, "--today", TODAY, "--owner", "ANA MARTIN", "--within", "40", "--format", "json")
    assert owner.returncode == 0
    (person,) = json.loads(owner.stdout)["people"]
    assert [(r["kind"], r["id"], r["role"]) for r in person["due_soon"]] == [
        ("action", "A2", "owner"),
        ("milestone", "J1", "plan owner"),
    ]


def test_due_json_across_plans(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", PLAN)
    # A second plan: Léo again (overdue 2 days, so after A1's 7 in his list), and an overdue milestone for Béa.
    second = write(
        tmp_path,
        "b.yaml",
        "schema: 1\ntitle: Plan Deux\nowner: Béa\nactions:\n"
        "  - id: B1\n    title: Relancer\n    owner: Léo Petit\n    due: 2025-05-10\n    status: blocked\n"
        "milestones:\n  - id: M1\n    title: Revue\n    due: 2025-05-11\n",
    )
    done = run_cli("due", first, second, "--today", TODAY, "--format", "json")
    assert done.returncode == 3, done.stderr
    data = json.loads(done.stdout)
    assert (data["today"], data["within_days"], data["overdue"]) == ("2025-05-12", 7, True)
    people = {p["name"]: p for p in data["people"]}
    assert list(people) == ["Béa", "Chloé Roux", "Léo Petit"]
    assert people["Léo Petit"]["email"] == "leo@example.org"
    assert people["Béa"]["email"] is None
    leo = people["Léo Petit"]["overdue"]
    assert [(r["id"], r["days"], r["plan"], Path(r["file"]).name) for r in leo] == [
        ("A1", -7, TITLE, "a.yaml"),
        ("B1", -2, "Plan Deux", "b.yaml"),
    ]
    assert leo[1] == {
        "kind": "action",
        "plan": "Plan Deux",
        "file": str(second),
        "id": "B1",
        "title": "Relancer",
        "due": "2025-05-10",
        "days": -2,
        "role": "owner",
        "status": "blocked",
    }
    assert people["Béa"]["overdue"][0] | {"file": ""} == {
        "kind": "milestone",
        "plan": "Plan Deux",
        "file": "",
        "id": "M1",
        "title": "Revue",
        "due": "2025-05-11",
        "days": -1,
        "role": "plan owner",
        "status": "pending",
    }


def test_due_markdown_reads_back(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.yaml", PLAN)
    done = run_cli("due", path, "--today", TODAY, "--within", "20", "--format", "markdown")
    assert done.returncode == 3
    tokens = MD.parse(done.stdout)
    assert headings(tokens) == [
        ("h2", f"Échéances au {TODAY_FR}"),
        ("h3", "Ana Martin"),
        ("h3", "Chloé Roux"),
        ("h3", "Léo Petit (leo@example.org)"),
        ("h3", "Paul Durand"),  # D1, expected 2025-05-30: 18 days ahead, within 20 (issue 16: due names decisions)
    ]
    items = paragraphs(tokens)
    assert items == [
        f"🟠 Bientôt — 01/06/2025 — A2 Publier la charte — {TITLE} (pilote, dans 20 jours)",
        f"🔴 En retard — 05/05/2025 — A1 Former les agents — {TITLE} (co-pilote, 7 jours de retard)",
        f"🔴 En retard — 05/05/2025 — A1 Former les agents — {TITLE} (pilote, 7 jours de retard)",
        f"🟠 Bientôt — 30/05/2025 — décision D1 Valider le budget formation — {TITLE} (décideur, dans 18 jours)",
    ]
    assert sum(t.type == "list_item_open" for t in tokens) == 4
    assert spans(tokens, "strong") == ["A2", "A1", "A1", "D1"]
    assert spans(tokens, "em") == [TITLE] * 4


def test_due_exit_codes(tmp_path: Path) -> None:
    calm = write(tmp_path / "calm", "plan.yaml", PLAN.replace("due: 2025-05-05", "due: 2025-05-30"))
    assert run_cli("due", calm, "--today", TODAY).returncode == 0
    late = write(tmp_path / "late", "plan.yaml", PLAN)
    assert run_cli("due", late, "--today", TODAY).returncode == 3
    # Only a milestone late: still overdue.
    milestone = write(
        tmp_path / "ms",
        "plan.yaml",
        "schema: 1\ntitle: P\nowner: Ana\nmilestones:\n  - id: M1\n    title: Revue\n    due: 2025-05-11\n",
    )
    assert run_cli("due", milestone, "--today", TODAY).returncode == 3
    # An invalid plan beside an overdue one: 1 wins, the valid plan is still reported.
    bad = write(tmp_path / "late", "bad.yaml", PLAN_BAD)
    mixed = run_cli("due", tmp_path / "late", "--today", TODAY)
    assert mixed.returncode == 1
    assert f"{bad}:9:13: error:" in mixed.stderr
    assert "Léo Petit" in mixed.stdout
    # Usage errors.
    negative = run_cli("due", late, "--within", "-1")
    assert negative.returncode == 2
    assert "--within must be 0 or more days" in negative.stderr
    assert run_cli("due", late, "--within", "week").returncode == 2
    assert run_cli("due", late, "--today", "12/05/2025").returncode == 2
    assert run_cli("due").returncode == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = run_cli("due", empty)
    assert nothing.returncode == 1
    assert "no plan files" in nothing.stderr
    for done in (mixed, negative, nothing):
        assert "Traceback" not in done.stderr


def test_due_text_and_markdown_keep_plan_text_inert(tmp_path: Path) -> None:
    path = write(tmp_path, "evil.yaml", EVIL)
    text = run_cli("due", path, "--today", TODAY)
    assert text.returncode == 3, text.stderr
    assert "\x1b" not in text.stdout
    assert_terminal_safe(text.stdout)
    for literal in (*LITERALS, "[link=http://evil]Eve[/link] <b>o</b> | **o**", "<i>e</i> | __e__", "Mallory"):
        assert literal in text.stdout
    assert "<script>m</script> | **j** [j](http://evil)" in text.stdout  # the milestone, due in 3 days

    markdown = run_cli("due", path, "--today", TODAY, "--format", "markdown")
    assert "\x1b" not in markdown.stdout
    tokens = MD.parse(markdown.stdout)
    assert not {t.type for t in walk(tokens)} & {"html_inline", "html_block", "link_open", "image"}
    # Bold is the item's id, italics the plan's title (whole): nothing else.
    assert set(spans(tokens, "strong")) == {"A1", "J1"}
    (title,) = set(spans(tokens, "em"))
    assert title.startswith("[bold red]x[/] \ufffd[31mRED") and title.endswith("[link](http://evil) | pipe")
    heads = [h for tag, h in headings(tokens) if tag == "h3"]
    assert "[link=http://evil]Eve[/link] <b>o</b> | **o** \ufffd[31m (eve@evil <i>e</i> | __e__ \ufffd[1m)" in heads
    text_seen = all_text(tokens)
    for literal in (*LITERALS, "<script>m</script> | **j** [j](http://evil)"):
        assert literal in text_seen
    assert_terminal_safe(text_seen)


def test_markdown_headings_keep_a_trailing_hash(tmp_path: Path) -> None:
    plan = (
        'schema: 1\ntitle: "Suivi du ticket #"\nowner: "Équipe #"\nactions:\n'
        '  - id: A1\n    title: Faire\n    owner: "Équipe #"\n    due: 2025-05-01\n'
    )
    path = write(tmp_path, "plan.yaml", plan)
    report = run_cli("report", path, "--today", TODAY, "--format", "markdown")
    due = run_cli("due", path, "--today", TODAY, "--format", "markdown")
    assert (report.returncode, due.returncode) == (0, 3)
    assert headings(MD.parse(report.stdout))[0] == ("h2", "Suivi du ticket #")
    assert ("h3", "Équipe #") in headings(MD.parse(due.stdout))
