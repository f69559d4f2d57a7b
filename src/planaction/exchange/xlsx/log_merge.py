"""The follow-up log merged back by row identity, never by position.

Each exported row carries a key in a hidden column of the table (it moves
with its row when the client sorts) and the hidden sheet keeps what each
keyed row held. So, whatever the client did to the rows:

* a row with an exported key and the exported content *is* that entry:
  nothing to do, wherever it now stands;
* among several rows with one key (the client copied a row to add one), the
  one still equal to the exported entry is it, and the others are new rows;
  when none is equal any more, the exported entry was changed in place,
  which the import reports and does not take (entries are added, not edited);
* any other row is new, unless an entry with the same date, action and
  result is already in the plan, or was exported: so importing the same
  workbook twice adds nothing, and a row repeated in the workbook is added once;
* an exported row deleted from the workbook stays in the plan (reported).

New entries are appended in date order (then action, then result), so the
plan that comes out does not depend on the order of the rows. A workbook of
format 1 has no keys: its rows are matched by content alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planaction.exchange.xlsx import spec
from planaction.exchange.xlsx.book import Row
from planaction.exchange.xlsx.hidden_sheet import LogBase
from planaction.exchange.xlsx.merge import UNREAD, Ignored, MergeContext
from planaction.words.labels import date_text
from planaction.words.safetext import one_line

Content = tuple[str, str, str]  # ISO date, action id ("" for none), result: what makes two entries one


@dataclass
class _Read:
    """A row of the Suivi sheet as read: its cells, or None where a cell was refused."""

    row: Row
    key: str
    date: dt.date | None
    action: str
    result: str
    comment: str
    author: str

    @property
    def content(self) -> Content:
        return (self.date.isoformat() if self.date else "", self.action, self.result)

    def same_as(self, base: LogBase) -> bool:
        """Whether the row still holds the exported entry (comment and author too, when recorded)."""
        if self.content != (base.date, base.action.strip(), base.result.strip()):
            return False
        if base.comment is not None and self.comment != base.comment.strip():
            return False
        return base.author is None or self.author == base.author.strip()


def merge_log(ctx: MergeContext) -> None:
    sheet = ctx.book.sheets.get("log")
    if sheet is None:
        return
    wanted = {
        c.key: spec.heading(c, ctx.book.lang)
        for c in spec.LOG_COLUMNS
        if c.key in ("date", "action", "result", "comment", "author", "key")
    }
    columns = sheet.columns(wanted, ctx.problems, optional=("key",))
    if len(columns) < len(wanted) - ("key" not in columns):
        return
    rows = []
    for r, values in enumerate(sheet.rows[1:], 1):
        row = Row(sheet, r, values, columns)
        if not row.empty():
            read = _read(ctx, row)
            if read is not None:
                rows.append(read)
    exported = {base.key: base for base in ctx.book.recorded.log if base.key}
    keyed = bool(exported) and "key" in columns  # else (format 1, or the key column deleted): by content
    if not keyed:
        exported = {}
    candidates: list[_Read] = []
    present: set[str] = set()  # exported keys still in the workbook
    groups: dict[str, list[_Read]] = {}
    for read in rows:
        if read.key in exported:
            groups.setdefault(read.key, []).append(read)
        else:
            candidates.append(read)
    known = {_content_of(base) for base in ctx.book.recorded.log}
    known |= {(e.date.isoformat(), e.action or "", spec.cell_text(e.result).strip()) for e in ctx.plan.log}
    for key, group in groups.items():
        present.add(key)
        base = exported[key]
        original = next((read for read in group if read.same_as(base)), None)
        if original is not None:
            candidates += [read for read in group if read is not original]
            continue
        for read in group:  # the exported entry was changed in place (perhaps copied too): never guessed
            said = ctx.say("log_entry_changed", sheet=sheet.name, row=read.row.number)
            ctx.result.ignored.append(Ignored(said, sheet=sheet.name, cell=read.row.where("date"), field="log"))
    if not keyed:  # format 1: an exported row is one still holding an exported entry's content
        present_contents = {read.content for read in rows}
        candidates = [read for read in rows if read.content not in known]
        gone = [base for base in ctx.book.recorded.log if _content_of(base) not in present_contents]
    else:
        gone = [base for key, base in exported.items() if key not in present]
    _add_new_entries(ctx, candidates, known)
    if gone:
        listed = ", ".join(f"{date_text(dt.date.fromisoformat(b.date), ctx.lang)} {b.action}".strip() for b in gone[:5])
        more = "…" if len(gone) > 5 else ""
        ctx.result.ignored.append(
            ctx.say(
                "log_entry_deleted" if len(gone) == 1 else "log_entries_deleted",
                count=len(gone),
                listed=listed,
                more=more,
            )
        )


def _content_of(base: LogBase) -> Content:
    return (base.date, base.action.strip(), base.result.strip())


def _read(ctx: MergeContext, row: Row) -> _Read | None:
    key = ctx.identifier(row.cell("key")) if "key" in row.columns else ""
    day = ctx.read(row, "date", ctx.date)
    action = ctx.read(row, "action", ctx.identifier)
    result = ctx.read(row, "result", ctx.text)
    comment = ctx.read(row, "comment", ctx.text)
    author = ctx.read(row, "author", ctx.text)
    if any(value is UNREAD for value in (day, action, result, comment, author)):
        return None
    return _Read(row, key, day, action, result.strip(), comment.strip(), author.strip())


def _add_new_entries(ctx: MergeContext, candidates: list[_Read], known: set[Content]) -> None:
    """The rows that are new entries: checked, each content once, in date order."""
    actions = {a.id for a in ctx.plan.actions}
    first_at: dict[Content, int] = {}
    new: list[_Read] = []
    for read in candidates:
        if not _valid(ctx, read, actions):
            continue
        content = read.content
        if content in known:
            continue  # already in the plan (imported before), or an exported entry
        if content in first_at:
            said = ctx.say("same_log_entry", sheet=read.row.sheet.name, row=read.row.number, first=first_at[content])
            ctx.result.ignored.append(
                Ignored(said, sheet=read.row.sheet.name, cell=read.row.where("date"), field="log")
            )
            continue
        first_at[content] = read.row.number
        new.append(read)
    for read in sorted(new, key=lambda read: read.content):
        assert read.date is not None  # checked by _valid
        ctx.result.changes.append(
            ctx.say(
                "log_added",
                date=date_text(read.date, ctx.lang),  # 06/05/2025 in French, ISO in English
                action=read.action,
                result=one_line(read.result)[:60],
            ).replace("  ", " ")
        )
        ctx.result.log_entries.append(
            {
                "date": read.date,
                "action": read.action or None,
                "result": read.result,
                "comment": read.comment or None,
                "author": read.author or None,
            }
        )


def _valid(ctx: MergeContext, read: _Read, actions: set[str]) -> bool:
    """A new row needs a date, a known action (or none) and a result; otherwise it is refused by its cell."""
    if read.date is None:
        ctx.refuse(read.row, "date", "the date is empty", "write the date of the follow-up")
        return False
    if read.action and read.action not in actions:
        ctx.refuse(
            read.row,
            "action",
            f'unknown action "{read.action}"',
            "write the id of an action of the plan (A1, A2...), or leave it empty",
        )
        return False
    if not read.result:
        ctx.refuse(read.row, "result", "the result is empty", "write what was observed")
        return False
    return True
