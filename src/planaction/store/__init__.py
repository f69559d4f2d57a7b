"""Files on disk: plans read with located errors and saved exactly, atomically, never over a colleague's change.

The face of the package is what the rest of planaction uses: reading
(``read``, ``load``, ``parse``, ``plan_files``) and the document a save goes
through (``PlanDocument``). The pieces live in their own modules: ``reading``,
``document``, ``atomic`` (old-or-new writes under a folder lock),
``userfiles`` (reads that never block), ``savecheck`` (the proof that a save
reads back as the plan), ``conflict_markers``, ``gitrev`` (a plan at a git
revision) and ``templates``.
"""

from planaction.store.atomic import SaveError, write_atomic
from planaction.store.document import (
    BOM,
    MAX_FILE_BYTES,
    PLAN_SUFFIXES,
    ConflictError,
    DiskState,
    PlanDocument,
    plan_id,
    write_new,
)
from planaction.store.reading import ReadResult, load, parse, plan_files, read, read_text
from planaction.yamlfile.locator import locate

__all__ = [
    "BOM",
    "MAX_FILE_BYTES",
    "PLAN_SUFFIXES",
    "ConflictError",
    "DiskState",
    "PlanDocument",
    "ReadResult",
    "SaveError",
    "load",
    "locate",
    "parse",
    "plan_files",
    "plan_id",
    "read",
    "read_text",
    "write_atomic",
    "write_new",
]
