"""What ``planaction import --format json`` prints: the changes, conflicts and ignored edits as data.

Each item names the sheet, the cell, the id and the field, with the values:
``before``/``after`` for a change, ``base``/``theirs``/``ours`` for a
conflict. The merge result (``exchange.xlsx.merge.ImportPlan``) keeps the
changes as operations by id; their cells are found again in the workbook's
rows, as the merge found them (by id, by the log entry's content, by the
KPI and date of a measurement). Ignored edits are sentences in the merge
result: they are given with their ``text``, and sheet/cell/id/field null.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planaction.cli.jsondata import plain


def describe(result, plan, book_path: Path, lang: str) -> dict[str, Any]:
    from planaction.exchange.xlsx.book import read_book
    from planaction.exchange.xlsx.importer import conflict_lines

    book = read_book(book_path)
    finder = _Cells(book)
    changes: list[dict[str, Any]] = []
    actions = {action.id: action for action in plan.actions}
    for action_id, fields in result.action_changes.items():
        ours = actions.get(action_id)
        for field, value in fields.items():
            sheet, cell = finder.action(action_id, field)
            before = getattr(ours, field, None) if ours is not None else None
            changes.append(_item(sheet, cell, action_id, field, before=plain(before), after=plain(value)))
    for entry in result.log_entries:
        sheet, cell = finder.log(entry)
        changes.append(_item(sheet, cell, entry.get("action"), "log", before=None, after=plain(entry)))
    kpis = {kpi.id: kpi for kpi in plan.kpis}
    for kpi_id, day, value, comment in result.measurements:
        sheet, cell = finder.measurement(kpi_id, day)
        kpi = kpis.get(kpi_id)
        old = next((m for m in (kpi.measurements if kpi else ()) if m.date == day), None)
        after = {"date": day.isoformat(), "value": value, "comment": comment}
        changes.append(_item(sheet, cell, kpi_id, "measurement", before=plain(old), after=after))
    conflicts = []
    for conflict, text in zip(result.conflicts, conflict_lines(result, lang), strict=True):
        key = "measurements" if " " in conflict.subject else "actions"
        sheet = book.sheets[key].name if key in book.sheets else None
        item = _item(sheet, conflict.cell, conflict.subject.split(" ")[0], conflict.field)
        item.update(base=plain(conflict.base), theirs=plain(conflict.theirs), ours=plain(conflict.ours), text=text)
        conflicts.append(item)
    ignored = [
        {
            **_item(
                getattr(i, "sheet", None), getattr(i, "cell", None), getattr(i, "id", None), getattr(i, "field", None)
            ),
            "text": str(i),
        }
        for i in result.ignored
    ]
    return {"changes": changes, "conflicts": conflicts, "ignored": ignored, "lines": list(result.changes)}


def _item(sheet, cell, item_id, field, **values) -> dict[str, Any]:
    return {"sheet": sheet, "cell": cell, "id": item_id, "field": field, **values}


class _Cells:
    """Finds the cell a change came from in the workbook's sheets."""

    def __init__(self, book) -> None:
        self.book = book

    def _rows(self, key: str, columns_spec, keys: tuple[str, ...]):
        from planaction.exchange.xlsx import spec
        from planaction.exchange.xlsx.book import Row

        sheet = self.book.sheets.get(key)
        if sheet is None:
            return None, []
        wanted = {c.key: spec.heading(c, self.book.lang) for c in columns_spec if c.key in keys}
        columns = sheet.columns(wanted, [])
        if len(columns) < len(wanted):
            return sheet.name, []
        return sheet.name, [Row(sheet, r, values, columns) for r, values in enumerate(sheet.rows[1:], 1)]

    def action(self, action_id: str, field: str) -> tuple[str | None, str | None]:
        from planaction.exchange.xlsx import spec
        from planaction.exchange.xlsx.cells import text

        name, rows = self._rows("actions", spec.ACTION_COLUMNS, ("id", field))
        row = next((row for row in rows if text(row.cell("id")).strip() == action_id), None)
        return name, row.where(field) if row else None

    def log(self, entry: dict[str, Any]) -> tuple[str | None, str | None]:
        from planaction.exchange.xlsx import spec
        from planaction.exchange.xlsx.cells import cell_text, text

        name, rows = self._rows("log", spec.LOG_COLUMNS, ("date", "action", "result"))
        for row in rows:
            if text(row.cell("action")).strip() == (entry.get("action") or "") and (
                cell_text(row.cell("result")).strip() == entry.get("result")
            ):
                return name, row.where("result")
        return name, None

    def measurement(self, kpi_id: str, day) -> tuple[str | None, str | None]:
        from planaction.exchange.xlsx import spec
        from planaction.exchange.xlsx.cells import date, text

        name, rows = self._rows("measurements", spec.MEASUREMENT_COLUMNS, ("kpi", "date", "value"))
        for row in rows:
            if text(row.cell("kpi")).strip() != kpi_id:
                continue
            try:
                if date(row.cell("date"), self.book.lang) == day:
                    return name, row.where("value")
            except ValueError:
                continue
        return name, None
