"""Conflict lines speak the plan's language: field names as the columns name them, values as the client sees them."""

from __future__ import annotations

import datetime as dt

from planaction import store
from planaction.core import ops
from tests.conftest import run_cli
from tests.exchange.conftest import TODAY, edit_workbook

LATER = dt.date(2025, 5, 13)


def conflicting(exported, *extra: str):
    """A3 (to do) set to blocked, 40 %, completed 12/05, commented in the plan; otherwise in the workbook."""
    plan, book = exported("support-it.yaml", *extra)
    document = store.load(plan)
    changed = ops.update_action(
        document.plan, "A3", {"status": "blocked", "progress": 40, "comment": "Vu en comité"}, LATER
    )
    document.save(changed)
    edit_workbook(
        book,
        {"Actions": {"I4": "En cours" if not extra else "In progress", "J4": 0.5, "K4": dt.date(2025, 5, 12)}},
    )
    edit_workbook(book, {"Actions": {"O4": "Vu avec le client"}})
    return plan, book


def test_conflicts_in_a_french_plan_are_in_french(exported) -> None:
    plan, book = conflicting(exported)
    done = run_cli("import", plan, book, "--today", TODAY)
    assert done.returncode == 1, done.stdout + done.stderr
    lines = [line.strip() for line in done.stdout.splitlines()]
    assert "A3 statut (I4) : classeur En cours, plan Bloqué (à l'export : À faire)" in lines, done.stdout
    assert "A3 avancement (J4) : classeur 50 %, plan 40 % (à l'export : 0 %)" in lines, done.stdout
    assert "A3 commentaire (O4) : classeur « Vu avec le client », plan « Vu en comité » (à l'export : —)" in lines
    assert "'" not in "".join(line for line in lines if line.startswith("A3 ")).replace(
        "l'export", ""
    )  # no repr quotes
    assert "in_progress" not in done.stdout and "status" not in done.stdout


def test_conflicts_in_an_english_plan_are_in_english(tmp_path) -> None:
    from pathlib import Path

    from tests.conftest import PLANS

    plan = tmp_path / "product-launch-en.yaml"
    plan.write_bytes((PLANS / "product-launch-en.yaml").read_bytes())
    done = run_cli("export", plan, "--today", TODAY)
    book = Path(done.stdout.strip())
    document = store.load(plan)
    first = document.plan.actions[0]
    document.save(ops.update_action(document.plan, first.id, {"comment": "Plan side"}, LATER))
    edit_workbook(book, {"Actions": {"O2": "Client side"}})
    done = run_cli("import", plan, book, "--today", TODAY)
    assert done.returncode == 1, done.stdout
    expected = f'{first.id} comment (O2): workbook "Client side", plan "Plan side" (at export: '
    assert any(line.strip().startswith(expected) for line in done.stdout.splitlines()), done.stdout
