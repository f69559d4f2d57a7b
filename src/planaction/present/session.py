"""One plan being edited: its current value, undo and redo, and its file.

The session is the one home of the plan being edited: ``session.plan`` is the
current value, and only ``apply``/``undo``/``redo``/``reload`` change it. The
document (``session.document``) is the file's image: its text, nodes and the
plan as read or last saved (``document.plan``, read-only). The app holds one session per open plan. Edits are operations from ``ops``
applied to the current plan; undo and redo move through plan values (cheap,
since operations share what they do not change). Saving goes through the
document, which patches the file exactly and refuses to overwrite a file
that changed on disk; the session keeps the edits whatever happens to the
save. When the app must stop without asking (a signal, a crash), ``rescue``
keeps the unsaved edits in a file beside the plan, never in the plan itself.
Nothing here knows about Textual.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from planaction import store
from planaction.core.model import Plan
from planaction.store.atomic import SaveError, write_atomic
from planaction.store.userfiles import read_regular

#: Undo steps kept per plan (each is a plan value sharing most of its parts).
UNDO_LIMIT = 500
#: Unsaved edits rescued from ``plan.yaml`` go to ``plan.yaml.unsaved`` (not ``*.yaml``: no tool takes it for a plan).
RESCUE_SUFFIX = ".unsaved"
#: How often an open screen asks the clock whether the day changed (an app left open past midnight).
DAY_CHECK_SECONDS = 30.0


class Clock:
    """Today's date, read at each use, so that an app left open past midnight moves to the new day.

    ``fixed`` (the ``--today`` option) freezes it; tests pass ``now`` to move it.
    """

    def __init__(self, fixed: dt.date | None = None, *, now: Callable[[], dt.date] = dt.date.today) -> None:
        self.fixed = fixed
        self._now = now

    def today(self) -> dt.date:
        return self.fixed if self.fixed is not None else self._now()

    @staticmethod
    def of(today: dt.date | Clock | None) -> Clock:
        """A clock from a fixed date, a clock, or None (the real date)."""
        return today if isinstance(today, Clock) else Clock(today)


class EditSession:
    def __init__(self, document: store.PlanDocument, today: dt.date | Clock | None = None) -> None:
        self.document = document
        self.clock = Clock.of(today)
        self._plan = document.plan
        self._undo: list[Plan] = []
        self._redo: list[Plan] = []

    @classmethod
    def open(cls, path: Path | str, today: dt.date | Clock | None = None) -> EditSession:
        """Raises ``PlanError`` with located problems if the plan is not valid."""
        return cls(store.load(path), today)

    @property
    def today(self) -> dt.date:
        """Today, asked of the clock at each use (never the day the app started)."""
        return self.clock.today()

    @property
    def plan(self) -> Plan:
        """The plan being edited (the file's plan plus the unsaved edits)."""
        return self._plan

    @property
    def plan_id(self) -> str:
        """The plan's stable id, from the plan being edited."""
        return store.plan_id(self._plan, self.document.path)

    @property
    def path(self) -> Path:
        return self.document.path

    @property
    def dirty(self) -> bool:
        """Whether the plan differs from the file on disk."""
        return self.document.differs(self._plan)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def apply(self, operation: Callable[[Plan], Plan]) -> Plan:
        """Run an operation on the current plan (``OpError`` leaves everything as it was)."""
        before = self.plan
        after = operation(before)
        if after is not before:
            self._undo.append(before)
            del self._undo[:-UNDO_LIMIT]
            self._redo.clear()
            self._plan = after
        return after

    def undo(self) -> bool:
        if not self._undo:
            return False
        self._redo.append(self._plan)
        self._plan = self._undo.pop()
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._undo.append(self._plan)
        self._plan = self._redo.pop()
        return True

    def save(self, *, force: bool = False) -> bool:
        """Write the plan; raises ``ConflictError`` or ``SaveError`` and keeps the edits."""
        return self.document.save(self._plan, force=force)

    def changed_on_disk(self) -> bool:
        return self.document.changed_on_disk()

    def reload(self) -> None:
        """Read the file again, dropping unsaved edits (undo history included)."""
        document = store.load(self.document.path)
        self.document = document
        self._plan = document.plan
        self._undo.clear()
        self._redo.clear()

    def keep_mine(self) -> None:
        """Accept that the file changed on disk: the next save replaces it with this plan."""
        self.document.acknowledge_disk()

    # -- rescuing unsaved edits ------------------------------------------------------

    @property
    def rescue_path(self) -> Path:
        return rescue_path(self.path)

    def rescue(self, *, when: dt.datetime | None = None) -> Path | None:
        """Write the unsaved edits to ``plan.yaml.unsaved``; None if there are none.

        For when the app must stop without asking the person (the terminal
        closed, a signal, a crash): their edits were never confirmed as a save,
        so the plan file is left alone, and the next time the plan opens the
        app offers to take them back. Raises ``SaveError`` if nothing could be
        written.
        """
        if not self.dirty:
            return None
        try:
            text = self.document.render(self._plan)
        except SaveError:  # an edit the exact patcher cannot write: the whole plan, in plain YAML
            text = _whole_plan_text(self.plan)
        disk = self.document.disk
        stamp = (when or dt.datetime.now()).isoformat(timespec="seconds")
        header = f"# planaction: unsaved edits of {self.path.name}, kept {stamp}, read from sha256 {disk.digest if disk else '-'}\n"
        target = self.rescue_path
        write_atomic(target, ((store.BOM if self.document.bom else "") + header + text).encode("utf-8"))
        return target

    def restore(self, rescued: Rescued) -> None:
        """Take rescued edits back as unsaved edits (ctrl+z undoes them), and drop the rescue file."""
        self.apply(lambda _plan: rescued.plan)
        rescued.path.unlink(missing_ok=True)


def rescue_path(plan_path: Path) -> Path:
    return plan_path.with_name(plan_path.name + RESCUE_SUFFIX)


@dataclass(frozen=True)
class Rescued:
    """Edits kept by an earlier session that had to stop: the plan they make, and whether they still fit."""

    path: Path
    kept: str  # when, as written in the file
    plan: Plan | None  # None: the file does not read as a plan any more
    current: bool  # the plan file is still the one the edits were made on


_HEADER = re.compile(r"^\ufeff?# planaction: unsaved edits of .*, kept (\S+), read from sha256 (\S+)$", re.M)


def find_rescued(document: store.PlanDocument) -> Rescued | None:
    """The edits an earlier session kept beside this plan, if any."""
    path = rescue_path(document.path)
    try:
        raw = read_regular(path, store.MAX_FILE_BYTES)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError:
        return None
    text = raw.decode("utf-8", errors="replace")
    header = _HEADER.match(text)
    kept, digest = (header.group(1), header.group(2)) if header else ("?", "")
    result = store.parse(text.removeprefix(store.BOM), str(path), nodes=False)
    plan = result.document.plan if result.document is not None else None
    on_disk = document.disk.digest if document.disk else hashlib.sha256(b"").hexdigest()
    return Rescued(path, kept, plan, digest == on_disk)


def _whole_plan_text(plan: Plan) -> str:
    from planaction.yamlfile.diff import to_data
    from planaction.yamlfile.emit import Style, block_lines

    return "\n".join(block_lines(to_data(plan), 0, Style())) + "\n"
