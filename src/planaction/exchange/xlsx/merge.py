"""What the three-way merge of a workbook shares: its result, how each side wins, how a cell is read.

*base* is the value at export (the hidden sheet), *theirs* the workbook's,
*ours* the plan's now. ``core.threeway.decide`` is the one rule for every
editable field, the same as ``planaction merge``'s: changed only in the
workbook, applied; changed only in the plan, kept; changed on both sides to
different values, a conflict unless the caller prefers a side. ``MergeContext`` carries what the mergers of each sheet (actions, log,
measurements) need: the plan, the workbook, the language of each, the result
being built, and ``read``, through which every editable cell is read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from planaction.core import ops
from planaction.core.model import Plan
from planaction.core.threeway import Prefer
from planaction.exchange.xlsx import cells
from planaction.exchange.xlsx.book import Book, Row
from planaction.exchange.xlsx.refusal import CellProblem
from planaction.words.exchange import say
from planaction.words.userinput import UnreadableInput

#: What ``MergeContext.read`` returns for a cell it refused.
UNREAD: Any = object()


@dataclass(frozen=True)
class Conflict:
    """A field changed in the workbook and in the plan, to different values: listed, not applied."""

    subject: str  # what the field belongs to: "A2", or "K1 06/05/2025"
    field: str  # its key: status, progress, completed, comment, value
    base: Any
    theirs: Any
    ours: Any
    cell: str  # "O3": where the workbook's value is


class Ignored(str):
    """An edit the import leaves out: its sentence, and where it is when it has one place.

    A string, so that every reader of ``ImportPlan.ignored`` keeps reading sentences; the place
    (sheet, cell, id, field) is for ``import --format json``, whose items each name theirs.
    """

    sheet: str | None
    cell: str | None
    id: str | None
    field: str | None

    def __new__(
        cls,
        text: str,
        *,
        sheet: str | None = None,
        cell: str | None = None,
        id: str | None = None,
        field: str | None = None,
    ) -> Ignored:
        made = super().__new__(cls, text)
        made.sheet, made.cell, made.id, made.field = sheet, cell, id, field
        return made


@dataclass
class ImportPlan:
    """What importing a workbook would do: changes, conflicts, and what is ignored."""

    book: str
    changes: list[str] = field(default_factory=list)  # sentences, in order
    conflicts: list[Conflict] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    today: dt.date = dt.date(1970, 1, 1)  # set by the merger
    action_changes: dict[str, dict[str, Any]] = field(default_factory=dict)
    log_entries: list[dict[str, Any]] = field(default_factory=list)
    measurements: list[tuple[str, dt.date, float, str | None]] = field(default_factory=list)
    _applied: tuple[Plan, Plan] | None = None

    @property
    def operations(self) -> bool:
        """Whether there is anything to apply."""
        return bool(self.action_changes or self.log_entries or self.measurements)

    def apply(self, plan: Plan) -> Plan:
        """The plan with the changes, through ops, in three checked steps (not one per row)."""
        if self._applied is not None and self._applied[0] is plan:
            return self._applied[1]
        result = plan
        if self.action_changes:
            result = ops.update_actions(result, self.action_changes, self.today)
        if self.log_entries:
            result = ops.append_logs(result, self.log_entries)
        if self.measurements:
            result = ops.record_measurements(result, self.measurements)
        self._applied = (plan, result)
        return result


class MergeContext:
    """The plan, the workbook and the result being built, for the mergers of each sheet."""

    def __init__(self, plan: Plan, book: Book, *, prefer: Prefer, today: dt.date, lang: str) -> None:
        self.plan = plan
        self.book = book
        self.prefer = prefer
        self.today = today
        self.lang = lang  # the plan's: the words of the change list
        self.result = ImportPlan(book.path.name, today=today)
        self.problems: list[CellProblem] = []

    def say(self, key: str, /, **values: object) -> str:
        """The sentence ``key`` of ``words/exchange.py`` in the plan's language."""
        return say(key, self.lang, **values)

    def refuse(self, row: Row, key: str, message: str, hint: str | None) -> None:
        self.problems.append(CellProblem(row.sheet.name, row.where(key), message, hint))

    def read(self, row: Row, key: str, parse: Callable[[Any], Any], message: str = "", hint: str = "") -> Any:
        """One editable cell through the one rule (``Row.read``), then ``parse``; ``UNREAD`` after a refusal.

        A reader words its own refusal by raising ``UnreadableInput``; for a
        plain ``ValueError``, ``message`` (with ``{text}`` for the cell's
        text) and ``hint`` word it.
        """
        try:
            return parse(row.read(key))
        except UnreadableInput as exc:
            message, hint = exc.message, exc.hint
        except (ValueError, OverflowError):
            shown = cells.text(row.cell(key)).strip() or self.say("empty")
            message = message.format(text=shown)
        self.refuse(row, key, message, hint)
        return UNREAD

    # what the client typed is read in the workbook's language (see ``cells``)

    def date(self, value: Any) -> dt.date | None:
        return cells.date(value, self.book.lang)

    def figure(self, value: Any) -> float:
        return cells.figure(value, self.book.lang)

    def progress(self, value: Any) -> int:
        return cells.progress(value, self.book.lang)

    def text(self, value: Any) -> str:
        """Free text (a comment, a result) as the export would have written it (``workbook.cell_text``)."""
        return cells.cell_text(value)

    def identifier(self, value: Any) -> str:
        return cells.text(value).strip()
