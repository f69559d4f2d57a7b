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

The parts, one job each: ``book`` opens the workbook (archive, hidden sheet,
sheets), ``sheet_xml`` looks at what calamine cannot tell or take, ``cells``
reads one cell as the client meant it, ``identity`` decides whether the
workbook is this plan's, ``merge`` holds the one rule and the result, and
``action_merge``, ``log_merge`` and ``measurement_merge`` merge each sheet
(rows by id, or by the key each exported row carries); ``merge_words`` words
the changes and conflicts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planaction.core import ops
from planaction.core.model import Plan
from planaction.exchange.xlsx import identity, merge_words
from planaction.exchange.xlsx.action_merge import merge_actions
from planaction.exchange.xlsx.book import read_book
from planaction.exchange.xlsx.log_merge import merge_log
from planaction.exchange.xlsx.measurement_merge import merge_measurements
from planaction.exchange.xlsx.merge import Conflict, ImportPlan, MergeContext, Prefer
from planaction.exchange.xlsx.refusal import CellProblem, WorkbookRefused

__all__ = ["CellProblem", "Conflict", "ImportPlan", "WorkbookRefused", "conflict_lines", "plan_import"]


def plan_import(
    plan: Plan,
    path: Path,
    *,
    plan_id: str,
    prefer: Prefer = None,
    today: dt.date,
    lang: str,
    plan_path: Path | None = None,
) -> ImportPlan:
    """Read the workbook and work out the merge; raises WorkbookRefused. Writes nothing.

    ``plan_path``, the plan's file, lets ``identity`` tell this plan from
    another one the workbook belongs to (give it whenever there is one).
    """
    book = read_book(path)
    identity.check(plan, plan_id, plan_path, book)
    ctx = MergeContext(plan, book, prefer=prefer, today=today, lang=lang)
    merge_actions(ctx)
    merge_log(ctx)
    merge_measurements(ctx)
    if ctx.problems:
        raise WorkbookRefused(ctx.problems)
    result = ctx.result
    if book.macros:
        result.ignored.append(ctx.say("macros_ignored"))
    # the operations must hold together (e.g. a log entry for a known action): try them now
    try:
        result.apply(plan)
    except ops.OpError as exc:
        raise WorkbookRefused([CellProblem(path.name, "", exc.message, exc.hint)]) from None
    return result


def conflict_lines(result: ImportPlan, lang: str) -> list[str]:
    """The conflicts as the plan's language words them (see ``merge_words``)."""
    return [merge_words.conflict_line(conflict, lang) for conflict in result.conflicts]
