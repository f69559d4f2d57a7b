"""Which plan a workbook belongs to, so that it goes back into that plan only.

A plan's ``id:`` does not tell plans apart: ``planaction new`` writes the
file name there, so ``clientA/plan.yaml`` and ``clientB/plan.yaml`` are both
``plan``, and plans from one template share their actions. planaction must
not write an identity into a user's plan behind their back, so the workbook
records where its plan was instead, and the import asks three questions:

1. **Both plans name themselves** (``id:``) **differently**: another plan.
2. **Is the plan that exported it still where it was?** The export records
   the plan's path inside its git repository (the same on a colleague's
   clone, wherever it is checked out), or, outside git, its folder and file
   name. If that path leads to this file, the workbook is this plan's, even
   renamed. If it leads to *another* plan, still there, which fits the
   workbook better (its title, then its actions), the workbook is that one's:
   refused, naming it.
3. **Otherwise** (this plan was moved or its file renamed, or the workbook
   comes from another layout of folders), the workbook is taken if this plan
   still has its title. A plan both moved *and* retitled cannot be told from
   a sibling made from the same template, and is refused (never guessed).

A copy of a plan fits its workbook exactly as well as the original: either
takes it, and nothing is wrong either way. So do two plans that hold the
same title and the same actions (two fresh copies of a template, untitled):
nothing in them tells them apart.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from planaction.core.model import Plan
from planaction.exchange.xlsx import spec
from planaction.exchange.xlsx.refusal import CellProblem, WorkbookRefused
from planaction.exchange.xlsx.spec import text

if TYPE_CHECKING:  # the export records the plan's place without loading the import's reader
    from planaction.exchange.xlsx.book import Book


def record(plan: Plan, plan_path: Path | None) -> dict[str, str]:
    """What the export writes in the hidden sheet to know its plan again."""
    found = {"plan_key": plan.id or ""}
    if plan_path is not None:
        path = Path(os.path.abspath(plan_path))
        root = _repository(path)
        found["location"] = path.relative_to(root).as_posix() if root else ""
        found["place"] = f"{path.parent.name}/{path.name}"
    return found


def check(plan: Plan, plan_id: str, plan_path: Path | None, book: Book) -> None:
    """Refuse (``WorkbookRefused``) a workbook that is not this plan's; see the module's docstring."""
    recorded = book.recorded
    if "plan_key" not in recorded.meta:  # format 1: the id, then the content, as it was then
        if recorded.get("plan_id") != plan_id:
            _refuse(
                book,
                f'this workbook is for the plan "{recorded.get("plan_id")}" ({recorded.get("file")}), not "{plan_id}"',
            )
        if not _fits(plan, book):
            _refuse_unfit(plan, book)
        return
    key = recorded.get("plan_key")
    if key and plan.id and key != plan.id:
        _refuse(book, f'this workbook is for the plan "{key}" ({_where(book)}), not "{plan.id}"')
    exported_from = _exported_from(book, plan_path)
    if exported_from is not None and plan_path is not None:
        if _same_file(exported_from, plan_path):
            return
        other = _plan_at(exported_from)
        if other is not None and _fit(other, book) > _fit(plan, book):
            _refuse(
                book,
                f'this workbook belongs to {_shown(exported_from)} ("{recorded.get("plan_title")}"), not to this plan',
                f"import it into {_shown(exported_from)}",
            )
    if spec.cell_text(plan.title) != recorded.get("plan_title"):
        # not where it was exported from, and another title: a sibling (same template, same
        # actions) as much as this plan retitled; never guessed
        _refuse(
            book,
            f'this workbook is for the plan "{recorded.get("plan_title")}" ({_where(book)}), not "{plan.title}"',
            "import it into the plan it was exported from; a plan that was both moved and retitled "
            "takes its workbook back once it has its old title or its old place again",
        )


def _repository(path: Path) -> Path | None:
    """The root of the git repository holding ``path`` (a folder with ``.git``), if any."""
    for folder in path.parents:
        if (folder / ".git").exists():
            return folder
    return None


def _exported_from(book: Book, plan_path: Path | None) -> Path | None:
    """Where the exporting plan would be on this machine, from what the workbook recorded."""
    if plan_path is None:
        return None
    path = Path(os.path.abspath(plan_path))
    root = _repository(path)
    location, place = book.recorded.get("location"), book.recorded.get("place")
    if root is not None and _relative(location):
        return root / location
    if _relative(place):
        return path.parent.parent / place
    return None


def _relative(recorded: str) -> bool:
    """A path the workbook may name: relative, inside its base (a hostile workbook could write anything)."""
    pure = PurePosixPath(recorded)
    return bool(recorded) and "\\" not in recorded and not pure.is_absolute() and ".." not in pure.parts


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _plan_at(path: Path) -> Plan | None:
    """The plan in a file, if it is one (a folder, a broken or missing file: none)."""
    from planaction import store

    try:
        if not path.is_file():
            return None
    except OSError:
        return None
    result = store.read(path, nodes=False)
    return result.document.plan if result.document is not None else None


def _titles(book: Book) -> dict[str, str]:
    """The exported action titles: recorded (format 2), or read from the Actions sheet."""
    recorded = {k: v for k, v in book.recorded.titles.items() if v}
    if recorded:
        return recorded
    sheet = book.sheets.get("actions")
    if sheet is None or not sheet.rows:
        return {}
    header = [text(v).strip() for v in sheet.rows[0]]

    def position(key: str) -> int | None:
        names = {spec.heading(c, lang) for lang in ("fr", "en") for c in spec.ACTION_COLUMNS if c.key == key}
        return next((i for i, h in enumerate(header) if h in names), None)

    id_at, title_at = position("id"), position("title")
    if id_at is None or title_at is None:
        return {}
    return {text(r[id_at]).strip(): text(r[title_at]).strip() for r in sheet.rows[1:] if len(r) > max(id_at, title_at)}


def _fit(plan: Plan, book: Book) -> tuple[bool, int]:
    """How well a plan fits the workbook: the same title, then how many exported actions it still has."""
    titles = {a.id: spec.cell_text(a.title).strip() for a in plan.actions}
    same = sum(1 for action_id, title in _titles(book).items() if titles.get(action_id) == title)
    return (spec.cell_text(plan.title) == book.recorded.get("plan_title"), same)


def _fits(plan: Plan, book: Book) -> bool:
    """The plan still has the workbook's title, or at least half its actions."""
    title, same = _fit(plan, book)
    exported = _titles(book)
    return title or not exported or same * 2 >= len(exported)


def _where(book: Book) -> str:
    return book.recorded.get("location") or book.recorded.get("place") or book.recorded.get("file")


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _refuse_unfit(plan: Plan, book: Book) -> None:
    _refuse(
        book,
        f'this workbook is for the plan "{book.recorded.get("plan_title")}" ({_where(book)}), '
        f'whose actions are not those of "{plan.title}"',
    )


def _refuse(book: Book, message: str, hint: str = "import it into the plan it was exported from") -> None:
    raise WorkbookRefused([CellProblem(book.path.name, "", message, hint)])
