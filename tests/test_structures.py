"""Cooperation across structures (seed 004): each new check is a located warning, read by the real
``planaction validate``; the logic (objective RAG, approvals, skills gap, a structure's part) on the
SIAE example and on small plans."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from planaction import store
from planaction.core import structures
from tests.conftest import PLANS, run_cli

COOP = """\
schema: 1
title: Coopération
owner: Anne
structures:
  - id: ACI
    name: ACI Les Jardins
  - id: EI
    name: EI Recyclerie
people:
  - name: Anne
    structure: ACI
    skills: [Animation]
  - name: Bruno
    structure: XX
stakes:
  - id: S1
    title: Chiffre d'affaires
    holders:
      - ACI Les Jardins
      - Inconnue
  - id: S2
    title: Frais
    holders: [EI]
objectives:
  - id: O1
    title: Offre commune
    stake: S1
    approvals:
      - structure: ACI
        by: CA
        date: 2026-01-20
  - id: O2
    title: Baisser les frais
    stake: S2
partners:
  - name: DDETS
    brings: Aides au poste
    expects: Des sorties vers l'emploi
actions:
  - id: A1
    title: Animer les ateliers
    owner: Anne
    due: 2030-01-01
    skills: [Animation, Prospection]
    partners: [DDET]
  - id: A2
    title: Mutualiser la paie
    owner: Bruno
    objective: O2
    due: 2030-01-01
    skills: [Paie]
"""


def _warnings(tmp_path: Path, text: str, *extra: str) -> list[dict]:
    plan = tmp_path / "coop.yaml"
    plan.write_text(text, encoding="utf-8")
    done = run_cli("validate", "--format", "json", "--lang", "en", *extra, plan)
    return json.loads(done.stdout)["problems"]


def _one(problems: list[dict], code: str) -> list[tuple[int, int, str]]:
    return [(p["line"], p["col"], p["message"]) for p in problems if p["code"] == code]


def test_an_unknown_holder_is_a_located_warning(tmp_path: Path) -> None:
    found = _one(_warnings(tmp_path, COOP), "check.holder_unknown")
    assert found == [(20, 9, 'stake S1 is held by "Inconnue", which is not among the structures')]


def test_holders_are_not_checked_before_the_plan_lists_its_structures(tmp_path: Path) -> None:
    """Files written before the register named holders freely: they stay quiet and valid."""
    text = COOP.split("people:")[0].split("structures:")[0] + "stakes:" + COOP.split("stakes:")[1]
    problems = _warnings(tmp_path, text)
    assert not _one(problems, "check.holder_unknown")
    assert not _one(problems, "check.not_approved")


def test_a_person_of_an_unknown_structure_is_a_located_warning(tmp_path: Path) -> None:
    found = _one(_warnings(tmp_path, COOP), "check.person_structure")
    assert found == [(14, 16, 'Bruno belongs to structure "XX", which is not among the structures')]


def test_an_objective_not_approved_by_all_its_holders_is_flagged(tmp_path: Path) -> None:
    found = _one(_warnings(tmp_path, COOP), "check.not_approved")
    assert found == [
        (25, 9, "objective O1 is not yet approved by: Inconnue"),
        (32, 9, "objective O2 is not yet approved by: EI"),
    ]


def test_an_action_partner_missing_from_the_register_is_a_located_warning(tmp_path: Path) -> None:
    problems = _warnings(tmp_path, COOP)
    assert _one(problems, "check.partner_unknown") == [
        (45, 16, 'action A1 involves "DDET", which is not among the partners')
    ]
    assert next(p for p in problems if p["code"] == "check.partner_unknown")["hint"] == 'did you mean "DDETS"?'


def test_a_previous_stage_that_is_not_found_is_a_located_warning(tmp_path: Path) -> None:
    text = COOP.replace("owner: Anne\n", "owner: Anne\nstage: 2\ncontinues: etape-1\n", 1)
    found = _one(_warnings(tmp_path, text), "check.stage_missing")
    assert found == [(5, 12, 'this plan continues "etape-1", which no plan of its folder is (file name or plan id)')]
    (tmp_path / "etape-1.yaml").write_text("schema: 1\ntitle: Étape 1\nowner: Anne\n", encoding="utf-8")
    assert not _one(_warnings(tmp_path, text), "check.stage_missing")


def test_the_siae_example_is_a_cooperation_with_a_gap_and_a_previous_stage() -> None:
    plan = store.load(PLANS / "siae-cooperation.yaml").plan
    assert [s.id for s in plan.structures] == ["ACI", "EI", "ETTI"]
    shared = [s.id for s in plan.stakes if structures.is_shared(s)]
    assert "S4" not in shared and "S1" in shared  # an individual stake, and shared ones
    assert all(structures.approval_state(plan, o).complete for o in plan.objectives)
    gaps = {g.skill: g.actions for g in structures.skills_gap(plan)}
    assert gaps == {"Conduite du changement": ("A7",), "Ingénierie de formation": ("A8",)}
    from planaction.present.structures import previous_stage

    found = previous_stage(PLANS / "siae-cooperation.yaml", plan)
    assert found is not None and found[0] == PLANS / "stages" / "siae-prefiguration.yaml"
    assert [s.name for s in structures.joined(plan, found[1])] == ["ETTI Val Intérim Solidaire"]


def test_a_structure_s_part_is_its_stakes_objectives_and_its_people_s_actions() -> None:
    plan = store.load(PLANS / "siae-cooperation.yaml").plan
    etti = structures.find(plan, "etti val interim solidaire")  # by its name, folded
    assert etti is not None and etti.id == "ETTI"
    part = structures.part_of(plan, etti)
    assert [s.id for s in part.stakes] == ["S1", "S3", "S4", "S5"]
    assert [p.name for p in part.people] == ["Samia Diallo", "Fatou Ndiaye"]
    assert [a.id for a in part.open_actions] == ["A7", "A8", "A9", "A10", "A12"]


def test_an_objective_rag_is_the_worse_of_its_actions_and_kpis() -> None:
    plan = store.load(PLANS / "siae-cooperation.yaml").plan
    today = dt.date(2026, 11, 30)
    o4 = next(o for o in plan.objectives if o.id == "O4")
    assert structures.objective_rag(plan, o4, today).rag.value == "green"  # A5 done, K1 reached
    late = dt.date(2027, 5, 1)  # A7 (O5) due 2027-03-31 at 30 %: overdue, so red or amber
    o5 = next(o for o in plan.objectives if o.id == "O5")
    assert structures.objective_rag(plan, o5, late).rag.value in ("amber", "red")


def test_report_json_gains_structures_with_their_stakes_and_open_actions() -> None:
    done = run_cli("report", PLANS / "siae-cooperation.yaml", "--today", "2026-11-30", "--format", "json")
    data = json.loads(done.stdout)
    assert [s["name"] for s in data["structures"]] == [
        "ACI Les Jardins du Val",
        "EI Val'Recyclerie",
        "ETTI Val Intérim Solidaire",
    ]
    etti = data["structures"][2]
    assert [s["id"] for s in etti["stakes"]] == ["S1", "S3", "S4", "S5"]
    assert [a["id"] for a in etti["open_actions"]] == ["A7", "A8", "A9", "A10", "A12"]
    assert etti["joined_at_this_stage"] is True  # not in plans/stages/siae-prefiguration.yaml
    coop = data["cooperation"]
    assert coop["joined"] == ["ETTI Val Intérim Solidaire"] and coop["stage"] == 1
    assert coop["skills_gap"][0] == {
        "skill": "Conduite du changement",
        "actions": ["A7"],
        "answers": ["training", "expert", "recruitment"],
    }
    assert coop["objectives"][0]["approvals"][0] == {
        "structure": "ACI",
        "by": "Conseil d'administration",
        "date": "2026-01-20",
    }
    assert {p["name"]: p["brings"] for p in coop["partners"]}["France Active"].startswith("Garanties")


def test_report_structure_keeps_that_structure_s_part() -> None:
    plan = PLANS / "siae-cooperation.yaml"
    done = run_cli("report", plan, "--today", "2026-11-30", "--format", "json", "--structure", "EI Val'Recyclerie")
    data = json.loads(done.stdout)
    assert done.returncode == 0 and data["structure"] == "EI"
    assert [s["id"] for s in data["structures"]] == ["EI"]
    assert [a["id"] for a in data["open_actions"]] == ["A10", "A7", "A12", "A8"]  # most urgent first
    text = run_cli("report", plan, "--today", "2026-11-30", "--structure", "ei", "--lang", "en").stdout
    assert "Part of EI Val'Recyclerie" in text and "A9 " not in text  # A9 is the ETTI's alone
    markdown = run_cli("report", plan, "--today", "2026-11-30", "--structure", "ACI", "--format", "markdown").stdout
    assert "### Compétences manquantes" in markdown and "Conduite du changement — requise par A7" in markdown


def test_report_of_an_unknown_structure_lists_the_known_ones_and_exits_2() -> None:
    done = run_cli("report", PLANS / "siae-cooperation.yaml", "--structure", "Croix-Rouge", "--lang", "en")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == (
        'planaction: unknown structure: "Croix-Rouge"; the plan\'s structures: '
        "ACI (ACI Les Jardins du Val), EI (EI Val'Recyclerie), ETTI (ETTI Val Intérim Solidaire)"
    )


def test_the_workbook_has_the_structures_the_gap_and_the_partners(tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    out = tmp_path / "siae.xlsx"
    done = run_cli("export", PLANS / "siae-cooperation.yaml", "-o", out, "--today", "2026-11-30", "--lang", "en")
    assert done.returncode == 0, done.stderr
    book = CalamineWorkbook.from_path(str(out))
    assert {"Structures", "Skills gap", "Partners"} <= set(book.sheet_names)
    rows = book.get_sheet_by_name("Structures").to_python()
    assert rows[0] == ["Id", "Name", "Kind of structure", "Contacts", "People", "Stakes", "Open actions", "Joined on"]
    etti = next(r for r in rows if r[0] == "ETTI")
    assert etti[5].split("\n")[2] == "S4 Temps de travail (individual)"
    assert [line.split(" ")[0] for line in etti[6].split("\n")] == ["A7", "A8", "A9", "A10", "A12"]
    gap = book.get_sheet_by_name("Skills gap").to_python()
    assert gap[1] == [
        "Conduite du changement",
        "A7 Mettre en place un service comptable et paie mutualisé",
        "training, expert or recruitment",
    ]
    partners = book.get_sheet_by_name("Partners").to_python()
    assert partners[1][0] == "DDETS" and partners[1][2].startswith("Conventionnement IAE")
    summary = book.get_sheet_by_name(book.sheet_names[0]).to_python()
    assert [r[0] for r in summary if r and r[0] == "Skills gap"] == ["Skills gap"]


def test_the_portfolio_groups_a_project_s_stages_in_order(tmp_path: Path) -> None:
    from planaction.present.portfolio import group_stages, portfolio_row

    (tmp_path / "sub").mkdir()
    files = {
        "a-autre.yaml": "schema: 1\ntitle: Autre\nowner: Ana\n",
        "b-etape-2.yaml": "schema: 1\ntitle: Étape 2\nowner: Ana\nstage: 2\ncontinues: sub/etape-1\n",
        "c-milieu.yaml": "schema: 1\ntitle: Milieu\nowner: Ana\n",
        "d-etape-3.yaml": "schema: 1\ntitle: Étape 3\nowner: Ana\nstage: 3\ncontinues: b-etape-2.yaml\n",
        "sub/etape-1.yaml": "schema: 1\nid: etape-1\ntitle: Étape 1\nowner: Ana\nstage: 1\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    rows = [
        portfolio_row(path, store.load(path).plan, "", dt.date(2026, 1, 1), "fr")
        for path in store.plan_files([tmp_path])
    ]
    assert [r.title for r in rows] == ["Autre", "Étape 2", "Milieu", "Étape 3", "Étape 1"]  # the folder's order
    assert [r.title for r in group_stages(rows)] == ["Autre", "Étape 1", "Étape 2", "Étape 3", "Milieu"]
    report = run_cli("report", tmp_path, "--today", "2026-01-01", "--format", "json")
    assert [p["title"] for p in json.loads(report.stdout)["plans"]] == [
        "Autre",
        "Étape 1",
        "Étape 2",
        "Étape 3",
        "Milieu",
    ]
