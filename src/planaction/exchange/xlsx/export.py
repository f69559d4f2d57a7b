"""The client workbook: a polished XLSX of a plan, ready to send and to merge back.

What a consultant sends: a summary sheet, the action table as a real Excel
table (filters, bands, frozen header, drop-down lists, data bars, RAG fills),
the registers the plan has, print-ready pages — and, in a hidden sheet, what
the import needs to merge the client's edits (see ``hidden_sheet``). The content
comes from ``views`` and ``rules``; each sheet has its builder (``summary_sheet``,
``action_sheet``, ``kpi_sheet``, ``register_sheets``) writing through ``sheet.Sheet``
in the house style of ``styles``; this module puts them in one workbook and writes it.

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
from openpyxl.worksheet.worksheet import Worksheet

from planaction.core import judging, structures
from planaction.core.model import Plan
from planaction.exchange.formats import ExportRequest
from planaction.exchange.xlsx import hidden_sheet, identity, means_sheets, overwrite, register_sheets, spec
from planaction.exchange.xlsx import rows as fast_rows
from planaction.exchange.xlsx.action_sheet import write_actions
from planaction.exchange.xlsx.kpi_sheet import write_kpis
from planaction.exchange.xlsx.register_sheets import (
    write_gap,
    write_log,
    write_meta,
    write_milestones,
    write_risks,
    write_structures,
    write_value,
)
from planaction.exchange.xlsx.sheet import Sheet, safe_text
from planaction.exchange.xlsx.styles import format_literal, house_font
from planaction.exchange.xlsx.summary_sheet import write_summary
from planaction.message import say as say_message
from planaction.present.action_detail import log_lines as view_log_lines
from planaction.present.action_rows import action_rows
from planaction.words.decks import say as say_decks
from planaction.words.exchange import say
from planaction.words.improvement import say as say_loop
from planaction.words.structures import say as say_structures

__all__ = ["export", "format_literal", "render", "write"]


def render(
    plan: Plan,
    *,
    plan_id: str,
    file_name: str,
    today: dt.date,
    lang: str,
    plan_path: Path | None = None,
    slips: dict[str, Any] | None = None,
) -> bytes:
    """The workbook's bytes; ``plan_path``, the plan's file, is recorded for ``identity``; ``slips``
    (``export --baseline``) adds the action sheet's read-only baseline columns.

    The action table, the dashboard and the streams sheet each judge every action: judged once here."""
    with judging.judged_once():
        return _render(
            plan, plan_id=plan_id, file_name=file_name, today=today, lang=lang, plan_path=plan_path, slips=slips
        )


def _render(
    plan: Plan,
    *,
    plan_id: str,
    file_name: str,
    today: dt.date,
    lang: str,
    plan_path: Path | None,
    slips: dict[str, Any] | None,
) -> bytes:
    wb = Workbook()
    house_font(wb)
    styles = fast_rows.Styles(wb, say("cell_date_format", lang))
    fast: list[fast_rows.FastRows] = []
    names = {key: spec.sheet_name(key, lang) for key in spec.SHEETS}

    def sheet(ws: Worksheet) -> Sheet:
        return Sheet(ws, lang, styles, fast)

    summary = wb.active
    summary.title = names["summary"]
    action_lines = action_rows(plan, today, lang)  # the summary lists the open ones, the action sheet all
    write_summary(sheet(summary), plan, today, action_lines)
    write_actions(sheet(wb.create_sheet(names["actions"])), plan, action_lines, slips)
    log_lines = view_log_lines(plan, lang)
    write_log(sheet(wb.create_sheet(names["log"])), plan, log_lines)
    measurements: list[tuple[str, dt.date, float, str | None]] = []
    if plan.kpis:
        measurements = write_kpis(
            sheet(wb.create_sheet(names["kpis"])), sheet(wb.create_sheet(names["measurements"])), plan, today
        )
    else:
        del names["kpis"], names["measurements"]
    if plan.risks:
        write_risks(sheet(wb.create_sheet(names["risks"])), plan)
    else:
        del names["risks"]
    if plan.milestones:
        write_milestones(sheet(wb.create_sheet(names["milestones"])), plan)
    else:
        del names["milestones"]
    if plan.value:
        write_value(sheet(wb.create_sheet(names["value"])), plan)
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
    write_meta(sheet(wb.create_sheet(spec.META_SHEET)), records)
    # what the plan has beyond the registers the import reads: read-only sheets, not recorded; after the hidden sheet, so that
    # the parts of the sheets the import reads keep their numbers
    if means_sheets.has_means(plan):
        means_sheets.write_means(sheet(wb.create_sheet(say_decks("sheet_means", lang))), plan)
    if plan.streams:
        means_sheets.write_streams(sheet(wb.create_sheet(say_decks("sheet_streams", lang))), plan, today)
    if plan.partners:
        means_sheets.write_partners(sheet(wb.create_sheet(say_decks("sheet_partners", lang))), plan)
    if register_sheets.has_loop(plan):  # the improvement loop (issue 18), read-only as the sheets above
        register_sheets.write_improvement(sheet(wb.create_sheet(say_loop("sheet_loop", lang))), plan)
    if plan.structures:  # cooperation across structures (issue 18)
        write_structures(sheet(wb.create_sheet(say_structures("sheet_structures", lang))), plan, today)
    if structures.skills_gap(plan):
        write_gap(sheet(wb.create_sheet(say_structures("sheet_gap", lang))), plan)
    props = wb.properties
    props.title = safe_text(plan.title)[:250]
    props.creator = "planaction"
    props.subject = plan.type.label(lang)
    props.keywords = plan_id
    props.description = safe_text(plan.objective.statement)[:250] if plan.objective else None
    props.created = dt.datetime.now()
    styles.close()  # the rows registered their styles as they were added
    return overwrite.seal(fast_rows.save(wb, fast))


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
    slips: dict[str, Any] | None = None,
) -> Path:
    """Write the workbook atomically (a reader never sees half a file), never over a client's edits.

    A workbook at ``path`` that changed since planaction wrote it, and holds
    what the plan does not, or a file planaction did not write, is left as it
    is: ``overwrite.WorkbookChanged`` says so, unless ``replace`` is asked.

    Building it in memory can still fail for want of it, or of disk where the
    file goes: that is a failed save, not a crash.
    """
    from planaction.store.atomic import SaveError, write_atomic

    try:
        data = render(
            plan, plan_id=plan_id, file_name=file_name, today=today, lang=lang, plan_path=plan_path, slips=slips
        )
    except OSError as exc:
        raise SaveError(say_message("save.cannot_build_workbook", path=str(path), reason=exc.strerror or exc)) from None

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
        slips=request.baseline[1] if request.baseline is not None else None,
    )
