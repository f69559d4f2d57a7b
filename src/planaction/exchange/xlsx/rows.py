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
from collections.abc import Callable, Sequence
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

    def cells(self, values: Sequence[Any], rows: list[str]) -> list[str]:
        """The column's cell in each row ("" for an empty cell the client may not fill: none written).

        A column of plain text, most of them, is looked at as a whole: one search for what needs
        escaping and for a text that reads as a formula, then one format per cell; so are a column
        of dates and one of finite numbers."""
        kinds = set(map(type, values))
        if kinds <= _DATES and _DATE in kinds:  # the date style is registered already (``first_uses``)
            start, dated = self.start, f'" s="{self.date()}"><v>'
            blank = self.empty if self.open else None
            return [
                f"{start}{r}{dated}{(v - EXCEL_EPOCH).days}</v></c>"
                if v is not None
                else (f"{start}{r}{blank}" if blank else "")
                for r, v in zip(rows, values, strict=True)
            ]
        if kinds and kinds <= _NUMBERS and all(map(math.isfinite, values)):
            start, number = self.start, self.number
            return [f"{start}{r}{number}{v!r}</v></c>" for r, v in zip(rows, values, strict=True)]
        if kinds == _TEXT:
            joined = "\x00" + "\x00".join(values)
            if not _FORMULA_AFTER.search(joined):
                if _TO_ESCAPE.search(joined):
                    escaped = _escape(joined).split("\x00")[1:]
                    values = escaped if len(escaped) == len(values) else [_escape(v) for v in values]
                start, text = self.start, self.text
                if "" not in values:
                    return [f"{start}{r}{text}{v}</t></is></c>" for r, v in zip(rows, values, strict=True)]
                blank = self.empty if self.open else None
                return [
                    f"{start}{r}{text}{v}</t></is></c>" if v else (f"{start}{r}{blank}" if blank else "")
                    for r, v in zip(rows, values, strict=True)
                ]
        cell = self.cell
        return [cell(r, v) for r, v in zip(rows, values, strict=True)]

    def cell(self, r: str, value: Any) -> str:
        """One cell of row ``r`` ("" for an empty cell the client may not fill: none written)."""
        if value is None or value == "":
            return f"{self.start}{r}{self.empty}" if self.open else ""  # unlocked like its column
        cls = value.__class__
        if cls is str:
            # a text that reads as a formula gets a quote prefix ("!"): editing the cell keeps it text
            text = _escape(value) if _TO_ESCAPE.search(value) else value
            middle = self.quoted() if value.startswith(FORMULA_STARTS) else self.text
            return f"{self.start}{r}{middle}{text}</t></is></c>"
        if cls is float or cls is int:
            if math.isfinite(value):
                return f"{self.start}{r}{self.number}{value!r}</v></c>"
            return f"{self.start}{r}{self.text}{value!r}</t></is></c>"  # infinities: as text
        if cls is _DATE:
            return f'{self.start}{r}" s="{self.date()}"><v>{(value - EXCEL_EPOCH).days}</v></c>'
        return self._other(r, value)

    def _other(self, r: str, value: Any) -> str:
        """A cell that is neither text nor a plain number: a boolean, a date, anything else as text."""
        if value.__class__ is bool:
            return f"{self.start}{r}{self.boolean}{int(value)}</v></c>"
        if isinstance(value, dt.date):
            day = value.date() if isinstance(value, dt.datetime) else value
            return f'{self.start}{r}" s="{self.date()}"><v>{(day - EXCEL_EPOCH).days}</v></c>'
        if isinstance(value, (int, float)) and math.isfinite(value):  # a number of a subclass (IntEnum...)
            return f"{self.start}{r}{self.number}{value!r}</v></c>"
        return f"{self.start}{r}{self.text}{_escape(str(value))}</t></is></c>"

    def first_uses(self, values: Sequence[Any]) -> list[tuple[int, Callable[[], object]]]:
        """The first row whose cell takes the date style, and the first whose text is quoted, with
        what registers that style: styles are numbered as first used, row by row (see ``FastRows.add``)."""
        kinds = set(map(type, values))
        found: list[tuple[int, Callable[[], object]]] = []
        if str in kinds:
            texts = values if kinds == _TEXT else [v if v.__class__ is str else "" for v in values]
            joined = "\x00" + "\x00".join(texts)
            match = _FORMULA_AFTER.search(joined)
            if match is not None:
                if joined.count("\x00") == len(texts):  # the separator is no value's own
                    found.append((joined.count("\x00", 0, match.start()), self.quoted))
                else:  # a text holds the separator: found one by one
                    quoted = next((i for i, v in enumerate(texts) if v.startswith(FORMULA_STARTS)), None)
                    if quoted is not None:
                        found.append((quoted, self.quoted))
        if kinds - _NOT_DATES:
            first = next((i for i, v in enumerate(values) if _takes_date(v)), None)
            if first is not None:
                found.append((first, self.date))
        return found


_TEXT = {str}
_DATES = {_DATE, type(None)}
_NUMBERS = {int, float}
#: A text read as a formula, in a column's texts checked as one: each after a character no cell holds
#: (``spec.cell_text``); a search that starts with a literal is fast, an alternation with ``^`` is not.
_FORMULA_AFTER = re.compile("\x00[-=+@\t\r\n]")
_NOT_DATES = {str, int, float, bool, type(None)}


def _takes_date(value: Any) -> bool:
    """Whether ``_Column.cell`` writes ``value`` with the date style."""
    if value is None or value.__class__ in _NOT_DATES:
        return False
    return isinstance(value, dt.date)


class FastRows:
    """The data rows of one worksheet, written after openpyxl saved the workbook."""

    def __init__(self, ws: Worksheet, styles: Styles, first_row: int) -> None:
        self.ws = ws
        self.styles = styles
        self.first_row = first_row
        self.lines: list[str] = []
        self.width = 0
        self._layouts: dict[tuple[str, ...], list[_Column]] = {}

    def add(self, columns: Sequence[Sequence[Any]], style_names: list[str], heights: list[float | None]) -> None:
        """Rows given column by column (each column's values top to bottom), one style name per column;
        ``heights`` in points for rows of wrapped text (spreadsheets do not grow rows on opening),
        None for one line.

        Column by column because a column's cells are alike: a column of plain text is checked once,
        not cell by cell. The styles a cell needs only sometimes (a date, a quoted text) are
        registered as a row by row writer would meet them, so that their numbers do not depend
        on how the rows were written."""
        if len(columns) != len(style_names):
            raise ValueError(f"{len(columns)} columns for {len(style_names)} styles")
        count = len(heights)
        if any(len(values) != count for values in columns):
            raise ValueError(f"columns of other lengths than the {count} rows")
        if not count:
            return
        first = self.first_row + len(self.lines)
        rows = [str(r) for r in range(first, first + count)]
        layout = self._layout(style_names)
        firsts = [
            (row, index, use)
            for index, (column, values) in enumerate(zip(layout, columns, strict=True))
            for row, use in column.first_uses(values)
        ]
        for _row, _index, use in sorted(firsts, key=lambda found: found[:2]):
            use()
        cells = [column.cells(values, rows) for column, values in zip(layout, columns, strict=True)]
        sizes = [f' ht="{height:g}" customHeight="1"' if height else "" for height in heights]
        by_row = zip(*cells, strict=True) if cells else ((),) * count
        self.lines += [
            f'<row r="{r}"{size}>{"".join(row)}</row>' for r, size, row in zip(rows, sizes, by_row, strict=True)
        ]
        self.width = max(self.width, len(style_names))

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
