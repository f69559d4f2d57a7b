"""A measurement on a date the plan already has is a correction: said as one, and its comment kept.

support-it's K1 has one measurement, 6 on 06/05/2025 with a comment; the
export writes it on Mesures row 2.
"""

from __future__ import annotations

import datetime as dt

from planaction import ops, store
from tests.conftest import run_cli
from tests.exchange.conftest import TODAY, edit_workbook

DAY = dt.date(2025, 5, 6)
COMMENT = "Gain de 1 jour sur l'ancien process (réorganisation des tickets)"


def k1(plan):
    return [(m.date, m.value, m.comment) for m in store.load(plan).plan.kpi("K1").measurements]


def test_a_new_row_on_an_existing_date_is_a_correction_that_keeps_the_comment(exported) -> None:
    plan, book = exported()
    edit_workbook(book, {}, append={"Mesures": [["K1", DAY, 5.5, None]]})
    done = run_cli("import", plan, book, "--today", TODAY)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "mesure K1 06/05/2025 : 6 → 5,5 (correction)" in done.stdout, done.stdout
    assert "+ mesure" not in done.stdout
    assert k1(plan) == [(DAY, 5.5, COMMENT)]
    again = run_cli("import", plan, book, "--today", TODAY)
    assert "aucun changement" in again.stdout, again.stdout


def test_the_exported_value_corrected_in_place(exported) -> None:
    plan, book = exported()
    edit_workbook(book, {"Mesures": {"C2": 5.5}})
    done = run_cli("import", plan, book, "--today", TODAY)
    assert "mesure K1 06/05/2025 : 6 → 5,5 (correction)" in done.stdout, done.stdout
    assert k1(plan) == [(DAY, 5.5, COMMENT)]


def test_a_comment_changed_or_cleared_in_place(exported) -> None:
    plan, book = exported()
    edit_workbook(book, {"Mesures": {"D2": "Chiffre vérifié"}})
    done = run_cli("import", plan, book, "--today", TODAY)
    assert "mesure K1 06/05/2025 commentaire : « Gain de 1 jour" in done.stdout, done.stdout
    assert k1(plan) == [(DAY, 6, "Chiffre vérifié")]
    _plan, book = exported()  # the same plan, a fresh export: the comment cleared in the cell
    edit_workbook(book, {"Mesures": {"D2": None}})
    done = run_cli("import", plan, book, "--today", TODAY)
    assert k1(plan) == [(DAY, 6, None)], done.stdout


def test_two_values_for_one_date_are_refused_with_both_cells(exported) -> None:
    plan, book = exported()
    before = plan.read_bytes()
    edit_workbook(book, {}, append={"Mesures": [["K1", DAY, 5.5, None], ["K1", DAY, 5.8, "autre"]]})
    done = run_cli("import", plan, book, "--today", TODAY)
    assert done.returncode == 1, done.stdout
    assert "Mesures!C4: " in done.stderr and "C3" in done.stderr, done.stderr
    assert plan.read_bytes() == before


def test_a_value_corrected_in_both_places_is_a_conflict_in_the_plans_words(exported) -> None:
    plan, book = exported()
    document = store.load(plan)
    document.save(ops.record_measurement(document.plan, "K1", DAY, 5.8, comment=COMMENT))
    edit_workbook(book, {"Mesures": {"C2": 5.5}})
    done = run_cli("import", plan, book, "--today", TODAY)
    assert done.returncode == 1, done.stdout
    assert "K1 06/05/2025 valeur (C2) : classeur 5,5, plan 5,8 (à l'export : 6)" in done.stdout, done.stdout
    assert k1(plan) == [(DAY, 5.8, COMMENT)]
