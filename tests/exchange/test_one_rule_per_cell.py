"""Every editable cell is read by one rule: what the client sees, or refused with its cell named.

A formula that was never computed (a workbook written by a script, or saved
by a tool that does not compute) reads as an empty cell; so does a formula
error. An empty Commentaire clears a comment and an empty Action makes a
plan-level note, so reading those as "" would change the plan on a value
nobody chose. Whatever the editable column, such a cell is refused by name.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.exchange.conftest import TODAY, edit_workbook

#: (sheet, cell, the rows to append first): each editable column of each sheet.
#: support-it: Actions rows 2-5 (A1-A4), Suivi rows 2-3, Mesures row 2 (K1 on 06/05/2025).
NEW_LOG = [dt.date(2025, 5, 14), "A3", None, "Webinaire planifié", "Date fixée", "Client"]
NEW_MEASUREMENT = ["K1", dt.date(2025, 5, 13), 5.5, "après le formulaire"]
EDITABLE_CELLS = [
    ("Actions", "I3", None),  # status
    ("Actions", "J3", None),  # progress
    ("Actions", "K2", None),  # completion date
    ("Actions", "O3", None),  # comment
    ("Suivi", "A4", NEW_LOG),  # date
    ("Suivi", "B4", NEW_LOG),  # action
    ("Suivi", "D4", NEW_LOG),  # result
    ("Suivi", "E4", NEW_LOG),  # comment
    ("Suivi", "F4", NEW_LOG),  # author
    ("Mesures", "A3", NEW_MEASUREMENT),  # KPI
    ("Mesures", "B3", NEW_MEASUREMENT),  # date
    ("Mesures", "C3", NEW_MEASUREMENT),  # value
    ("Mesures", "D3", NEW_MEASUREMENT),  # comment
    ("Mesures", "D2", None),  # the comment of an exported measurement
]


@pytest.mark.parametrize(("sheet", "cell", "append"), EDITABLE_CELLS, ids=[f"{s}!{c}" for s, c, _ in EDITABLE_CELLS])
def test_a_formula_never_computed_is_refused_in_every_editable_column(
    exported, sheet: str, cell: str, append: list | None
) -> None:
    plan, book = exported()
    before = plan.read_bytes()
    # openpyxl writes the formula without a cached value, as a script or a non-computing tool does
    edit_workbook(book, {sheet: {cell: '="x"&""'}}, append={sheet: [append]} if append else None)
    done = run_cli("import", plan, book, "--today", TODAY)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{sheet}!{cell}: " in done.stderr, done.stderr
    said = next(line for line in done.stderr.splitlines() if line.startswith(f"{sheet}!{cell}: "))
    assert "formul" in said.lower(), said
    assert plan.read_bytes() == before


def test_a_formula_error_in_a_comment_is_refused(exported, tmp_path: Path) -> None:
    """An error value (#N/A) reads as "" too: the comment is not cleared on it."""
    import re
    import zipfile

    plan, book = exported()
    before = plan.read_bytes()
    edited = tmp_path / "error.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":  # Actions
                text, count = re.subn(
                    r'<c r="O3"[^>]*>.*?</c>', '<c r="O3" t="e"><f>NA()</f><v>#N/A</v></c>', data.decode("utf-8")
                )
                assert count == 1
                data = text.encode("utf-8")
            target.writestr(item, data)
    done = run_cli("import", plan, edited, "--today", TODAY)
    assert done.returncode == 1, done.stdout
    assert "Actions!O3: " in done.stderr and "#N/A" in done.stderr
    assert plan.read_bytes() == before
