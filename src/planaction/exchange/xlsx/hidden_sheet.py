"""The hidden ``_planaction`` sheet: what an export records for the merge, written and read here only.

It travels inside the workbook (no side file): which plan and language it
was exported from, the sheets' names, and the *base* of the three-way merge
— each action's editable fields, each follow-up row and measurement with the key
its visible row carries. Format 2 adds the row keys, the comment and author
of each follow-up row, the comment of each measurement, the action
titles and the plan's identity (see ``identity``); workbooks of format 1,
exported before, are still read, their rows matched by content alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from planaction import __version__
from planaction.core.model import Plan
from planaction.exchange.xlsx import spec
from planaction.exchange.xlsx.refusal import CellProblem, WorkbookRefused
from planaction.exchange.xlsx.spec import text
from planaction.present.action_detail import LogLine

FORMAT = "planaction-workbook-2"
READABLE = ("planaction-workbook-1", FORMAT)


def log_key(index: int) -> str:
    """The key of the ``index``-th exported follow-up row (0-based), written in its hidden cell."""
    return f"L{index + 1}"


def measurement_key(index: int) -> str:
    """The key of the ``index``-th exported measurement row (0-based), written in its hidden cell."""
    return f"M{index + 1}"


@dataclass(frozen=True)
class LogBase:
    """A follow-up row as exported. ``comment`` and ``author`` are None in a format-1 workbook."""

    key: str
    date: str  # ISO
    action: str
    result: str
    comment: str | None
    author: str | None


@dataclass(frozen=True)
class MeasurementBase:
    """A measurement row as exported. ``comment`` is None, and ``key`` "", in a format-1 workbook."""

    kpi: str
    date: str  # ISO
    value: float
    comment: str | None
    key: str


@dataclass
class Recorded:
    """What the hidden sheet says about the export."""

    meta: dict[str, Any] = field(default_factory=dict)
    sheet_names: dict[str, str] = field(default_factory=dict)
    actions: dict[str, dict[str, Any]] = field(default_factory=dict)
    priorities: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # action titles (format 2)
    #: each action's owner, start and due as exported (ISO dates), for the cells the import does not
    #: take and reports when changed; empty for workbooks exported before they were recorded
    shown: dict[str, dict[str, str]] = field(default_factory=dict)
    log: list[LogBase] = field(default_factory=list)
    measurements: list[MeasurementBase] = field(default_factory=list)

    def get(self, key: str) -> str:
        return text(self.meta.get(key))


def records(
    plan: Plan,
    *,
    plan_id: str,
    identity: dict[str, str],
    file_name: str,
    lang: str,
    names: dict[str, str],
    log_lines: list[LogLine],
    measurements: Iterable[tuple[str, dt.date, float, str | None]],
) -> list[list[Any]]:
    """The rows of the hidden sheet (strings stay strings: "2025-05-01" is text here, not a date)."""
    rows: list[list[Any]] = [
        ["format", FORMAT],
        ["plan_id", plan_id],
        ["plan_title", plan.title],
        ["file", file_name],
        *([key, value] for key, value in identity.items()),
        ["lang", lang],
        ["exported_at", dt.datetime.now().isoformat(timespec="seconds")],
        ["planaction", __version__],
        ["log_rows", len(log_lines)],
        ["action_fields", "owner start due"],
    ]
    rows += [["sheet", key, name] for key, name in names.items()]
    for a in plan.actions:
        base = spec.action_base(a)
        rows.append(
            [
                "action",
                a.id,
                base["status"],
                base["progress"],
                base["completed"],
                base["comment"],
                a.priority.value if a.priority else "",
                a.title,
                a.owner,
                a.start.isoformat() if a.start else "",
                a.due.isoformat() if a.due else "",
            ]
        )
    for index, line in enumerate(log_lines):
        rows.append(
            [
                "log",
                line.date.isoformat(),
                line.action_id or "",
                line.result,
                line.comment,
                line.author,
                log_key(index),
            ]
        )
    rows += [
        ["measurement", kpi, day.isoformat(), value, comment or "", measurement_key(index)]
        for index, (kpi, day, value, comment) in enumerate(measurements)
    ]
    texts = [v for row in rows for v in row if isinstance(v, str)]
    if set(map(type, texts)) <= {str} and spec.as_they_are(texts):  # the common case, checked as one
        return rows
    return [[spec.cell_text(v) if isinstance(v, str) else v for v in row] for row in rows]


def read(rows: list[list[Any]], book_name: str) -> Recorded:
    """The hidden sheet's rows as ``Recorded``; a workbook of an unknown format, or whose hidden
    sheet was edited, is refused."""
    from planaction.exchange.xlsx.cells import figure  # the import's reader: the export never loads it

    found = Recorded()
    # calamine pads every row to the sheet's width: the format, on the first row, tells the layout
    keyed = any(len(row) > 1 and text(row[0]) == "format" and text(row[1]) == FORMAT for row in rows[:1])
    for index, row in enumerate(rows):
        kind = text(row[0]) if row else ""
        values = list(row[1:]) + [""] * 8
        if kind == "sheet":
            found.sheet_names[text(values[0])] = text(values[1])
        elif kind == "action":
            action_id, progress = text(values[0]), values[2]
            found.actions[action_id] = {
                "status": text(values[1]),
                "progress": int(progress) if isinstance(progress, (int, float)) and 0 <= progress <= 100 else 0,
                "completed": text(values[3]),
                "comment": text(values[4]),
            }
            found.priorities[action_id] = text(values[5])
            found.titles[action_id] = text(values[6])
            found.shown[action_id] = {"owner": text(values[7]), "start": text(values[8]), "due": text(values[9])}
        elif kind == "log":
            found.log.append(
                LogBase(
                    key=text(values[5]) if keyed else "",
                    date=text(values[0]),
                    action=text(values[1]),
                    result=text(values[2]),
                    comment=text(values[3]) if keyed else None,
                    author=text(values[4]) if keyed else None,
                )
            )
        elif kind == "measurement":
            written = values[2] or 0  # planaction writes a number cell here; anything else is an edit
            try:
                if isinstance(written, str):
                    raise ValueError("text")
                value = figure(written, "en")
            except ValueError:
                raise WorkbookRefused(
                    [
                        CellProblem(
                            spec.META_SHEET,
                            f"D{index + 1}",
                            "the hidden sheet planaction keeps to merge was edited",
                            "export the plan again and make your changes in the visible sheets",
                        )
                    ]
                ) from None
            comment, key = (text(values[3]), text(values[4])) if keyed else (None, "")
            found.measurements.append(MeasurementBase(text(values[0]), text(values[1]), value, comment, key))
        elif kind:
            found.meta[kind] = values[0]
    if text(found.meta.get("action_fields")) != "owner start due":
        found.shown = {}  # an older export: the row's later cells are not these
    if found.meta.get("format") not in READABLE:
        raise WorkbookRefused(
            [
                CellProblem(
                    book_name,
                    "",
                    f"unknown workbook format {found.meta.get('format')!r}",
                    "export the plan again with this planaction",
                )
            ]
        )
    return found
