"""Reading plan files: bytes -> UTF-8 text -> our event composer -> the pydantic model -> cross-checks.

A BOM is accepted and kept, CRLF is kept. Every problem becomes
``path:line:col: message`` with a hint; nothing raises a traceback at the user.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from planaction.core import checks
from planaction.core.model import Plan
from planaction.message import Message, say
from planaction.store import conflict_markers
from planaction.store.document import MAX_FILE_BYTES, PLAN_SUFFIXES, DiskState, PlanDocument
from planaction.store.userfiles import NotAFile, Snapshot, read_snapshot
from planaction.words.problems import ERROR, WARNING, PlanError, Problem
from planaction.yamlfile.locator import Locator, locate
from planaction.yamlfile.nodes import SCALAR, Node, YamlProblem, compose, load_data, node_at

if TYPE_CHECKING:
    pass

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


def _problem(name: str, message: Message, hint: Message | None = None, line: int = 1, col: int = 1) -> Problem:
    return Problem.of(name, line, col, ERROR, message, hint)


def _decode(name: str, raw: bytes) -> tuple[str, bool] | Problem:
    bom = raw.startswith(b"\xef\xbb\xbf")
    if bom:
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _problem(name, say("read.utf16"), say("read.utf16.hint"))
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
            said = say("read.not_utf8_guess", byte=f"{byte:02X}", guess=guess)
        except UnicodeDecodeError:
            said = say("read.not_utf8", byte=f"{byte:02X}")
        return _problem(
            name,
            said,
            say("read.not_utf8.hint"),
            line,
            col,
        )


def read_text(path: Path) -> tuple[str, bool, Snapshot] | Problem:
    """The file's text (without BOM), whether it had one, and the snapshot it was read from."""
    name = str(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        return _problem(name, say("read.no_such_file"), say("read.no_such_file.hint"))
    except OSError as exc:
        return _problem(name, say("read.cannot_read", reason=exc.strerror), say("read.cannot_read.hint_path"))
    if stat.S_ISDIR(st.st_mode):
        return _problem(name, say("read.folder"), say("read.folder.hint"))
    if st.st_size > MAX_FILE_BYTES:
        return _problem(
            name,
            say("read.too_big", size=f"{st.st_size / 1024 / 1024:.0f}", limit=MAX_FILE_BYTES // 1024 // 1024),
            say("read.too_big.hint"),
        )
    try:
        snapshot = read_snapshot(path, MAX_FILE_BYTES)
    except NotAFile as exc:
        return _problem(name, say("read.not_a_plan_file", kind=exc.kind_said), say("read.not_a_plan_file.hint"))
    except OSError as exc:
        return _problem(name, say("read.cannot_read", reason=exc.strerror), say("read.cannot_read.hint"))
    raw = snapshot.data
    if len(raw) > MAX_FILE_BYTES:
        return _problem(
            name, say("read.grew_too_big", limit=MAX_FILE_BYTES // 1024 // 1024), say("read.grew_too_big.hint")
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
        return ReadResult(name, None, [_problem(name, exc.said, exc.hint_said, exc.line + 1, exc.col + 1)])

    locator = Locator(text, root)

    def located() -> Node:
        found = locator.root
        assert found is not None
        return found

    if data is None:
        return ReadResult(
            name,
            None,
            [_problem(name, say("read.empty"), say("read.empty.hint"))],
        )
    if not isinstance(data, dict):
        line, col = located().line + 1, located().col + 1
        return ReadResult(
            name,
            None,
            [
                _problem(
                    name,
                    say("read.top_level"),
                    say("read.top_level.hint"),
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
    problems = [_finding_problem(f, locator, name) for f in findings]  # warnings located piece by piece
    document = None
    if not any(p.level == ERROR for p in problems):
        document = PlanDocument(
            path=path or Path(name),
            text=text,
            _root=locator.composed,
            base=plan,
            warnings=[p for p in problems if p.level == WARNING],
            bom=bom,
            _locator=locator,
        )
    return ReadResult(name, document, problems)


def _schema_problems(exc: ValidationError, data: Any, root: Node, name: str) -> list[Problem]:
    from planaction.core.diagnose import diagnose

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
        problems.append(Problem.of(name, line, col, ERROR, diagnosis.said, diagnosis.hint_said))
    problems.sort(key=lambda p: (p.line, p.col))
    return problems


def _finding_problem(finding: checks.Finding, locator: Locator, name: str) -> Problem:
    line, col = locator.locate(finding.path)
    said = finding.said
    if finding.related is not None:
        other_line, _ = locator.locate(finding.related)
        said = say("read.first_at", message=said, line=other_line)
    return Problem.of(name, line, col, finding.level, said, finding.hint_said, code=finding.said.code)


def advice(document: PlanDocument, today: dt.date) -> list[Problem]:
    """The method's advice on a valid plan as of ``today`` (``core.advice``), located, in file order.

    Not part of ``read``: advice depends on the date, and the app and the reports read plans
    that a draft may keep imperfect; ``validate`` asks for it."""
    from planaction.core.advice import advise

    found = advise(document.base, today)
    problems = [_finding_problem(f, document.locator, document.name) for f in found]
    return sorted(problems, key=lambda p: (p.line, p.col))


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
