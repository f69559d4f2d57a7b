"""The Actions sheet merged back: status, progress, completion date and comment, by action id.

Rows are found by their id, so a client may sort, filter or hide them. Each
editable field goes through the one rule (``core.threeway.decide``, as ``planaction merge``); a changed
priority, a row without id (a new action) or a missing row is reported as
ignored; an unknown or duplicated id refuses the workbook.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from planaction.core.diagnose import enum_choices
from planaction.core.model import Level, Status
from planaction.core.threeway import decide
from planaction.exchange.xlsx import merge_words, spec
from planaction.exchange.xlsx.book import Row
from planaction.exchange.xlsx.cells import text
from planaction.exchange.xlsx.merge import UNREAD, Conflict, Ignored, MergeContext
from planaction.words.decks import say as say_decks
from planaction.words.userinput import UnreadableInput

EDITABLE = ("status", "progress", "completed", "comment")
#: Cells the client sees but the plan keeps: a change there is listed as ignored, with its cell.
SHOWN = ("title", "owner", "start", "due")


def _status(value: Any) -> str:
    return Status(text(value).strip()).value


def merge_actions(ctx: MergeContext) -> None:
    sheet = ctx.book.sheets.get("actions")
    if sheet is None:
        return
    wanted = {
        c.key: spec.heading(c, ctx.book.lang)
        for c in spec.ACTION_COLUMNS
        if c.key in ("id", "status", "progress", "completed", "comment", "priority", *SHOWN)
    }
    # priority and the shown fields are only compared: a workbook without those columns still imports
    optional = ("priority", *SHOWN)
    columns = sheet.columns(wanted, ctx.problems, optional=optional)
    if len(columns) < len(wanted) - sum(1 for key in optional if key not in columns):
        return
    ours_by_id = {action.id: action for action in ctx.plan.actions}  # plan.action() is a scan
    seen: dict[str, str] = {}
    for r, values in enumerate(sheet.rows[1:], 1):
        row = Row(sheet, r, values, columns)
        action_id = text(row.cell("id")).strip()
        if not action_id:
            if any(text(v).strip() for v in values):
                ctx.result.ignored.append(
                    Ignored(
                        ctx.say("row_without_id", sheet=sheet.name, row=row.number),
                        sheet=sheet.name,
                        cell=row.where("id"),
                        field="id",
                    )
                )
            continue
        if action_id in seen:
            ctx.refuse(
                row, "id", f'action "{action_id}" appears twice (first at {seen[action_id]})', "keep one row per action"
            )
            continue
        seen[action_id] = row.where("id")
        if action_id not in ours_by_id or action_id not in ctx.book.recorded.actions:
            ctx.refuse(
                row,
                "id",
                f'unknown action "{action_id}"',
                "ids come from the plan; new actions are added in the plan, not in the workbook",
            )
            continue
        theirs = _read_editable(ctx, row)
        if theirs is not None:
            _merge_action(ctx, action_id, theirs, ours_by_id, row)
        if "priority" in columns:
            _priority(ctx, row, action_id)
        _shown(ctx, row, action_id)
    missing = [a for a in ctx.book.recorded.actions if a not in seen and a in ours_by_id]
    if missing:
        ctx.result.ignored.append(Ignored(ctx.say("rows_missing", ids=", ".join(missing)), sheet=sheet.name))


@functools.cache
def _status_hint() -> str:
    return f"allowed: {enum_choices(Status)}"


def _read_editable(ctx: MergeContext, row: Row) -> dict[str, Any] | None:
    def iso(value: Any) -> str:
        day = ctx.date(value)
        return day.isoformat() if day else ""

    values = {
        "status": ctx.read(row, "status", _status, '"{text}" is not a status', _status_hint()),
        "progress": ctx.read(row, "progress", ctx.progress),
        "completed": ctx.read(row, "completed", iso),
        "comment": ctx.read(row, "comment", ctx.text),
    }
    return None if any(v is UNREAD for v in values.values()) else values


def _merge_action(ctx: MergeContext, action_id: str, theirs: dict[str, Any], ours_by_id: dict, row: Row) -> None:
    base = ctx.book.recorded.actions[action_id]
    ours = spec.action_base(ours_by_id[action_id])
    fields: dict[str, Any] = {}
    for key in EDITABLE:
        decision = decide(base[key], theirs[key], ours[key], ctx.prefer)
        if decision == "apply":
            ctx.result.changes.append(merge_words.change(action_id, key, ours[key], theirs[key], ctx.lang))
            value = theirs[key]
            if key == "completed":
                fields[key] = dt.date.fromisoformat(value) if value else None
            elif key == "comment":
                fields[key] = value or None
            else:
                fields[key] = value
        elif decision == "conflict":
            ctx.result.conflicts.append(Conflict(action_id, key, base[key], theirs[key], ours[key], row.where(key)))
    if fields:
        ctx.result.action_changes[action_id] = fields


def _priority(ctx: MergeContext, row: Row, action_id: str) -> None:
    """A priority is not the client's to change: a changed one is reported, not imported."""
    written = text(row.cell("priority"))
    try:
        priority = Level(written).value if written else ""
    except ValueError:
        priority = written
    if priority != ctx.book.recorded.priorities.get(action_id, ""):
        where = row.where("priority")
        said = ctx.say("priority_changed", id=action_id, where=where)
        ctx.result.ignored.append(Ignored(said, sheet=row.sheet.name, cell=where, id=action_id, field="priority"))


def _shown(ctx: MergeContext, row: Row, action_id: str) -> None:
    """A title, owner or date the client changed is not imported (the plan keeps them): each is
    listed as ignored, with its cell, rather than vanishing silently."""
    recorded = ctx.book.recorded
    base = dict(recorded.shown.get(action_id, {}))
    if recorded.titles.get(action_id):
        base["title"] = recorded.titles[action_id]
    for key in SHOWN:
        if key not in base or key not in row.columns:
            continue
        written = row.cell(key)
        if key in ("start", "due"):
            try:
                day = ctx.date(written)
                seen = day.isoformat() if day else ""
            except (ValueError, OverflowError, UnreadableInput):
                seen = text(written).strip()
        else:
            seen = ctx.text(text(written)).strip()
        if seen != base[key].strip():
            where = row.where(key)
            field = spec.heading(next(c for c in spec.ACTION_COLUMNS if c.key == key), ctx.book.lang)
            said = say_decks("xlsx_not_imported", ctx.lang, id=action_id, field=field, where=where)
            ctx.result.ignored.append(Ignored(said, sheet=row.sheet.name, cell=where, id=action_id, field=key))
