"""A measurement on a date the plan already has is a correction: said as one, and its comment kept.

support-it's K1 has one measurement, 6 on 06/05/2025 with a comment; the
export writes it on Mesures row 2.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import shutil
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planaction import store
from planaction.core import ops
from planaction.exchange.xlsx.export import export
from planaction.exchange.xlsx.importer import plan_import
from tests.conftest import PLANS, examples, run_cli
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
    assert run_cli("export", plan, "--today", TODAY).returncode == 0  # a fresh export (its edit is imported)
    edit_workbook(book, {"Mesures": {"D2": None}})  # the comment cleared in the cell
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


# ---------------------------------------------------------------------------
# Property: rows sorted, inserted, deleted or sent again give one plan

ONBOARDING_DATES = [dt.date(2026, 8, 24), dt.date(2026, 9, 23), dt.date(2026, 10, 23), dt.date(2026, 12, 1)]
NEW_ROWS = st.lists(
    st.tuples(st.sampled_from(["K1", "K2", "K4"]), st.sampled_from(ONBOARDING_DATES), st.sampled_from([1.5, 42, -3])),
    max_size=4,
    unique_by=lambda row: row[:2],  # one value per KPI and date: two would be refused
)


@functools.cache
def onboarding() -> tuple[bytes, bytes]:
    folder = Path(tempfile.mkdtemp(prefix="planaction-measures-"))
    plan = folder / "onboarding-client.yaml"
    shutil.copyfile(PLANS / "onboarding-client.yaml", plan)
    document = store.load(plan)
    book = folder / "onboarding-client.xlsx"
    export(document.plan, book, plan_id=document.plan_id, file_name=plan.name, today=dt.date(2026, 12, 2), lang="fr")
    made = plan.read_bytes(), book.read_bytes()
    shutil.rmtree(folder)
    return made


@given(new=NEW_ROWS, deleted=st.sets(st.integers(0, 17), max_size=5), order=st.randoms(use_true_random=False))
@settings(
    max_examples=examples(30),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_measurement_rows_in_any_order_give_one_plan_and_again_nothing(tmp_path: Path, new, deleted, order) -> None:
    plan_bytes, book_bytes = onboarding()
    plan = tmp_path / "onboarding-client.yaml"
    plan.write_bytes(plan_bytes)
    book = tmp_path / "edited.xlsx"
    workbook = openpyxl.load_workbook(io.BytesIO(book_bytes))
    ws = workbook["Mesures"]
    rows = [[cell.value for cell in row] for row in ws.iter_rows(min_row=2)]
    kept = [row for index, row in enumerate(rows) if index not in deleted]
    added = [[kpi, day, value, None, None] for kpi, day, value in new]  # no key: a row typed in
    everything = kept + added
    order.shuffle(everything)
    for r in range(2, len(rows) + len(added) + 2):
        values = everything[r - 2] if r - 2 < len(everything) else [None] * 5
        for c, value in enumerate(values, 1):
            ws.cell(row=r, column=c).value = value
    workbook.save(book)

    document = store.load(plan)
    expected = {(k.id, m.date): (m.value, m.comment) for k in document.plan.kpis for m in k.measurements}
    for kpi, day, value in new:
        comment = expected.get((kpi, day), (None, None))[1]  # a correction keeps the comment
        expected[(kpi, day)] = (value, comment)
    result = plan_import(document.plan, book, plan_id=document.plan_id, today=dt.date(2026, 12, 2), lang="fr")
    after = result.apply(document.plan)
    got = {(k.id, m.date): (m.value, m.comment) for k in after.kpis for m in k.measurements}
    assert got == expected  # deleted rows stay in the plan, added ones are there, whatever the order
    again = plan_import(after, book, plan_id=document.plan_id, today=dt.date(2026, 12, 2), lang="fr")
    assert not again.measurements and not again.changes and not again.conflicts, again.changes
