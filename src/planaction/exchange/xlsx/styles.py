"""How the client workbook looks: fonts, fills, borders, row heights, RAG colours, drop-down lists.

One place for the house style, so that every sheet builder draws the same header, the same RAG fill,
the same wrapped row.
"""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from planaction.core.model import Plan, Rag
from planaction.exchange.xlsx import spec
from planaction.words.exchange import say
from planaction.words.safetext import one_line

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
RAG_FILLS = {Rag.GREEN: "C6EFCE", Rag.AMBER: "FFEB9C", Rag.RED: "FFC7CE"}
RAG_FONTS = {Rag.GREEN: "006100", Rag.AMBER: "9C5700", Rag.RED: "9C0006"}

#: Every cell names its font: a cell without one prints in LibreOffice's default, a serif. Arial is in
#: every Office, and LibreOffice draws it with Liberation Sans, metric-compatible, so widths and
#: wrapped heights are the same in Excel and in a PDF printed by LibreOffice.
FONT = "Arial"
SIZE = 10
BASE_FONT = Font(name=FONT, size=SIZE, family=2)
HEADER_FONT = Font(name=FONT, size=SIZE, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
EDITABLE_FILL = PatternFill("solid", fgColor="BF8F00")
TITLE_FONT = Font(name=FONT, bold=True, size=16, color="1F4E78")
SECTION_FONT = Font(name=FONT, bold=True, size=12, color="1F4E78")
LABEL_FONT = Font(name=FONT, size=SIZE, bold=True, color="404040")
WRAP = Alignment(wrap_text=True, vertical="top")
#: A heading over figures or dates sits right, over them, as the figures do.
WRAP_RIGHT = Alignment(wrap_text=True, vertical="top", horizontal="right")
LEFT_WRAP = Alignment(wrap_text=True, vertical="top", horizontal="left")
TOP = Alignment(vertical="top")
THIN = Side(style="thin", color="BFBFBF")
BOX = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)

LINE_HEIGHT = 15  # points per line of 11-point text
MAX_LINES = 8


def house_font(workbook: Workbook) -> None:
    """Make ``BASE_FONT`` the workbook's default (font 0 and the Normal style): every cell that names
    no font of its own, the table rows written by ``rows`` included, is in it."""
    workbook._fonts = IndexedList([BASE_FONT])
    workbook._named_styles["Normal"].font = BASE_FONT


def lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a column ``width`` characters wide."""
    return _lines(text, _per_line(width))


def _per_line(width: float) -> int:
    """The letters a line of a column ``width`` characters wide holds (a width counts digits, which
    are wider than the average letter of a proportional font: a fifth more letters fit)."""
    return max(int((width - 1) * 1.2), 1)


def _lines(text: str, per_line: int) -> int:
    if "\n" not in text:  # most cells: one paragraph
        return max(1, -(-len(text) // per_line))
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def wrapped(columns: tuple[spec.Column, ...], widths: list[float]) -> list[tuple[int, float, int]]:
    """The columns whose text wraps, with their widths and letters per line: what ``row_heights``
    looks at, found once per table."""
    return [
        (index, width, _per_line(width))
        for index, (column, width) in enumerate(zip(columns, widths, strict=True))
        if column.wrap
    ]


def row_heights(wrapping: list[tuple[int, float, int]], columns: list[list[Any]], count: int) -> list[float | None]:
    """The height each of ``count`` rows of wrapped text needs, or None for one line, from the
    table's ``columns`` (each column's values; ``wrapping``: see ``wrapped``)."""
    tallest = [1] * count
    for index, width, per_line in wrapping:
        # a short text of one line takes one line: most cells, answered without splitting them
        shortest = width - 1
        values = columns[index]
        if set(map(type, values)) == {str} and "\n" not in "".join(values):  # one paragraph each: by length
            tall = [-(-size // per_line) if size >= shortest else 1 for size in map(len, values)]
        else:
            tall = [
                _lines(value, per_line) if isinstance(value, str) and (len(value) >= shortest or "\n" in value) else 1
                for value in values
            ]
        tallest = list(map(max, tallest, tall))
    return [min(lines, MAX_LINES) * LINE_HEIGHT if lines > 1 else None for lines in tallest]


def rag_rules(ws: Worksheet, ref: str, lang: str) -> None:
    for rag, fill in RAG_FILLS.items():
        ws.conditional_formatting.add(
            ref,
            CellIsRule(
                operator="equal",
                formula=[f'"{rag.label(lang)}"'],
                fill=PatternFill("solid", fgColor=fill),
                font=Font(name=FONT, color=RAG_FONTS[rag], bold=True),
            ),
        )


def list_validation(ws: Worksheet, ref: str, choices: list[str], lang: str) -> None:
    formula = '"' + ",".join(c.replace('"', "'") for c in choices) + '"'
    validation = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="planaction",
        error=say("allowed_values", lang, choices=", ".join(choices)),
    )
    validation.add(ref)
    ws.add_data_validation(validation)


def money_format(plan: Plan) -> str:
    """The number format of amounts in the plan's currency (euros by default)."""
    currency = plan.budget.currency if plan.budget else "EUR"
    return '#,##0 "€"' if currency == "EUR" else f"#,##0 {format_literal(currency)}"


def format_literal(text: str) -> str:
    """Plan text inside an Excel number format, as literal characters: each one backslash-escaped,
    so quotes, semicolons (sections) and brackets (colours, conditions) stay text."""
    return "".join("\\" + ch for ch in one_line(text)[:20])
