"""``export -o BOOK.xlsx --baseline REV``: the action sheet's baseline columns (due date at the
baseline, days slipped, re-plannings) on a real repository; read-only (locked) cells the import does
not read, so a re-import of the exported workbook, even with those cells edited, changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from tests.exchange.conftest import edit_workbook
from tests.merge_helpers import cli, git
from tests.test_baseline import _commit, _repo

HEADINGS_FR = ["Échéance à la réf.", "Glissement (jours)", "Replanifiée"]


def _sheet(book: Path):
    workbook = openpyxl.load_workbook(book)
    ws = workbook["Actions"]
    header = [c.value for c in ws[1]]
    rows = {row[0].value: row for row in ws.iter_rows(min_row=2) if row[0].value}
    return ws, header, rows


def test_the_workbook_carries_the_baseline_columns_locked(tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    _commit(folder, "due: 2025-06-15", "due: 2025-06-20", "A2 glisse")
    _commit(folder, "due: 2025-06-20", "due: 2025-06-30", "A2 glisse encore")
    done = cli(
        "export", "plans/plan.yaml", "-o", "book.xlsx", "--baseline", "comite-mai", "--today", "2025-05-12",
        "--lang", "fr", cwd=folder,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    ws, header, rows = _sheet(folder / "book.xlsx")
    assert header[-3:] == HEADINGS_FR
    at = {name: header.index(name) for name in HEADINGS_FR}
    a2 = rows["A2"]
    assert a2[at["Échéance à la réf."]].value.date() == dt.date(2025, 6, 15)
    assert (a2[at["Glissement (jours)"]].value, a2[at["Replanifiée"]].value) == (15, 2)
    assert ws.protection.sheet
    assert all(a2[i].protection.locked for i in at.values())  # the client cannot type there
    assert not a2[header.index("Commentaire")].protection.locked  # the editable columns stay open
    plain = cli("export", "plans/plan.yaml", "-o", "plain.xlsx", "--today", "2025-05-12", cwd=folder)
    assert plain.returncode == 0, plain.stderr
    assert not set(HEADINGS_FR) & set(_sheet(folder / "plain.xlsx")[1])  # without --baseline: as before


def test_reimporting_the_exported_workbook_changes_nothing(tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    _commit(folder, "due: 2025-06-15", "due: 2025-06-20", "A2 glisse")
    done = cli(
        "export", "plans/plan.yaml", "-o", "book.xlsx", "--baseline", "comite-mai", "--today", "2025-05-12",
        "--lang", "fr", cwd=folder,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    imported = cli("import", "plans/plan.yaml", "book.xlsx", "--today", "2025-05-12", cwd=folder)
    assert imported.returncode == 0, imported.stderr
    assert git(folder, "status", "--porcelain", "plans").stdout == ""
    assert git(folder, "diff").stdout == ""
    # a client who types over the baseline's cells (unprotecting the sheet) changes nothing either
    _ws, header, rows = _sheet(folder / "book.xlsx")
    row = rows["A2"][0].row
    cells = {f"{openpyxl.utils.get_column_letter(header.index(name) + 1)}{row}": 99 for name in HEADINGS_FR[1:]}
    edit_workbook(folder / "book.xlsx", {"Actions": cells})
    again = cli("import", "plans/plan.yaml", "book.xlsx", "--today", "2025-05-12", cwd=folder)
    assert again.returncode == 0, again.stderr
    assert git(folder, "diff").stdout == ""
