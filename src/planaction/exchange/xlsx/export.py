"""The client workbook: a polished XLSX of a plan, ready to send and to merge back.

What a consultant sends: a summary sheet, the action table as a real Excel
table (filters, bands, frozen header, drop-down lists, data bars, RAG fills),
the registers the plan has, print-ready pages — and, in a hidden sheet, what
the import needs to merge the client's edits (see ``workbook``). The content
comes from ``views`` and ``rules``; this module only lays it out.

Text from the plan is always written as text: a title starting with ``=``,
``+``, ``-``, ``@`` or a tab is never a formula (and keeps a quote prefix so
that editing the cell does not turn it into one), characters XML cannot hold
show as U+FFFD, and cells stop at Excel's 32,767 characters.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import Reference, ScatterChart, Series
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule, DataBarRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from planaction.core import rules
from planaction.core.model import Level, Plan, Rag, Status
from planaction.exchange import formats
from planaction.exchange.formats import ExportRequest
from planaction.exchange.xlsx import hidden_sheet, identity, overwrite, spec
from planaction.exchange.xlsx import rows as fast_rows
from planaction.present import views
from planaction.words.labels import WORDS, date_text, word
from planaction.words.safetext import one_line

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
RAG_FILLS = {Rag.GREEN: "C6EFCE", Rag.AMBER: "FFEB9C", Rag.RED: "FFC7CE"}
RAG_FONTS = {Rag.GREEN: "006100", Rag.AMBER: "9C5700", Rag.RED: "9C0006"}

#: Items listed per section of the summary sheet: a summary, not a second action table.
SUMMARY_ITEMS = 12
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
EDITABLE_FILL = PatternFill("solid", fgColor="BF8F00")
TITLE_FONT = Font(bold=True, size=16, color="1F4E78")
SECTION_FONT = Font(bold=True, size=12, color="1F4E78")
LABEL_FONT = Font(bold=True, color="404040")
WRAP = Alignment(wrap_text=True, vertical="top")
LEFT_WRAP = Alignment(wrap_text=True, vertical="top", horizontal="left")
TOP = Alignment(vertical="top")
THIN = Side(style="thin", color="BFBFBF")
BOX = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)


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

    def header(self, row: int, columns: tuple[spec.Column, ...]) -> None:
        for index, column in enumerate(columns, 1):
            cell = self.put(row, index, spec.heading(column, self.lang), font=HEADER_FONT, alignment=WRAP)
            cell.fill = EDITABLE_FILL if column.editable else HEADER_FILL
            if column.editable:
                cell.comment = Comment(
                    "Vous pouvez modifier cette colonne ; planaction reprendra vos changements."
                    if self.lang == "fr"
                    else "You may edit this column; planaction will merge your changes back.",
                    "planaction",
                )

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
        styles = [formats.get(c.key) or ("wrap" if c.wrap else "top") for c in columns]
        fast = fast_rows.FastRows(self.ws, self.styles, first_row + 1)
        for values in rows:
            texts = [spec.cell_value(v, self.lang) for v in values]
            fast.add(texts, styles, height=_row_height(columns, widths, texts))
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
        return first_row + 1, last

    def fit(self, columns: tuple[spec.Column, ...], rows: list[list[Any]]) -> list[float]:
        """Column widths from the longest value, within sensible bounds."""
        widths = []
        for index, column in enumerate(columns, 1):
            longest = len(spec.heading(column, self.lang))
            for values in rows[:500]:
                value = values[index - 1]
                size = (
                    len(value)
                    if isinstance(value, str)
                    else (10 if isinstance(value, dt.date) else len(str(value or "")))
                )
                longest = max(longest, min(size, 200))
            cap = column.width if column.wrap else max(column.width, 60)
            width = max(8, min(longest + 2, cap))
            dimension = self.ws.column_dimensions[get_column_letter(index)]
            dimension.width = width
            dimension.hidden = column.hidden
            widths.append(width)
        return widths

    def print_setup(self, title: str, *, header_rows: str | None = "1:1") -> None:
        ws = self.ws
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        if header_rows:
            ws.print_title_rows = header_rows
        page = "Page &P / &N" if self.lang == "fr" else "Page &P of &N"
        ws.oddHeader.center.text = safe_text(title.replace("&", "&&"))[:200]
        ws.oddFooter.left.text = "planaction"
        ws.oddFooter.right.text = page


LINE_HEIGHT = 15  # points per line of 11-point text
MAX_LINES = 8


def _lines(text: str, width: float) -> int:
    per_line = max(int(width) - 1, 1)
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def _row_height(columns: tuple[spec.Column, ...], widths: list[float], values: list[Any]) -> float | None:
    """The height a row of wrapped text needs, or None for one line."""
    lines = 1
    for column, width, value in zip(columns, widths, values, strict=True):
        if column.wrap and isinstance(value, str) and value:
            lines = max(lines, _lines(value, width))
    return min(lines, MAX_LINES) * LINE_HEIGHT if lines > 1 else None


def _rag_rules(ws: Worksheet, ref: str, lang: str) -> None:
    for rag, fill in RAG_FILLS.items():
        ws.conditional_formatting.add(
            ref,
            CellIsRule(
                operator="equal",
                formula=[f'"{rag.label(lang)}"'],
                fill=PatternFill("solid", fgColor=fill),
                font=Font(color=RAG_FONTS[rag], bold=True),
            ),
        )


def _list_validation(ws: Worksheet, ref: str, choices: list[str], lang: str) -> None:
    formula = '"' + ",".join(c.replace('"', "'") for c in choices) + '"'
    validation = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="planaction",
        error=("Valeurs possibles : " if lang == "fr" else "Allowed values: ") + ", ".join(choices),
    )
    validation.add(ref)
    ws.add_data_validation(validation)


# ---------------------------------------------------------------------------
# Sheets


def _summary(sheet: Sheet, plan: Plan, today: dt.date) -> None:
    lang = sheet.lang
    ws = sheet.ws
    board = views.dashboard(plan, today, lang)
    sheet.put(1, 1, plan.title, font=TITLE_FONT)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
    row = 3

    def line(key: str, value: Any, **kwargs: Any) -> None:
        nonlocal row
        sheet.put(row, 1, word(key, lang) if key in WORDS else key, font=LABEL_FONT, alignment=TOP)
        sheet.put(row, 2, value, alignment=LEFT_WRAP, **kwargs)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=6)
        if isinstance(value, str) and _lines(value, 110) > 1:
            ws.row_dimensions[row].height = min(_lines(value, 110), 20) * LINE_HEIGHT
        row += 1

    if plan.objective is not None:
        line("objective", plan.objective.statement)
        if board.objective_figures:
            figures = f"{word('baseline', lang)} → {word('current', lang)} → {word('target', lang)} : {board.objective_figures}"
            line("", figures)
    line("owner", plan.owner)
    if plan.sponsor:
        line("sponsor", plan.sponsor)
    if plan.period is not None:
        line("period", f"{date_text(plan.period.start, lang)} – {date_text(plan.period.end, lang)}")
    rag_cell_row = row
    line("plan_rag", board.rag_text)
    if board.rag is not None:
        cell = ws.cell(row=rag_cell_row, column=2)
        cell.fill = PatternFill("solid", fgColor=RAG_FILLS[board.rag])
        cell.font = Font(bold=True, color=RAG_FONTS[board.rag])
    if board.progress is not None:
        line("progress", board.progress / 100, number_format="0%")
    if board.health is not None:
        line("health_score", board.health.score, number_format="0")
    line(
        "counts",
        ", ".join(f"{name} : {count}" if lang == "fr" else f"{name}: {count}" for name, count in board.counts if count),
    )
    line("exported", today)
    row += 1

    def section(key: str, items: list[str], *, limit: int = SUMMARY_ITEMS) -> None:
        nonlocal row
        if not items:
            return
        sheet.put(
            row, 1, f"{word(key, lang)} ({len(items)})" if len(items) > limit else word(key, lang), font=SECTION_FONT
        )
        row += 1
        if len(items) > limit:
            rest = len(items) - limit
            items = [
                *items[:limit],
                f"… et {rest} autres (feuille Actions)" if lang == "fr" else f"… and {rest} more (Actions sheet)",
            ]
        for item in items:
            sheet.put(row, 1, item, alignment=WRAP)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
            if _lines(item, 135) > 1:
                ws.row_dimensions[row].height = min(_lines(item, 135), 30) * LINE_HEIGHT
            row += 1
        row += 1

    section("overdue", [f"{title} — {who}" for title, who in board.overdue])
    section("due_soon", [f"{title} — {who}" for title, who in board.due_soon])
    section(
        "top_risks", [f"{title} — {mitigation}" if mitigation else title for title, _rag, mitigation in board.risks]
    )
    section("next_milestones", [f"{when} — {text}" for text, when, _late in board.milestones])
    if board.decision:
        section("next_decision", [board.decision])
    if plan.synthesis:
        section("synthesis", [plan.synthesis])
    if plan.recommendations:
        section("recommendations", [f"• {r}" for r in plan.recommendations], limit=100)
    ws.column_dimensions["A"].width = 28
    for letter in "BCDEF":
        ws.column_dimensions[letter].width = 22
    sheet.print_setup(plan.title, header_rows=None)


def _actions(sheet: Sheet, plan: Plan, today: dt.date) -> None:
    lang = sheet.lang
    streams = {s.id: s.name for s in plan.streams}
    rows = []
    for row in views.action_rows(plan, today, lang):
        a = row.action
        rows.append(
            [
                a.id,
                a.title,
                a.owner,
                ", ".join(a.co_owners),
                streams.get(a.stream or "", a.stream or ""),
                row.priority_text,
                a.start,
                a.due,
                row.status_text,
                a.progress / 100,
                a.completed,
                row.rag_text,
                row.why,
                "\n".join(a.indicators),
                a.comment or "",
            ]
        )
    first, last = sheet.table("Actions", spec.ACTION_COLUMNS, rows, formats={"progress": "0%"})
    ws = sheet.ws
    letters = {c.key: get_column_letter(i) for i, c in enumerate(spec.ACTION_COLUMNS, 1)}
    _list_validation(
        ws, f"{letters['status']}{first}:{letters['status']}{last + 1000}", [s.label(lang) for s in Status], lang
    )
    _list_validation(
        ws, f"{letters['priority']}{first}:{letters['priority']}{last + 1000}", [lv.label(lang) for lv in Level], lang
    )
    progress = DataValidation(
        type="decimal",
        operator="between",
        formula1="0",
        formula2="1",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="planaction",
        error="0 % – 100 %",
    )
    progress.add(f"{letters['progress']}{first}:{letters['progress']}{last + 1000}")
    ws.add_data_validation(progress)
    ws.conditional_formatting.add(
        f"{letters['progress']}{first}:{letters['progress']}{last}",
        DataBarRule(start_type="num", start_value=0, end_type="num", end_value=1, color="5B9BD5"),
    )
    _rag_rules(ws, f"{letters['rag']}{first}:{letters['rag']}{last}", lang)
    ws.freeze_panes = "B2"
    sheet.print_setup(plan.title)


def _log(sheet: Sheet, plan: Plan, lines: list[views.LogLine]) -> None:
    """The follow-up log, each row with its key in a hidden column of the table (see ``log_merge``)."""
    rows = [
        [
            line.date,
            line.action_id or "",
            line.action_title,
            line.result,
            line.comment,
            line.author,
            hidden_sheet.log_key(index),
        ]
        for index, line in enumerate(lines)
    ]
    sheet.table("Suivi" if sheet.lang == "fr" else "Log", spec.LOG_COLUMNS, rows)
    sheet.ws.freeze_panes = "A2"
    sheet.print_setup(plan.title)


def _kpis(sheet: Sheet, measures: Sheet, plan: Plan) -> list[tuple[str, dt.date, float, str | None]]:
    lang = sheet.lang
    rows = []
    for line in views.kpi_lines(plan, lang):
        kpi = plan.kpi(line.id)
        rows.append(
            [
                kpi.id,
                kpi.name,
                kpi.unit or "",
                kpi.direction.label(lang),
                kpi.baseline,
                rules.kpi_current(kpi),
                kpi.target,
                line.attainment,
            ]
        )
    sheet.table("KPIs", spec.KPI_COLUMNS, rows, formats={"attainment": "0%"})
    sheet.ws.freeze_panes = "B2"
    sheet.print_setup(plan.title)
    # measurements on their own sheet, grouped by KPI, which the charts read
    measurement_rows: list[list[Any]] = []
    ranges: dict[str, tuple[int, int]] = {}
    exported: list[tuple[str, dt.date, float, str | None]] = []
    for kpi in plan.kpis:
        ordered = sorted(kpi.measurements, key=lambda m: m.date)
        if ordered:
            start = len(measurement_rows) + 2
            ranges[kpi.id] = (start, start + len(ordered) - 1)
        for m in ordered:
            key = hidden_sheet.measurement_key(len(exported))
            measurement_rows.append([kpi.id, m.date, m.value, m.comment or "", key])
            exported.append((kpi.id, m.date, m.value, m.comment))
    measures.table("Mesures" if lang == "fr" else "Measurements", spec.MEASUREMENT_COLUMNS, measurement_rows)
    measures.ws.freeze_panes = "A2"
    measures.print_setup(plan.title)
    anchor_row = len(rows) + 4
    for index, kpi in enumerate(k for k in plan.kpis if k.id in ranges):
        start, end = ranges[kpi.id]
        if end - start < 1:
            continue
        chart = ScatterChart()
        chart.title = safe_text(f"{kpi.id} {kpi.name}")[:200]
        chart.style = 13
        chart.height, chart.width = 7, 14
        chart.x_axis.number_format = "dd/mm/yy" if lang == "fr" else "yyyy-mm-dd"
        chart.x_axis.title = word("date", lang)
        chart.y_axis.title = safe_text(kpi.unit or word("value", lang))[:100]
        chart.legend = None
        xs = Reference(measures.ws, min_col=2, min_row=start, max_row=end)
        ys = Reference(measures.ws, min_col=3, min_row=start, max_row=end)
        series = Series(ys, xs, title=safe_text(kpi.name)[:200])
        series.marker.symbol = "circle"
        chart.series.append(series)
        column = "A" if index % 2 == 0 else "F"
        sheet.ws.add_chart(chart, f"{column}{anchor_row + (index // 2) * 16}")
    return exported


def _risks(sheet: Sheet, plan: Plan) -> None:
    lang = sheet.lang
    rows = [
        [r.id, r.title, r.probability, r.impact, r.score, r.rag.label(lang), r.mitigation, r.owner, r.status]
        for r in views.risk_lines(plan, lang)
    ]
    first, last = sheet.table("Risques" if lang == "fr" else "Risks", spec.RISK_COLUMNS, rows)
    letter = get_column_letter(next(i for i, c in enumerate(spec.RISK_COLUMNS, 1) if c.key == "rag"))
    _rag_rules(sheet.ws, f"{letter}{first}:{letter}{last}", lang)
    sheet.ws.freeze_panes = "B2"
    sheet.print_setup(plan.title)


def _milestones(sheet: Sheet, plan: Plan) -> None:
    lang = sheet.lang
    yes, no = word("yes", lang), word("no", lang)
    rows = [
        [
            m.id,
            m.title,
            m.due,
            yes if m.done else no,
            m.done_on,
            m.criteria or "",
            "\n".join(m.deliverables),
            "\n".join(m.evidence),
        ]
        for m in sorted(plan.milestones, key=lambda m: m.due)
    ]
    sheet.table("Jalons" if lang == "fr" else "Milestones", spec.MILESTONE_COLUMNS, rows)
    sheet.ws.freeze_panes = "B2"
    sheet.print_setup(plan.title)


def _value(sheet: Sheet, plan: Plan) -> None:
    lang = sheet.lang
    rows = []
    for line in plan.value:
        rows.append(
            [
                line.id,
                line.hypothesis,
                line.indicator or "",
                line.baseline,
                line.target,
                line.actual,
                rules.value_per_year(line, plan),
                rules.line_roi(line, plan),
                line.notes or "",
            ]
        )
    currency = plan.budget.currency if plan.budget else "EUR"
    money = '#,##0 "€"' if currency == "EUR" else f"#,##0 {format_literal(currency)}"
    _first, last = sheet.table(
        "Valeur" if lang == "fr" else "Value", spec.VALUE_COLUMNS, rows, formats={"value": money, "roi": "0%"}
    )
    row = last + 2
    totals = [
        ("total", rules.total_value(plan), money),
        ("budget", plan.budget.amount if plan.budget else None, money),
        ("roi", rules.plan_roi(plan), "0%"),
    ]
    for key, value, number_format in totals:
        if value is None:
            continue
        sheet.put(row, 2, word(key, lang), font=LABEL_FONT)
        sheet.put(row, 7, value, number_format=number_format, font=LABEL_FONT)
        row += 1
    ttv = rules.time_to_value(plan)
    if ttv is not None:
        sheet.put(row, 2, word("time_to_value", lang), font=LABEL_FONT)
        sheet.put(
            row, 7, f"{ttv.days} j ({ttv.kpi})" if lang == "fr" else f"{ttv.days} days ({ttv.kpi})", font=LABEL_FONT
        )
    sheet.ws.freeze_panes = "B2"
    sheet.print_setup(plan.title)


def _meta(sheet: Sheet, records: list[list[Any]]) -> None:
    """The hidden sheet: what was exported, for the three-way merge (``hidden_sheet`` lays it out)."""
    fast = fast_rows.FastRows(sheet.ws, sheet.styles, 1)
    for record in records:
        fast.add(record, ["top"] * len(record))
    sheet.fast.append(fast)
    sheet.ws.sheet_state = "veryHidden"


def render(
    plan: Plan, *, plan_id: str, file_name: str, today: dt.date, lang: str, plan_path: Path | None = None
) -> bytes:
    """The workbook's bytes; ``plan_path``, the plan's file, is recorded for ``identity``."""
    wb = Workbook()
    styles = fast_rows.Styles(wb, "DD/MM/YYYY" if lang == "fr" else "YYYY-MM-DD")
    fast: list[fast_rows.FastRows] = []
    names = {key: spec.sheet_name(key, lang) for key in spec.SHEETS}

    def sheet(ws: Worksheet) -> Sheet:
        return Sheet(ws, lang, styles, fast)

    summary = wb.active
    summary.title = names["summary"]
    _summary(sheet(summary), plan, today)
    _actions(sheet(wb.create_sheet(names["actions"])), plan, today)
    log_lines = views.log_lines(plan, lang)
    _log(sheet(wb.create_sheet(names["log"])), plan, log_lines)
    measurements: list[tuple[str, dt.date, float, str | None]] = []
    if plan.kpis:
        measurements = _kpis(sheet(wb.create_sheet(names["kpis"])), sheet(wb.create_sheet(names["measurements"])), plan)
    else:
        del names["kpis"], names["measurements"]
    if plan.risks:
        _risks(sheet(wb.create_sheet(names["risks"])), plan)
    else:
        del names["risks"]
    if plan.milestones:
        _milestones(sheet(wb.create_sheet(names["milestones"])), plan)
    else:
        del names["milestones"]
    if plan.value:
        _value(sheet(wb.create_sheet(names["value"])), plan)
    else:
        del names["value"]
    records = hidden_sheet.records(
        plan,
        plan_id=plan_id,
        identity=identity.record(plan, plan_path),
        file_name=file_name,
        lang=lang,
        names=names,
        log_lines=log_lines,
        measurements=measurements,
    )
    _meta(sheet(wb.create_sheet(spec.META_SHEET)), records)
    props = wb.properties
    props.title = safe_text(plan.title)[:250]
    props.creator = "planaction"
    props.subject = plan.type.label(lang)
    props.keywords = plan_id
    props.description = safe_text(plan.objective.statement)[:250] if plan.objective else None
    props.created = dt.datetime.now()
    styles.close()  # the rows registered their styles as they were added
    return overwrite.seal(fast_rows.save(wb, fast))


def format_literal(text: str) -> str:
    """Plan text inside an Excel number format, as literal characters: each one backslash-escaped,
    so quotes, semicolons (sections) and brackets (colours, conditions) stay text."""
    return "".join("\\" + ch for ch in one_line(text)[:20])


def default_path(plan_path: Path) -> Path:
    return formats.default_path(plan_path)


def export(
    plan: Plan,
    path: Path,
    *,
    plan_id: str,
    file_name: str,
    today: dt.date,
    lang: str,
    plan_path: Path | None = None,
    replace: bool = False,
) -> Path:
    """Write the workbook atomically (a reader never sees half a file), never over a client's edits.

    A workbook at ``path`` that changed since planaction wrote it, and holds
    what the plan does not, or a file planaction did not write, is left as it
    is: ``overwrite.WorkbookChanged`` says so, unless ``replace`` is asked.

    Building it writes temporary files too (openpyxl spools sheets to the
    system's temp folder): a full disk there is a failed save, not a crash.
    """
    from planaction.store.atomic import SaveError, write_atomic

    try:
        data = render(plan, plan_id=plan_id, file_name=file_name, today=today, lang=lang, plan_path=plan_path)
    except OSError as exc:
        raise SaveError(
            f"{path}: cannot build the workbook ({exc.strerror or exc}); nothing was written. "
            "Free some disk space (the temporary folder too) and export again"
        ) from None

    def guard() -> None:  # under the folder lock, right before the rename: a workbook saved meanwhile counts
        if not replace:
            overwrite.guard(path, plan, plan_id=plan_id, plan_path=plan_path, today=today, lang=plan.language)

    write_atomic(path, data, check=guard)
    return path


def write(request: ExportRequest) -> Path:
    """The workbook as an export format (see ``exchange.formats``)."""
    return export(
        request.plan,
        request.output,
        plan_id=request.plan_id,
        file_name=request.plan_path.name,
        today=request.today,
        lang=request.lang,
        plan_path=request.plan_path,
        replace=request.replace,
    )
