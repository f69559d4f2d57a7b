"""Cooperation across structures in the app (issue 18), as a coordinator uses it: the palette filters
the actions by structure (through the real palette), the Stakes tab shows each objective's RAG and
approval and the skills gap, and a structure added in the Plan tab's generated form reaches the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Static

from planaction import store
from planaction.tui.forms.generated import EntryForm
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.widgets.line_table import LineTable
from planaction.tui.widgets.stakes_tree import StakesTree
from tests.tui.conftest import SIZE, make_app
from tests.tui.test_portfolio_new import palette
from tests.tui.test_registers import keys

SIAE = "siae-cooperation.yaml"
TODAY = dt.date(2026, 11, 30)


def shown(app) -> list[str]:
    return [r.id for r in app.screen.query_one("#action-table", LineTable).rows]


async def test_the_palette_filters_the_actions_by_structure(plan_copy) -> None:
    app = make_app(plan_copy(SIAE), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [t for t, _h, _cb in app.screen.palette_commands() if t.startswith("Filtre : structure")]
        assert titles == [
            "Filtre : structure ACI Les Jardins du Val",
            "Filtre : structure EI Val'Recyclerie",
            "Filtre : structure ETTI Val Intérim Solidaire",
        ]
        await palette(pilot, "structure ETTI")
        # owned or co-owned by Samia Diallo or Fatou Ndiaye, done ones included (the table shows all)
        assert shown(app) == ["A1", "A2", "A5", "A7", "A8", "A9", "A10", "A12"]
        status = str(app.screen.query_one("#filter-status", Static).render())
        assert "structure : ETTI Val Intérim Solidaire" in status


async def test_the_stakes_tab_shows_approvals_rags_and_the_skills_gap(plan_copy) -> None:
    path = plan_copy(SIAE)
    text = path.read_text(encoding="utf-8").replace(
        "      - structure: EI\n        by: Conseil d'administration\n        date: 2026-03-17\n", "", 1
    )
    path.write_text(text, encoding="utf-8")  # O5 no longer approved by the EI
    app = make_app(path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("0")
        await pilot.pause()
        tree = app.screen.query_one("#stakes-tree", StakesTree)
        labels = []

        def walk(node) -> None:
            labels.append(str(node.label))
            for child in node.children:
                walk(child)

        walk(tree.root)
        assert "S4 Temps de travail — individuel : ETTI" in labels
        assert "● O1 (approuvé) Définir une offre commune en 60 jours" in labels
        assert "● O5 (en attente de : EI) Baisser les frais de fonctionnement de 8 % en 18 mois" in labels
        assert "▲ O6 (approuvé) Former 24 salarié·e·s en 12 mois au tri et au réemploi des matériaux" in labels
        gap = labels.index("Compétences manquantes")
        assert labels[gap + 1 :] == [
            "Conduite du changement — requise par A7",
            "Ingénierie de formation — requise par A8",
            "Réponses possibles : une formation, un expert ou un recrutement.",
        ]


async def test_a_structure_added_in_its_form_reaches_the_file(plan_copy) -> None:
    path: Path = plan_copy(SIAE)
    app = make_app(path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        await pilot.pause()
        await pilot.press("shift+tab", "home", *["down"] * 6, "enter")  # Structures
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, EntryForm)
        await pilot.press(*keys("Regie du Val"), "tab", *keys("association"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    plan = store.load(path).plan
    assert [(s.id, s.name, s.kind) for s in plan.structures][-1] == ("S1", "Regie du Val", "association")
