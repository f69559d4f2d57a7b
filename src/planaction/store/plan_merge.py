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
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from planaction.core.threeway import Clash, Renumbered, merge_plans
from planaction.store.atomic import SaveError
from planaction.store.document import BOM
from planaction.store.reading import _decode, parse
from planaction.words.problems import Problem
from planaction.yamlfile.diff import to_data

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
    if theirs in (base, ours):
        return FileMerge(ours, same_as="ours")
    if ours == base:
        return FileMerge(theirs, same_as="theirs")
    documents = []
    for side, raw, name in zip(SIDES, (base, ours, theirs), names, strict=True):
        decoded = _decode(name, raw)
        if isinstance(decoded, Problem):
            return FileMerge(None, problems=[decoded], unreadable=side)
        text, bom = decoded
        result = parse(text, name, bom=bom)
        if result.document is None:
            return FileMerge(None, problems=result.errors or result.problems, unreadable=side)
        documents.append(result.document)
    base_doc, ours_doc, theirs_doc = documents
    merged = merge_plans(base_doc.plan, ours_doc.plan, theirs_doc.plan)
    try:
        ours_side, theirs_side = merged.plans()
    except ValidationError as exc:
        return FileMerge(None, merged.conflicts, merged.renumbered, invalid=_first_error(exc))
    try:
        mine = ours_doc.render(ours_side)
        other = mine if theirs_side is ours_side else ours_doc.render(theirs_side)
    except SaveError as exc:
        return FileMerge(None, merged.conflicts, merged.renumbered, invalid=str(exc))
    prefix = BOM if ours_doc.bom else ""
    if not merged.conflicts:
        checked = parse(mine, names[1], nodes=False)
        exact = checked.document is None or to_data(checked.document.plan) == to_data(ours_side)
        data = (prefix + mine).encode("utf-8")
        return FileMerge(data, [], merged.renumbered, problems=checked.errors, not_exact=not exact)
    text, lines = marked(mine, other, labels, marker_size)
    return FileMerge((prefix + text).encode("utf-8"), merged.conflicts, merged.renumbered, lines)


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
    matcher = difflib.SequenceMatcher(None, mine, other, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
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


def _ended(lines: list[str], newline: str) -> list[str]:
    if lines and not lines[-1].endswith("\n"):
        return [*lines[:-1], lines[-1] + newline]
    return lines


def line_merge(
    base: bytes, ours: bytes, theirs: bytes, *, labels: tuple[str, str] = ("ours", "theirs"), marker_size: int = 7
) -> tuple[bytes, bool] | None:
    """Git's own line merge of the three texts (``git merge-file``): (result, clean); None without git."""
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
