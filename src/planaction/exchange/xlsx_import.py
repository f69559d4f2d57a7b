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

import contextlib
import datetime as dt
import html
import math
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planaction import ops
from planaction.diagnose import enum_choices
from planaction.exchange import workbook as spec
from planaction.labels import date_text, number, word
from planaction.model import Level, Plan, Status
from planaction.safetext import one_line
from planaction.userfiles import is_regular, kind_of

#: Limits that keep a hostile archive from filling memory or disk.
MAX_ARCHIVE_BYTES = 200 * 1024 * 1024  # uncompressed, all members
MAX_MEMBER_RATIO = 200  # uncompressed / compressed, per member larger than 1 MB
MAX_MEMBERS = 5_000

Prefer = str | None  # "theirs", "ours" or None


@dataclass(frozen=True)
class CellProblem:
    sheet: str
    cell: str  # "F12", or "" for the sheet itself
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        """One line (and a hint): cell text quoted in a message can neither forge lines nor act on a terminal."""
        where = one_line(f"{self.sheet}!{self.cell}" if self.cell else self.sheet)
        text = f"{where}: {one_line(self.message)}"
        return f"{text}\n  hint: {one_line(self.hint)}" if self.hint else text


class WorkbookRefused(Exception):
    """The workbook cannot be imported; nothing was changed."""

    def __init__(self, problems: list[CellProblem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


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
# Reading cells


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value).strip("\n") if isinstance(value, str) else str(value)


#: Excel serial numbers taken as dates: 1970-01-01 to 2099-12-31.
SERIAL_DATES = (25569, 73051)
_DATE_FR = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$")


def _date(value: Any) -> dt.date | None:
    """A date cell, an ISO date, or a French DD/MM/YYYY; None if empty; ValueError otherwise."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # a date typed into a cell without date format is an Excel serial number; one outside
        # the years a plan can hold (5, 45) is a slip of another column, not a date
        if not SERIAL_DATES[0] <= value < SERIAL_DATES[1]:
            raise ValueError("a number, not a date")
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
    text = str(value).strip()
    match = _DATE_FR.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        return dt.date(year, month, day)
    return dt.date.fromisoformat(text[:10])


def _number(value: Any) -> float:
    """A number cell, or a number typed as text ("4,2", "1 500"); ValueError for anything else,
    including what ``float`` reads but no plan figure is (inf, nan, beyond 1.8e308)."""
    if isinstance(value, str):
        value = value.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    elif isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("not a number")
    try:
        result = float(value)
    except OverflowError:
        raise ValueError("too large") from None
    if not math.isfinite(result):
        raise ValueError("not a finite number")
    return result


def _progress(value: Any) -> int:
    """Percentage points from a percent cell (0.45) or typed text ("45 %", "45%", "45").

    A number is what a percent cell holds: 1.5 is 150 %, not 1.5 %.
    """
    if isinstance(value, str):
        return round(_number(value.strip().removesuffix("%")))
    return round(_number(_number(value) * 100))


class _Sheet:
    """A sheet's rows with their cell names, and its columns found by heading."""

    def __init__(self, name: str, rows: list[list[Any]], start: tuple[int, int]) -> None:
        self.name = name
        self.rows = rows
        self.row_offset, self.col_offset = start

    def cell_name(self, row_index: int, col_index: int) -> str:
        return f"{_column_letter(self.col_offset + col_index)}{self.row_offset + row_index + 1}"

    def columns(self, wanted: dict[str, str], problems: list[CellProblem]) -> dict[str, int]:
        """Find each wanted heading (key -> heading) in the first row."""
        header = [_text(v).strip() for v in (self.rows[0] if self.rows else [])]
        found: dict[str, int] = {}
        for key, heading in wanted.items():
            if heading in header:
                found[key] = header.index(heading)
            else:
                problems.append(
                    CellProblem(
                        self.name,
                        "1",
                        f'the column "{heading}" is missing',
                        "keep the column headings of the exported workbook (columns may move, not be renamed)",
                    )
                )
        return found


class _Row:
    """One data row of a sheet: cells by column key, and their names for messages."""

    def __init__(self, sheet: _Sheet, index: int, values: list[Any], columns: dict[str, int]) -> None:
        self.sheet = sheet
        self.index = index
        self.values = values
        self.columns = columns

    def cell(self, key: str) -> Any:
        position = self.columns[key]
        return self.values[position] if position < len(self.values) else ""

    def where(self, key: str) -> str:
        return self.sheet.cell_name(self.index, self.columns[key])

    @property
    def number(self) -> int:
        return self.sheet.row_offset + self.index + 1

    def empty(self) -> bool:
        return not any(_text(self.cell(key)).strip() for key in self.columns)


def _check_archive(path: Path) -> None:
    if not path.exists():
        raise WorkbookRefused([CellProblem(str(path), "", "no such file", "check the path of the workbook")])
    if not is_regular(path):  # a FIFO would block every reader below, a device never end
        kind = kind_of(path.stat().st_mode)
        raise WorkbookRefused([CellProblem(str(path), "", f"this is {kind}, not a workbook", "give the .xlsx file")])
    if not zipfile.is_zipfile(path):
        raise WorkbookRefused(
            [
                CellProblem(
                    str(path),
                    "",
                    "this is not an Excel workbook (.xlsx)",
                    "export again with `planaction export`, or save the file as .xlsx",
                )
            ]
        )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise WorkbookRefused(
            [CellProblem(str(path), "", f"the workbook is damaged ({exc})", "save it again from Excel or LibreOffice")]
        ) from None
    total = sum(m.file_size for m in members)
    ratios = [m.file_size / max(m.compress_size, 1) for m in members if m.file_size > 1024 * 1024]
    if len(members) > MAX_MEMBERS or total > MAX_ARCHIVE_BYTES or any(r > MAX_MEMBER_RATIO for r in ratios):
        raise WorkbookRefused(
            [
                CellProblem(
                    str(path),
                    "",
                    f"the archive is oversized ({len(members)} parts, {total / 1024 / 1024:.0f} MB once unpacked); refused",
                    "a plan's workbook is a few megabytes: export it again",
                )
            ]
        )
    if not any(m.filename == "xl/workbook.xml" for m in members):
        raise WorkbookRefused(
            [
                CellProblem(
                    str(path),
                    "",
                    "this is a zip archive, not an Excel workbook",
                    "give the .xlsx exported by planaction",
                )
            ]
        )


@dataclass
class _Book:
    path: Path
    meta: dict[str, Any]
    sheet_names: dict[str, str]
    bases: dict[str, dict[str, Any]]
    base_priorities: dict[str, str]
    base_log: list[tuple[str, str, str]]
    base_measurements: dict[tuple[str, str], float]
    sheets: dict[str, _Sheet]
    macros: bool
    _xml: dict[str, str] = field(default_factory=dict)
    _empty_formulas: dict[str, dict[str, str]] = field(default_factory=dict)

    def why_empty(self, sheet: str, cell: str) -> str | None:
        """Why a cell reads empty when it is not: a formula without a computed value, or an error.

        calamine reads both as "". The sheet's XML (kept by ``read_book``) is
        searched once per sheet, so asking for every row costs a lookup.
        """
        if sheet not in self._empty_formulas:
            if sheet not in self._xml:
                self._xml[sheet] = _sheet_xml(self.path, sheet)
            self._empty_formulas[sheet] = _empty_formulas(self._xml[sheet])
        return self._empty_formulas[sheet].get(cell)


_CELL = re.compile(r"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_FORMULA = re.compile(r"<(?:\w+:)?f[\s>/]")
_VALUE = re.compile(r"<(?:\w+:)?v>")
_ERROR_VALUE = re.compile(r"<(?:\w+:)?v>(#[^<]*)</")
_CELL_REFERENCE = re.compile(r'\br="([A-Z]+\d+)"')


def _empty_formulas(xml: str) -> dict[str, str]:
    """Cells that calamine reads as empty but are not: formula errors, formulas never computed."""
    if not _FORMULA.search(xml) and 't="e"' not in xml:
        return {}  # the common case, an export or a plain re-save: no formula at all
    found: dict[str, str] = {}
    for match in _CELL.finditer(xml):
        attributes, inner = match.group(1), match.group(2) or ""
        reference = _CELL_REFERENCE.search(attributes)
        if reference is None:
            continue
        error = _ERROR_VALUE.search(inner) if 't="e"' in attributes else None
        if error:
            found[reference.group(1)] = f"its formula gives the error {error.group(1)}"
        elif _FORMULA.search(inner) and not _VALUE.search(inner):
            found[reference.group(1)] = "it holds a formula whose value was never computed"
    return found


def _sheet_xml(path: Path, sheet: str) -> str:
    """The XML of a sheet, found by name through the workbook's relationships ("" if not found)."""
    with (
        # a damaged part reads as "": calamine, which reads it next, then refuses the sheet by name
        contextlib.suppress(
            KeyError, OSError, EOFError, zlib.error, NotImplementedError, zipfile.BadZipFile, UnicodeDecodeError
        ),
        zipfile.ZipFile(path) as archive,
    ):
        workbook = _read_part(archive, "xl/workbook.xml").decode("utf-8")
        rels = _read_part(archive, "xl/_rels/workbook.xml.rels").decode("utf-8")
        for match in re.finditer(r"<(?:\w+:)?sheet\b([^>]*)/?>", workbook):
            attributes = dict(re.findall(r'([\w:]+)="([^"]*)"', match.group(1)))
            if html.unescape(attributes.get("name", "")) != sheet:
                continue
            rid = next((v for k, v in attributes.items() if k.endswith(":id")), "")
            target = re.search(rf'<Relationship\b[^>]*\bId="{re.escape(rid)}"[^>]*>', rels)
            location = re.search(r'Target="([^"]*)"', target.group(0)) if target else None
            if location:
                name = location.group(1).lstrip("/")
                return _read_part(archive, name if name.startswith("xl/") else f"xl/{name}").decode("utf-8")
    return ""


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """One part of the archive, read in small steps: ``ZipFile.read`` inflates a whole member
    in one call, so a part whose header understates its size would fill memory before the
    size check; read this way it stops at the declared size (then fails its CRC check)."""
    chunks = []
    with archive.open(name) as part:
        while chunk := part.read(1024 * 1024):
            chunks.append(chunk)
    return b"".join(chunks)


def read_book(path: Path) -> _Book:
    """Open a workbook exported by planaction, or refuse it with located problems."""
    from python_calamine import CalamineWorkbook

    _check_archive(path)
    try:
        book = CalamineWorkbook.from_path(str(path))
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as exc:  # calamine's own error types, and pyo3 panics
        raise WorkbookRefused(
            [CellProblem(str(path), "", f"the workbook cannot be read ({exc})", "save it again as .xlsx")]
        ) from None
    name = path.name
    if spec.META_SHEET not in book.sheet_names:
        raise WorkbookRefused(
            [
                CellProblem(
                    name,
                    "",
                    "this workbook was not exported by planaction (its hidden _planaction sheet is missing)",
                    "import the workbook `planaction export` made, or export the plan again",
                )
            ]
        )
    xml: dict[str, str] = {}
    meta_rows = _read_sheet(book, path, spec.META_SHEET, xml).rows
    meta: dict[str, Any] = {}
    sheet_names: dict[str, str] = {}
    bases: dict[str, dict[str, Any]] = {}
    priorities: dict[str, str] = {}
    base_log: list[tuple[str, str, str]] = []
    measurements: dict[tuple[str, str], float] = {}
    for index, row in enumerate(meta_rows):
        kind = _text(row[0]) if row else ""
        values = list(row[1:]) + [""] * 7
        if kind == "sheet":
            sheet_names[_text(values[0])] = _text(values[1])
        elif kind == "action":
            progress = values[2]
            bases[_text(values[0])] = {
                "status": _text(values[1]),
                "progress": int(progress) if isinstance(progress, (int, float)) and 0 <= progress <= 100 else 0,
                "completed": _text(values[3]),
                "comment": _text(values[4]),
            }
            priorities[_text(values[0])] = _text(values[5])
        elif kind == "log":
            base_log.append((_text(values[0]), _text(values[1]), _text(values[2])))
        elif kind == "measurement":
            written = values[2] or 0  # planaction writes a number cell here; anything else is an edit
            try:
                if isinstance(written, str):
                    raise ValueError("text")
                measurements[(_text(values[0]), _text(values[1]))] = _number(written)
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
        elif kind:
            meta[kind] = values[0]
    if meta.get("format") != spec.FORMAT:
        raise WorkbookRefused(
            [
                CellProblem(
                    name,
                    "",
                    f"unknown workbook format {meta.get('format')!r}",
                    "export the plan again with this planaction",
                )
            ]
        )
    problems = []
    sheets: dict[str, _Sheet] = {}
    for key in ("actions", "log", "measurements"):
        wanted = sheet_names.get(key)
        if wanted is None:
            continue  # the plan had nothing for it at export (no KPIs)
        if wanted not in book.sheet_names:
            problems.append(
                CellProblem(
                    name,
                    "",
                    f'the sheet "{wanted}" is missing',
                    f'rename the sheet back to "{wanted}"; planaction finds the sheets it exported by their names',
                )
            )
            continue
        sheets[key] = _read_sheet(book, path, wanted, xml)
    if problems:
        raise WorkbookRefused(problems)
    with zipfile.ZipFile(path) as archive:
        macros = any(m.filename.lower().endswith("vbaproject.bin") for m in archive.infolist())
    return _Book(path, meta, sheet_names, bases, priorities, base_log, measurements, sheets, macros, xml)


#: Cells a sheet may span (rows x columns from A1). calamine builds the sheet's range densely,
#: so one cell typed at XFD1048576 in a 10 KB workbook would ask for 17 billion cells.
MAX_SHEET_CELLS = 5_000_000
#: Row and cell references (``r="12"``, ``r="C12"``). No word boundary before ``r``: it would
#: be four times slower, and the few other attributes ending in r (``header="1"``) only ever
#: overstate the extent.
_ROW_OF_REFERENCE = re.compile(r'r="[A-Z]{0,3}(\d+)"')
_WIDE_REFERENCE = re.compile(r'r="([A-Z]{2,3})\d+"')


def _sheet_extent(xml: str) -> tuple[int, int]:
    """The last row and column any cell of the sheet's XML names (row and cell ``r`` attributes)."""
    rows = max(map(int, _ROW_OF_REFERENCE.findall(xml)), default=0)
    wide = _WIDE_REFERENCE.findall(xml)  # beyond Z: rare, so only those are decoded
    columns = max((_column_number(letters) for letters in wide), default=26)
    return rows, columns


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


#: A cell value calamine may take for a date must stay within chrono's range (about 1e14 days),
#: or calamine panics, and Rust prints the panic on stderr before Python can refuse anything.
MAX_CELL_NUMBER = 1e14
#: Numbers written with an exponent or with 15 digits or more: the only ones that can pass it.
_LONG_NUMBER = re.compile(r"<(?:\w+:)?v>\s*([+-]?(?:[\d.]*[eE][+-]?\d+|\d{15,}[\d.]*|inf\w*|nan))\s*<", re.I)


def _huge_number(xml: str) -> tuple[str, str] | None:
    """The first cell (name, value) holding a number beyond ``MAX_CELL_NUMBER``, if any."""
    for match in _LONG_NUMBER.finditer(xml):
        try:
            value = float(match.group(1))
        except ValueError:
            continue
        if not abs(value) < MAX_CELL_NUMBER:  # also inf and nan
            start = max(xml.rfind("<c ", 0, match.start()), xml.rfind(":c ", 0, match.start()))
            reference = _CELL_REFERENCE.search(xml, start, match.start()) if start >= 0 else None
            return (reference.group(1) if reference else "", match.group(1))
    return None


def _read_sheet(book: Any, path: Path, name: str, xml: dict[str, str]) -> _Sheet:
    """One sheet read by calamine, or the workbook refused with the sheet named.

    The sheet's XML is checked first for what calamine cannot take (an
    extent past ``MAX_SHEET_CELLS``, a number past ``MAX_CELL_NUMBER``); then
    anything calamine still raises, down to a Rust panic (pyo3 raises those
    as a ``BaseException``), is a refusal.
    """
    xml[name] = _sheet_xml(path, name)
    rows, columns = _sheet_extent(xml[name])
    if rows * columns > MAX_SHEET_CELLS:
        far = re.search(rf'\br="([A-Z]{{1,3}}){rows}"', xml[name])  # a cell on the last row, to name it
        raise WorkbookRefused(
            [
                CellProblem(
                    name,
                    f"{far.group(1) if far else 'A'}{rows}",
                    f"this cell takes the sheet to row {rows:,} and column {_column_letter(columns - 1)}, "
                    f"{rows * columns:,} cells: far more than a plan's workbook holds",
                    "delete the rows and columns after the table (Ctrl+End shows the last cell used) and save again",
                )
            ]
        )
    huge = _huge_number(xml[name])
    if huge is not None:
        raise WorkbookRefused(
            [
                CellProblem(
                    name,
                    huge[0],
                    f"{huge[1]} is far beyond any date or figure of a plan",
                    "correct the number typed in this cell",
                )
            ]
        )
    try:
        sheet = book.get_sheet_by_name(name)
        return _Sheet(name, sheet.to_python(), sheet.start or (0, 0))
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as exc:  # calamine's errors and pyo3 panics alike
        raise WorkbookRefused(
            [
                CellProblem(
                    path.name,
                    "",
                    f'the sheet "{name}" cannot be read ({one_line(str(exc))[:200]})',
                    "check the dates and numbers typed in this sheet, or open the workbook and save it again as .xlsx",
                )
            ]
        ) from None


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
    def __init__(self, plan: Plan, book: _Book, *, prefer: Prefer, today: dt.date, lang: str) -> None:
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
        lang = self.lang
        wanted = {
            c.key: spec.heading(c, lang)
            for c in spec.ACTION_COLUMNS
            if c.key in ("id", "status", "progress", "completed", "comment", "priority")
        }
        columns = sheet.columns(wanted, self.problems)
        if len(columns) < len(wanted):
            return
        seen: dict[str, str] = {}
        current = self.our_actions
        for r, values in enumerate(sheet.rows[1:], 1):
            row = _Row(sheet, r, values, columns)
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

    def refuse_cell(self, row: _Row, key: str, message: str, hint: str) -> None:
        """Refuse a cell; one that reads empty is first asked whether it hides a formula or an error."""
        where = row.where(key)
        if _text(row.cell(key)).strip() == "":
            reason = self.book.why_empty(row.sheet.name, where)
            if reason:
                message = f"the cell reads empty: {reason}"
                hint = "type the value itself, or open and save the workbook in Excel or LibreOffice so it computes"
        self.problems.append(CellProblem(row.sheet.name, where, message, hint))

    def read_action_cells(self, row: _Row) -> dict[str, Any] | None:
        cell = row.cell
        values: dict[str, Any] = {}
        ok = True
        status_text = _text(cell("status")).strip()
        try:
            values["status"] = Status(status_text).value
        except ValueError:
            ok = False
            shown = status_text or self.t("(vide)", "(empty)")
            self.refuse_cell(row, "status", f'"{shown}" is not a status', f"allowed: {enum_choices(Status)}")
        try:
            progress = _progress(cell("progress"))
            if not 0 <= progress <= 100:
                raise ValueError("range")
            values["progress"] = progress
        except ValueError:
            ok = False
            self.refuse_cell(
                row,
                "progress",
                f'"{_text(cell("progress"))}" is not a progress',
                "write a percentage from 0 % to 100 %",
            )
        try:
            completed = _date(cell("completed"))
            values["completed"] = completed.isoformat() if completed else ""
        except (ValueError, OverflowError):
            ok = False
            self.refuse_cell(
                row, "completed", f'"{_text(cell("completed"))}" is not a date', "write a date, e.g. 15/05/2025"
            )
        if _text(cell("completed")).strip() == "" and self.book.why_empty(row.sheet.name, row.where("completed")):
            ok = False  # a date formula that was never computed must not clear the completion date
            self.refuse_cell(row, "completed", "", "")
        values["comment"] = spec.cell_text(_text(cell("comment")))
        return values if ok else None

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
        lang = self.lang
        wanted = {
            c.key: spec.heading(c, lang)
            for c in spec.LOG_COLUMNS
            if c.key in ("date", "action", "result", "comment", "author")
        }
        columns = sheet.columns(wanted, self.problems)
        if len(columns) < len(wanted):
            return
        exported = len(self.book.base_log)
        known = {a.id for a in self.plan.actions}
        for r, values in enumerate(sheet.rows[1:], 1):
            row = _Row(sheet, r, values, columns)
            cell = row.cell
            if row.empty():
                continue
            if r <= exported:
                date_value, action_id, result = self.book.base_log[r - 1]
                try:
                    now = _date(cell("date"))
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

    def new_log_entry(self, row: _Row, known: set[str]) -> None:
        sheet, cell, where = row.sheet, row.cell, row.where
        try:
            day = _date(cell("date"))
        except (ValueError, OverflowError):
            self.problems.append(
                CellProblem(
                    sheet.name, where("date"), f'"{_text(cell("date"))}" is not a date', "write a date, e.g. 15/05/2025"
                )
            )
            return
        if day is None:
            self.problems.append(
                CellProblem(sheet.name, where("date"), "the date is empty", "write the date of the follow-up")
            )
            return
        action_id = _text(cell("action")).strip() or None
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
        result = spec.cell_text(_text(cell("result"))).strip()
        if not result:
            self.problems.append(
                CellProblem(sheet.name, where("result"), "the result is empty", "write what was observed")
            )
            return
        comment = _text(cell("comment")).strip() or None
        author = _text(cell("author")).strip() or None
        self.result.changes.append(
            self.t(
                f"+ suivi {date_text(day, 'fr')} {action_id or ''} : {one_line(result)[:60]}",
                f"+ log {day.isoformat()} {action_id or ''}: {one_line(result)[:60]}",
            ).replace("  ", " ")
        )
        self.result.log_entries.append(
            {"date": day, "action": action_id, "result": result, "comment": comment, "author": author}
        )

    # -- KPI measurements ----------------------------------------------------------

    def measurements(self) -> None:
        sheet = self.book.sheets.get("measurements")
        if sheet is None:
            return
        lang = self.lang
        wanted = {c.key: spec.heading(c, lang) for c in spec.MEASUREMENT_COLUMNS}
        columns = sheet.columns(wanted, self.problems)
        if len(columns) < len(wanted):
            return
        kpis = {k.id: k for k in self.plan.kpis}
        for r, values in enumerate(sheet.rows[1:], 1):
            row = _Row(sheet, r, values, columns)
            cell, where = row.cell, row.where
            if row.empty():
                continue
            kpi_id = _text(cell("kpi")).strip()
            if kpi_id not in kpis:
                self.problems.append(
                    CellProblem(
                        sheet.name, where("kpi"), f'unknown KPI "{kpi_id}"', f"known KPIs: {', '.join(kpis) or 'none'}"
                    )
                )
                continue
            try:
                day = _date(cell("date"))
            except (ValueError, OverflowError):
                day = None
            if day is None:
                self.problems.append(
                    CellProblem(
                        sheet.name,
                        where("date"),
                        f'"{_text(cell("date"))}" is not a date',
                        "write a date, e.g. 30/06/2025",
                    )
                )
                continue
            raw = cell("value")
            try:
                value = _number(raw)
            except ValueError:
                self.problems.append(
                    CellProblem(
                        sheet.name, where("value"), f'"{_text(raw)}" is not a number', "write a number, e.g. 4.2"
                    )
                )
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
            comment = _text(cell("comment")).strip() or None
            shown = number(value, lang)
            self.result.changes.append(
                self.t(
                    f"+ mesure {kpi_id} {date_text(day, 'fr')} : {shown}",
                    f"+ measurement {kpi_id} {day.isoformat()}: {shown}",
                )
            )
            self.result.measurements.append((kpi_id, day, value, comment))


def _same_plan(plan: Plan, book: _Book) -> None:
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
