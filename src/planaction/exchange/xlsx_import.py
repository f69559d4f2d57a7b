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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planaction import ops
from planaction.diagnose import enum_choices
from planaction.exchange import cells
from planaction.exchange import workbook as spec
from planaction.exchange.book import Book, Row, read_book
from planaction.exchange.cells import text as _text
from planaction.exchange.refusal import CellProblem, WorkbookRefused
from planaction.labels import date_text, number, word
from planaction.model import Level, Plan, Status
from planaction.safetext import one_line
from planaction.userinput import UnreadableInput

__all__ = ["CellProblem", "Conflict", "ImportPlan", "WorkbookRefused", "conflict_lines", "plan_import"]

Prefer = str | None  # "theirs", "ours" or None
UNREAD = object()  # a cell that was refused
DATE_HINT = "write a date, e.g. 15/05/2025"


def _status(value: Any) -> str:
    return Status(_text(value).strip()).value


def _cell_text(value: Any) -> str:
    return spec.cell_text(_text(value))


def _stripped(value: Any) -> str:
    return _text(value).strip()


@dataclass(frozen=True)
class Conflict:
    action_id: str
    field: str
    base: Any
    theirs: Any
    ours: Any
    cell: str


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


# ---------------------------------------------------------------------------
# Merging


def _decide(base: Any, theirs: Any, ours: Any, prefer: Prefer) -> str:
    """apply, keep or conflict."""
    if theirs in (base, ours):
        return "keep"
    if ours == base or prefer == "theirs":
        return "apply"
    if prefer == "ours":
        return "keep"
    return "conflict"


class _Merger:
    def __init__(self, plan: Plan, book: Book, *, prefer: Prefer, today: dt.date, lang: str) -> None:
        self.plan = plan
        self.book = book
        self.prefer = prefer
        self.today = today
        self.lang = lang
        self.result = ImportPlan(book.path.name, today=today)
        self.our_actions = {action.id: action for action in plan.actions}  # plan.action() is a scan
        self.problems: list[CellProblem] = []

    def t(self, fr: str, en: str) -> str:
        return fr if self.lang == "fr" else en

    # what the client typed is read in the workbook's language (see ``cells``)

    def date(self, value: Any) -> dt.date | None:
        return cells.date(value, self.book.lang)

    def iso_date(self, value: Any) -> str:
        day = cells.date(value, self.book.lang)
        return day.isoformat() if day else ""

    def figure(self, value: Any) -> float:
        return cells.figure(value, self.book.lang)

    def progress(self, value: Any) -> int:
        return cells.progress(value, self.book.lang)

    def show(self, key: str, value: Any) -> str:
        if value in (None, ""):
            return "—"
        if key == "status":
            return Status(value).label(self.lang)
        if key == "progress":
            return f"{value} %" if self.lang == "fr" else f"{value}%"
        if key == "completed":
            return date_text(dt.date.fromisoformat(value), self.lang)
        text = one_line(str(value))
        return f"« {text[:60]} »" if self.lang == "fr" else f'"{text[:60]}"'

    def run(self) -> ImportPlan:
        self.actions()
        self.log()
        self.measurements()
        if self.problems:
            raise WorkbookRefused(self.problems)
        if self.book.macros:
            self.result.ignored.append(
                self.t(
                    "le classeur contient des macros : elles sont ignorées",
                    "the workbook contains macros: they were ignored",
                )
            )
        return self.result

    # -- actions ---------------------------------------------------------------

    def actions(self) -> None:
        sheet = self.book.sheets.get("actions")
        if sheet is None:
            return
        wanted = {
            c.key: spec.heading(c, self.book.lang)
            for c in spec.ACTION_COLUMNS
            if c.key in ("id", "status", "progress", "completed", "comment", "priority")
        }
        columns = sheet.columns(wanted, self.problems)
        if len(columns) < len(wanted):
            return
        seen: dict[str, str] = {}
        current = self.our_actions
        for r, values in enumerate(sheet.rows[1:], 1):
            row = Row(sheet, r, values, columns)
            cell, where = row.cell, row.where
            action_id = _text(cell("id")).strip()
            if not action_id:
                if any(_text(v).strip() for v in values):
                    self.result.ignored.append(
                        self.t(
                            f"{sheet.name} ligne {row.number} : sans id, une nouvelle action ne se crée pas dans le classeur",
                            f"{sheet.name} row {row.number}: no id; new actions are added in the plan, not in the workbook",
                        )
                    )
                continue
            if action_id in seen:
                self.problems.append(
                    CellProblem(
                        sheet.name,
                        where("id"),
                        f'action "{action_id}" appears twice (first at {seen[action_id]})',
                        "keep one row per action",
                    )
                )
                continue
            seen[action_id] = where("id")
            if action_id not in current or action_id not in self.book.bases:
                self.problems.append(
                    CellProblem(
                        sheet.name,
                        where("id"),
                        f'unknown action "{action_id}"',
                        "ids come from the plan; new actions are added in the plan, not in the workbook",
                    )
                )
                continue
            theirs = self.read_action_cells(row)
            if theirs is None:
                continue
            self.merge_action(action_id, theirs, {k: where(k) for k in theirs})
            base_priority = self.book.base_priorities.get(action_id, "")
            try:
                priority = Level(_text(cell("priority"))).value if _text(cell("priority")) else ""
            except ValueError:
                priority = _text(cell("priority"))
            if priority != base_priority:
                self.result.ignored.append(
                    self.t(
                        f"{action_id} : priorité changée dans le classeur ({where('priority')}), non reprise",
                        f"{action_id}: priority changed in the workbook ({where('priority')}), not imported",
                    )
                )
        missing = [a for a in self.book.bases if a not in seen and a in current]
        if missing:
            self.result.ignored.append(
                self.t(
                    f"lignes absentes du classeur (rien ne change pour elles) : {', '.join(missing)}",
                    f"rows missing from the workbook (nothing changes for them): {', '.join(missing)}",
                )
            )

    def read(self, row: Row, key: str, parse: Callable[[Any], Any], message: str, hint: str) -> Any:
        """One editable cell through the one rule (``Row.read``), then ``parse``; ``UNREAD`` after a refusal.

        ``message`` (with ``{text}`` for the cell's text) and ``hint`` word a
        value ``parse`` cannot take; a reader that words its own refusal
        raises ``UnreadableInput``.
        """
        try:
            return parse(row.read(key))
        except UnreadableInput as exc:
            message, hint = exc.message, exc.hint
        except (ValueError, OverflowError):
            shown = _text(row.cell(key)).strip() or self.t("(vide)", "(empty)")
            message = message.format(text=shown)
        self.problems.append(CellProblem(row.sheet.name, row.where(key), message, hint))
        return UNREAD

    def read_action_cells(self, row: Row) -> dict[str, Any] | None:
        values = {
            "status": self.read(row, "status", _status, '"{text}" is not a status', f"allowed: {enum_choices(Status)}"),
            "progress": self.read(row, "progress", self.progress, "", ""),
            "completed": self.read(row, "completed", self.iso_date, "", ""),
            "comment": self.read(row, "comment", _cell_text, "", ""),
        }
        return None if UNREAD in values.values() else values

    def merge_action(self, action_id: str, theirs: dict[str, Any], cells: dict[str, str]) -> None:
        base = self.book.bases[action_id]
        ours = spec.action_base(self.our_actions[action_id])
        changes: dict[str, Any] = {}
        for key in ("status", "progress", "completed", "comment"):
            decision = _decide(base[key], theirs[key], ours[key], self.prefer)
            if decision == "apply":
                changes[key] = theirs[key]
                self.result.changes.append(
                    f"{action_id} {word(key, self.lang).lower()} : {self.show(key, ours[key])} → {self.show(key, theirs[key])}"
                    if self.lang == "fr"
                    else f"{action_id} {key}: {self.show(key, ours[key])} -> {self.show(key, theirs[key])}"
                )
            elif decision == "conflict":
                self.result.conflicts.append(Conflict(action_id, key, base[key], theirs[key], ours[key], cells[key]))
        if not changes:
            return
        fields: dict[str, Any] = {}
        for key, value in changes.items():
            if key == "completed":
                fields[key] = dt.date.fromisoformat(value) if value else None
            elif key == "comment":
                fields[key] = value or None
            else:
                fields[key] = value
        self.result.action_changes[action_id] = fields

    # -- follow-up log -----------------------------------------------------------

    def log(self) -> None:
        sheet = self.book.sheets.get("log")
        if sheet is None:
            return
        wanted = {
            c.key: spec.heading(c, self.book.lang)
            for c in spec.LOG_COLUMNS
            if c.key in ("date", "action", "result", "comment", "author")
        }
        columns = sheet.columns(wanted, self.problems)
        if len(columns) < len(wanted):
            return
        exported = len(self.book.base_log)
        known = {a.id for a in self.plan.actions}
        for r, values in enumerate(sheet.rows[1:], 1):
            row = Row(sheet, r, values, columns)
            cell = row.cell
            if row.empty():
                continue
            if r <= exported:
                date_value, action_id, result = self.book.base_log[r - 1]
                try:
                    now = self.date(cell("date"))
                except (ValueError, OverflowError):
                    now = None
                if (
                    now.isoformat() if now else "",
                    _text(cell("action")).strip(),
                    spec.cell_text(_text(cell("result"))),
                ) != (date_value, action_id, result):
                    self.result.ignored.append(
                        self.t(
                            f"{sheet.name} ligne {row.number} : une entrée existante a été modifiée, non reprise",
                            f"{sheet.name} row {row.number}: an existing entry was changed, not imported",
                        )
                    )
                continue
            self.new_log_entry(row, known)

    def new_log_entry(self, row: Row, known: set[str]) -> None:
        sheet, where = row.sheet, row.where
        day = self.read(row, "date", self.date, "", "")
        action_id = self.read(row, "action", _stripped, "", "")
        result = self.read(row, "result", _cell_text, "", "")
        comment = self.read(row, "comment", _stripped, "", "")
        author = self.read(row, "author", _stripped, "", "")
        if UNREAD in (day, action_id, result, comment, author):
            return
        if day is None:
            self.problems.append(
                CellProblem(sheet.name, where("date"), "the date is empty", "write the date of the follow-up")
            )
            return
        action_id = action_id or None
        if action_id is not None and action_id not in known:
            self.problems.append(
                CellProblem(
                    sheet.name,
                    where("action"),
                    f'unknown action "{action_id}"',
                    "write the id of an action of the plan (A1, A2...), or leave it empty",
                )
            )
            return
        result = result.strip()
        if not result:
            self.problems.append(
                CellProblem(sheet.name, where("result"), "the result is empty", "write what was observed")
            )
            return
        self.result.changes.append(
            self.t(
                f"+ suivi {date_text(day, 'fr')} {action_id or ''} : {one_line(result)[:60]}",
                f"+ log {day.isoformat()} {action_id or ''}: {one_line(result)[:60]}",
            ).replace("  ", " ")
        )
        self.result.log_entries.append(
            {"date": day, "action": action_id, "result": result, "comment": comment or None, "author": author or None}
        )

    # -- KPI measurements ----------------------------------------------------------

    def measurements(self) -> None:
        sheet = self.book.sheets.get("measurements")
        if sheet is None:
            return
        lang = self.lang
        wanted = {c.key: spec.heading(c, self.book.lang) for c in spec.MEASUREMENT_COLUMNS}
        columns = sheet.columns(wanted, self.problems)
        if len(columns) < len(wanted):
            return
        kpis = {k.id: k for k in self.plan.kpis}
        for r, values in enumerate(sheet.rows[1:], 1):
            row = Row(sheet, r, values, columns)
            where = row.where
            if row.empty():
                continue
            kpi_id = self.read(row, "kpi", _stripped, "", "")
            day = self.read(row, "date", self.date, "", "")
            value = self.read(row, "value", self.figure, "", "")
            comment = self.read(row, "comment", _stripped, "", "")
            if UNREAD in (kpi_id, day, value, comment):
                continue
            if kpi_id not in kpis:
                self.problems.append(
                    CellProblem(
                        sheet.name, where("kpi"), f'unknown KPI "{kpi_id}"', f"known KPIs: {', '.join(kpis) or 'none'}"
                    )
                )
                continue
            if day is None:
                self.problems.append(CellProblem(sheet.name, where("date"), '"" is not a date', DATE_HINT))
                continue
            key = (kpi_id, day.isoformat())
            base = self.book.base_measurements.get(key)
            ours_m = next((m for m in kpis[kpi_id].measurements if m.date == day), None)
            ours = ours_m.value if ours_m else None
            decision = _decide(base, value, ours, self.prefer)
            if decision == "conflict":
                self.result.conflicts.append(Conflict(kpi_id, f"{day.isoformat()}", base, value, ours, where("value")))
                continue
            if decision != "apply":
                continue
            shown = number(value, lang)
            self.result.changes.append(
                self.t(
                    f"+ mesure {kpi_id} {date_text(day, 'fr')} : {shown}",
                    f"+ measurement {kpi_id} {day.isoformat()}: {shown}",
                )
            )
            self.result.measurements.append((kpi_id, day, value, comment or None))


def _same_plan(plan: Plan, book: Book) -> None:
    """Refuse a workbook of another plan that happens to share the id (two folders' `plan.yaml`).

    A plan without `id:` is known by its file name, which is a weak identity.
    A renamed plan is still the same plan when its actions are: so a workbook
    is refused only when both the plan's title and most action titles differ.
    """
    exported_title = _text(book.meta.get("plan_title"))
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
                f'this workbook is for the plan "{exported_title}" ({_text(book.meta.get("file"))}), '
                f'whose actions are not those of "{plan.title}"',
                "import it into the plan it was exported from (give each plan its own `id:` to tell them apart)",
            )
        ]
    )


def plan_import(
    plan: Plan, path: Path, *, plan_id: str, prefer: Prefer = None, today: dt.date, lang: str
) -> ImportPlan:
    """Read the workbook and work out the merge; raises WorkbookRefused. Writes nothing."""
    book = read_book(path)
    exported_id = _text(book.meta.get("plan_id"))
    if exported_id != plan_id:
        raise WorkbookRefused(
            [
                CellProblem(
                    path.name,
                    "",
                    f'this workbook is for the plan "{exported_id}" ({_text(book.meta.get("file"))}), not "{plan_id}"',
                    "import it into the plan it was exported from",
                )
            ]
        )
    _same_plan(plan, book)
    result = _Merger(plan, book, prefer=prefer, today=today, lang=lang).run()
    # the operations must hold together (e.g. a log entry for a known action): try them now
    try:
        result.apply(plan)
    except ops.OpError as exc:
        raise WorkbookRefused([CellProblem(path.name, "", exc.message, exc.hint)]) from None
    return result


def conflict_lines(result: ImportPlan, lang: str) -> list[str]:
    lines = []
    for c in result.conflicts:
        if lang == "fr":
            lines.append(
                f"{c.action_id} {c.field} ({c.cell}) : classeur {c.theirs!r}, plan {c.ours!r} (à l'export : {c.base!r})"
            )
        else:
            lines.append(
                f"{c.action_id} {c.field} ({c.cell}): workbook {c.theirs!r}, plan {c.ours!r} (at export: {c.base!r})"
            )
    return lines
