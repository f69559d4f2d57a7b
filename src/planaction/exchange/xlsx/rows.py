"""Write the rows of large sheets straight into the saved XLSX.

openpyxl spends about 30 microseconds per cell (style hashing when a cell is
styled, an XML element when it is written): 0.7 s for a 1,000-action plan,
more than the whole export's budget. openpyxl still builds the workbook —
headers, tables, drop-down lists, conditional formats, charts, print setup —
but the data rows of the tables are kept here as plain values with a style
name, and written as XML text into each sheet's ``<sheetData>`` once openpyxl
has saved the rest. Styles are registered with openpyxl, so the ids are its
own; strings are written inline, exactly as openpyxl itself writes them.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from copy import copy
from typing import Any

from openpyxl import Workbook
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles import Alignment, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

EXCEL_EPOCH = dt.date(1899, 12, 30)
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_TO_ESCAPE = re.compile("[&<>\r]")


def _escape(text: str) -> str:
    return _TO_ESCAPE.sub(lambda m: _ESCAPES[m.group()], text)


class Styles:
    """Cell styles by name, registered with the workbook so that their ids are openpyxl's."""

    def __init__(self, workbook: Workbook, date_format: str) -> None:
        self.workbook = workbook
        self.date_format = date_format
        self.ids: dict[str, int] = {}
        self._scratch: Worksheet = workbook.create_sheet("__styles__")

    def id(self, name: str) -> int:
        """top, wrap, date, 0%, or a number format; a trailing '!' adds a quote prefix, a '^' unlocks
        the cell (the client may edit it when the sheet is protected)."""
        found = self.ids.get(name)
        if found is not None:
            return found
        cell = self._scratch.cell(row=len(self.ids) + 1, column=1)
        base = name.rstrip("!^")
        cell.alignment = Alignment(wrap_text=base == "wrap", vertical="top")
        if base == "date":
            cell.number_format = self.date_format
        elif base not in ("top", "wrap"):
            cell.number_format = base
        if "!" in name[len(base) :]:
            cell.quotePrefix = True
        if "^" in name[len(base) :]:
            cell.protection = Protection(locked=False)
        found = self.workbook._cell_styles.add(copy(cell._style))
        self.ids[name] = found
        return found

    def close(self) -> None:
        """Remove the scratch sheet (the styles stay registered)."""
        self.workbook.remove(self._scratch)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_LETTERS = [get_column_letter(c) for c in range(1, 200)]


class FastRows:
    """The data rows of one worksheet, written after openpyxl saved the workbook."""

    def __init__(self, ws: Worksheet, styles: Styles, first_row: int) -> None:
        self.ws = ws
        self.styles = styles
        self.first_row = first_row
        self.lines: list[str] = []
        self.width = 0
        self._names: list[str] | None = None
        self._style_ids: list[int] = []

    def add(self, values: list[Any], style_names: list[str], *, height: float | None = None) -> None:
        """One row; ``height`` in points for rows of wrapped text (spreadsheets do not grow rows on opening)."""
        if len(values) != len(style_names):
            raise ValueError(f"{len(values)} values for {len(style_names)} styles")
        r = self.first_row + len(self.lines)
        cells = []
        letters = _LETTERS
        style_id = self.styles.id
        ids = self._ids(style_names)
        for c, value in enumerate(values):
            if value is None or value == "":
                if style_names[c].endswith("^"):  # an empty cell the client may fill: unlocked like its column
                    cells.append(f'<c r="{letters[c]}{r}" s="{ids[c]}"/>')
                continue
            cls = value.__class__
            if cls is str:
                # a text that reads as a formula gets a quote prefix ("!"): editing the cell keeps it text
                s = style_id(style_names[c] + "!") if value.startswith(FORMULA_STARTS) else ids[c]
                text = _escape(value) if _TO_ESCAPE.search(value) else value
                cells.append(
                    f'<c r="{letters[c]}{r}" s="{s}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
                )
            elif cls is bool:
                cells.append(f'<c r="{letters[c]}{r}" s="{ids[c]}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, dt.date):
                day = value.date() if isinstance(value, dt.datetime) else value
                date_style = style_id("date^" if style_names[c].endswith("^") else "date")
                cells.append(f'<c r="{letters[c]}{r}" s="{date_style}"><v>{(day - EXCEL_EPOCH).days}</v></c>')
            elif isinstance(value, (int, float)) and math.isfinite(value):
                cells.append(f'<c r="{letters[c]}{r}" s="{ids[c]}"><v>{value!r}</v></c>')
            else:  # infinities and anything else: as text
                cells.append(
                    f'<c r="{letters[c]}{r}" s="{ids[c]}" t="inlineStr"><is><t xml:space="preserve">{_escape(str(value))}</t></is></c>'
                )
        self.width = max(self.width, len(values))
        size = f' ht="{height:g}" customHeight="1"' if height else ""
        self.lines.append(f'<row r="{r}"{size}>{"".join(cells)}</row>')

    def _ids(self, style_names: list[str]) -> list[int]:
        """The style id of each column, looked up once for the rows that share the same names."""
        if style_names is not self._names:
            self._names = style_names
            self._style_ids = [self.styles.id(name) for name in style_names]
        return self._style_ids

    @property
    def last_row(self) -> int:
        return self.first_row + len(self.lines) - 1

    def splice(self, xml: str) -> str:
        """Put the rows into a sheet's XML as openpyxl wrote it."""
        if not self.lines:
            return xml
        rows = "".join(self.lines)
        if "</sheetData>" in xml:
            xml = xml.replace("</sheetData>", rows + "</sheetData>", 1)
        else:
            xml = xml.replace("<sheetData/>", f"<sheetData>{rows}</sheetData>", 1)
        last = f"{get_column_letter(max(self.width, 1))}{self.last_row}"
        return re.sub(
            r'<dimension ref="([A-Z]+\d+)(?::[A-Z]+\d+)?"/>',
            lambda m: f'<dimension ref="{m.group(1)}:{last}"/>',
            xml,
            count=1,
        )


class _Writer(ExcelWriter):
    """openpyxl's writer, with each worksheet written in memory and given its fast rows on the way.

    openpyxl spools every worksheet to a temporary file and deletes it: the deletes alone
    cost about 3 ms each on our machines, and the rows then had to be put in by reading the
    saved archive back and compressing it again. Here the sheet's XML is spliced as it is
    written, and the archive is compressed once. The rest is openpyxl's ``write_worksheet``.
    """

    def __init__(self, workbook: Workbook, archive: zipfile.ZipFile, fast: list[FastRows]) -> None:
        super().__init__(workbook, archive)
        self.fast = {id(rows.ws): rows for rows in fast if rows.lines}

    def write_worksheet(self, ws: Worksheet) -> None:
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = WorksheetWriter(ws, out=io.BytesIO())
        writer.write()
        ws._rels = writer._rels
        data = writer.read()
        rows = self.fast.get(id(ws))
        if rows is not None:
            data = rows.splice(data.decode("utf-8")).encode("utf-8")
        self._archive.writestr(ws.path[1:], data)
        self.manifest.append(ws)


def save(workbook: Workbook, fast: list[FastRows]) -> bytes:
    """Save with openpyxl, the fast rows put into their sheets as they are written."""
    output = io.BytesIO()
    # level 1: three times faster than the default for a workbook 10-15 % larger
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=1, allowZip64=True) as archive:
        workbook.properties.modified = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)
        _Writer(workbook, archive, fast).write_data()
    return output.getvalue()
