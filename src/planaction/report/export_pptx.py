"""The ``.pptx`` export format: seed 003's QBR pack, five editable slides.

Executive summary (RAG, three highlights, three decisions expected), adoption (the KPIs of use as
a native line chart), value (KPIs against baseline and target, with gap comments, and an
attainment bar chart), initiatives and risks (progress by stream, top risks, blockers), roadmap
and priorities (milestones, next actions). Every chart is a native chart with its data inside
(the client edits it in PowerPoint or Impress), every table a native table, never a picture.
What each slide says is decided in ``qbr``; this module only lays it out. python-pptx is imported
here, so only when the format is asked for.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from planaction.report import office, qbr
from planaction.words.decks import say
from planaction.words.labels import date_text, percent, word

if TYPE_CHECKING:
    from pptx.slide import Slide

    from planaction.exchange.formats import ExportRequest

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9
MARGIN = Inches(0.5)
BODY_TOP = Inches(1.35)
INNER = WIDTH - 2 * MARGIN
TITLE_ONLY = 5  # the default template's "Title Only" layout: a real title placeholder on every slide
#: Slide tables stay on the slide: rows and cell text are capped (the workbook has everything).
TABLE_ROWS = 8
CELL = 70


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour)


def _style_runs(frame: Any, size: int, *, bold: bool = False, colour: str | None = None) -> None:
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.name = office.FONT
            run.font.bold = bold
            if colour:
                run.font.color.rgb = _rgb(colour)


def _slide(prs: Any, title: str, footer: str) -> Slide:
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    heading = slide.shapes.title
    heading.left, heading.top, heading.width, heading.height = MARGIN, Inches(0.3), INNER, Inches(0.9)
    heading.text = office.text(title)
    heading.text_frame.word_wrap = True
    _style_runs(heading.text_frame, 30, bold=True, colour=office.ACCENT)
    box = slide.shapes.add_textbox(MARGIN, HEIGHT - Inches(0.5), INNER, Inches(0.35))
    box.text_frame.text = office.short(footer, 160)
    _style_runs(box.text_frame, 10, colour="7F7F7F")
    return slide


def _bullets(slide: Slide, left: int, top: int, width: int, height: int, heading: str, items: list[str]) -> None:
    """A heading and its items, one paragraph each (text, never markup)."""
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    frame.text = office.text(heading)
    _style_runs(frame, 20, bold=True, colour=office.ACCENT)
    for item in items:
        paragraph = frame.add_paragraph()
        run = paragraph.add_run()
        run.text = "• " + office.short(item, 220)
        run.font.size, run.font.name = Pt(16), office.FONT
        paragraph.space_before = Pt(6)


def _note(slide: Slide, left: int, top: int, width: int, said: str, size: int = 14) -> None:
    box = slide.shapes.add_textbox(left, top, width, Inches(0.5))
    box.text_frame.word_wrap = True
    box.text_frame.text = office.short(said, 300)
    _style_runs(box.text_frame, size, colour="404040")


def _table(
    slide: Slide,
    left: int,
    top: int,
    width: int,
    headings: list[str],
    rows: list[list[str]],
    widths: list[float],
    *,
    fills: dict[tuple[int, int], tuple[str, str]] | None = None,
    right: tuple[int, ...] = (),
) -> None:
    """A native table: a header row and the rows (capped at ``TABLE_ROWS``), ``widths`` in shares of ``width``,
    ``fills`` (row, column) -> (fill, text colour) for RAG cells, ``right`` the columns of figures."""
    rows = rows[:TABLE_ROWS]
    shape = slide.shapes.add_table(len(rows) + 1, len(headings), left, top, width, Inches(0.4) * (len(rows) + 1))
    table = shape.table
    total = sum(widths)
    for index, share in enumerate(widths):
        table.columns[index].width = Emu(int(width * share / total))
    for r, values in enumerate([headings, *rows]):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.text = office.short(value, CELL)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            for paragraph in cell.text_frame.paragraphs:
                if c in right and r > 0:
                    paragraph.alignment = PP_ALIGN.RIGHT  # figures line up
            _style_runs(cell.text_frame, 11, bold=r == 0, colour="FFFFFF" if r == 0 else None)
            if r == 0:
                cell.fill.solid()
                cell.fill.fore_color.rgb = _rgb(office.HEADER_FILL)
    for (r, c), (fill, colour) in (fills or {}).items():
        cell = table.cell(r + 1, c)
        cell.fill.solid()
        cell.fill.fore_color.rgb = _rgb(fill)
        _style_runs(cell.text_frame, 11, bold=True, colour=colour)


def _chart_font(chart: Any) -> None:
    chart.font.size = Pt(12)
    chart.font.name = office.FONT


def _summary(prs: Any, deck: qbr.Qbr, lang: str) -> None:
    slide = _slide(prs, say("slide_summary", lang), deck.footer)
    fill, colour = office.rag_colours(deck.rag)
    badge = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, MARGIN, BODY_TOP, Inches(4.0), Inches(1.0))
    badge.fill.solid()
    badge.fill.fore_color.rgb = _rgb(fill)
    badge.line.color.rgb = _rgb(colour)
    badge.text_frame.text = deck.rag_line
    _style_runs(badge.text_frame, 22, bold=True, colour=colour)
    box = slide.shapes.add_textbox(MARGIN, BODY_TOP + Inches(1.2), Inches(4.0), Inches(2.5))
    frame = box.text_frame
    frame.word_wrap = True
    frame.text = office.short(deck.title, 160)
    for line in deck.status_lines:
        frame.add_paragraph().text = office.text(line)
    _style_runs(frame, 16)
    right = MARGIN + Inches(4.4)
    _bullets(slide, right, BODY_TOP, INNER - Inches(4.4), Inches(2.6), say("highlights", lang), deck.highlights)
    _bullets(
        slide, right, BODY_TOP + Inches(2.8), INNER - Inches(4.4), Inches(2.6), say("decisions", lang), deck.decisions
    )


def _adoption(prs: Any, deck: qbr.Qbr, lang: str) -> None:
    slide = _slide(prs, say("slide_adoption", lang), deck.footer)
    if not deck.adoption:
        _note(slide, MARGIN, BODY_TOP, INNER, deck.adoption_note)
        return
    days = sorted({day for series in deck.adoption for day, _v in series.points})
    data = CategoryChartData(number_format="0.##")
    # the measurement dates as words: a date axis would label every day between them
    data.categories = [date_text(day, lang) for day in days]
    for series in deck.adoption:
        values = dict(series.points)
        name = f"{series.id} {series.name}" + (f" ({series.unit})" if series.unit else "")
        data.add_series(office.short(name, 80), [values.get(day) for day in days])
    frame = slide.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, MARGIN, BODY_TOP, Inches(6.8), Inches(5.0), data)
    chart = frame.chart
    _chart_font(chart)
    # a KPI not measured on a date joins its neighbours rather than breaking the line
    blanks = chart._chartSpace.chart.find(qn("c:dispBlanksAs"))
    if blanks is not None:
        blanks.set("val", "span")
    chart.has_title = True
    chart.chart_title.text_frame.text = say("adoption_chart", lang)
    _style_runs(chart.chart_title.text_frame, 16, bold=True)
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    shown = {s.id for s in deck.adoption}
    rows = [[f"{k.id} {k.name}", k.baseline, k.current, k.target] for k in deck.kpis if k.id in shown]
    headings = [word("kpi", lang), word("baseline", lang), word("current", lang), word("target", lang)]
    left = MARGIN + Inches(7.0)
    _table(slide, left, BODY_TOP, INNER - Inches(7.0), headings, rows, [2.6, 1, 1, 1], right=(1, 2, 3))
    if deck.adoption_note:
        _note(slide, MARGIN, BODY_TOP + Inches(5.1), INNER, deck.adoption_note, 12)


def _value(prs: Any, deck: qbr.Qbr, lang: str) -> None:
    slide = _slide(prs, say("slide_value", lang), deck.footer)
    if not deck.kpis:
        _note(slide, MARGIN, BODY_TOP, INNER, say("no_kpis", lang))
        return
    headings = [
        word("kpi", lang),
        word("baseline", lang),
        word("current", lang),
        word("target", lang),
        word("attainment", lang),
        say("gap_comment", lang),
    ]
    rows = [
        [
            f"{k.id} {k.name}",
            _with_unit(k.baseline, k.unit),
            _with_unit(k.current, k.unit),
            _with_unit(k.target, k.unit),
            k.attainment_text,
            gap,
        ]
        for k, gap in zip(deck.kpis, deck.gaps, strict=True)
    ]
    _table(slide, MARGIN, BODY_TOP, INNER, headings, rows, [3.2, 1.1, 1.1, 1.1, 1.0, 4.2], right=(1, 2, 3, 4))
    measured = [k for k in deck.kpis[: qbr.PRIORITIES] if k.attainment is not None]
    top = BODY_TOP + Inches(0.4) * (min(len(rows), TABLE_ROWS) + 1) + Inches(0.25)
    if measured and top < HEIGHT - Inches(2.3):
        data = CategoryChartData(number_format="0%")
        data.categories = [k.id for k in measured]
        data.add_series(word("attainment", lang), [round(k.attainment or 0, 3) for k in measured])
        frame = slide.shapes.add_chart(
            XL_CHART_TYPE.BAR_CLUSTERED, MARGIN, top, Inches(7.0), HEIGHT - Inches(0.6) - top, data
        )
        chart = frame.chart
        _chart_font(chart)
        chart.has_legend = False
        chart.has_title = True
        chart.chart_title.text_frame.text = say("value_chart", lang)
        _style_runs(chart.chart_title.text_frame, 12, bold=True)
        chart.plots[0].has_data_labels = True
        chart.plots[0].data_labels.number_format = "0%"
        chart.plots[0].data_labels.number_format_is_linked = False
        chart.value_axis.tick_labels.number_format = "0%"
        chart.value_axis.tick_labels.number_format_is_linked = False
    if deck.value_line:
        _note(slide, MARGIN + Inches(7.3), top, INNER - Inches(7.3), deck.value_line, 16)


def _with_unit(figure: str, unit: str) -> str:
    return f"{figure} {unit}".strip() if figure else ""


def _initiatives(prs: Any, deck: qbr.Qbr, lang: str) -> None:
    slide = _slide(prs, say("slide_initiatives", lang), deck.footer)
    headings = [
        word("stream", lang),
        word("rag", lang),
        word("progress", lang),
        say("open_actions", lang),
        say("blocked", lang),
    ]
    rows = [
        [s.name, s.rag.label(lang) if s.rag else "", percent(s.progress, lang), str(s.open), str(s.blocked)]
        for s in deck.streams
    ]
    fills = {(r, 1): office.rag_colours(s.rag) for r, s in enumerate(deck.streams[:TABLE_ROWS]) if s.rag}
    half = (INNER - Inches(0.3)) // 2
    _table(slide, MARGIN, BODY_TOP, half, headings, rows, [2.0, 1.1, 1.6, 1.3, 1.3], fills=fills, right=(2, 3, 4))
    left = MARGIN + half + Inches(0.3)
    if deck.risks:
        headings = [word("risk", lang), word("score", lang), word("mitigation", lang), word("owner", lang)]
        rows = [[f"{r.id} {r.title}", str(r.score), r.mitigation, r.owner] for r in deck.risks]
        fills = {(i, 1): office.rag_colours(r.rag) for i, r in enumerate(deck.risks)}
        _table(slide, left, BODY_TOP, half, headings, rows, [2.4, 0.7, 2.8, 1.7], fills=fills, right=(1,))
    else:
        _note(slide, left, BODY_TOP, half, say("no_risks", lang))
    # under the streams (short rows), beside the risks (whose mitigations wrap)
    top = BODY_TOP + Inches(0.45) * (min(len(deck.streams), TABLE_ROWS) + 1) + Inches(0.3)
    items = deck.blockers or [say("no_blockers", lang)]
    _bullets(slide, MARGIN, top, half, HEIGHT - top - Inches(0.6), say("blockers", lang), items)


def _roadmap(prs: Any, deck: qbr.Qbr, lang: str) -> None:
    slide = _slide(prs, say("slide_roadmap", lang), deck.footer)
    width = Inches(6.5)
    if deck.milestones:
        headings = [word("due", lang), word("milestone", lang), say("state", lang), word("criteria", lang)]
        rows = [[m.date, m.title, m.state, m.criteria] for m in deck.milestones]
        colours = {"ms_done": "C6EFCE", "ms_late": "FFC7CE", "ms_next": "DDEBF7"}
        fills = {(i, 2): (colours[m.state_key], "000000") for i, m in enumerate(deck.milestones)}
        _table(slide, MARGIN, BODY_TOP, width, headings, rows, [1.2, 2.4, 1.1, 2.3], fills=fills)
    else:
        _note(slide, MARGIN, BODY_TOP, width, say("no_milestones", lang))
    left = MARGIN + width + Inches(0.3)
    box = slide.shapes.add_textbox(left, BODY_TOP, INNER - width - Inches(0.3), Inches(0.45))
    box.text_frame.text = say("priorities", lang)
    box.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    _style_runs(box.text_frame, 16, bold=True, colour=office.ACCENT)
    top = BODY_TOP + Inches(0.5)
    if deck.priorities:
        headings = [word("id", lang), word("action", lang), word("owner", lang), word("due", lang)]
        rows = [[a.id, a.title, a.owner, a.due_text] for a in deck.priorities]
        _table(slide, left, top, INNER - width - Inches(0.3), headings, rows, [0.7, 2.6, 1.5, 1.3])
    else:
        _note(slide, left, top, INNER - width - Inches(0.3), say("no_priorities", lang))


def build(request: ExportRequest) -> Any:
    """The deck as a python-pptx ``Presentation``."""
    lang = request.lang
    deck = qbr.qbr(office.report_for(request))
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    props = prs.core_properties
    props.title = office.short(deck.title, 250)
    props.author = "planaction"
    props.subject = say("qbr_title", lang)
    props.created = props.modified = dt.datetime.combine(request.today, dt.time())
    for lay_out in (_summary, _adoption, _value, _initiatives, _roadmap):
        lay_out(prs, deck, lang)
    return prs


def write(request: ExportRequest) -> Path:
    return office.save(request, build(request))
