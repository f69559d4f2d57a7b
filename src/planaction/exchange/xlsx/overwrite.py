"""Export never replaces, without saying so, a workbook that may hold a client's edits.

The client sends ``PLAN.xlsx`` back, saved over the one exported beside the
plan; an export before the import would lose their edits. So each workbook
planaction writes is *sealed*: the zip comment holds a digest of its parts
(names, CRCs, sizes), read from the archive's directory without inflating
anything. A spreadsheet that saves the file writes a new archive without it.
At the target of an export:

* nothing, or a sealed workbook (exactly what planaction wrote): replaced;
* a planaction workbook changed since: replaced only if importing it would
  change nothing (its edits are in the plan already: it was imported);
  otherwise refused, saying how many changes it holds;
* anything else (someone's own spreadsheet, a file that is no workbook):
  refused.

A refusal raises ``WorkbookChanged`` (a ``SaveError``: nothing was written)
with what to do: import it first, write elsewhere, or replace it on purpose.
The check runs under the folder lock, right before the rename (see
``atomic.write_atomic``), so a client's workbook saved there meanwhile is
seen too.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from planaction.core.model import Plan
from planaction.store.atomic import SaveError
from planaction.store.userfiles import is_regular
from planaction.words.exchange import say

_SEAL = b"planaction-sealed "


class Target(enum.Enum):
    ABSENT = "absent"
    SEALED = "sealed"  # exactly as planaction wrote it
    CHANGED = "changed"  # a planaction workbook, saved or edited since
    FOREIGN = "foreign"  # not a workbook planaction wrote


def _digest(archive: zipfile.ZipFile) -> bytes:
    parts = "".join(f"{i.filename}\0{i.CRC}\0{i.file_size}\n" for i in archive.infolist())
    return hashlib.sha256(parts.encode("utf-8")).hexdigest().encode("ascii")


def seal(data: bytes) -> bytes:
    """The workbook with its seal in the zip comment (the archive's directory is rewritten, no part)."""
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.comment = _SEAL + _digest(archive)
    return buffer.getvalue()


def state(path: Path) -> Target:
    """What is at ``path`` now."""
    try:
        if not path.exists() and not path.is_symlink():
            return Target.ABSENT
        if not is_regular(path) or not zipfile.is_zipfile(path):
            return Target.FOREIGN
        with zipfile.ZipFile(path) as archive:
            if archive.comment == _SEAL + _digest(archive):
                return Target.SEALED
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names:
                return Target.FOREIGN
            with archive.open("xl/workbook.xml") as part:
                workbook = part.read(1024 * 1024).decode("utf-8", "replace")
    except (OSError, zipfile.BadZipFile, EOFError, NotImplementedError, ValueError, RuntimeError):
        return Target.FOREIGN
    return Target.CHANGED if re.search(r'name="_planaction"', workbook) else Target.FOREIGN


@dataclass(frozen=True)
class Pending:
    """What a changed workbook holds that the plan does not: counted for the message."""

    changes: int = 0
    conflicts: int = 0
    ignored: int = 0
    unreadable: str = ""  # why it cannot be imported as it is, if it cannot


class WorkbookChanged(SaveError):
    """The workbook at the target may hold edits not yet imported (or is not planaction's): nothing was written."""

    def __init__(self, message: str, path: Path, target: Target, pending: Pending | None) -> None:
        super().__init__(message)
        self.path = path
        self.target = target
        self.pending = pending


def pending(path: Path, plan: Plan, *, plan_id: str, plan_path: Path | None, today: dt.date, lang: str) -> Pending:
    """What importing the workbook at ``path`` into ``plan`` would do (a dry run; nothing is written)."""
    from planaction.exchange.xlsx.importer import WorkbookRefused, plan_import

    try:
        result = plan_import(plan, path, plan_id=plan_id, today=today, lang=lang, plan_path=plan_path)
    except WorkbookRefused as exc:
        return Pending(unreadable=str(exc.problems[0]).split("\n")[0])
    return Pending(len(result.changes), len(result.conflicts), len(result.ignored))


def guard(path: Path, plan: Plan, *, plan_id: str, plan_path: Path | None, today: dt.date, lang: str) -> None:
    """Raise ``WorkbookChanged`` unless the workbook at ``path`` may be replaced (see the module's docstring)."""
    found = state(path)
    if found in (Target.ABSENT, Target.SEALED):
        return
    held = None
    if found is Target.CHANGED:
        held = pending(path, plan, plan_id=plan_id, plan_path=plan_path, today=today, lang=lang)
        if held == Pending():
            return  # everything it holds is in the plan: it was imported
    raise WorkbookChanged(_message(path, found, held, plan_path, lang), path, found, held)


def _message(path: Path, found: Target, held: Pending | None, plan_path: Path | None, lang: str) -> str:
    plan = str(plan_path) if plan_path else "PLAN"
    if found is Target.FOREIGN:
        return say("not_ours", lang, path=path)
    assert held is not None
    if held.unreadable:
        holds = say("holds_unreadable", lang, why=held.unreadable)
    else:
        counts = []
        if held.changes:
            counts.append(say("n_changes", lang, count=held.changes))
        if held.conflicts:
            counts.append(say("n_conflicts", lang, count=held.conflicts))
        if held.ignored:
            counts.append(say("n_ignored", lang, count=held.ignored))
        holds = say("holds", lang, counts=", ".join(counts))
    return say("changed_since", lang, path=path, holds=holds, plan=plan)


def free_name(path: Path, today: dt.date) -> Path:
    """A name beside ``path`` for a new export that replaces nothing: ``PLAN-2025-05-12.xlsx``, then ``-2``…"""
    candidate = path.with_name(f"{path.stem}-{today.isoformat()}{path.suffix}")
    number = 2
    while state(candidate) is not Target.ABSENT:
        candidate = path.with_name(f"{path.stem}-{today.isoformat()}-{number}{path.suffix}")
        number += 1
    return candidate
