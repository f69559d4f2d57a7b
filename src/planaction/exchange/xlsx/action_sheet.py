"""The action table: a real Excel table with filters, drop-down lists for status and priority,
a checked 0–100 % progress with data bars, and RAG fills; the columns the client may edit are marked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.formatting.rule import DataBarRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from planaction.core.model import Level, Plan, Status
from planaction.exchange.xlsx import spec
from planaction.exchange.xlsx.sheet import Sheet
from planaction.exchange.xlsx.styles import list_validation, rag_rules
from planaction.present.action_rows import ActionRow

if TYPE_CHECKING:  # a type only: the slippage is computed by the command that asks for it
    from planaction.core.slippage import Slip


def write_actions(
    sheet: Sheet, plan: Plan, action_lines: list[ActionRow], slips: dict[str, Slip] | None = None
) -> None:
    """``slips``: each action's slip since ``export --baseline`` (``spec.BASELINE_COLUMNS``, at the end)."""
    lang = sheet.lang
    streams = {s.id: s.name for s in plan.streams}
    rows = []
    for row in action_lines:
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
                *(spec.baseline_cells(slips.get(a.id)) if slips is not None else ()),
            ]
        )
    columns = spec.ACTION_COLUMNS + (spec.BASELINE_COLUMNS if slips is not None else ())
    first, last = sheet.table("Actions", columns, rows, formats={"progress": "0%"})
    ws = sheet.ws
    letters = {c.key: get_column_letter(i) for i, c in enumerate(spec.ACTION_COLUMNS, 1)}
    list_validation(
        ws, f"{letters['status']}{first}:{letters['status']}{last + 1000}", [s.label(lang) for s in Status], lang
    )
    list_validation(
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
    rag_rules(ws, f"{letters['rag']}{first}:{letters['rag']}{last}", lang)
    ws.freeze_panes = "B2"
    sheet.print_setup(plan.title)
