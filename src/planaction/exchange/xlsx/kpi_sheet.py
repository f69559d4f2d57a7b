"""The KPI sheet and its measurements sheet, with one chart per KPI drawn from its measurements.

Measurements are grouped by KPI on their own sheet (the charts read those ranges); each row carries
its key in a hidden column so that the import recognises a corrected measurement (``measurement_merge``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl.chart import Reference, ScatterChart, Series
from openpyxl.worksheet.pagebreak import Break

from planaction.core import rules
from planaction.core.model import Plan
from planaction.exchange.xlsx import hidden_sheet, spec
from planaction.exchange.xlsx.sheet import Sheet, safe_text
from planaction.present.dashboard import kpi_lines
from planaction.words.exchange import say
from planaction.words.labels import word

#: A chart's height (cm) and the rows of 15 points it is given: two rows of charts fit an A4 landscape page.
CHART_HEIGHT = 6.8
CHART_ROWS = 15
CHARTS_DOWN = 2


def write_kpis(
    sheet: Sheet, measures: Sheet, plan: Plan, today: dt.date
) -> list[tuple[str, dt.date, float, str | None]]:
    """The KPIs as of ``today`` (a measurement dated later is not current yet, as in every other face);
    every measurement on its own sheet, the later ones included: they are the plan's data."""
    lang = sheet.lang
    rows = []
    for line in kpi_lines(plan, lang, today):
        kpi = plan.kpi(line.id)
        rows.append(
            [
                kpi.id,
                kpi.name,
                kpi.unit or "",
                kpi.direction.label(lang),
                kpi.baseline,
                rules.kpi_current(kpi, today),
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
    measures.table(say("table_measurements", lang), spec.MEASUREMENT_COLUMNS, measurement_rows)
    measures.ws.freeze_panes = "A2"
    measures.print_setup(plan.title)
    # the charts start on a page of their own, two by two, two rows of them a page: a page break
    # falls between two rows of charts, never across one
    ws = sheet.ws
    anchor_row = len(rows) + 3
    ws.row_breaks.append(Break(id=anchor_row - 1))
    placed = 0
    for kpi in (k for k in plan.kpis if k.id in ranges):
        start, end = ranges[kpi.id]
        if end - start < 1:
            continue
        chart = ScatterChart()
        chart.title = safe_text(f"{kpi.id} {kpi.name}")[:200]
        chart.style = 13
        chart.height, chart.width = CHART_HEIGHT, 13
        chart.x_axis.number_format = say("chart_date_format", lang)
        chart.x_axis.title = word("date", lang)
        chart.y_axis.title = safe_text(kpi.unit or word("value", lang))[:100]
        chart.legend = None
        xs = Reference(measures.ws, min_col=2, min_row=start, max_row=end)
        ys = Reference(measures.ws, min_col=3, min_row=start, max_row=end)
        series = Series(ys, xs, title=safe_text(kpi.name)[:200])
        series.marker.symbol = "circle"
        chart.series.append(series)
        block = placed // 2
        top = anchor_row + block * CHART_ROWS
        if placed % 2 == 0 and block and block % CHARTS_DOWN == 0:
            ws.row_breaks.append(Break(id=top - 2))  # a blank row above the charts of the new page
        ws.add_chart(chart, f"{'A' if placed % 2 == 0 else 'F'}{top}")
        placed += 1
    return exported
