"""One worksheet being written: typed cells (text always as text), tables, column widths, print setup.

Single cells go through openpyxl; the rows of tables go through ``rows`` (fast, see there) and are
spliced in after saving. Every sheet builder (``summary_sheet``, ``action_sheet``...) writes through it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from planaction.exchange.xlsx import rows as fast_rows
from planaction.exchange.xlsx import spec
from planaction.exchange.xlsx.styles import (
    EDITABLE_FILL,
    FORMULA_STARTS,
    HEADER_FILL,
    HEADER_FONT,
    LINE_HEIGHT,
    WRAP,
    WRAP_RIGHT,
    lines,
    row_heights,
    wrapped,
)
from planaction.words.exchange import say

safe_text = spec.cell_text


class Sheet:
    """Writes one worksheet: values as typed cells, text always as text.

    Single cells go through openpyxl; the rows of tables go through
    ``fast_rows`` (see there why) and are spliced in after saving.
    """

    def __init__(self, ws: Worksheet, lang: str, styles: fast_rows.Styles, fast: list[fast_rows.FastRows]) -> None:
        self.ws = ws
        self.lang = lang
        self.styles = styles
        self.fast = fast
        self.date_format = styles.date_format

    def put(
        self,
        row: int,
        col: int,
        value: Any,
        *,
        number_format: str | None = None,
        font: Font | None = None,
        fill: PatternFill | None = None,
        alignment: Alignment | None = None,
    ) -> Any:
        cell = self.ws.cell(row=row, column=col)
        value = spec.cell_value(value, self.lang)
        if isinstance(value, str):
            text = value
            cell.value = text
            cell.data_type = "s"  # never a formula, whatever it starts with
            if text.startswith(FORMULA_STARTS):
                cell.quotePrefix = True  # and it stays text when the client edits it
        elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            cell.value = value
            cell.number_format = self.date_format
        elif value is not None:
            cell.value = value
        if number_format:
            cell.number_format = number_format
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if alignment is not None:
            cell.alignment = alignment
        return cell

    def merge(self, row: int, first: int, last: int) -> None:
        """Merge columns ``first`` to ``last`` of one row, the text in the first.

        openpyxl's ``merge_cells`` also puts a placeholder in every other cell of the range, and
        copies the first cell's borders and protection to each: placeholders it never writes when
        nothing was put in them and the first cell has no borders, as here (a fifth of the summary
        sheet's time). Only the last one is made, which the sheet's dimension counts. A range over
        cells already written goes through openpyxl, which empties them."""
        ws = self.ws
        if any((row, column) in ws._cells for column in range(first + 1, last + 1)):
            ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
            return
        ws.merged_cells.add(MergedCellRange(ws, f"{get_column_letter(first)}{row}:{get_column_letter(last)}{row}"))
        ws._cells[(row, last)] = MergedCell(ws, row, last)

    def header(self, row: int, columns: tuple[spec.Column, ...]) -> None:
        for index, column in enumerate(columns, 1):
            alignment = WRAP_RIGHT if column.figure else WRAP
            cell = self.put(row, index, spec.heading(column, self.lang), font=HEADER_FONT, alignment=alignment)
            cell.fill = EDITABLE_FILL if column.editable else HEADER_FILL
            if column.editable:
                cell.comment = Comment(say("editable_column", self.lang), "planaction")

    def table(
        self,
        name: str,
        columns: tuple[spec.Column, ...],
        rows: list[list[Any]],
        *,
        first_row: int = 1,
        formats: dict[str, str] | None = None,
    ) -> tuple[int, int]:
        """A header and rows as an Excel table; returns the first and last data rows."""
        formats = formats or {}
        self.header(first_row, columns)
        widths = self.fit(columns, rows)
        headings = [spec.heading(c, self.lang) for c in columns]
        tall = max(lines(heading, width) for heading, width in zip(headings, widths, strict=True))
        if tall > 1:  # a heading that wraps gets the height of its lines, not one line's
            self.ws.row_dimensions[first_row].height = tall * LINE_HEIGHT
        # an editable column's cells are unlocked ("^"): the sheet is protected, they are the client's
        styles = [(formats.get(c.key) or ("wrap" if c.wrap else "top")) + ("^" if c.editable else "") for c in columns]
        fast = fast_rows.FastRows(self.ws, self.styles, first_row + 1)
        if any(len(values) != len(columns) for values in rows):
            raise ValueError(f"rows of other lengths than the {len(columns)} columns")
        if rows:  # column by column: a column's cells are alike (see ``fast_rows.FastRows.add``)
            cells = [spec.cell_values(values, self.lang) for values in zip(*rows, strict=True)]
            fast.add(cells, styles, row_heights(wrapped(columns, widths), cells, len(rows)))
        self.fast.append(fast)
        last = first_row + max(len(rows), 1)
        ref = f"A{first_row}:{get_column_letter(len(columns))}{last}"
        table = Table(displayName=name, ref=ref)
        # name the columns here: otherwise openpyxl reads the whole range (every cell) to find them
        table._initialise_columns()
        for table_column, column in zip(table.tableColumns, columns, strict=True):
            table_column.name = spec.heading(column, self.lang)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True, showColumnStripes=False)
        self.ws.add_table(table)
        self.leave_out_empty(columns, rows)
        self.protect(columns)
        return first_row + 1, last

    def leave_out_empty(self, columns: tuple[spec.Column, ...], rows: list[list[Any]]) -> None:
        """Hide the columns no row fills: they print as nothing and cost width (so point size).

        Hidden, not removed: every column keeps its letter from one export to the next, the
        importer finds its columns by heading as before, and the client may show one again.
        """
        if not rows:
            return
        for index, column in enumerate(columns):
            if column.editable or column.keep or column.hidden:
                continue
            if all(values[index] is None or values[index] == "" for values in rows):
                self.ws.column_dimensions[get_column_letter(index + 1)].hidden = True

    def protect(self, columns: tuple[spec.Column, ...] = ()) -> None:
        """Lock what the client must not edit (sheet protection, no password); the editable columns
        stay open, down past the table, so that a row added below it can be typed in. Filters,
        sorting and column widths stay free."""
        protection = self.ws.protection
        protection.sheet = True
        protection.autoFilter = protection.sort = False
        protection.formatColumns = protection.formatRows = protection.formatCells = False
        for index, column in enumerate(columns, 1):
            if column.editable:
                self.ws.column_dimensions[get_column_letter(index)].protection = Protection(locked=False)

    def fit(self, columns: tuple[spec.Column, ...], rows: list[list[Any]]) -> list[float]:
        """Column widths from the longest value (of the first 500 rows), within sensible bounds."""
        widths = []
        sample = rows[:500]
        for index, column in enumerate(columns):
            values = [v[index] for v in sample]
            if set(map(type, values)) == {str}:  # most columns: text, measured without a call per cell
                longest = max(map(len, values), default=0)
            else:
                longest = max((len(value) if value.__class__ is str else _size(value) for value in values), default=0)
            longest = max(len(spec.heading(column, self.lang)), min(longest, 200))
            cap = column.width if column.wrap else max(column.width, 60)
            width = max(8, min(longest + 2, cap))
            dimension = self.ws.column_dimensions[get_column_letter(index + 1)]
            dimension.width = width
            dimension.hidden = column.hidden
            widths.append(width)
        return widths

    def print_setup(self, title: str, *, header_rows: str | None = "1:1") -> None:
        ws = self.ws
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        # as wide as the page, as many pages down as it takes: never one page of 5-point text
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.page_margins.header = ws.page_margins.footer = 0.3
        if header_rows:
            ws.print_title_rows = header_rows
        page = say("page_footer", self.lang)
        ws.oddHeader.center.text = safe_text(title.replace("&", "&&"))[:200]
        ws.oddFooter.left.text = "planaction"
        ws.oddFooter.right.text = page


def _size(value: Any) -> int:
    """How many characters a cell of ``fit`` takes, for a value other than plain text."""
    if isinstance(value, str):
        return len(value)
    return 10 if isinstance(value, dt.date) else len(str(value or ""))
