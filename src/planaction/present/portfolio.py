"""The portfolio: one row per plan file of a folder (title, type, owner, period, RAG, progress, overdue,
health), or the first problem of a plan that does not validate; its filter and sorts; the name of a
new plan file.

Filtering and sorting are decided here, without Textual, so that they are tested as plain
functions and the screen only wires keys to them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from planaction.core import rules
from planaction.core.model import Plan, PlanType, Rag
from planaction.store import PLAN_SUFFIXES
from planaction.words import labels
from planaction.words.closing import say as closing
from planaction.words.folding import fold, person_key
from planaction.words.labels import date_text, number, percent, word
from planaction.words.portfolio import say


@dataclass(frozen=True)
class PortfolioRow:
    path: Path
    title: str
    type_text: str
    owner: str
    period: str
    rag: Rag | None
    rag_text: str
    progress: float | None
    progress_text: str
    overdue: int
    health: str
    error: str  # "line:col message" of the first problem of an invalid plan
    plan: Plan | None = None  # for outputs that need the data rather than the words (JSON)
    health_score: float | None = None  # the number behind ``health``, to sort on

    @cached_property
    def search(self) -> str:
        """Folded title, owner, sponsor, type and file name, for the text filter (``folding.fold``)."""
        sponsor = self.plan.sponsor if self.plan is not None else None
        return fold(" ".join([self.title, self.owner, sponsor or "", self.type_text, self.path.name]))


def portfolio_row(path: Path, plan: Plan | None, error: str, today: dt.date, lang: str) -> PortfolioRow:
    if plan is None:
        return PortfolioRow(path, path.name, "", "", "", None, "", None, "", 0, "", error)
    assessment = rules.plan_rag(plan, today)
    progress = rules.overall_progress(plan)
    score = rules.health_score(plan)
    rag_text = labels.verdict(assessment, lang)
    if plan.closed:
        rag_text = closed_text(plan, lang)
    period = ""
    if plan.period is not None:
        period = f"{date_text(plan.period.start, lang)} – {date_text(plan.period.end, lang)}"
    return PortfolioRow(
        path,
        plan.title,
        plan.type.label(lang),
        plan.owner,
        period,
        None if plan.closed else assessment.rag,
        rag_text,
        progress,
        percent(progress / 100 if progress is not None else None, lang),
        len(rules.overdue(plan, today)),
        number(score.score, lang, decimals=0) if score is not None else "",
        "",
        plan,
        score.score if score is not None else None,
    )


def closed_text(plan: Plan, lang: str) -> str:
    """ "Clos le 1 juil. 2025": what a closed plan's RAG column and report say instead of its RAG."""
    if plan.closed_on is None:
        return closing("closed_undated", lang)
    return closing("closed_on", lang, date=date_text(plan.closed_on, lang))


# -- filter and sorts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PortfolioFilter:
    """The portfolio's filters; empty fields filter nothing. Invalid plans show only under a text filter
    that matches their file name (they have no owner, type or RAG to match)."""

    text: str = ""
    owner: str | None = None
    type: PlanType | None = None
    rag: Rag | None = None
    closed: bool = False  # closed plans are hidden unless this is set

    @property
    def active(self) -> bool:
        return self != PortfolioFilter()

    def with_(self, **changes: Any) -> PortfolioFilter:
        return replace(self, **changes)

    def describe(self, lang: str) -> str:
        parts = []
        if self.text:
            parts.append(say("quoted", lang, text=self.text))
        if self.owner:
            parts.append(f"{word('owner', lang)}: {self.owner}")
        if self.type:
            parts.append(f"{say('type', lang)}: {self.type.label(lang)}")
        if self.rag:
            parts.append(f"{word('rag', lang)}: {self.rag.label(lang)}")
        if self.closed:
            parts.append(closing("show_closed", lang).lower())
        return ", ".join(parts)


def filter_rows(rows: Iterable[PortfolioRow], row_filter: PortfolioFilter) -> list[PortfolioRow]:
    words = fold(row_filter.text).split() if row_filter.text else []
    owner = person_key(row_filter.owner) if row_filter.owner else ""
    kept = []
    for row in rows:
        if words and not all(w in row.search for w in words):
            continue
        if owner and person_key(row.owner) != owner:
            continue
        if row_filter.type and (row.plan is None or row.plan.type != row_filter.type):
            continue
        if row_filter.rag and row.rag != row_filter.rag:
            continue
        if not row_filter.closed and row.plan is not None and row.plan.closed:
            continue
        kept.append(row)
    return kept


def closed_count(rows: Iterable[PortfolioRow]) -> int:
    """How many of the rows are closed plans (the palette offers to show them when there are some)."""
    return sum(1 for row in rows if row.plan is not None and row.plan.closed)


def hidden_note(rows: Iterable[PortfolioRow], row_filter: PortfolioFilter, lang: str) -> str:
    """ " · 2 plans clos masqués" for the status line when the filter hides closed plans, else ""."""
    count = 0 if row_filter.closed else closed_count(rows)
    if not count:
        return ""
    if count == 1:
        return " · " + closing("closed_hidden_one", lang)
    return " · " + closing("closed_hidden_many", lang, count=number(count, lang))


_RAG_ORDER = {Rag.GREEN: 0, Rag.AMBER: 1, Rag.RED: 2}  # as the action table: green first, red first reversed


def _period_start(row: PortfolioRow) -> dt.date:
    period = row.plan.period if row.plan is not None else None
    return period.start if period is not None and period.start is not None else dt.date.max


SORT_KEYS: dict[str, Callable[[PortfolioRow], Any]] = {
    "title": lambda r: fold(r.title),
    "type": lambda r: fold(r.type_text),
    "owner": lambda r: person_key(r.owner),
    "period": _period_start,
    "rag": lambda r: -1 if r.rag is None else _RAG_ORDER[r.rag],
    "progress": lambda r: -1.0 if r.progress is None else r.progress,
    "overdue": lambda r: r.overdue,
    "health": lambda r: -1.0 if r.health_score is None else r.health_score,
}
#: The portfolio's columns that sort, in the order the palette offers them.
SORTABLE = tuple(SORT_KEYS)


def sort_rows(rows: Iterable[PortfolioRow], column: str, *, reverse: bool = False) -> list[PortfolioRow]:
    """Rows by ``column`` (ties keep the folder's order); plans that do not validate stay last, by name."""
    rows = list(rows)
    valid = [r for r in rows if not r.error]
    invalid = [r for r in rows if r.error]
    return sorted(valid, key=SORT_KEYS[column], reverse=reverse) + invalid


def _previous_row(row: PortfolioRow, rows: list[PortfolioRow]) -> PortfolioRow | None:
    """The row of the stage ``row``'s plan continues (``continues:``: a file name, relative to its
    folder, with or without its suffix, or a plan id), among ``rows``."""
    ref = row.plan.continues if row.plan is not None else None
    if not ref:
        return None
    base = row.path.parent / ref
    paths = {base, *(base.with_name(base.name + suffix) for suffix in PLAN_SUFFIXES)}
    for other in rows:
        if other is row or other.plan is None:
            continue
        if other.path in paths or (other.plan.id or other.path.stem) == ref:
            return other
    return None


def group_stages(rows: Iterable[PortfolioRow]) -> list[PortfolioRow]:
    """The folder's order, but a project's stages together and in order (seed 004: a long cooperation
    runs in stages, each a plan that names the one it continues): each chain of stages sits where its
    first member came, earliest stage first."""
    rows = list(rows)
    previous = {id(r): _previous_row(r, rows) for r in rows}
    if not any(previous.values()):
        return rows

    def first_stage(row: PortfolioRow) -> PortfolioRow:
        seen = {id(row)}
        while (before := previous[id(row)]) is not None and id(before) not in seen:
            seen.add(id(before))
            row = before
        return row

    chains: dict[int, list[PortfolioRow]] = {}
    for row in rows:
        chains.setdefault(id(first_stage(row)), []).append(row)

    def depth(row: PortfolioRow) -> int:
        count, seen = 0, {id(row)}
        while (before := previous[id(row)]) is not None and id(before) not in seen:
            seen.add(id(before))
            row, count = before, count + 1
        return count

    out: list[PortfolioRow] = []
    placed: set[int] = set()
    for row in rows:
        root = id(first_stage(row))
        if root not in placed:
            placed.add(root)
            out += sorted(chains[root], key=depth)
    return out


def owners(rows: Iterable[PortfolioRow]) -> list[str]:
    """The plans' owners, one entry per person (first spelling met), sorted as a reader would."""
    kept: dict[str, str] = {}
    for row in rows:
        key = person_key(row.owner)
        if key and key not in kept:
            kept[key] = row.owner
    return [kept[key] for key in sorted(kept)]


def plan_types(rows: Iterable[PortfolioRow]) -> list[PlanType]:
    """The plan types the folder holds, in the order of the method guides."""
    found = {row.plan.type for row in rows if row.plan is not None}
    return [kind for kind in PlanType if kind in found]


# -- the name of a new plan ------------------------------------------------------------------------

#: The longest file name most file systems take, in bytes.
MAX_NAME_BYTES = 255


def folder_name(folder: Path) -> str:
    """The folder as the person gave it; the current folder by its name rather than "."."""
    return str(folder) if str(folder) != "." else folder.resolve().name


def new_plan_path(folder: Path, name: str, lang: str) -> tuple[Path | None, str | None]:
    """The file a new plan named ``name`` goes to in ``folder``, or why that name is refused.

    A name only, never a folder: ``../x`` or ``sub/x`` is refused rather than quietly
    cut, so the plan lands where the person sees it, in the portfolio's folder. No suffix:
    ``.yaml`` is added; ``.yaml`` / ``.yml``: kept; another suffix of letters (``.txt``,
    ``.YAML``): refused, since the portfolio would not list it; a suffix with digits
    (``plan-v1.2``) is part of the name. A name starting with a dot would be hidden; a file
    that exists (a dangling link included) is never replaced.
    """
    name = name.strip()
    if not name:
        return None, say("name_empty", lang)
    if "/" in name or "\\" in name or (os.altsep and os.altsep in name):
        return None, say("name_folder", lang, folder=folder_name(folder))
    if name.startswith("."):
        return None, say("name_hidden", lang)
    if any(not ch.isprintable() for ch in name):
        return None, say("name_invisible", lang)
    if not name.endswith(PLAN_SUFFIXES):
        suffix = Path(name).suffix
        if suffix[1:].isalpha():
            return None, say("name_suffix", lang, suffix=suffix)
        name += ".yaml"
    if len(os.fsencode(name)) > MAX_NAME_BYTES:
        return None, say("name_long", lang)
    target = folder / name
    if os.path.lexists(target):
        return None, say("name_exists", lang, name=name)
    return target, None
