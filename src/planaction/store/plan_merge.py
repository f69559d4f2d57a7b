"""Three plan files merged by meaning into ours' text: what ``planaction merge`` and git's driver write.

``core.threeway`` merges the plans; this writes the result as ours' own file patched with
theirs' changes, through the same exact save as the app (``PlanDocument.render``: only the
changed values are rewritten, comments, order and quoting stay as ours wrote them). A conflict
renders twice, once with ours' value and once with theirs'; the lines where the two texts differ
(a field's line, or an item deleted on one side) go between git's markers, so that git, the
app and ``validate`` (``conflict_markers``) see an ordinary conflict, as small as can be.

Before any reading: a side that did not change gives the other side's bytes, untouched. A file
that does not read as a plan cannot be merged by meaning; ``line_merge`` is then git's own
line merge (``git merge-file``), what git would have done without the driver.
"""

from __future__ import annotations

import difflib
import gc
import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from planaction.core import checks
from planaction.core.model import Plan
from planaction.core.ops import OpError
from planaction.core.threeway import Clash, Renumbered, merge_plans
from planaction.store import conflict_markers
from planaction.store.atomic import SaveError
from planaction.store.document import BOM, PlanDocument, prove_exact
from planaction.store.pieces import PieceReader
from planaction.store.reading import _decode, parse
from planaction.words.problems import Problem
from planaction.yamlfile.nodes import YamlProblem, compose, load_data

SIDES = ("base", "ours", "theirs")


@dataclass
class FileMerge:
    """The merged bytes and what happened: clean when there is no conflict and no problem."""

    data: bytes | None  # None: not merged by meaning (see ``problems``)
    conflicts: list[Clash] = field(default_factory=list)
    renumbered: list[Renumbered] = field(default_factory=list)
    marker_lines: list[int] = field(default_factory=list)  # 1-based lines of each <<<<<<< written
    problems: list[Problem] = field(default_factory=list)  # why a side could not be read, or the result is invalid
    unreadable: str | None = None  # which side ("base", "ours", "theirs") could not be read
    same_as: str | None = None  # "ours" or "theirs" when the result is that side's bytes
    invalid: str | None = None  # the merged plan is not a plan: the first reason (a field's path and why)
    not_exact: bool = False  # the merged text would not read back as the merged plan (never seen; checked)

    @property
    def clean(self) -> bool:
        return self.data is not None and not (self.conflicts or self.problems or self.invalid or self.not_exact)


def merge_bytes(
    base: bytes,
    ours: bytes,
    theirs: bytes,
    names: tuple[str, str, str],
    *,
    labels: tuple[str, str] = ("ours", "theirs"),
    marker_size: int = 7,
) -> FileMerge:
    """Merge the three files' bytes (``names``: how each is named in messages)."""
    gc_was_enabled = gc.isenabled()
    gc.disable()  # millions of small objects, no cycles: see ``reading.parse``
    try:
        return _merge_bytes(base, ours, theirs, names, labels=labels, marker_size=marker_size)
    finally:
        if gc_was_enabled:
            gc.enable()


def _merge_bytes(
    base: bytes,
    ours: bytes,
    theirs: bytes,
    names: tuple[str, str, str],
    *,
    labels: tuple[str, str],
    marker_size: int,
) -> FileMerge:
    if theirs in (base, ours):
        return FileMerge(ours, same_as="ours")
    if ours == base:
        return FileMerge(theirs, same_as="theirs")
    # ours first, whole and with its nodes (the exact render needs them), its pieces remembered; then
    # base and theirs parse and validate only the items where they differ from it. Which side did
    # not read is said in the order base, ours, theirs, whatever the order of reading.
    pieces = PieceReader()
    ours_doc = _read(ours, names[1], nodes=True, pieces=pieces)
    base_doc = _read(base, names[0], nodes=False, pieces=pieces)
    for side, read in (("base", base_doc), ("ours", ours_doc)):
        if isinstance(read, list):
            return FileMerge(None, problems=read, unreadable=side)
    theirs_doc = _read(theirs, names[2], nodes=False, pieces=pieces)
    if isinstance(theirs_doc, list):
        return FileMerge(None, problems=theirs_doc, unreadable="theirs")
    assert isinstance(ours_doc, PlanDocument) and isinstance(base_doc, PlanDocument)
    plans = [base_doc.base, ours_doc.base, theirs_doc.base]
    try:
        merged = merge_plans(*plans)
    except ValidationError as exc:
        return FileMerge(None, invalid=_first_error(exc))
    except OpError as exc:
        return FileMerge(None, invalid=str(exc))
    ours_side, theirs_side = merged.plans()
    try:
        patched = ours_doc.patched(ours_side)
        mine = ours_doc.text if patched is None else patched.text
        other = mine if theirs_side is ours_side else ours_doc.render(theirs_side)
    except SaveError as exc:
        return FileMerge(None, merged.conflicts, merged.renumbered, invalid=str(exc))
    prefix = BOM if ours_doc.bom else ""
    if merged.conflicts:
        text, lines = marked(mine, other, labels, marker_size)
        return FileMerge((prefix + text).encode("utf-8"), merged.conflicts, merged.renumbered, lines)
    data = (prefix + mine).encode("utf-8")
    if patched is not None:
        try:
            prove_exact(patched, ours_doc, ours_side)  # the save's own proof: the changed regions read back
        except SaveError:
            return FileMerge(data, [], merged.renumbered, not_exact=True)
    found: list[Problem] = []
    if checks.errors(checks.check(ours_side)):
        found = parse(mine, names[1], nodes=False).errors  # located, as validate says them
    return FileMerge(data, [], merged.renumbered, problems=found)


def _read(raw: bytes, name: str, *, nodes: bool, pieces: PieceReader | None = None) -> PlanDocument | list[Problem]:
    """A side as a document, or its problems. The quick way (no warning located: a merge shows none)
    first, piece by piece for a side without nodes; the whole reading, with every problem located,
    only when the quick way fails."""
    decoded = _decode(name, raw)
    if isinstance(decoded, Problem):
        return [decoded]
    text, bom = decoded
    try:
        if conflict_markers.find(text):
            raise ValueError
        quick = pieces.plan(text) if pieces is not None and not nodes else None
        if quick is not None:
            return PlanDocument(path=Path(name), text=text, _root=None, base=quick, bom=bom)
        data, root = compose(text) if nodes else (load_data(text), None)
        plan = pieces.remember(text, data) if pieces is not None and nodes else Plan.model_validate(data)
    except (YamlProblem, ValidationError, ValueError, TypeError):
        result = parse(text, name, bom=bom, nodes=False)
        return result.errors or result.problems
    return PlanDocument(path=Path(name), text=text, _root=root, base=plan, bom=bom)


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = " ".join(str(part) for part in error.get("loc", ()))
    return f"{where}: {error.get('msg', '')}".strip(": ")


def marked(ours: str, theirs: str, labels: tuple[str, str], size: int = 7) -> tuple[str, list[int]]:
    """``ours`` with each run of lines that differs in ``theirs`` between git's conflict markers."""
    newline = "\r\n" if "\r\n" in ours else "\n"
    mine, other = ours.splitlines(keepends=True), theirs.splitlines(keepends=True)
    out: list[str] = []
    starts: list[int] = []
    for tag, i1, i2, j1, j2 in _line_opcodes(mine, other):
        if tag == "equal":
            out += mine[i1:i2]
            continue
        if out and not out[-1].endswith("\n"):
            out[-1] += newline
        starts.append(sum(1 for _ in out) + 1)
        out.append("<" * size + " " + labels[0] + newline)
        out += _ended(mine[i1:i2], newline)
        out.append("=" * size + newline)
        out += _ended(other[j1:j2], newline)
        out.append(">" * size + " " + labels[1] + newline)
    return "".join(out), starts


def _line_opcodes(mine: list[str], other: list[str]) -> list[tuple[str, int, int, int, int]]:
    """``difflib`` opcodes of two texts that differ in a few places, fast on long ones (patience
    style): lines found once in each are anchors, and only the stretches between anchors are
    compared line by line (``SequenceMatcher`` alone takes a second on 30,000 lines)."""
    counts: dict[str, list[int]] = {}
    for index, line in enumerate(mine):
        counts.setdefault(line, [0, 0, index])[0] += 1
    for line in other:
        if line in counts:
            counts[line][1] += 1
    unique_in_mine = {line: entry[2] for line, entry in counts.items() if entry[0] == 1 and entry[1] == 1}
    pairs = [(unique_in_mine[line], j) for j, line in enumerate(other) if line in unique_in_mine]
    anchors = _increasing(pairs)
    codes: list[tuple[str, int, int, int, int]] = []
    i0 = j0 = 0
    for i, j in [*anchors, (len(mine), len(other))]:
        if i > i0 or j > j0:
            matcher = difflib.SequenceMatcher(None, mine[i0:i], other[j0:j], autojunk=False)
            codes += [(t, a1 + i0, a2 + i0, b1 + j0, b2 + j0) for t, a1, a2, b1, b2 in matcher.get_opcodes()]
        if i < len(mine):
            codes.append(("equal", i, i + 1, j, j + 1))
        i0, j0 = i + 1, j + 1
    merged: list[tuple[str, int, int, int, int]] = []
    for code in codes:  # neighbouring runs of one kind as one
        if merged and merged[-1][0] == code[0] == "equal" and merged[-1][2] == code[1]:
            merged[-1] = ("equal", merged[-1][1], code[2], merged[-1][3], code[4])
        else:
            merged.append(code)
    return merged


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs increasing in their first number (pairs come in increasing second)."""
    import bisect

    tails: list[int] = []  # first numbers ending the best run of each length
    at: list[int] = []  # index in pairs of that end
    before: list[int] = [-1] * len(pairs)
    for index, (i, _j) in enumerate(pairs):
        length = bisect.bisect_left(tails, i)
        if length == len(tails):
            tails.append(i)
            at.append(index)
        else:
            tails[length] = i
            at[length] = index
        before[index] = at[length - 1] if length else -1
    run = []
    index = at[-1] if at else -1
    while index >= 0:
        run.append(pairs[index])
        index = before[index]
    return run[::-1]


def _ended(lines: list[str], newline: str) -> list[str]:
    if lines and not lines[-1].endswith("\n"):
        return [*lines[:-1], lines[-1] + newline]
    return lines


def line_merge(
    base: bytes, ours: bytes, theirs: bytes, *, labels: tuple[str, str] = ("ours", "theirs"), marker_size: int = 7
) -> tuple[bytes, bool] | None:
    """Git's own line merge of the three texts (``git merge-file``): (result, clean); None without git.
    Only for a side planaction cannot read: its modules are imported here, not at every merge's start."""
    import shutil
    import subprocess
    import tempfile

    git = shutil.which("git")
    if git is None:
        return None
    with tempfile.TemporaryDirectory(prefix="planaction-merge-") as folder:
        paths = []
        for side, data in zip(SIDES, (base, ours, theirs), strict=True):
            path = Path(folder) / side
            path.write_bytes(data)
            paths.append(str(path))
        command = [git, "merge-file", "-p", f"--marker-size={marker_size}"]
        command += ["-L", labels[0], "-L", "base", "-L", labels[1], paths[1], paths[0], paths[2]]
        try:
            done = subprocess.run(command, capture_output=True, check=False, env={**os.environ, "LC_ALL": "C"})
        except OSError:
            return None
    if done.returncode < 0 or done.returncode > 127:
        return None
    return done.stdout, done.returncode == 0
