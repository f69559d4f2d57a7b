"""The XML of a workbook's sheets, read for what calamine cannot tell or cannot take.

calamine reads a formula without a computed value, and a formula error, as an
empty cell; and it builds a sheet's range densely, or panics on a number no
date can hold. These functions look at the sheet's XML first — once per
sheet, by regular expressions, never inflating more than the archive check
allowed — so that such cells are refused by name instead.
"""

from __future__ import annotations

import contextlib
import html
import math
import re
import zipfile
import zlib
from pathlib import Path

_CELL = re.compile(r"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_FORMULA = re.compile(r"<(?:\w+:)?f[\s>/]")
# a value with text: lxml-backed writers (openpyxl with lxml installed) write an uncomputed one as <v></v>
_VALUE = re.compile(r"<(?:\w+:)?v>[^<]")
_ERROR_VALUE = re.compile(r"<(?:\w+:)?v>(#[^<]*)</")
_CELL_REFERENCE = re.compile(r'\br="([A-Z]+\d+)"')


def empty_formulas(xml: str) -> dict[str, str]:
    """Cells that calamine reads as empty but are not: formula errors, formulas never computed."""
    if not _FORMULA.search(xml) and 't="e"' not in xml:
        return {}  # the common case, an export or a plain re-save: no formula at all
    found: dict[str, str] = {}
    for match in _CELL.finditer(xml):
        attributes, inner = match.group(1), match.group(2) or ""
        reference = _CELL_REFERENCE.search(attributes)
        if reference is None:
            continue
        error = _ERROR_VALUE.search(inner) if 't="e"' in attributes else None
        if error:
            found[reference.group(1)] = f"its formula gives the error {error.group(1)}"
        elif _FORMULA.search(inner) and not _VALUE.search(inner):
            found[reference.group(1)] = "it holds a formula whose value was never computed"
    return found


def sheet_xml(path: Path, sheet: str) -> str:
    """The XML of a sheet, found by name through the workbook's relationships ("" if not found)."""
    with (
        # a damaged part reads as "": calamine, which reads it next, then refuses the sheet by name
        contextlib.suppress(
            KeyError, OSError, EOFError, zlib.error, NotImplementedError, zipfile.BadZipFile, UnicodeDecodeError
        ),
        zipfile.ZipFile(path) as archive,
    ):
        workbook = _read_part(archive, "xl/workbook.xml").decode("utf-8")
        rels = _read_part(archive, "xl/_rels/workbook.xml.rels").decode("utf-8")
        for match in re.finditer(r"<(?:\w+:)?sheet\b([^>]*)/?>", workbook):
            attributes = dict(re.findall(r'([\w:]+)="([^"]*)"', match.group(1)))
            if html.unescape(attributes.get("name", "")) != sheet:
                continue
            rid = next((v for k, v in attributes.items() if k.endswith(":id")), "")
            target = re.search(rf'<Relationship\b[^>]*\bId="{re.escape(rid)}"[^>]*>', rels)
            location = re.search(r'Target="([^"]*)"', target.group(0)) if target else None
            if location:
                name = location.group(1).lstrip("/")
                return _read_part(archive, name if name.startswith("xl/") else f"xl/{name}").decode("utf-8")
    return ""


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """One part of the archive, read in small steps: ``ZipFile.read`` inflates a whole member
    in one call, so a part whose header understates its size would fill memory before the
    size check; read this way it stops at the declared size (then fails its CRC check)."""
    chunks = []
    with archive.open(name) as part:
        while chunk := part.read(1024 * 1024):
            chunks.append(chunk)
    return b"".join(chunks)


#: Cells a sheet may span (rows x columns from A1). calamine builds the sheet's range densely,
#: so one cell typed at XFD1048576 in a 10 KB workbook would ask for 17 billion cells.
MAX_SHEET_CELLS = 5_000_000
#: Row and cell references (``r="12"``, ``r="C12"``). No word boundary before ``r``: it would
#: be four times slower, and the few other attributes ending in r (``header="1"``) only ever
#: overstate the extent.
_ROW_OF_REFERENCE = re.compile(r'r="[A-Z]{0,3}(\d+)"')
_WIDE_REFERENCE = re.compile(r'r="([A-Z]{2,3})\d+"')


def sheet_extent(xml: str) -> tuple[int, int]:
    """The last row and column any cell of the sheet's XML names (row and cell ``r`` attributes)."""
    rows = max(map(int, _ROW_OF_REFERENCE.findall(xml)), default=0)
    wide = _WIDE_REFERENCE.findall(xml)  # beyond Z: rare, so only those are decoded
    columns = max((_column_number(letters) for letters in wide), default=26)
    return rows, columns


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


#: Numbers a date cell may hold. calamine turns a number in a cell with a date format into a
#: date, and panics (Rust prints the panic on stderr before Python can refuse anything) when the
#: days overflow its milliseconds: from about -1.07e11. The dates of a plan are serials 1 to
#: 2,958,465; anything past a billion in a date cell is a slip, refused by its cell first.
MAX_DATE_CELL = 1e9
#: Numbers written with an exponent or with ten digits or more, infinities and NaN: the only
#: ones that can pass it. Other numbers, in any cell, are figures calamine reads as they are.
_LONG_NUMBER = re.compile(r"<(?:\w+:)?v>\s*([+-]?(?:[\d.]*[eE][+-]?\d+|\d{10,}[\d.]*|inf\w*|nan))\s*<", re.I)
_ATTRIBUTE = re.compile(r'\b([\w:]+)="([^"]*)"')
#: Built-in number formats that are dates, times or durations (ECMA-376 18.8.30, and the East
#: Asian date formats 27-36 and 50-58 that Excel maps by locale).
_BUILTIN_DATES = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)])
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def is_date_format(code: str) -> bool:
    """Whether a custom number format shows a date or a time (what makes calamine convert the cell).

    Text in quotes, escaped characters and [colour] or [condition] sections
    are not tokens; any of d, m, y, h, s outside them is. This errs towards
    dates: a format taken for a date only means its cell is checked.
    """
    if code.strip().lower() == "general":
        return False
    return any(letter in "dmyhsDMYHS" for letter in _QUOTED.sub("", code))


def date_styles(path: Path) -> frozenset[int]:
    """The indexes of the cell styles (``s="…"``) whose number format is a date, time or duration."""
    with (
        # no readable styles: calamine then reads no cell as a date either
        contextlib.suppress(KeyError, OSError, EOFError, zlib.error, NotImplementedError, zipfile.BadZipFile),
        zipfile.ZipFile(path) as archive,
    ):
        xml = _read_part(archive, "xl/styles.xml").decode("utf-8", "replace")
        custom = {}
        for match in re.finditer(r"<(?:\w+:)?numFmt\b([^>]*)>", xml):
            attributes = dict(_ATTRIBUTE.findall(match.group(1)))
            with contextlib.suppress(ValueError):
                custom[int(attributes.get("numFmtId", ""))] = html.unescape(attributes.get("formatCode", ""))
        cell_styles = re.search(r"<(?:\w+:)?cellXfs\b.*?</(?:\w+:)?cellXfs>", xml, re.S)
        found = set()
        if cell_styles:
            for index, match in enumerate(re.finditer(r"<(?:\w+:)?xf\b([^>]*)>", cell_styles.group(0))):
                attributes = dict(_ATTRIBUTE.findall(match.group(1)))
                try:
                    number_format = int(attributes.get("numFmtId", "0"))
                except ValueError:
                    continue
                code = custom.get(number_format)
                if (code is None and number_format in _BUILTIN_DATES) or (code is not None and is_date_format(code)):
                    found.add(index)
        return frozenset(found)
    return frozenset()


def number_no_date_holds(xml: str, dates: frozenset[int]) -> tuple[str, str] | None:
    """The first cell (name, value) calamine cannot read: a number past ``MAX_DATE_CELL`` in a
    date cell, or an infinite or NaN number in any cell."""
    for match in _LONG_NUMBER.finditer(xml):
        try:
            value = float(match.group(1))
        except ValueError:
            continue
        start = max(xml.rfind("<c ", 0, match.start()), xml.rfind(":c ", 0, match.start()))
        attributes = dict(_ATTRIBUTE.findall(xml, start, xml.find(">", start))) if start >= 0 else {}
        if attributes.get("t", "n") != "n":
            continue  # a shared string's index, a boolean, an error: not a number
        try:
            style = int(attributes.get("s", "0"))
        except ValueError:
            style = 0
        if not math.isfinite(value) or (style in dates and abs(value) >= MAX_DATE_CELL):
            return (attributes.get("r", ""), match.group(1))
    return None
