"""Follow-up rows are matched by identity, never by position: any re-import is idempotent, order does not matter.

Each exported row carries a key in a hidden column of the Suivi table (it
moves with its row when the client sorts); the hidden sheet keeps what each
keyed row held. A row whose key is the exported one and whose content is
unchanged is that entry; a copy of a row (same key, other content) is a new
row; a row the client added is new unless an entry with the same date, action
and result is already in the plan (so sending the workbook twice adds nothing).
"""

from __future__ import annotations

import datetime as dt
import functools
import shutil
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planaction import store
from planaction.exchange.xlsx.export import export
from planaction.exchange.xlsx.importer import plan_import
from tests.conftest import PLANS, examples, run_cli
from tests.exchange.conftest import edit_workbook, resave_with_libreoffice

LATER = dt.date(2025, 5, 20)
NEW = [dt.date(2025, 5, 14), "A3", None, "Webinaire planifié", "Date fixée", "Client"]


def log_rows(book: Path) -> list[list[object]]:
    ws = openpyxl.load_workbook(book)["Suivi"]
    return [[cell.value for cell in row] for row in ws.iter_rows(min_row=2)]


def write_log(book: Path, rows: list[list[object]]) -> None:
    """Replace the Suivi rows (a client's sort, insert or delete, done cell by cell as a spreadsheet does)."""
    workbook = openpyxl.load_workbook(book)
    ws = workbook["Suivi"]
    width = max([ws.max_column, *map(len, rows)])
    for r in range(2, max(ws.max_row, len(rows) + 1) + 1):
        values = rows[r - 2] if r - 2 < len(rows) else []
        for c in range(1, width + 1):
            ws.cell(row=r, column=c).value = values[c - 1] if c - 1 < len(values) else None
    workbook.save(book)


def imported(plan: Path, book: Path, today: str = "2025-05-20") -> str:
    done = run_cli("import", plan, book, "--today", today)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def log_of(plan: Path) -> list[tuple[str, str | None, str]]:
    return [(e.date.isoformat(), e.action, e.result) for e in store.load(plan).plan.log]


ORIGINAL = [
    ("2025-05-06", "A1", "100 % triés automatiquement"),
    ("2025-05-11", "A2", "Taux d'utilisation 85 %"),
]
WEBINAR = ("2025-05-14", "A3", "Webinaire planifié")


def test_the_same_workbook_imported_twice_adds_its_rows_once(exported) -> None:
    plan, book = exported()
    edit_workbook(book, {}, append={"Suivi": [NEW]})
    assert "+ suivi 14/05/2025 A3 : Webinaire planifié" in imported(plan, book)
    once = plan.read_bytes()
    again = imported(plan, book)
    assert "aucun changement" in again
    assert plan.read_bytes() == once
    assert log_of(plan) == [*ORIGINAL, WEBINAR]


def test_a_row_inserted_in_date_order_is_the_only_new_entry(exported) -> None:
    plan, book = exported()
    rows = log_rows(book)
    write_log(book, [rows[0], [dt.date(2025, 5, 8), "A2", None, "Formulaire en recette", None, "Client"], rows[1]])
    out = imported(plan, book)
    assert "ignoré" not in out, out
    assert log_of(plan) == [*ORIGINAL, ("2025-05-08", "A2", "Formulaire en recette")]


def test_a_sorted_log_with_a_new_row_adds_it_and_nothing_else(exported) -> None:
    plan, book = exported()
    edit_workbook(book, {}, append={"Suivi": [NEW]})
    write_log(book, list(reversed(log_rows(book))))  # newest first
    out = imported(plan, book)
    assert "ignoré" not in out, out
    assert log_of(plan) == [*ORIGINAL, WEBINAR]


def test_a_deleted_row_and_an_added_one(exported) -> None:
    plan, book = exported()
    rows = log_rows(book)
    write_log(book, [rows[1], NEW])  # A1's entry deleted, one added
    out = imported(plan, book)
    assert log_of(plan) == [*ORIGINAL, WEBINAR]  # the deleted entry stays in the plan
    assert "supprimée" in out or "supprimées" in out, out  # and the import says so


def test_a_copied_row_is_a_new_entry_and_its_original_stays_one(exported) -> None:
    plan, book = exported()
    rows = log_rows(book)
    copy = list(rows[1])  # with its hidden key
    copy[0], copy[3] = dt.date(2025, 5, 15), "Taux d'utilisation 90 %"
    write_log(book, [rows[0], rows[1], copy])
    imported(plan, book)
    assert log_of(plan) == [*ORIGINAL, ("2025-05-15", "A2", "Taux d'utilisation 90 %")]
    assert "aucun changement" in imported(plan, book)


def test_an_edited_existing_row_is_reported_not_duplicated(exported) -> None:
    plan, book = exported()
    edit_workbook(book, {"Suivi": {"D3": "Taux d'utilisation 88 %"}})
    out = imported(plan, book)
    assert "Suivi ligne 3 : une entrée existante a été modifiée, non reprise" in out, out
    assert log_of(plan) == ORIGINAL


def test_the_key_column_survives_libreoffice_and_a_sort(exported, tmp_path: Path) -> None:
    plan, book = exported()
    edit_workbook(book, {}, append={"Suivi": [NEW]})
    write_log(book, list(reversed(log_rows(book))))
    resaved = resave_with_libreoffice(book, tmp_path / "lo")
    imported(plan, resaved)
    assert log_of(plan) == [*ORIGINAL, WEBINAR]
    assert "aucun changement" in imported(plan, resaved)


# ---------------------------------------------------------------------------
# Property: whatever the client does to the rows, one plan comes out, and again changes nothing

POOL = [
    (dt.date(2025, 5, 14), "A3", "Webinaire planifié"),
    (dt.date(2025, 5, 14), "A4", "Alerte testée"),
    (dt.date(2025, 5, 6), "A1", "100 % triés automatiquement"),  # the content of an exported entry
    (dt.date(2025, 5, 2), None, "Note de cadrage"),
    (dt.date(2025, 5, 11), "A2", "Taux d'utilisation 85 %"),  # the content of the other one
]
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("insert"), st.integers(0, 9), st.integers(0, len(POOL) - 1)),
        st.tuples(st.just("copy"), st.integers(0, 9), st.integers(0, len(POOL) - 1)),
        st.tuples(st.just("delete"), st.integers(0, 9)),
        st.tuples(st.just("edit"), st.integers(0, 9), st.integers(0, len(POOL) - 1)),
    ),
    max_size=6,
)


@functools.cache
def source() -> tuple[bytes, bytes]:
    """support-it and its workbook, exported once for every example."""
    folder = Path(tempfile.mkdtemp(prefix="planaction-log-"))
    plan = folder / "support-it.yaml"
    shutil.copyfile(PLANS / "support-it.yaml", plan)
    document = store.load(plan)
    book = folder / "support-it.xlsx"
    export(document.plan, book, plan_id=document.plan_id, file_name=plan.name, today=LATER, lang="fr")
    made = plan.read_bytes(), book.read_bytes()
    shutil.rmtree(folder)
    return made


def cells(row: list[object]) -> tuple[object, ...]:
    """The visible cells of a row, a date cell and a date the same (openpyxl reads datetimes)."""
    day = row[0].date() if isinstance(row[0], dt.datetime) else row[0]
    return (day, *row[1:6])


def content(row: list[object]) -> tuple[str, str | None, str]:
    day = row[0].date() if isinstance(row[0], dt.datetime) else row[0]
    return (day.isoformat(), row[1] or None, row[3])


@given(operations=OPERATIONS, order=st.randoms(use_true_random=False), resend=st.booleans())
@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_any_reordering_insertion_deletion_or_copy_gives_one_plan(
    tmp_path: Path, operations, order, resend: bool
) -> None:
    plan_bytes, book_bytes = source()
    plan = tmp_path / "support-it.yaml"
    plan.write_bytes(plan_bytes)
    book = tmp_path / "edited.xlsx"
    book.write_bytes(book_bytes)
    exported_rows = log_rows(book)
    rows = [(list(r), "exported", index) for index, r in enumerate(exported_rows)]
    for operation in operations:
        kind, at = operation[0], operation[1] % (len(rows) + 1)
        if kind == "insert":
            day, action, result = POOL[operation[2]]
            rows.insert(at, ([day, action, None, result, None, "Client", None], "new", None))
        elif kind == "copy" and rows:
            values, how, origin = rows[at % len(rows)]
            day, action, result = POOL[operation[2]]
            copy = list(values)
            copy[0], copy[1], copy[3] = day, action, result  # the hidden key comes along, if any
            rows.insert(at, (copy, "new" if how == "new" else "copy", origin))
        elif kind == "delete" and rows:
            del rows[at % len(rows)]
        elif kind == "edit" and rows:
            values, how, origin = rows[at % len(rows)]
            if how == "exported":  # an exported entry changed in place: reported, not imported
                values = list(values)
                values[3] = POOL[operation[2]][2] + " (modifié)"
                rows[at % len(rows)] = (values, "edited", origin)
    order.shuffle(rows)
    write_log(book, [values for values, _how, _origin in rows])

    # what must come out, whatever the order, from what the rows hold: a row holding its key's
    # exported entry unchanged is that entry, and the other rows with that key are copies, new;
    # when no row with a key holds its entry unchanged, that entry was edited: nothing is taken;
    # a row without a key is new; a new content already exported or in the plan is not added
    before = [content(r) for r in exported_rows]
    full = {r[6]: cells(r) for r in exported_rows}  # key -> the exported cells (date ... author)
    kept_keys = {values[6] for values, _how, _origin in rows if values[6] in full and cells(values) == full[values[6]]}
    candidates, originals = [], set()
    for values, _how, _origin in rows:
        key = values[6] if len(values) > 6 else None
        if key in full:
            if key not in kept_keys:
                continue
            if cells(values) == full[key] and key not in originals:
                originals.add(key)
                continue
        candidates.append(content(values))
    expected_new = sorted(set(candidates) - set(before), key=lambda c: (c[0], c[1] or "", c[2]))

    document = store.load(plan)
    result = plan_import(document.plan, book, plan_id=document.plan_id, today=LATER, lang="fr")
    after = result.apply(document.plan)
    got = [(e.date.isoformat(), e.action, e.result) for e in after.log]
    assert got == before + expected_new, (operations, [(v[:4], h) for v, h, _o in rows])
    if resend:  # the same workbook again, into the plan it produced: nothing more
        again = plan_import(after, book, plan_id=document.plan_id, today=LATER, lang="fr")
        assert not again.log_entries and not again.changes, again.changes


# ---------------------------------------------------------------------------
# A workbook exported before keys existed (format 1) is still read, its rows matched by content

FORMAT_1 = Path(__file__).parent / "fixtures" / "support-it-format1.xlsx"  # exported by planaction before keys


def test_a_format_1_workbook_sorted_and_sent_twice(tmp_path: Path) -> None:
    plan = tmp_path / "support-it.yaml"
    shutil.copyfile(PLANS / "support-it.yaml", plan)
    book = tmp_path / "support-it.xlsx"
    shutil.copyfile(FORMAT_1, book)
    assert "aucun changement" in imported(plan, book)
    edit_workbook(book, {}, append={"Suivi": [NEW]})
    write_log(book, list(reversed(log_rows(book))))
    out = imported(plan, book)
    assert "ignoré" not in out, out
    assert log_of(plan) == [*ORIGINAL, WEBINAR]
    assert "aucun changement" in imported(plan, book)
