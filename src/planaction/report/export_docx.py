"""The ``.docx`` export format: seed 000's Word canvas, the "Plan d'Action Visuel", filled from the plan.

The canvas's parts in its order: the strategic objective, the plan's summary table (project or
area, owner, period), the situation analysis (QQOQCP and SWOT, when the plan has them), the action planning table (action, owner, start, end, indicator, resources,
status), the follow-up and evaluation table (action followed, date, result, comment), the
synthesis and recommendations, and the overall progress chart seed 000's commentary asks for —
a native Word chart (``docx_chart``), by stream when the plan has streams, else by action.
A4 landscape, so the seven columns of the planning table stay readable; the header row of each
table is repeated on every page. python-docx is imported here, so only when the format is asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsmap, qn
from docx.shared import Cm, Pt, RGBColor

from planaction.core.model import Status
from planaction.core.structures import skills_gap
from planaction.present import views
from planaction.present.improvement import improvement_view
from planaction.report import docx_chart, office
from planaction.words.decks import say
from planaction.words.improvement import say as say_loop
from planaction.words.labels import date_text, word
from planaction.words.structures import say as say_structures

if TYPE_CHECKING:
    from docx.table import Table

    from planaction.exchange.formats import ExportRequest
    from planaction.report.build import PlanReport

#: Bars in the progress chart when it shows actions (a plan without streams): the first ones, in plan order.
CHART_ACTIONS = 20


def _shade(cell: Any, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _table(
    document: Any,
    headings: list[str],
    rows: list[list[str]],
    widths: list[float],
    fills: dict[tuple[int, int], str] | None = None,
) -> Table:
    """A table with a shaded header row repeated on every page; ``widths`` in centimetres, ``fills``
    (row, column) -> colour. The rows are written as one piece of XML: python-docx takes about
    0.5 ms a cell, seconds for a plan of 1,000 actions."""
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # the widths below hold in Word and Writer alike
    header = table.rows[0]
    flag = OxmlElement("w:tblHeader")  # repeated at the top of each page the table runs onto
    flag.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(flag)
    for cell, heading, column, width in zip(header.cells, headings, table.columns, widths, strict=True):
        cell.text = heading
        cell.width = column.width = Cm(width)
        run = cell.paragraphs[0].runs[0]
        run.font.bold = True
        run.font.color.rgb = RGBColor.from_string("FFFFFF")
        _shade(cell, office.HEADER_FILL)
    twips = [int(Cm(width).twips) for width in widths]
    fills = fills or {}
    body = []
    for r, values in enumerate(rows):
        cells = []
        for c, value in enumerate(values):
            shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fills[r, c]}"/>' if (r, c) in fills else ""
            lines = "<w:br/>".join(
                f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in office.text(value).split("\n")
            )
            cells.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{twips[c]}" w:type="dxa"/>{shade}</w:tcPr><w:p><w:r>{lines}</w:r></w:p></w:tc>'
            )
        # a row never breaks across pages
        body.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>")
    if body:
        made = parse_xml(f'<w:tbl xmlns:w="{nsmap["w"]}">{"".join(body)}</w:tbl>')
        table._tbl.extend(list(made))
    return table


def _heading(document: Any, key: str, lang: str) -> None:
    document.add_heading(say(key, lang), level=1)


def _styles(document: Any) -> None:
    """One explicit font everywhere (``office.FONT``), headings in the house colour."""
    for name, size in (("Normal", 10), ("Title", 24), ("Heading 1", 14), ("Subtitle", 12)):
        style = document.styles[name]
        style.font.name = office.FONT
        style.font.size = Pt(size)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), office.FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(theme), None)
        if name != "Normal":
            style.font.color.rgb = RGBColor.from_string(office.ACCENT)


def _page(document: Any, report: PlanReport) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    footer = section.footer.paragraphs[0]
    footer.text = office.short(
        say("footer", report.lang, title=report.plan.title, date=date_text(report.today, report.lang)), 200
    )
    for run in footer.runs:
        run.font.size = Pt(8)
        run.font.color.rgb = RGBColor.from_string("7F7F7F")


def _objective(document: Any, report: PlanReport) -> None:
    lang, plan = report.lang, report.plan
    _heading(document, "canvas_objective", lang)
    if plan.objective is not None:
        document.add_paragraph(office.text(plan.objective.statement))
        if report.board.objective_figures:
            figures = f"{word('baseline', lang)} → {word('current', lang)} → {word('target', lang)} : {report.board.objective_figures}"
            document.add_paragraph(office.text(figures))


def _summary(document: Any, report: PlanReport) -> None:
    lang, plan = report.lang, report.plan
    _heading(document, "canvas_summary", lang)
    period = ""
    if plan.period is not None:
        period = say(
            "period_text", lang, start=date_text(plan.period.start, lang), end=date_text(plan.period.end, lang)
        )
    headings = [say("canvas_domain", lang), say("canvas_owner", lang), say("canvas_period", lang)]
    _table(document, headings, [[plan.title, report.owner or plan.owner, period]], [12.0, 7.0, 7.7])


def _situation(document: Any, report: PlanReport) -> None:
    """The situation analysis (seed 001): the QQOQCP questions answered, then the SWOT as its 2 x 2 grid
    (internal strengths and weaknesses above, external opportunities and threats below)."""
    lang = report.lang
    view = improvement_view(report.plan, lang)
    if not (view.context or view.swot):
        return
    document.add_heading(say_loop("situation", lang), level=1)
    if view.context:
        _table(document, [say_loop("qqoqcp", lang), ""], [[label, text] for label, text in view.context], [5.0, 21.7])
    if view.swot:
        quadrant = {key: (label, "\n".join(f"• {item}" for item in items)) for key, label, items in view.swot}
        document.add_paragraph()
        _table(
            document,
            [quadrant["strengths"][0], quadrant["weaknesses"][0]],
            [
                [quadrant["strengths"][1], quadrant["weaknesses"][1]],
                [quadrant["opportunities"][0], quadrant["threats"][0]],
                [quadrant["opportunities"][1], quadrant["threats"][1]],
            ],
            [13.35, 13.35],
            {(1, 0): office.NEUTRAL_FILL, (1, 1): office.NEUTRAL_FILL},
        )


def _cooperation(document: Any, report: PlanReport) -> None:
    """A cooperation's partners (seed 004: what each brings, what it expects) and its skills gap with the
    guide's three answers; nothing for a plan without partners nor gap."""
    lang, plan = report.lang, report.plan
    if plan.partners:
        document.add_heading(say("table_partners", lang), level=1)
        headings = [word("name", lang), say("col_kind", lang), say("col_brings", lang), say("col_expects", lang)]
        rows = [[p.name, p.kind or "", p.brings or "", p.expects or ""] for p in plan.partners]
        _table(document, headings, rows, [5.2, 4.0, 8.75, 8.75])
    gaps = skills_gap(plan)
    if gaps:
        document.add_heading(say_structures("gap", lang), level=1)
        for gap in gaps:
            line = say_structures("gap_line", lang, skill=gap.skill, ids=", ".join(gap.actions))
            document.add_paragraph(office.short(line, 400), style="List Bullet")
        document.add_paragraph(say_structures("gap_answers", lang))


def _planning(document: Any, report: PlanReport) -> None:
    lang, plan = report.lang, report.plan
    _heading(document, "canvas_planning", lang)
    rows = views.action_rows(plan, report.today, lang)
    if not rows:
        document.add_paragraph(say("canvas_no_actions", lang))
        return
    headings = [
        word("action", lang),
        word("owner", lang),
        word("start", lang),
        word("end", lang),
        word("indicator", lang),
        word("resources", lang),
        word("status", lang),
    ]
    values = [
        [
            f"{r.id} {r.title}",
            r.owner,
            date_text(r.action.start, lang),
            r.due_text,
            "\n".join(r.action.indicators),
            r.action.resources or "",
            r.status_text,
        ]
        for r in rows
    ]
    fills = {(r, 6): office.rag_colours(line.rag)[0] for r, line in enumerate(rows) if line.rag is not None}
    _table(document, headings, values, [7.5, 3.6, 2.3, 2.3, 5.0, 3.8, 2.2], fills)


def _follow_up(document: Any, report: PlanReport) -> None:
    lang = report.lang
    _heading(document, "canvas_follow_up", lang)
    lines = views.log_lines(report.plan, lang)
    if not lines:
        document.add_paragraph(say("canvas_no_log", lang))
        return
    headings = [
        say("canvas_followed", lang),
        say("canvas_follow_date", lang),
        word("result", lang),
        word("comment", lang),
    ]
    rows = [
        [f"{line.action_id} {line.action_title}".strip(), line.date_text, line.result, line.comment] for line in lines
    ]
    _table(document, headings, rows, [7.5, 2.8, 8.0, 8.4])


def _synthesis(document: Any, report: PlanReport) -> None:
    lang, plan = report.lang, report.plan
    _heading(document, "canvas_synthesis", lang)
    if plan.synthesis:
        document.add_paragraph(office.text(plan.synthesis))
    for text in plan.recommendations:
        document.add_paragraph(office.text(text), style="List Bullet")
    if not plan.synthesis and not plan.recommendations:
        document.add_paragraph(say("canvas_nothing", lang))


def _progress(document: Any, report: PlanReport) -> None:
    """Overall progress in words, then as a native bar chart: the whole plan, then each stream (or action)."""
    lang, plan, board = report.lang, report.plan, report.board
    _heading(document, "canvas_progress", lang)
    said = document.add_paragraph(office.text(say("progress_line", lang, progress=board.progress_text or "–")))
    said.paragraph_format.keep_with_next = True
    live = [a for a in plan.actions if a.status != Status.CANCELLED]
    if not live:
        return
    bars = [(say("overall", lang), (board.progress or 0) / 100)]
    if plan.streams:
        for stream in plan.streams:
            mine = [a for a in live if a.stream == stream.id]
            if mine:
                values = [100 if a.status == Status.DONE else a.progress for a in mine]
                bars.append((office.short(stream.name, 40), sum(values) / len(values) / 100))
        caption = say("canvas_chart_streams", lang)
    else:
        for a in live[:CHART_ACTIONS]:
            bars.append((office.short(f"{a.id} {a.title}", 40), (100 if a.status == Status.DONE else a.progress) / 100))
        caption = say("canvas_chart", lang)
    document.add_paragraph(caption, style="Caption").paragraph_format.keep_with_next = True  # with its chart
    height = Cm(min(3 + 0.75 * len(bars), 16))
    docx_chart.add_bar_chart(
        document,
        document.add_paragraph(),
        [label for label, _v in bars],
        word("progress", lang),
        [round(v, 3) for _l, v in bars],
        width=Cm(24),
        height=height,
        font=office.FONT,
    )


def build(request: ExportRequest) -> Any:
    """The canvas as a python-docx ``Document``."""
    report = office.report_for(request)
    lang = request.lang
    document = Document()
    _styles(document)
    _page(document, report)
    document.add_heading(say("canvas_title", lang), level=0)
    document.add_paragraph(office.short(report.plan.title, 300), style="Subtitle")
    for part in (_objective, _summary, _situation, _cooperation, _planning, _follow_up, _synthesis, _progress):
        part(document, report)
    props = document.core_properties
    props.title = office.short(report.plan.title, 250)
    props.author = "planaction"
    props.subject = say("canvas_title", lang)
    return document


def write(request: ExportRequest) -> Path:
    return office.save(request, build(request))
