"""The Measurements sheet merged back: a KPI's value on a date, new or corrected, with its comment.

A measurement is known by its KPI and its date, as ``ops.record_measurements``
knows it: rows may be sorted, inserted or deleted, and sending the workbook
again changes nothing. Like the follow-up rows, each exported row carries a
key in a hidden column, which tells the exported row (edited in place or
not) from a row the client added:

* the exported row says its value and its comment: a cleared comment is
  cleared, a changed value a correction;
* an added row says its value, and its comment if it has one: an empty
  comment cell in a new row says nothing, so the plan's comment stays;
* on a date the plan already has, a new value is a *correction*, said as one
  (``6 → 5,5``), never a silent replacement; value and comment are merged
  each by the one rule (``core.threeway.decide``, as ``planaction merge``), so a value changed in the plan too
  is a conflict;
* two rows saying different things for one KPI and date: which one holds
  cannot be told, so the workbook is refused, naming the cells;
* an exported row whose KPI or date was changed is reported, not taken
  (add a row for a new measurement); a deleted row leaves the plan as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planaction.core.model import Measurement
from planaction.core.threeway import decide
from planaction.exchange.xlsx import merge_words, spec
from planaction.exchange.xlsx.book import Row
from planaction.exchange.xlsx.hidden_sheet import MeasurementBase
from planaction.exchange.xlsx.merge import UNREAD, Conflict, Ignored, MergeContext
from planaction.words.labels import date_text


@dataclass
class _Read:
    row: Row
    key: str
    kpi: str
    date: dt.date
    value: float
    comment: str
    in_place: bool = False  # the exported row of its key (else a row the client added)


def merge_measurements(ctx: MergeContext) -> None:
    sheet = ctx.book.sheets.get("measurements")
    if sheet is None:
        return
    wanted = {c.key: spec.heading(c, ctx.book.lang) for c in spec.MEASUREMENT_COLUMNS}
    columns = sheet.columns(wanted, ctx.problems, optional=("key",))
    if len(columns) < len(wanted) - ("key" not in columns):
        return
    kpis = {k.id: k for k in ctx.plan.kpis}
    reads = []
    for r, values in enumerate(sheet.rows[1:], 1):
        row = Row(sheet, r, values, columns)
        if not row.empty():
            read = _read(ctx, row, kpis)
            if read is not None:
                reads.append(read)
    by_key = {base.key: base for base in ctx.book.recorded.measurements if base.key}
    placed: set[str] = set()
    # the exported row of a key: among its rows still on its KPI and date, one holding it untouched
    # (the others are copies), else the first; so the rows' order does not matter
    for untouched_only in (True, False):
        for read in reads:
            base = by_key.get(read.key)
            if base is None or read.key in placed or (read.kpi, read.date.isoformat()) != (base.kpi, base.date):
                continue
            if not untouched_only or (read.value, read.comment) == (base.value, _base_comment(base, None)):
                read.in_place = True
                placed.add(read.key)
    for read in reads:
        base = by_key.get(read.key)
        if base is not None and read.key not in placed and not _says_nothing(read, base):
            said = ctx.say("measurement_moved", sheet=read.row.sheet.name, row=read.row.number)
            ctx.result.ignored.append(
                Ignored(said, sheet=read.row.sheet.name, cell=read.row.where("date"), id=read.kpi, field="measurement")
            )
            read.key = "moved"
    exported: dict[tuple[str, str], list[MeasurementBase]] = {}
    for base in ctx.book.recorded.measurements:
        exported.setdefault((base.kpi, base.date), []).append(base)
    groups: dict[tuple[str, dt.date], list[_Read]] = {}
    for read in reads:
        if read.key != "moved":
            groups.setdefault((read.kpi, read.date), []).append(read)
    for (kpi_id, day), group in groups.items():
        bases = exported.get((kpi_id, day.isoformat()), [])
        base = bases[0] if len(bases) == 1 else None
        ours = [m for m in kpis[kpi_id].measurements if m.date == day]
        current = ours[-1] if ours else None
        statements = {}
        for read in group:
            said = _statement(read, base, current)
            if not any(said == (b.value, _base_comment(b, current)) for b in bases):
                statements.setdefault(said, read)
        if not statements:
            continue  # the exported measurements, untouched, or rows repeating them
        if len(statements) > 1:
            first, *others = statements.values()
            for read in others:
                ctx.refuse(
                    read.row,
                    "value",
                    f"a second value for {kpi_id} on {day.isoformat()} (the first is at {first.row.where('value')})",
                    "keep one row per KPI and date: correct the value in one row and delete the other",
                )
            continue
        ((value, comment), read), *_ = statements.items()
        _merge_one(ctx, read, value, comment, base, current)


def _read(ctx: MergeContext, row: Row, kpis: dict) -> _Read | None:
    key = ctx.identifier(row.cell("key")) if "key" in row.columns else ""
    kpi_id = ctx.read(row, "kpi", ctx.identifier)
    day = ctx.read(row, "date", ctx.date)
    value = ctx.read(row, "value", ctx.figure)
    comment = ctx.read(row, "comment", ctx.text)
    if any(v is UNREAD for v in (kpi_id, day, value, comment)):
        return None
    if kpi_id not in kpis:
        ctx.refuse(row, "kpi", f'unknown KPI "{kpi_id}"', f"known KPIs: {', '.join(kpis) or 'none'}")
        return None
    if day is None:
        ctx.refuse(row, "date", '"" is not a date', "write the date of the measurement, e.g. 15/05/2025")
        return None
    return _Read(row, key, kpi_id, day, value, comment.strip())


def _comment(measurement: Measurement | None) -> str:
    return spec.cell_text(measurement.comment or "").strip() if measurement else ""


def _base_comment(base: MeasurementBase, current: Measurement | None) -> str:
    """The comment as exported (a format-1 workbook did not record it: the plan's stands for it)."""
    return base.comment.strip() if base.comment is not None else _comment(current)


def _statement(read: _Read, base: MeasurementBase | None, current: Measurement | None) -> tuple[float, str]:
    """(value, comment) a row says: an added row's empty comment says nothing, so it keeps the comment there is."""
    if read.comment or read.in_place:
        return read.value, read.comment
    known = _base_comment(base, current) if base is not None else _comment(current)
    return read.value, known


def _says_nothing(read: _Read, base: MeasurementBase) -> bool:
    return (read.kpi, read.date.isoformat(), read.value) == (base.kpi, base.date, base.value)


def _merge_one(
    ctx: MergeContext,
    read: _Read,
    value: float,
    comment: str,
    base: MeasurementBase | None,
    ours: Measurement | None,
) -> None:
    """One KPI and date: the value and the comment merged each by the one rule."""
    subject = f"{read.kpi} {date_text(read.date, ctx.lang)}"
    base_value = base.value if base else None
    ours_value = ours.value if ours else None
    base_comment = _base_comment(base, ours) if base else ""
    ours_comment = _comment(ours)
    value_decision = decide(base_value, value, ours_value, ctx.prefer)
    comment_decision = decide(base_comment, comment, ours_comment, ctx.prefer)
    for key, decision, values in (
        ("value", value_decision, (base_value, value, ours_value)),
        ("comment", comment_decision, (base_comment, comment, ours_comment)),
    ):
        if decision == "conflict":
            ctx.result.conflicts.append(Conflict(subject, key, *values, read.row.where(key)))
    if "apply" not in (value_decision, comment_decision):
        return
    if ours is None and value_decision != "apply":
        return  # deleted from the plan since the export, and its value not changed: it stays deleted
    new_value = value if value_decision == "apply" else ours_value
    new_comment = comment if comment_decision == "apply" else ours_comment
    assert new_value is not None
    if ours is None:
        shown = merge_words.show("value", new_value, ctx.lang)
        ctx.result.changes.append(ctx.say("measurement_added", subject=subject, shown=shown))
    else:
        if value_decision == "apply":
            before, after = (merge_words.show("value", v, ctx.lang) for v in (ours_value, new_value))
            ctx.result.changes.append(ctx.say("measurement_corrected", subject=subject, before=before, after=after))
        if comment_decision == "apply":
            ctx.result.changes.append(
                ctx.say("measurement")
                + " "
                + merge_words.change(subject, "comment", ours_comment or None, new_comment or None, ctx.lang)
            )
    ctx.result.measurements.append((read.kpi, read.date, new_value, new_comment or None))
