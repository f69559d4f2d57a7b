"""The Measurements sheet merged back: a KPI's value on a date, new or corrected.

A measurement is known by its KPI and its date, as ``ops.record_measurements``
knows it; so rows may be sorted, inserted or deleted, and sending the
workbook again changes nothing.
"""

from __future__ import annotations

from planaction.exchange import workbook as spec
from planaction.exchange.book import Row
from planaction.exchange.merge import UNREAD, Conflict, MergeContext, decide
from planaction.labels import date_text, number


def merge_measurements(ctx: MergeContext) -> None:
    sheet = ctx.book.sheets.get("measurements")
    if sheet is None:
        return
    wanted = {c.key: spec.heading(c, ctx.book.lang) for c in spec.MEASUREMENT_COLUMNS}
    columns = sheet.columns(wanted, ctx.problems)
    if len(columns) < len(wanted):
        return
    kpis = {k.id: k for k in ctx.plan.kpis}
    exported = {(m.kpi, m.date): m.value for m in ctx.book.recorded.measurements}
    for r, values in enumerate(sheet.rows[1:], 1):
        row = Row(sheet, r, values, columns)
        if row.empty():
            continue
        kpi_id = ctx.read(row, "kpi", ctx.identifier)
        day = ctx.read(row, "date", ctx.date)
        value = ctx.read(row, "value", ctx.figure)
        comment = ctx.read(row, "comment", ctx.identifier)
        if any(v is UNREAD for v in (kpi_id, day, value, comment)):
            continue
        if kpi_id not in kpis:
            ctx.refuse(row, "kpi", f'unknown KPI "{kpi_id}"', f"known KPIs: {', '.join(kpis) or 'none'}")
            continue
        if day is None:
            ctx.refuse(row, "date", '"" is not a date', "write a date, e.g. 15/05/2025")
            continue
        base = exported.get((kpi_id, day.isoformat()))
        ours_m = next((m for m in kpis[kpi_id].measurements if m.date == day), None)
        ours = ours_m.value if ours_m else None
        decision = decide(base, value, ours, ctx.prefer)
        if decision == "conflict":
            ctx.result.conflicts.append(Conflict(kpi_id, day.isoformat(), base, value, ours, row.where("value")))
            continue
        if decision != "apply":
            continue
        shown = number(value, ctx.lang)
        ctx.result.changes.append(
            ctx.t(
                f"+ mesure {kpi_id} {date_text(day, 'fr')} : {shown}",
                f"+ measurement {kpi_id} {day.isoformat()}: {shown}",
            )
        )
        ctx.result.measurements.append((kpi_id, day, value, comment or None))
