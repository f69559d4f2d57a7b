"""A plan's figures at each point of its history: progress, RAG, health, scope and done, each
KPI's value, read as of the day of each revision (``planaction history``).

Each distinct text is parsed once; a revision whose plan does not read is kept aside with its
first problem rather than stopping the history (a broken commit in the middle is history too).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planaction.core import rules
from planaction.core.model import Plan, Rag, Status
from planaction.store.pieces import PieceReader


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
    """The history of the plan file ``path``: see ``histories``."""
    return histories([path], since=since, tags=tags, lang=lang)[0]


def histories(
    paths: list[Path], *, since: str | None = None, tags: str | None = None, lang: str | None = None
) -> list[History]:
    """The history of each plan file (``store.githistory`` says which revisions, a few git
    processes per folder); raises ``RevisionError`` when git cannot give it. ``lang``: else each
    plan's language at its last point."""
    from planaction.store.githistory import revisions_of

    found = revisions_of(paths, since=since, tags=tags)
    return [_history(path, found[path], lang) for path in paths]


def _history(path: Path, found: list[Any], lang: str | None) -> History:
    result = History(str(path), path.stem, lang or "en")
    reader = PieceReader()
    plans: dict[str, Plan | str] = {}
    for revision in found:
        name = f"{path}@{revision.label}"
        plan = plans.get(revision.text)
        if plan is None:
            plan = plans[revision.text] = _plan(revision.text, name, reader, result.lang)
        if isinstance(plan, str):
            result.skipped.append(Skipped(revision.label, revision.date, plan))
            continue
        result.title, result.lang = plan.title, lang or plan.language
        result.points.append(point(plan, revision.label, revision.commit, revision.date))
    if not result.points:  # its title and language from the file as it is
        from planaction import store

        now = store.read(path, nodes=False).document
        if now is not None:
            result.title, result.lang = now.plan.title, lang or now.plan.language
    return result


def _plan(text: str, name: str, reader: PieceReader, lang: str) -> Plan | str:
    """The plan a revision's text holds, or its first problem as ``validate`` says it. Figures need
    the schema, not the cross-checks: a revision with a dangling link still has its progress."""
    from planaction import store
    from planaction.words.problems import render

    plan = reader.plan(text)
    if plan is not None:
        return plan
    read = store.parse(text, name, nodes=False)
    if read.document is not None:
        return read.document.plan
    problem = render(read.errors[:1] or read.problems[:1], "text", lang).splitlines()
    return problem[0] if problem else name


def plan_at(path: Path, baseline: str) -> Plan:
    """The plan as it was at ``baseline`` (a revision, a committee's tag, or a date: the last commit
    before that day): what the app's timeline draws as shadows. Raises ``RevisionError`` saying why
    when git cannot give it or the plan did not read then."""
    from planaction import store
    from planaction.store.gitrev import RevisionError, _check, read_at_revision, start_commit

    _check(baseline)
    commit, _day = start_commit(path, baseline)
    read = store.parse(read_at_revision(path, commit), f"{path}@{baseline}", nodes=False)
    if read.document is None:
        problem = (read.errors or read.problems)[0]
        raise RevisionError(problem.said)
    return read.document.plan


def slips_since(path: Path, baseline: str, plan: Plan, lang: str) -> dict[str, Any]:
    """Each action's slip (``core.slippage.Slip``) since ``baseline`` (a revision, a committee's tag or
    a date), from the plan at the baseline and at each commit of the file since: what ``report
    --baseline`` and ``export --baseline`` show, read in one place. Raises ``RevisionError`` when git
    cannot give it or the plan did not read at the baseline."""
    from planaction import store
    from planaction.core.slippage import slippage
    from planaction.store.gitrev import RevisionError
    from planaction.store.gitrev import history as texts_since
    from planaction.words.cli import say

    versions: list[Plan] = []
    reader = PieceReader()  # one version after another: only what changed is parsed
    for commit, text in texts_since(path, baseline):
        quick = reader.plan(text)
        if quick is not None:
            versions.append(quick)
            continue
        then = store.parse(text, f"{path}@{commit[:10]}", nodes=False)
        if then.document is not None:
            versions.append(then.document.plan)
        elif not versions:  # the baseline itself must read: it is what everything is measured from
            problem = (then.errors or then.problems)[0].message
            raise RevisionError(say("not_valid_then", lang, name=path.name, rev=baseline, problem=problem))
    return slippage(versions, plan)
