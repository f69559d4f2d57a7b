"""Plan files on disk: read them with located errors, save them exactly.

Reading: bytes -> UTF-8 text (a BOM is accepted and kept, CRLF is kept) ->
our event composer (data + node spans) -> the pydantic model -> cross-checks.
Every problem becomes ``path:line:col: message`` with a hint; nothing raises
a traceback at the user.

Saving: the document keeps the text and nodes it was read from and the plan
as loaded (``base``). A save diffs ``base`` against the plan to save and
splices only the changed spans into the *original* text, so unchanged bytes
are unchanged by construction and a save costs milliseconds. Every save is
proved to read back as the plan before anything is written (``savecheck``,
which re-reads only the regions that changed). Writes are atomic (temp file,
fsync, rename, same mode) and refuse to overwrite a file that changed on
disk since it was read.
"""

from __future__ import annotations

import gc
import hashlib
import os
import stat
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from planaction import checks, conflict_markers
from planaction.atomic import SaveError, write_atomic
from planaction.model import Plan
from planaction.problems import ERROR, WARNING, PlanError, Problem
from planaction.userfiles import NotAFile, Snapshot, read_snapshot
from planaction.yamlnodes import SCALAR, Node, YamlProblem, compose, deepest_node_at, load_data, node_at

if TYPE_CHECKING:
    from planaction.diff import Change
    from planaction.patch import Patched
    from planaction.yamlemit import Style

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
    plan: Plan  # the current value (the caller replaces it)
    saved: Plan | None = None  # the value on disk (default: base)
    warnings: list[Problem] = field(default_factory=list)
    bom: bool = False
    disk: DiskState | None = None
    _style: Style | None = None

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
                _data, self._root = compose(self.text)
            finally:
                if gc_was_enabled:
                    gc.enable()
        assert self._root is not None
        return self._root

    @property
    def plan_id(self) -> str:
        return plan_id(self.plan, self.path)

    @property
    def style(self) -> Style:
        from planaction import patch

        if self._style is None:
            self._style = patch.detect_style(self.root, self.text)
        return self._style

    @property
    def dirty(self) -> bool:
        """Whether the current plan differs from what is on disk."""
        from planaction import diff

        saved = self.base if self.saved is None else self.saved
        return self.plan is not saved and bool(diff.changes(saved, self.plan))

    def location(self, path: tuple[str | int, ...], *, on_key: bool = False) -> tuple[int, int]:
        return locate(self.root, path, on_key=on_key)

    def changes(self, plan: Plan) -> list[Change]:
        """What to patch to turn the text into ``plan``'s, piece by piece where the text allows it."""
        from planaction import diff, patch

        found = diff.changes(self.base, plan, coarse=lambda p: patch.needs_coarse(self.root, p))
        rewrites = patch.flow_rewrites(self.root, found)
        if rewrites:
            found = diff.changes(self.base, plan, coarse=lambda p: p in rewrites or patch.needs_coarse(self.root, p))
        return found

    def render(self, plan: Plan | None = None) -> str:
        """The file's text for ``plan`` (default: the current plan), without the BOM."""
        patched = self.patched(self.plan if plan is None else plan)
        return self.text if patched is None else patched.text

    def patched(self, plan: Plan) -> Patched | None:
        """The text for ``plan`` and the edits that make it; None when it is the text as read."""
        from planaction import patch

        if plan is self.base:
            return None
        changes = self.changes(plan)
        if not changes:
            return None
        try:
            return patch.patch(self.text, self.root, changes, self.style)
        except patch.PatchError as exc:
            raise SaveError(
                f"{self.name}: planaction cannot write this change into the file as it is laid out ({exc}); "
                "nothing was written. Undo it, or make it in a text editor"
            ) from None

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
        """Write ``plan`` (default: the current plan); False if the file already held it.

        Raises ``ConflictError`` if the file changed on disk (unless ``force``)
        and ``SaveError`` if it cannot be written; the file is then untouched.
        """
        plan = self.plan if plan is None else plan
        patched = self.patched(plan)
        text = self.text if patched is None else patched.text
        data = ((BOM if self.bom else "") + text).encode("utf-8")

        def unchanged_on_disk() -> None:
            if not force and self.changed_on_disk():
                raise ConflictError(
                    f"{self.path}: the file changed on disk since it was read; "
                    "reload it (your edits would be lost) or save elsewhere"
                )

        unchanged_on_disk()  # early, before the work; again under the folder lock, right before the rename
        self.plan = plan
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


def locate(root: Node | None, path: tuple[str | int, ...], *, on_key: bool = False) -> tuple[int, int]:
    """1-based line and column of the value (or key) at ``path``."""
    if root is None:
        return 1, 1
    node, depth = deepest_node_at(root, path)
    if on_key and depth == len(path) and path and isinstance(path[-1], str):
        parent = node_at(root, path[:-1])
        key_node = parent.key_node(path[-1]) if parent is not None else None
        if key_node is not None:
            return key_node.line + 1, key_node.col + 1
    if on_key and depth == len(path) - 1 and node.kind == "map" and isinstance(path[-1], str):
        key_node = node.key_node(path[-1])
        if key_node is not None:
            return key_node.line + 1, key_node.col + 1
    return node.line + 1, node.col + 1


def prove_exact(patched: Patched, document: PlanDocument, plan: Plan) -> None:
    """Check that the patched text reads back as ``plan``; SaveError (nothing written) otherwise."""
    from planaction import savecheck

    try:
        savecheck.check(patched, document.root, document.base, plan)
    except savecheck.NotExact as exc:
        raise SaveError(
            f"{document.name}:{exc.line}: planaction could not write this change exactly: {exc.what}, "
            "so nothing was written. Undo this edit or make it in a text editor, "
            "and please report this to planaction's developers with the file"
        ) from None


def write_new(path: Path, text: str) -> None:
    """Create a new plan file; refuses to replace an existing one, even one created while writing."""

    def still_absent() -> None:
        if os.path.lexists(path):
            raise SaveError(f"{path}: the file already exists; choose another name")

    still_absent()
    write_atomic(path, text.encode("utf-8"), check=still_absent)


# ---------------------------------------------------------------------------
# Reading


@dataclass
class ReadResult:
    """What reading one file gave: a document if it is valid, and its problems."""

    name: str
    document: PlanDocument | None
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == WARNING]


def _problem(name: str, message: str, hint: str | None = None, line: int = 1, col: int = 1) -> Problem:
    return Problem(name, line, col, ERROR, message, hint)


def _decode(name: str, raw: bytes) -> tuple[str, bool] | Problem:
    bom = raw.startswith(b"\xef\xbb\xbf")
    if bom:
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _problem(name, "the file is in UTF-16", "save it as UTF-8 (the encoding plans use)")
    try:
        return raw.decode("utf-8"), bom
    except UnicodeDecodeError as exc:
        offset = exc.start
        line_start = raw.rfind(b"\n", 0, offset) + 1
        line = raw.count(b"\n", 0, offset) + 1
        col = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
        byte = raw[offset]
        try:
            guess = raw[offset : offset + 1].decode("cp1252")
            looks = f' (in Windows-1252 / Latin-1 this byte is "{guess}")'
        except UnicodeDecodeError:
            looks = ""
        return _problem(
            name,
            f"the file is not valid UTF-8: byte 0x{byte:02X}{looks}",
            "save the file as UTF-8 (in most editors: Save with encoding > UTF-8)",
            line,
            col,
        )


def read_text(path: Path) -> tuple[str, bool, Snapshot] | Problem:
    """The file's text (without BOM), whether it had one, and the snapshot it was read from."""
    name = str(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        return _problem(
            name,
            "no such file",
            "check the path (run `planaction validate plans/` to check a folder)",
        )
    except OSError as exc:
        return _problem(name, f"cannot read the file ({exc.strerror})", "check the path and its permissions")
    if stat.S_ISDIR(st.st_mode):
        return _problem(
            name,
            "this is a folder, not a plan file",
            "give a .yaml file; `planaction validate` also accepts folders",
        )
    if st.st_size > MAX_FILE_BYTES:
        return _problem(
            name,
            f"the file is {st.st_size / 1024 / 1024:.0f} MB; plans above {MAX_FILE_BYTES // 1024 // 1024} MB are refused",
            "split it into several plans (one per team or per stream)",
        )
    try:
        snapshot = read_snapshot(path, MAX_FILE_BYTES)
    except NotAFile as exc:
        return _problem(name, f"this is {exc.kind}, not a plan file", "give the path of a .yaml plan file")
    except OSError as exc:
        return _problem(name, f"cannot read the file ({exc.strerror})", "check its permissions")
    raw = snapshot.data
    if len(raw) > MAX_FILE_BYTES:
        return _problem(
            name,
            f"the file is larger than {MAX_FILE_BYTES // 1024 // 1024} MB",
            "split it into several plans",
        )
    decoded = _decode(name, raw)
    if isinstance(decoded, Problem):
        return decoded
    text, bom = decoded
    return text, bom, snapshot


def parse(text: str, name: str, *, path: Path | None = None, bom: bool = False, nodes: bool = True) -> ReadResult:
    """Read a plan from text: the document if valid, and every problem found.

    With ``nodes=False`` the text is read without node spans (a third faster),
    and read again with them only if there is a problem to locate; the
    document then reads them when it first saves.
    """
    # Reading builds millions of small objects at 10,000 actions; the cyclic
    # garbage collector would walk them all again and again for nothing, during
    # the read and after it (measured: 0.3 s per full pass at 10,000 actions).
    # The plan's objects hold no cycles, so we collect nothing by skipping them.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse(text, name, path=path, bom=bom, nodes=nodes)
    finally:
        if gc_was_enabled:
            gc.freeze()
            gc.enable()


def _parse(text: str, name: str, *, path: Path | None, bom: bool, nodes: bool) -> ReadResult:
    if conflicts := conflict_markers.problems(text, name):  # before YAML, which would misread them
        return ReadResult(name, None, conflicts)
    root: Node | None = None
    try:
        if nodes:
            data, root = compose(text)
        else:
            data = load_data(text)
    except YamlProblem as exc:
        return ReadResult(name, None, [_problem(name, exc.message, exc.hint, exc.line + 1, exc.col + 1)])

    def located() -> Node:
        nonlocal root
        if root is None:
            _data, root = compose(text)
        assert root is not None
        return root

    if data is None:
        return ReadResult(
            name,
            None,
            [
                _problem(
                    name,
                    "the file is empty",
                    "a plan needs at least `schema: 1`, `title:` and `owner:` (`planaction new FILE` writes one)",
                )
            ],
        )
    if not isinstance(data, dict):
        line, col = located().line + 1, located().col + 1
        return ReadResult(
            name,
            None,
            [
                _problem(
                    name,
                    "the top level of a plan must be keys and values",
                    "start with `schema: 1`, `title:` and `owner:`",
                    line,
                    col,
                )
            ],
        )
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        return ReadResult(name, None, _schema_problems(exc, data, located(), name))
    findings = checks.check(plan)
    problems = [_finding_problem(f, located(), name) for f in findings]
    document = None
    if not any(p.level == ERROR for p in problems):
        document = PlanDocument(
            path=path or Path(name),
            text=text,
            _root=root,
            base=plan,
            plan=plan,
            warnings=[p for p in problems if p.level == WARNING],
            bom=bom,
        )
    return ReadResult(name, document, problems)


def _schema_problems(exc: ValidationError, data: Any, root: Node, name: str) -> list[Problem]:
    from planaction.diagnose import diagnose

    problems = []
    seen = set()
    for error in exc.errors(include_url=False):
        node = node_at(root, tuple(error["loc"]))
        written = node.value if node is not None and node.kind == SCALAR and node.style == "" else None
        diagnosis = diagnose(error, data, written)
        line, col = locate(root, diagnosis.path, on_key=diagnosis.on_key)
        key = (line, col, diagnosis.message)
        if key in seen:
            continue
        seen.add(key)
        problems.append(Problem(name, line, col, ERROR, diagnosis.message, diagnosis.hint))
    problems.sort(key=lambda p: (p.line, p.col))
    return problems


def _finding_problem(finding: checks.Finding, root: Node, name: str) -> Problem:
    line, col = locate(root, finding.path)
    message = finding.message
    if finding.related is not None:
        other_line, _ = locate(root, finding.related)
        message += f" (first at line {other_line})"
    return Problem(name, line, col, finding.level, message, finding.hint)


def read(path: Path | str, *, nodes: bool = True) -> ReadResult:
    """Read a plan file; never raises for anything a user can cause.

    ``nodes=False`` for reading only (validate, reports, export): see ``parse``.
    """
    path = Path(path)
    name = str(path)
    got = read_text(path)
    if isinstance(got, Problem):
        return ReadResult(name, None, [got])
    text, bom, snapshot = got
    result = parse(text, name, path=path, bom=bom, nodes=nodes)
    if result.document is not None:
        result.document.disk = DiskState.read(snapshot)  # the bytes parsed, not the file as it is now
    return result


def load(path: Path | str, *, nodes: bool = True) -> PlanDocument:
    """A valid plan document, or ``PlanError`` with its located problems."""
    result = read(path, nodes=nodes)
    if result.document is None:
        raise PlanError(result.errors or result.problems)
    return result.document


def plan_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Plan files named or found (recursively, skipping hidden folders) in folders."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                found.extend(Path(dirpath, f) for f in filenames if f.endswith(PLAN_SUFFIXES) and not f.startswith("."))
            yield from sorted(found)
        else:
            yield path
