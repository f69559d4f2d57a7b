"""A plan's figures at each point of its history: progress, RAG, health, scope and done, each
KPI's value, read as of the day of each revision (``planaction history``).

Each distinct text is parsed once; a revision whose plan does not read is kept aside with its
first problem rather than stopping the history (a broken commit in the middle is history too).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from planaction.core import rules
from planaction.core.model import Plan, Rag, Status


@dataclass(frozen=True)
class Point:
    revision: str
    commit: str
    date: dt.date
    progress: float | None
    rag: Rag | None
    health: float | None
    done: int
    total: int  # the scope: actions not cancelled
    kpis: dict[str, float | None]


@dataclass(frozen=True)
class Skipped:
    revision: str
    date: dt.date
    problem: str  # where and what, as ``validate`` says it


@dataclass
class History:
    file: str
    title: str
    lang: str
    points: list[Point] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def rag_trail(self) -> list[Rag | None]:
        return [p.rag for p in self.points]


def point(plan: Plan, revision: str, commit: str, day: dt.date) -> Point:
    """The figures of ``plan`` as of ``day``."""
    score = rules.health_score(plan)
    scope = [a for a in plan.actions if a.status != Status.CANCELLED]
    return Point(
        revision=revision,
        commit=commit,
        date=day,
        progress=rules.overall_progress(plan),
        rag=rules.plan_rag(plan, day).rag if plan.actions or plan.kpis else None,
        health=score.score if score is not None and score.rated else None,
        done=sum(1 for a in scope if a.status == Status.DONE),
        total=len(scope),
        kpis={kpi.id: rules.kpi_current(kpi, day) for kpi in plan.kpis},
    )


def history(path: Path, *, since: str | None = None, tags: str | None = None, lang: str | None = None) -> History:
    """The history of the plan file ``path`` (``store.githistory`` says which revisions); raises
    ``RevisionError`` when git cannot give it. ``lang``: else the plan's language today."""
    from planaction import store
    from planaction.store.githistory import revisions
    from planaction.words.problems import render

    found = revisions(path, since=since, tags=tags)
    parsed: dict[str, store.ReadResult] = {}
    today = store.read(path, nodes=False).document  # its title and language, even with no point
    plan_now = today.plan if today is not None else None
    result = History(
        str(path), plan_now.title if plan_now else path.stem, lang or (plan_now.language if plan_now else "en")
    )
    for revision in found:
        name = f"{path}@{revision.label}"
        read = parsed.get(revision.text)
        if read is None:
            read = parsed[revision.text] = store.parse(revision.text, name, nodes=False)
        if read.document is None:
            problem = render(read.errors[:1] or read.problems[:1], "text", result.lang).splitlines()
            result.skipped.append(Skipped(revision.label, revision.date, problem[0] if problem else name))
            continue
        plan = read.document.plan
        result.title, result.lang = plan.title, lang or plan.language
        result.points.append(point(plan, revision.label, revision.commit, revision.date))
    return result
