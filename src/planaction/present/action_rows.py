"""The action table as every face shows it: one row per action with display-ready values,
its sort keys, its filters (text, owner, status, overdue...) and the people it names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from planaction.core import rules
from planaction.core.model import Action, Level, Plan, Rag, Status
from planaction.words import labels
from planaction.words.folding import fold, person_key
from planaction.words.labels import date_text, word
from planaction.words.report import say
from planaction.words.structures import say as say_structures


@dataclass(frozen=True)
class ActionRow:
    action: Action
    id: str
    title: str
    owner: str
    due: dt.date | None
    due_text: str
    status: Status
    status_text: str
    priority: Level | None
    priority_text: str
    progress: int
    rag: Rag | None
    rag_text: str
    why: str
    overdue_days: int | None
    imperative: bool
    stream: str | None
    #: Impact x urgency / effort (seed 003's "ordre d'intervention"), None when one is missing.
    score: float | None = None

    @cached_property
    def search(self) -> str:
        """Folded id, title, owner, co-owners and comment, for the filter (computed once, when filtering).

        Folded with ``folding.fold``, the one way text is compared: any script,
        any case (Turkish ``İ`` included), accents and spacing ignored.
        """
        a = self.action
        return fold(" ".join([a.id, a.title, a.owner, *a.co_owners, a.comment or ""]))


def action_row(action: Action, today: dt.date, lang: str) -> ActionRow:
    assessment = rules.action_rag(action, today)
    return ActionRow(
        action=action,
        id=action.id,
        title=action.title,
        owner=action.owner,
        due=action.due,
        due_text=date_text(action.due, lang),
        status=action.status,
        status_text=action.status.label(lang),
        priority=action.priority,
        priority_text=action.priority.label(lang) if action.priority else "",  # the workbook's list: the scale's labels
        progress=100 if action.status == Status.DONE else action.progress,
        rag=assessment.rag,
        rag_text=assessment.rag.label(lang) if assessment.rag else "",
        why=labels.explain(assessment.why, lang),
        overdue_days=rules.days_overdue(action, today),
        imperative=action.imperative,
        stream=action.stream,
        score=rules.priority_score(action),
    )


def action_rows(plan: Plan, today: dt.date, lang: str) -> list[ActionRow]:
    return [action_row(a, today, lang) for a in plan.actions]


def most_urgent(rows: Iterable[ActionRow]) -> list[ActionRow]:
    """The open actions, most urgent first: overdue (most late first), then by due date (undated
    last). The steering report's and the workbook's summary's order."""
    found = [r for r in rows if rules.is_open(r.action)]
    found.sort(key=lambda r: (r.overdue_days is None, -(r.overdue_days or 0), r.due or dt.date.max, r.id))
    return found


#: Columns of the action table: key, heading word, sort key.
_LEVEL_ORDER = {Level.LOW: 0, Level.MEDIUM: 1, Level.HIGH: 2}
_RAG_ORDER = {Rag.GREEN: 0, Rag.AMBER: 1, Rag.RED: 2}
_STATUS_ORDER = {s: i for i, s in enumerate(Status)}
SORT_KEYS: dict[str, Callable[[ActionRow], Any]] = {
    "id": lambda r: _natural(r.id),
    "title": lambda r: fold(r.title),
    "owner": lambda r: person_key(r.owner),
    "due": lambda r: (r.due is None, r.due or dt.date.max),
    "status": lambda r: _STATUS_ORDER[r.status],
    "priority": lambda r: -1 if r.priority is None else _LEVEL_ORDER[r.priority],
    "progress": lambda r: r.progress,
    "rag": lambda r: -1 if r.rag is None else _RAG_ORDER[r.rag],
    "score": lambda r: -1.0 if r.score is None else r.score,
}
ACTION_COLUMNS = ("id", "title", "owner", "due", "status", "priority", "progress", "score", "rag")


def _natural(text: str) -> tuple:
    """A2 before A10."""
    import re

    return tuple(int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", text))


def sort_rows(rows: list[ActionRow], column: str, *, reverse: bool = False) -> list[ActionRow]:
    return sorted(rows, key=SORT_KEYS[column], reverse=reverse)


@dataclass(frozen=True)
class RowFilter:
    """The filters of the action table; empty fields filter nothing."""

    text: str = ""
    owner: str | None = None
    status: Status | None = None
    overdue: bool = False
    imperative: bool = False
    priority: Level | None = None
    stream: str | None = None
    structure: str | None = None  # its name, said by ``describe``; ``members`` (person keys) filter (issue 18)
    members: frozenset[str] = frozenset()

    @property
    def active(self) -> bool:
        return self != RowFilter()

    def describe(self, lang: str) -> str:
        parts = []
        if self.text:
            parts.append(say("quoted", lang, text=self.text))
        if self.owner:
            parts.append(f"{word('owner', lang)}: {self.owner}")
        if self.status:
            parts.append(f"{word('status', lang)}: {self.status.label(lang)}")
        if self.overdue:
            parts.append(word("overdue", lang))
        if self.imperative:
            parts.append(word("imperative", lang))
        if self.priority:
            parts.append(f"{word('priority', lang)}: {labels.level_label(self.priority, lang, feminine=True)}")
        if self.stream:
            parts.append(f"{word('stream', lang)}: {self.stream}")
        if self.structure:
            parts.append(say_structures("filter_structure", lang, name=self.structure))
        return ", ".join(parts)

    def with_(self, **changes: Any) -> RowFilter:
        return replace(self, **changes)


def filter_rows(rows: Iterable[ActionRow], row_filter: RowFilter) -> list[ActionRow]:
    words = fold(row_filter.text).split() if row_filter.text else []
    owner = person_key(row_filter.owner) if row_filter.owner else ""
    kept = []
    for row in rows:
        if words and not all(w in row.search for w in words):
            continue
        if owner and owner not in {person_key(name) for name in (row.owner, *row.action.co_owners)}:
            continue
        if row_filter.status and row.status != row_filter.status:
            continue
        if row_filter.overdue and row.overdue_days is None:
            continue
        if row_filter.imperative and not row.imperative:
            continue
        if row_filter.priority and row.priority != row_filter.priority:
            continue
        if row_filter.stream and row.stream != row_filter.stream:
            continue
        if row_filter.structure and not row_filter.members & {
            person_key(n) for n in (row.owner, *row.action.co_owners)
        }:
            continue
        kept.append(row)
    return kept


def owners(plan: Plan) -> list[str]:
    """Everyone named as owner or co-owner, plus the plan's people: one entry per person, sorted.

    A person written two ways ("Léa Fontaine", "LEA FONTAINE") is one entry, under
    the spelling of the plan's ``people`` list if it has one, else the first met.
    """
    return people_names(
        [
            *(p.name for p in plan.people),
            *(a.owner for a in plan.actions),
            *(c for a in plan.actions for c in a.co_owners),
        ]
    )


def people_names(names: Iterable[str]) -> list[str]:
    """One spelling per person (the first given), sorted as a reader would (``folding.person_key``)."""
    kept: dict[str, str] = {}
    for name in names:
        key = person_key(name)
        if key and key not in kept:
            kept[key] = name
    return [kept[key] for key in sorted(kept)]
