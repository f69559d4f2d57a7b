"""Merge a client's edits of the workbook back into the plan.

A three-way merge, field by field: *base* is the value at export (kept in the
workbook's hidden sheet), *theirs* the workbook's cell, *ours* the plan now.
Changed only in the workbook: applied. Changed only in the plan: kept.
Changed in both to different values: a conflict, listed and not applied
unless the caller prefers one side. What a client may change: the status,
progress, completion date and comment of actions; new rows of the follow-up
log; new or corrected KPI measurements. Anything else they changed is
reported as ignored.

Reading never writes: a workbook with any bad cell is refused as a whole,
with ``Sheet!Cell: message`` for each problem. Changes are applied with the
operations of ``ops`` and saved by the store, so the YAML diff is minimal.
Workbooks are read with python-calamine (10-20x faster than openpyxl), after
checking the archive so that a zip bomb is refused before it is inflated.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planaction import ops
from planaction.exchange import merge_words
from planaction.exchange import workbook as spec
from planaction.exchange.action_merge import merge_actions
from planaction.exchange.book import Book, read_book
from planaction.exchange.cells import text as _text
from planaction.exchange.log_merge import merge_log
from planaction.exchange.measurement_merge import merge_measurements
from planaction.exchange.merge import Conflict, ImportPlan, MergeContext, Prefer
from planaction.exchange.refusal import CellProblem, WorkbookRefused
from planaction.model import Plan

__all__ = ["CellProblem", "Conflict", "ImportPlan", "WorkbookRefused", "conflict_lines", "plan_import"]


def plan_import(
    plan: Plan, path: Path, *, plan_id: str, prefer: Prefer = None, today: dt.date, lang: str
) -> ImportPlan:
    """Read the workbook and work out the merge; raises WorkbookRefused. Writes nothing."""
    book = read_book(path)
    exported_id = book.recorded.get("plan_id")
    if exported_id != plan_id:
        raise WorkbookRefused(
            [
                CellProblem(
                    path.name,
                    "",
                    f'this workbook is for the plan "{exported_id}" ({book.recorded.get("file")}), not "{plan_id}"',
                    "import it into the plan it was exported from",
                )
            ]
        )
    _same_plan(plan, book)
    ctx = MergeContext(plan, book, prefer=prefer, today=today, lang=lang)
    merge_actions(ctx)
    merge_log(ctx)
    merge_measurements(ctx)
    if ctx.problems:
        raise WorkbookRefused(ctx.problems)
    result = ctx.result
    if book.macros:
        result.ignored.append(
            ctx.t(
                "le classeur contient des macros : elles sont ignorées",
                "the workbook contains macros: they were ignored",
            )
        )
    # the operations must hold together (e.g. a log entry for a known action): try them now
    try:
        result.apply(plan)
    except ops.OpError as exc:
        raise WorkbookRefused([CellProblem(path.name, "", exc.message, exc.hint)]) from None
    return result


def conflict_lines(result: ImportPlan, lang: str) -> list[str]:
    """The conflicts as the plan's language words them (see ``merge_words``)."""
    return [merge_words.conflict_line(conflict, lang) for conflict in result.conflicts]


def _same_plan(plan: Plan, book: Book) -> None:
    """Refuse a workbook of another plan that happens to share the id (two folders' `plan.yaml`).

    A plan without `id:` is known by its file name, which is a weak identity.
    A renamed plan is still the same plan when its actions are: so a workbook
    is refused only when both the plan's title and most action titles differ.
    """
    exported_title = book.recorded.get("plan_title")
    sheet = book.sheets.get("actions")
    if exported_title == plan.title or sheet is None or not sheet.rows:
        return
    header = [_text(v).strip() for v in sheet.rows[0]]

    def position(key: str) -> int | None:
        names = {spec.heading(c, lang) for lang in ("fr", "en") for c in spec.ACTION_COLUMNS if c.key == key}
        return next((i for i, h in enumerate(header) if h in names), None)

    id_at, title_at = position("id"), position("title")
    if id_at is None or title_at is None:
        return  # the merge reports the missing columns
    titles = {a.id: spec.cell_text(a.title) for a in plan.actions}
    rows = [r for r in sheet.rows[1:] if len(r) > max(id_at, title_at) and _text(r[id_at]).strip() in titles]
    same = sum(1 for r in rows if _text(r[title_at]).strip() == titles[_text(r[id_at]).strip()].strip())
    if rows and same * 2 >= len(rows):
        return
    raise WorkbookRefused(
        [
            CellProblem(
                book.path.name,
                "",
                f'this workbook is for the plan "{exported_title}" ({book.recorded.get("file")}), '
                f'whose actions are not those of "{plan.title}"',
                "import it into the plan it was exported from (give each plan its own `id:` to tell them apart)",
            )
        ]
    )
