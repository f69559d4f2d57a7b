"""The one-page dashboard on the workbook's summary sheet: RAG by stream, the KPIs baseline → current →
target, the open actions who / what / when, and the actions by status as a bar chart.

Seed 003's "tableau de bord à 1 page" in the workbook a client keeps, from the same ``views.dashboard``
the app and the report show; ``summary_sheet`` places each part and moves down the rows it used.
"""

from __future__ import annotations

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill

from planaction.core.model import Plan
from planaction.exchange.xlsx.sheet import Sheet, safe_text
from planaction.exchange.xlsx.styles import (
    FONT,
    LABEL_FONT,
    LINE_HEIGHT,
    RAG_FILLS,
    RAG_FONTS,
    SECTION_FONT,
    SIZE,
    TOP,
    WRAP,
    lines,
)
from planaction.present.action_rows import ActionRow, most_urgent
from planaction.present.dashboard import Dashboard
from planaction.words.decks import say
from planaction.words.labels import word

#: Open actions listed (seed 003: "5 actions ouvertes").
OPEN_ACTIONS = 5
RIGHT = Alignment(horizontal="right", vertical="top")


def _fit(sheet: Sheet, row: int, text: str, width: int) -> None:
    """A row as tall as its wrapped text (a spreadsheet does not grow rows on opening)."""
    count = lines(text, width)
    if count > 1:
        sheet.ws.row_dimensions[row].height = min(count, 6) * LINE_HEIGHT


def _heading(sheet: Sheet, row: int, text: str) -> int:
    sheet.put(row, 1, text, font=SECTION_FONT)
    return row + 1


def _labels(sheet: Sheet, row: int, labels: list[str], *, right: tuple[int, ...] = ()) -> int:
    for column, text in enumerate(labels, 1):
        sheet.put(row, column, text, font=LABEL_FONT, alignment=RIGHT if column in right else TOP)
    return row + 1


def write_streams(sheet: Sheet, row: int, board: Dashboard) -> int:
    """RAG by stream: the stream, its RAG coloured, and why."""
    if not board.streams:
        return row
    lang = sheet.lang
    row = _heading(sheet, row, say("xlsx_streams", lang))
    for name, rag, verdict in board.streams:
        sheet.put(row, 1, name, alignment=TOP)
        cell = sheet.put(row, 2, rag.label(lang) if rag else "", alignment=TOP)
        if rag is not None:
            cell.fill = PatternFill("solid", fgColor=RAG_FILLS[rag])
            cell.font = Font(name=FONT, size=SIZE, bold=True, color=RAG_FONTS[rag])
        sheet.put(row, 3, verdict, alignment=WRAP)
        sheet.merge(row, 3, 6)
        row += 1
    return row + 1


def write_kpis(sheet: Sheet, row: int, board: Dashboard) -> int:
    """Each KPI baseline → current → target and its attainment."""
    if not board.kpis:
        return row
    lang = sheet.lang
    row = _heading(sheet, row, word("kpis", lang))
    row = _labels(
        sheet,
        row,
        [
            word("kpi", lang),
            word("baseline", lang),
            word("current", lang),
            word("target", lang),
            word("attainment", lang),
        ],
        right=(2, 3, 4, 5),
    )
    for line in board.kpis:
        name = f"{line.id} {line.name}"
        sheet.put(row, 1, name, alignment=WRAP)
        _fit(sheet, row, name, 28)
        for column, figure in enumerate((line.baseline, line.current, line.target), 2):
            sheet.put(row, column, f"{figure} {line.unit}".strip() if figure else "", alignment=RIGHT)
        sheet.put(row, 5, line.attainment, number_format="0%", alignment=RIGHT)
        row += 1
    return row + 1


def write_open_actions(sheet: Sheet, row: int, plan: Plan, today_rows: list[ActionRow]) -> int:
    """The most urgent open actions: who, what, when."""
    ordered = most_urgent(today_rows)  # sorted once: the first few shown, all of them counted
    urgent = ordered[:OPEN_ACTIONS]
    if not urgent:
        return row
    lang = sheet.lang
    title = say("xlsx_open_actions", lang, shown=len(urgent), total=len(ordered))
    row = _heading(sheet, row, title)
    row = _labels(sheet, row, [word("owner", lang), word("action", lang), "", "", word("due", lang)], right=(5,))
    for r in urgent:
        sheet.put(row, 1, r.action.owner, alignment=TOP)
        sheet.put(row, 2, f"{r.id} {r.title}", alignment=WRAP)
        _fit(sheet, row, f"{r.id} {r.title}", 66)
        sheet.merge(row, 2, 4)
        sheet.put(row, 5, r.due, alignment=RIGHT)
        rag = r.rag
        if rag is not None and r.overdue_days:
            sheet.ws.cell(row=row, column=5).font = Font(name=FONT, size=SIZE, bold=True, color=RAG_FONTS[rag])
        row += 1
    return row + 1


def write_status_chart(sheet: Sheet, row: int, board: Dashboard) -> int:
    """The actions by status as a table and a bar chart drawn from it (the summary's chart)."""
    counts = [(name, count) for name, count in board.counts]
    if not any(count for _name, count in counts):
        return row
    lang = sheet.lang
    row = _heading(sheet, row, word("counts", lang))
    first = row
    for name, count in counts:
        sheet.put(row, 1, name, alignment=TOP)
        sheet.put(row, 2, count, alignment=RIGHT)
        row += 1
    chart = BarChart()
    chart.type = "bar"
    chart.style = 10
    chart.title = safe_text(word("counts", lang))
    chart.legend = None
    chart.height, chart.width = 6.0, 12.0
    chart.y_axis.majorGridlines = None
    chart.x_axis.scaling.orientation = "maxMin"  # the statuses top to bottom, as the table lists them
    chart.add_data(Reference(sheet.ws, min_col=2, min_row=first, max_row=row - 1), titles_from_data=False)
    chart.set_categories(Reference(sheet.ws, min_col=1, min_row=first, max_row=row - 1))
    sheet.ws.add_chart(chart, f"C{first}")
    return max(row, first + 13) + 1
