"""Opening a workbook planaction exported: the archive checked, the hidden sheet read, the sheets found.

``read_book`` refuses what is not such a workbook (with the file named) and
what cannot be read safely (an archive that would inflate past the limits, a
sheet that spans millions of cells); it returns the sheets the merge reads,
each row with the names of its cells, and the values as exported (the base
of the three-way merge) from the hidden ``_planaction`` sheet.
"""

from __future__ import annotations

import math
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planaction.exchange.xlsx import hidden_sheet, spec
from planaction.exchange.xlsx.cells import text
from planaction.exchange.xlsx.refusal import CellProblem, WorkbookRefused, column_letter
from planaction.exchange.xlsx.sheet_xml import (
    MAX_SHEET_CELLS,
    date_styles,
    empty_formulas,
    number_no_date_holds,
    sheet_extent,
    sheet_xml,
)
from planaction.store.userfiles import is_regular, kind_of
from planaction.words.labels import LANGS
from planaction.words.safetext import one_line
from planaction.words.userinput import UnreadableInput

#: Limits that keep a hostile archive from filling memory or disk.
MAX_ARCHIVE_BYTES = 200 * 1024 * 1024  # uncompressed, all members
MAX_MEMBER_RATIO = 200  # uncompressed / compressed, per member larger than 1 MB
MAX_MEMBERS = 5_000
EMPTY_FORMULA_HINT = "type the value itself, or open and save the workbook in Excel or LibreOffice so it computes"


class Sheet:
    """A sheet's rows with their cell names, and its columns found by heading."""

    def __init__(self, name: str, rows: list[list[Any]], start: tuple[int, int], xml: str = "") -> None:
        self.name = name
        self.rows = rows
        self.row_offset, self.col_offset = start
        self.xml = xml
        self._hidden: dict[str, str] | None = None

    def why_empty(self, cell: str) -> str | None:
        """Why a cell reads empty when it is not: a formula without a computed value, or an error.

        calamine reads both as "". The sheet's XML is searched once, so asking
        for every cell of every row costs a lookup.
        """
        if self._hidden is None:
            self._hidden = empty_formulas(self.xml)
        return self._hidden.get(cell)

    def cell_name(self, row_index: int, col_index: int) -> str:
        return f"{column_letter(self.col_offset + col_index)}{self.row_offset + row_index + 1}"

    def columns(
        self, wanted: dict[str, str], problems: list[CellProblem], *, optional: tuple[str, ...] = ()
    ) -> dict[str, int]:
        """Find each wanted heading (key -> heading) in the first row; a missing one is a problem,
        unless its key is ``optional`` (a column older exports did not have)."""
        header = [text(v).strip() for v in (self.rows[0] if self.rows else [])]
        found: dict[str, int] = {}
        for key, heading in wanted.items():
            if heading in header:
                found[key] = header.index(heading)
            elif key not in optional:
                problems.append(
                    CellProblem(
                        self.name,
                        "1",
                        f'the column "{heading}" is missing',
                        "keep the column headings of the exported workbook (columns may move, not be renamed)",
                    )
                )
        return found


class Row:
    """One data row of a sheet: cells by column key, and their names for messages."""

    def __init__(self, sheet: Sheet, index: int, values: list[Any], columns: dict[str, int]) -> None:
        self.sheet = sheet
        self.index = index
        self.values = values
        self.columns = columns

    def cell(self, key: str) -> Any:
        position = self.columns[key]
        return self.values[position] if position < len(self.values) else ""

    def read(self, key: str) -> Any:
        """The cell's value as the client sees it: the one rule every editable cell is read by.

        A cell that reads empty but holds a formula never computed, or a
        formula error, raises ``UnreadableInput``: taken as empty it would
        clear a comment or a date, or make a note of no action, that nobody chose.
        """
        value = self.cell(key)
        if value is None or value == "":
            reason = self.sheet.why_empty(self.where(key))
            if reason:
                raise UnreadableInput(f"the cell reads empty: {reason}", EMPTY_FORMULA_HINT)
        return value

    def where(self, key: str) -> str:
        return self.sheet.cell_name(self.index, self.columns[key])

    @property
    def number(self) -> int:
        return self.sheet.row_offset + self.index + 1

    def empty(self) -> bool:
        """No value in any column read, and no formula hiding one. The hidden key alone is no
        content: a row whose cells were cleared but for it was deleted by the client."""
        return not any(
            text(self.cell(key)).strip() or self.sheet.why_empty(self.where(key))
            for key in self.columns
            if key != "key"
        )


def check_archive(path: Path) -> None:
    if not path.exists():
        raise WorkbookRefused([CellProblem(str(path), "", "no such file", "check the path of the workbook")])
    if not is_regular(path):  # a FIFO would block every reader below, a device never end
        kind = kind_of(path.stat().st_mode)
        raise WorkbookRefused([CellProblem(str(path), "", f"this is {kind}, not a workbook", "give the .xlsx file")])
    if not zipfile.is_zipfile(path):
        raise WorkbookRefused(
            [
                CellProblem(
                    str(path),
                    "",
                    "this is not an Excel workbook (.xlsx)",
                    "export again with `planaction export`, or save the file as .xlsx",
                )
            ]
        )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise WorkbookRefused(
            [CellProblem(str(path), "", f"the workbook is damaged ({exc})", "save it again from Excel or LibreOffice")]
        ) from None
    total = sum(m.file_size for m in members)
    ratios = [m.file_size / max(m.compress_size, 1) for m in members if m.file_size > 1024 * 1024]
    if len(members) > MAX_MEMBERS or total > MAX_ARCHIVE_BYTES or any(r > MAX_MEMBER_RATIO for r in ratios):
        raise WorkbookRefused(
            [
                CellProblem(
                    str(path),
                    "",
                    f"the archive is oversized ({len(members)} parts, {total / 1024 / 1024:.0f} MB once unpacked); refused",
                    "a plan's workbook is a few megabytes: export it again",
                )
            ]
        )
    if not any(m.filename == "xl/workbook.xml" for m in members):
        raise WorkbookRefused(
            [
                CellProblem(
                    str(path),
                    "",
                    "this is a zip archive, not an Excel workbook",
                    "give the .xlsx exported by planaction",
                )
            ]
        )


@dataclass
class Book:
    """A workbook planaction exported: what its hidden sheet recorded, and the sheets the merge reads."""

    path: Path
    recorded: hidden_sheet.Recorded
    sheets: dict[str, Sheet]
    macros: bool
    lang: str  # the workbook's language: its headings, and how text typed in it reads


def read_book(path: Path) -> Book:
    """Open a workbook exported by planaction, or refuse it with located problems."""
    from python_calamine import CalamineWorkbook

    check_archive(path)
    try:
        book = CalamineWorkbook.from_path(str(path))
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as exc:  # calamine's own error types, and pyo3 panics
        raise WorkbookRefused(
            [CellProblem(str(path), "", f"the workbook cannot be read ({exc})", "save it again as .xlsx")]
        ) from None
    name = path.name
    if spec.META_SHEET not in book.sheet_names:
        raise WorkbookRefused(
            [
                CellProblem(
                    name,
                    "",
                    "this workbook was not exported by planaction (its hidden _planaction sheet is missing)",
                    "import the workbook `planaction export` made, or export the plan again",
                )
            ]
        )
    xml: dict[str, str] = {}
    dates = date_styles(path)
    meta_rows = _read_sheet(book, path, spec.META_SHEET, xml, dates).rows
    recorded = hidden_sheet.read(meta_rows, name)
    sheet_names = recorded.sheet_names
    problems = []
    sheets: dict[str, Sheet] = {}
    for key in ("actions", "log", "measurements"):
        wanted = sheet_names.get(key)
        if wanted is None:
            continue  # the plan had nothing for it at export (no KPIs)
        if wanted not in book.sheet_names:
            problems.append(
                CellProblem(
                    name,
                    "",
                    f'the sheet "{wanted}" is missing',
                    f'rename the sheet back to "{wanted}"; planaction finds the sheets it exported by their names',
                )
            )
            continue
        sheets[key] = _read_sheet(book, path, wanted, xml, dates)
    if problems:
        raise WorkbookRefused(problems)
    with zipfile.ZipFile(path) as archive:
        macros = any(m.filename.lower().endswith("vbaproject.bin") for m in archive.infolist())
    lang = recorded.get("lang")
    return Book(path, recorded, sheets, macros, lang if lang in LANGS else "fr")


def _read_sheet(book: Any, path: Path, name: str, xml: dict[str, str], dates: frozenset[int]) -> Sheet:
    """One sheet read by calamine, or the workbook refused with the sheet named.

    The sheet's XML is checked first for what calamine cannot take (an
    extent past ``MAX_SHEET_CELLS``, a date cell calamine would panic on); then
    anything calamine still raises, down to a Rust panic (pyo3 raises those
    as a ``BaseException``), is a refusal.
    """
    xml[name] = sheet_xml(path, name)
    rows, columns = sheet_extent(xml[name])
    if rows * columns > MAX_SHEET_CELLS:
        far = re.search(rf'\br="([A-Z]{{1,3}}){rows}"', xml[name])  # a cell on the last row, to name it
        raise WorkbookRefused(
            [
                CellProblem(
                    name,
                    f"{far.group(1) if far else 'A'}{rows}",
                    f"this cell takes the sheet to row {rows:,} and column {column_letter(columns - 1)}, "
                    f"{rows * columns:,} cells: far more than a plan's workbook holds",
                    "delete the rows and columns after the table (Ctrl+End shows the last cell used) and save again",
                )
            ]
        )
    huge = number_no_date_holds(xml[name], dates)
    if huge is not None:
        raise WorkbookRefused(
            [
                CellProblem(
                    name,
                    huge[0],
                    f"{huge[1]} is far beyond any date, in a cell formatted as a date"
                    if math.isfinite(float(huge[1]))
                    else f"{huge[1]} is not a number a plan can hold",
                    "correct the number typed in this cell",
                )
            ]
        )
    try:
        sheet = book.get_sheet_by_name(name)
        return Sheet(name, sheet.to_python(), sheet.start or (0, 0), xml[name])
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as exc:  # calamine's errors and pyo3 panics alike
        raise WorkbookRefused(
            [
                CellProblem(
                    path.name,
                    "",
                    f'the sheet "{name}" cannot be read ({one_line(str(exc))[:200]})',
                    "check the dates and numbers typed in this sheet, or open the workbook and save it again as .xlsx",
                )
            ]
        ) from None
