"""One plan being edited: its current value, undo and redo, and its file.

The app holds one session per open plan. Edits are operations from ``ops``
applied to the current plan; undo and redo move through plan values (cheap,
since operations share what they do not change). Saving goes through the
document, which patches the file exactly and refuses to overwrite a file
that changed on disk; the session keeps the edits whatever happens to the
save. Nothing here knows about Textual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from planaction import store
from planaction.model import Plan

#: Undo steps kept per plan (each is a plan value sharing most of its parts).
UNDO_LIMIT = 500


class EditSession:
    def __init__(self, document: store.PlanDocument, today: dt.date) -> None:
        self.document = document
        self.today = today
        self._undo: list[Plan] = []
        self._redo: list[Plan] = []

    @classmethod
    def open(cls, path: Path | str, today: dt.date) -> EditSession:
        """Raises ``PlanError`` with located problems if the plan is not valid."""
        return cls(store.load(path), today)

    @property
    def plan(self) -> Plan:
        return self.document.plan

    @property
    def path(self) -> Path:
        return self.document.path

    @property
    def dirty(self) -> bool:
        """Whether the plan differs from the file on disk."""
        return self.document.dirty

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
            self.document.plan = after
        return after

    def undo(self) -> bool:
        if not self._undo:
            return False
        self._redo.append(self.plan)
        self.document.plan = self._undo.pop()
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._undo.append(self.plan)
        self.document.plan = self._redo.pop()
        return True

    def save(self, *, force: bool = False) -> bool:
        """Write the plan; raises ``ConflictError`` or ``SaveError`` and keeps the edits."""
        return self.document.save(force=force)

    def changed_on_disk(self) -> bool:
        return self.document.changed_on_disk()

    def reload(self) -> None:
        """Read the file again, dropping unsaved edits (undo history included)."""
        document = store.load(self.document.path)
        self.document = document
        self._undo.clear()
        self._redo.clear()

    def keep_mine(self) -> None:
        """Accept that the file changed on disk: the next save replaces it with this plan."""
        self.document.acknowledge_disk()
