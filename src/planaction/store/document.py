"""A plan file as read, and its exact, atomic save.

The document is the file's image: the text and nodes it was read from, the
plan as loaded (``base``) and as last saved (``saved``); the plan being edited
lives in the session (``present.session``), never here. A save diffs ``base`` against the plan to save and splices only
the changed spans into the *original* text, so unchanged bytes are unchanged
by construction and a save costs milliseconds. Every save is proved to read
back as the plan before anything is written (``savecheck``, which re-reads
only the regions that changed). Writes are atomic (temp file, fsync, rename,
same mode) and refuse to overwrite a file that changed on disk since it was
read (``DiskState``, which describes exactly the bytes parsed).
"""

from __future__ import annotations

import gc
import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from planaction.core.model import Plan
from planaction.message import say
from planaction.store.atomic import SaveError, write_atomic
from planaction.store.userfiles import Snapshot, read_snapshot
from planaction.words.problems import Problem
from planaction.yamlfile.locator import Locator
from planaction.yamlfile.nodes import Node

if TYPE_CHECKING:
    from planaction.yamlfile.diff import Change
    from planaction.yamlfile.emit import Style
    from planaction.yamlfile.patch import Patched

# Saving and explaining errors need more modules than validating a good plan;
# they are imported where they are used so that `planaction validate` starts fast.

#: Files above this size are refused before they are read.
MAX_FILE_BYTES = int(os.environ.get("PLANACTION_MAX_BYTES", 64 * 1024 * 1024))
PLAN_SUFFIXES = (".yaml", ".yml")
BOM = "\ufeff"


class ConflictError(SaveError):
    """The file changed on disk since it was read."""


#: File systems that keep modification times to 2 s (FAT, SMB): within that much of a write, an
#: unchanged (mtime, size) proves nothing and the content is compared (git's "racy clean" rule).
RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class DiskState:
    """The file on disk as last read or written: which file it was (device, inode), its size and
    times, the hash of its bytes, and when this was seen.

    It always describes the very bytes that were read or written (the status comes from the
    descriptor they went through), so that a file renamed over the plan while it was being read
    or parsed is never taken for the one that was read, whatever its timestamp.
    """

    device: int
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int
    digest: str
    seen_ns: int = 0

    @staticmethod
    def of(data: bytes, st: os.stat_result, seen_ns: int) -> DiskState:
        return DiskState(
            st.st_dev,
            st.st_ino,
            st.st_size,
            st.st_mtime_ns,
            st.st_ctime_ns,
            hashlib.sha256(data).hexdigest(),
            seen_ns,
        )

    @staticmethod
    def read(snapshot: Snapshot) -> DiskState:
        return DiskState.of(snapshot.data, snapshot.stat, snapshot.seen_ns)

    def vouches_for(self, st: os.stat_result) -> bool:
        """Whether ``st`` alone proves the file is unchanged: the same file (device and inode) with the
        same size and times, not written just before we looked (a coarse clock could hide a change)."""
        same = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns) == (
            self.device,
            self.inode,
            self.size,
            self.mtime_ns,
            self.ctime_ns,
        )
        return same and self.seen_ns - self.mtime_ns > RACY_NS


@dataclass
class PlanDocument:
    """A plan read from a file, with what an exact save needs."""

    path: Path
    text: str  # as read, without the BOM
    _root: Node | None  # the text's nodes, read when first needed (saving, locating)
    base: Plan  # the plan as read from ``text``
    saved: Plan | None = None  # the value on disk (default: base)
    warnings: list[Problem] = field(default_factory=list)
    bom: bool = False
    disk: DiskState | None = None
    _style: Style | None = None
    _locator: Locator | None = None

    @property
    def name(self) -> str:
        return str(self.path)

    @property
    def root(self) -> Node:
        """The nodes of ``text``: read lazily, as only saves and locations need them."""
        if self._root is None:
            gc_was_enabled = gc.isenabled()
            gc.disable()
            try:
                self._root = self.locator.root
            finally:
                if gc_was_enabled:
                    gc.enable()
        assert self._root is not None
        return self._root

    @property
    def locator(self) -> Locator:
        """Where paths are in ``text``: from the nodes once read, piece by piece until then."""
        if self._locator is None:
            self._locator = Locator(self.text, self._root)
        return self._locator

    @property
    def plan(self) -> Plan:
        """The plan in the file: as read, or as last saved (read-only; the session holds the edits)."""
        return self.base if self.saved is None else self.saved

    @property
    def plan_id(self) -> str:
        return plan_id(self.plan, self.path)

    @property
    def style(self) -> Style:
        from planaction.yamlfile import patch

        if self._style is None:
            self._style = patch.detect_style(self.root, self.text)
        return self._style

    def differs(self, plan: Plan) -> bool:
        """Whether ``plan`` differs from the plan in the file (as read or last saved)."""
        from planaction.yamlfile import diff

        return plan is not self.plan and bool(diff.changes(self.plan, plan))

    def location(self, path: tuple[str | int, ...], *, on_key: bool = False) -> tuple[int, int]:
        return self.locator.locate(path, on_key=on_key)

    def changes(self, plan: Plan) -> list[Change]:
        """What to patch to turn the text into ``plan``'s, piece by piece where the text allows it."""
        from planaction.yamlfile import diff, patch

        found = diff.changes(self.base, plan, coarse=lambda p: patch.needs_coarse(self.root, p))
        rewrites = patch.flow_rewrites(self.root, found)
        if rewrites:
            found = diff.changes(self.base, plan, coarse=lambda p: p in rewrites or patch.needs_coarse(self.root, p))
        return found

    def render(self, plan: Plan | None = None) -> str:
        """The file's text for ``plan`` (default: the plan in the file), without the BOM."""
        patched = self.patched(self.plan if plan is None else plan)
        return self.text if patched is None else patched.text

    def patched(self, plan: Plan) -> Patched | None:
        """The text for ``plan`` and the edits that make it; None when it is the text as read."""
        from planaction.yamlfile import patch

        if plan is self.base:
            return None
        changes = self.changes(plan)
        if not changes:
            return None
        try:
            return patch.patch(self.text, self.root, changes, self.style)
        except patch.PatchError as exc:
            raise SaveError(say("save.cannot_patch", file=self.name, reason=exc.said)) from None

    def changed_on_disk(self) -> bool:
        """Whether the file differs from what was last read or written."""
        if self.disk is None:
            return False
        try:
            if self.disk.vouches_for(self.path.stat()):
                return False
            snapshot = read_snapshot(self.path, MAX_FILE_BYTES)
        except OSError:
            return True
        if hashlib.sha256(snapshot.data).hexdigest() != self.disk.digest:
            return True
        self.disk = DiskState.read(snapshot)  # same content: from now on its status can vouch
        return False

    def acknowledge_disk(self) -> None:
        """Take the file as it is now on disk as the one the next save may replace."""
        try:
            self.disk = DiskState.read(read_snapshot(self.path, MAX_FILE_BYTES))
        except OSError:
            self.disk = None

    def save(self, plan: Plan | None = None, *, force: bool = False) -> bool:
        """Write ``plan`` (default: the plan in the file); False if the file already held it.

        Raises ``ConflictError`` if the file changed on disk (unless ``force``)
        and ``SaveError`` if it cannot be written; the file is then untouched.
        """
        plan = self.plan if plan is None else plan
        patched = self.patched(plan)
        text = self.text if patched is None else patched.text
        data = ((BOM if self.bom else "") + text).encode("utf-8")

        def unchanged_on_disk() -> None:
            if not force and self.changed_on_disk():
                raise ConflictError(say("save.changed_on_disk", path=str(self.path)))

        unchanged_on_disk()  # early, before the work; again under the folder lock, right before the rename
        if self.disk is not None and hashlib.sha256(data).hexdigest() == self.disk.digest:
            self.saved = plan
            return False
        if patched is not None and text != self.text:
            prove_exact(patched, self, plan)
        seen_ns = time.time_ns()
        written = write_atomic(self.path, data, check=unchanged_on_disk)
        self.disk = DiskState.of(data, written, seen_ns)
        self.saved = plan
        return True


def plan_id(plan: Plan, path: Path | str) -> str:
    """A plan's stable id: its `id:`, or the file name without extension."""
    return plan.id or Path(path).stem


def prove_exact(patched: Patched, document: PlanDocument, plan: Plan) -> None:
    """Check that the patched text reads back as ``plan``; SaveError (nothing written) otherwise."""
    from planaction.store import savecheck

    try:
        savecheck.check(patched, document.root, document.base, plan)
    except savecheck.NotExact as exc:
        raise SaveError(say("save.not_exact", file=document.name, line=exc.line, what=exc.what_said)) from None


def write_new(path: Path, text: str) -> None:
    """Create a new plan file; refuses to replace an existing one, even one created while writing."""

    def still_absent() -> None:
        if os.path.lexists(path):
            raise SaveError(say("save.exists", path=str(path)))

    still_absent()
    write_atomic(path, text.encode("utf-8"), check=still_absent)
