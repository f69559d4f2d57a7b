"""The shape of the client workbook, shared by the exporter and the importer.

Which sheets, which columns (by key, with their heading in the workbook's
language), which cells a client may edit, which columns are planaction's own
(the hidden key of each follow-up and measurement row), and how a plan value
is written in a cell (``cell_text``, ``cell_value``). What the hidden
``_planaction`` sheet records is ``hidden_sheet``'s. The importer finds
columns by their headings, so a client may reorder or hide columns; it
refuses a workbook whose sheets were renamed or removed, naming what it
looked for.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from planaction.core.model import Action
from planaction.words.baseline import say as say_baseline
from planaction.words.decks import say as say_decks
from planaction.words.exchange import say
from planaction.words.improvement import say as say_loop
from planaction.words.labels import date_text, word
from planaction.words.structures import say as say_structures

META_SHEET = "_planaction"
#: Excel's limit for the text of one cell.
MAX_CELL = 32_767
#: Characters an XLSX (XML 1.0) cell cannot hold.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def text(value: Any) -> str:
    """A cell as text: whole floats without ".0", dates in ISO, line breaks at the ends removed (the
    exporter compares with it as the importer reads: here, where both find it without the other's imports)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value).strip("\n") if isinstance(value, str) else str(value)


def cell_text(value: str) -> str:
    """Plan text as a workbook cell holds it (what the client sees and edits).

    Line breaks are LF, as spreadsheets store them: a CR would come back as LF
    and make the merge see a change nobody made.
    """
    text = value
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _NOT_IN_XML.search(text):  # a search is cheaper than a substitution that finds nothing, the common case
        text = _NOT_IN_XML.sub("\ufffd", text)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


#: The first day every spreadsheet shows as itself. Excel counts a 29 February 1900 that never
#: was (so its serials 1 to 60 are a day off from LibreOffice's and calamine's) and has no day
#: before 1900; a plan may hold any day from 0001-01-01.
FIRST_SHOWN_DATE = dt.date(1900, 3, 1)


def cell_value(value: Any, lang: str) -> Any:
    """A plan value as a cell holds it: text made storable, a date a spreadsheet cannot show as its text.

    Such a date is written as the plan's language writes it (``28/02/1900``),
    which the import reads back as the same day; a date cell would show
    another day, or a time.
    """
    if value.__class__ is str or isinstance(value, str):
        return cell_text(value)
    if value is None or value.__class__ is int or value.__class__ is float:
        return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime) and value < FIRST_SHOWN_DATE:
        return date_text(value, lang)
    return value


#: What ``cell_text`` changes (besides a text too long): a CR, characters XML cannot hold.
_CHANGED_IN_CELL = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")
#: Values that are their own cell.
_AS_THEY_ARE = {type(None), int, float}


def cell_values(values: Sequence[Any], lang: str) -> list[Any]:
    """``cell_value`` of each value of a table's column. Most columns are plain text or numbers,
    which are checked as a whole: one search over the column's text rather than three per cell."""
    kinds = set(map(type, values))
    if kinds <= _AS_THEY_ARE or (kinds == {str} and as_they_are(values)):
        return list(values)
    return [cell_value(value, lang) for value in values]


def as_they_are(texts: Sequence[str]) -> bool:
    """Whether ``cell_text`` leaves each of ``texts`` as it is (the common case), checked as one."""
    return not _CHANGED_IN_CELL.search("\n".join(texts)) and max(map(len, texts), default=0) <= MAX_CELL


def action_base(action: Action) -> dict[str, object]:
    """The editable fields of an action as the workbook shows them: the merge's terms."""
    return {
        "status": action.status.value,
        "progress": action.progress,
        "completed": action.completed.isoformat() if action.completed else "",
        "comment": cell_text(action.comment or ""),
    }


@dataclass(frozen=True)
class Column:
    key: str
    word: str  # labels.WORDS key of the heading
    width: int  # characters, a starting point for fitted widths
    editable: bool = False
    wrap: bool = False
    hidden: bool = False  # planaction's own: not shown, not for the client
    heading_key: str | None = None  # its heading in words/exchange.py, for a column labels.WORDS has no word for
    figure: bool = False  # numbers or dates: its heading sits right, over them
    keep: bool = False  # shown even when every row leaves it empty (what the client reads first)


ACTION_COLUMNS = (
    # widths add up to about 190 characters: printed one page wide on A4 landscape, about 8 points
    Column("id", "id", 6, keep=True),
    Column("title", "title", 28, wrap=True, keep=True),
    Column("owner", "owner", 13, wrap=True, keep=True),
    Column("co_owners", "co_owners", 13, wrap=True),
    Column("stream", "stream", 10, wrap=True),
    Column("priority", "priority", 9),
    Column("start", "start", 11, figure=True),
    Column("due", "due", 11, figure=True, keep=True),
    Column("status", "status", 10, editable=True),
    Column("progress", "progress", 11, editable=True, figure=True),
    Column("completed", "completed", 11, editable=True, figure=True),
    Column("rag", "rag", 8),
    Column("why", "why", 15, wrap=True),
    Column("indicators", "indicators", 17, wrap=True),
    Column("comment", "comment", 22, editable=True, wrap=True),
)
#: With ``export --baseline REV``, after the action columns: each action's due date at the baseline,
#: the days it slipped since and how many times it was re-planned (``core.slippage``). Read-only
#: (locked), and the import does not read them: a re-import of the exported workbook changes nothing.
BASELINE_COLUMNS = (
    Column("baseline_due", "due", 12, heading_key="col_baseline_due", figure=True, keep=True),
    Column("slipped_days", "due", 10, heading_key="col_slipped_days", figure=True, keep=True),
    Column("replanned", "due", 10, heading_key="col_replanned", figure=True, keep=True),
)


def baseline_cells(slip: Any) -> list[object]:
    """An action's ``BASELINE_COLUMNS`` cells from its ``core.slippage.Slip``: empty where there is
    nothing to compare (no due date, or the action is new since the baseline)."""
    if slip is None:
        return ["", "", ""]
    slipped = "" if slip.slipped_days is None else slip.slipped_days
    return [slip.baseline_due or "", slipped, slip.replanned]


LOG_COLUMNS = (
    Column("date", "date", 12, editable=True, figure=True),
    Column("action", "action", 9, editable=True),
    Column("title", "title", 36, wrap=True),
    Column("result", "result", 40, editable=True, wrap=True),
    Column("comment", "comment", 40, editable=True, wrap=True),
    Column("author", "author", 18, editable=True),
    # the key of each exported row (hidden_sheet.log_key): inside the table, so that it moves with
    # its row when the client sorts; a row added by the client has none
    Column("key", "", 4, hidden=True, heading_key="ref_heading"),
)
KPI_COLUMNS = (
    Column("id", "id", 7),
    Column("name", "name", 36, wrap=True),
    Column("unit", "unit", 10),
    Column("direction", "direction", 12),
    Column("baseline", "baseline", 10, figure=True),
    Column("current", "current", 10, figure=True),
    Column("target", "target", 10, figure=True),
    Column("attainment", "attainment", 11, figure=True),
)
MEASUREMENT_COLUMNS = (
    Column("kpi", "kpi", 8, editable=True),
    Column("date", "date", 12, editable=True, figure=True),
    Column("value", "value", 12, editable=True, figure=True),
    Column("comment", "comment", 40, editable=True, wrap=True),
    # the key of each exported measurement (hidden_sheet.measurement_key), as in the log
    Column("key", "", 4, hidden=True, heading_key="ref_heading"),
)
RISK_COLUMNS = (
    Column("id", "id", 7),
    Column("title", "risk", 36, wrap=True),
    Column("probability", "probability", 12),
    Column("impact", "impact", 10),
    Column("score", "score", 8, figure=True),
    Column("rag", "rag", 10),
    Column("mitigation", "mitigation", 40, wrap=True),
    Column("owner", "owner", 18),
    Column("status", "status", 12),
)
MILESTONE_COLUMNS = (
    Column("id", "id", 7),
    Column("title", "milestone", 30, wrap=True),
    Column("due", "due", 12, figure=True),
    Column("done", "done", 9),
    Column("done_on", "done_on", 12, figure=True),
    Column("criteria", "criteria", 30, wrap=True),
    Column("deliverables", "deliverables", 40, wrap=True),
    Column("evidence", "evidence", 30, wrap=True),
)
VALUE_COLUMNS = (
    Column("id", "id", 7),
    Column("hypothesis", "hypothesis", 36, wrap=True),
    Column("indicator", "indicator", 14),
    Column("baseline", "baseline", 10, figure=True),
    Column("target", "target", 10, figure=True),
    Column("actual", "actual", 10, figure=True),
    Column("value", "value_per_year", 14, figure=True),
    Column("roi", "line_roi", 11, figure=True),
    Column("notes", "notes", 44, wrap=True),
)

#: Sheet key -> heading word; the sheet names are the words in the plan's language.
SHEETS = {
    "summary": "summary",
    "actions": "actions",
    "log": "log",
    "kpis": "kpis",
    "measurements": "measurements",
    "risks": "risks",
    "milestones": "milestones",
    "value": "value",
}


def sheet_name(key: str, lang: str) -> str:
    # Excel refuses some characters in sheet names and caps them at 31 characters
    name = word(SHEETS[key], lang)
    for bad in "[]:*?/\\":
        name = name.replace(bad, " ")
    return name[:31]


def heading(column: Column, lang: str) -> str:
    if column.heading_key is not None:
        for catalog in (say_loop, say_decks, say_baseline, say):  # the loop's sheet, the read-only sheets, the baseline
            if column.heading_key in catalog:
                return catalog(column.heading_key, lang)
        return say_structures(column.heading_key, lang)
    return word(column.word, lang)
