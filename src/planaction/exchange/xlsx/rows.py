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
_DATE = dt.date
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


class _Column:
    """The XML around one column's cells, but for the row number: made once per table, not per cell."""

    __slots__ = ("_dated", "_quoted", "_styles", "boolean", "empty", "name", "number", "open", "start", "text")

    def __init__(self, styles: Styles, index: int, name: str) -> None:
        self._styles = styles
        self.name = name
        s = styles.id(name)
        self.open = name.endswith("^")
        self.start = f'<c r="{_LETTERS[index]}'
        self.empty = f'" s="{s}"/>'
        self.text = f'" s="{s}" t="inlineStr"><is><t xml:space="preserve">'
        self.number = f'" s="{s}"><v>'
        self.boolean = f'" s="{s}" t="b"><v>'
        self._quoted: str | None = None
        self._dated: int | None = None

    def quoted(self) -> str:
        """The text cell's middle with a quote prefix, for a text that would read as a formula."""
        if self._quoted is None:
            s = self._styles.id(self.name + "!")
            self._quoted = f'" s="{s}" t="inlineStr"><is><t xml:space="preserve">'
        return self._quoted

    def date(self) -> int:
        """The date style, unlocked as the column is."""
        if self._dated is None:
            self._dated = self._styles.id("date^" if self.open else "date")
        return self._dated


class FastRows:
    """The data rows of one worksheet, written after openpyxl saved the workbook."""

    def __init__(self, ws: Worksheet, styles: Styles, first_row: int) -> None:
        self.ws = ws
        self.styles = styles
        self.first_row = first_row
        self.lines: list[str] = []
        self.width = 0
        self._layouts: dict[tuple[str, ...], list[_Column]] = {}

    def add(self, values: list[Any], style_names: list[str], *, height: float | None = None) -> None:
        """One row; ``height`` in points for rows of wrapped text (spreadsheets do not grow rows on opening)."""
        if len(values) != len(style_names):
            raise ValueError(f"{len(values)} values for {len(style_names)} styles")
        r = str(self.first_row + len(self.lines))
        cells = []
        for value, column in zip(values, self._layout(style_names), strict=True):
            if value is None or value == "":
                if column.open:  # an empty cell the client may fill: unlocked like its column
                    cells.append(f"{column.start}{r}{column.empty}")
                continue
            cls = value.__class__
            if cls is str:
                # a text that reads as a formula gets a quote prefix ("!"): editing the cell keeps it text
                text = _escape(value) if _TO_ESCAPE.search(value) else value
                middle = column.quoted() if value.startswith(FORMULA_STARTS) else column.text
                cells.append(f"{column.start}{r}{middle}{text}</t></is></c>")
            elif cls is float or cls is int:
                if math.isfinite(value):
                    cells.append(f"{column.start}{r}{column.number}{value!r}</v></c>")
                else:  # infinities: as text
                    cells.append(f"{column.start}{r}{column.text}{value!r}</t></is></c>")
            elif cls is _DATE:
                cells.append(f'{column.start}{r}" s="{column.date()}"><v>{(value - EXCEL_EPOCH).days}</v></c>')
            else:
                cells.append(self._other(column, r, value))
        self.width = max(self.width, len(values))
        size = f' ht="{height:g}" customHeight="1"' if height else ""
        self.lines.append(f'<row r="{r}"{size}>{"".join(cells)}</row>')

    def _other(self, column: _Column, r: str, value: Any) -> str:
        """A cell that is neither text nor a plain number: a boolean, a date, anything else as text."""
        if value.__class__ is bool:
            return f"{column.start}{r}{column.boolean}{int(value)}</v></c>"
        if isinstance(value, dt.date):
            day = value.date() if isinstance(value, dt.datetime) else value
            return f'{column.start}{r}" s="{column.date()}"><v>{(day - EXCEL_EPOCH).days}</v></c>'
        if isinstance(value, (int, float)) and math.isfinite(value):  # a number of a subclass (IntEnum...)
            return f"{column.start}{r}{column.number}{value!r}</v></c>"
        return f"{column.start}{r}{column.text}{_escape(str(value))}</t></is></c>"

    def _layout(self, style_names: list[str]) -> list[_Column]:
        """Each column's pieces of XML, made once for the rows that share the same style names."""
        key = tuple(style_names)
        layout = self._layouts.get(key)
        if layout is None:
            layout = self._layouts[key] = [_Column(self.styles, c, name) for c, name in enumerate(style_names)]
        return layout

    @property
    def last_row(self) -> int:
        return self.first_row + len(self.lines) - 1

    def splice(self, xml: bytes) -> bytes:
        """Put the rows into a sheet's XML as openpyxl wrote it (its dimension widened to them).

        openpyxl's part is small and edited as text; the rows, the bulk, are encoded once and
        joined to it as bytes, never copied as text again."""
        if not self.lines:
            return xml
        text = xml.decode("utf-8")
        last = f"{get_column_letter(max(self.width, 1))}{self.last_row}"
        text = re.sub(
            r'<dimension ref="([A-Z]+\d+)(?::[A-Z]+\d+)?"/>',
            lambda m: f'<dimension ref="{m.group(1)}:{last}"/>',
            text,
            count=1,
        )
        if "</sheetData>" in text:
            head, tail = text.split("</sheetData>", 1)
            tail = "</sheetData>" + tail
        else:
            head, tail = text.split("<sheetData/>", 1)
            head, tail = head + "<sheetData>", "</sheetData>" + tail
        return b"".join((head.encode("utf-8"), "".join(self.lines).encode("utf-8"), tail.encode("utf-8")))


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
            data = rows.splice(data)
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
