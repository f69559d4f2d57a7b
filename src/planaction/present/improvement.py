"""What every face shows of the improvement loop (seeds 001-003): the situation analysis (QQOQCP
and SWOT), the retros, the lessons learned and the imperative criteria with their scores and
corrective actions.

Computed once here, in the reader's language, so that the dashboard, the report (text, Markdown,
JSON, Rich), the workbook, the one-page HTML and the Word canvas say the same thing; each face only
lays it out. Plan text stays plan text: faces escape it as they always do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planaction.core import improvement
from planaction.core.model import Context, Decision, DecisionStatus, Plan, Retro
from planaction.words.fields import field_label
from planaction.words.improvement import say
from planaction.words.labels import date_text

#: The QQOQCP questions in the method's order (seed 001: quoi, qui, où, quand, comment, pourquoi, combien).
QQOQCP = ("what", "who", "where", "when", "how", "why", "how_much")
#: The SWOT quadrants in the grid's order: internal first, then external.
QUADRANTS = ("strengths", "weaknesses", "opportunities", "threats")


@dataclass(frozen=True)
class RetroItem:
    """One of a retro's three items: what kind (its label), what, who, and the action it became."""

    kind: str
    label: str
    what: str
    owner: str
    action: str | None

    def text(self, lang: str) -> str:
        """ "Validation des accès (Hugo Lambert) → A8": one line for every face."""
        line = say("retro_item", lang, what=self.what, owner=self.owner) if self.owner else self.what
        return f"{line} {say('retro_became', lang, action=self.action)}" if self.action else line


@dataclass(frozen=True)
class RetroView:
    date: str
    iso: str
    items: tuple[RetroItem, ...]
    note: str | None


@dataclass(frozen=True)
class LessonView:
    title: str
    date: str
    #: (label, text) for context, action, effect and replicability, those given, in that order.
    steps: tuple[tuple[str, str], ...]
    owner: str | None


@dataclass(frozen=True)
class CriterionView:
    name: str
    kind: str
    score: int | None
    score_text: str
    needs_correction: bool
    uncorrected: bool
    #: (id, title, status label) of every action that carries the criterion.
    actions: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class Improvement:
    """The loop as the faces show it; empty lists when the plan says nothing of it."""

    context: tuple[tuple[str, str], ...]  # (QQOQCP label, text), the questions answered
    swot: tuple[tuple[str, str, tuple[str, ...]], ...]  # (key, label, items): all four when the plan has a SWOT
    retros: tuple[RetroView, ...]  # latest first
    lessons: tuple[LessonView, ...]
    criteria: tuple[CriterionView, ...]

    @property
    def last_retro(self) -> RetroView | None:
        return self.retros[0] if self.retros else None

    @property
    def empty(self) -> bool:
        return not (self.context or self.swot or self.retros or self.lessons or self.criteria)


def _retro(retro: Retro, lang: str) -> RetroView:
    items = []
    for kind in ("process", "content", "risk"):
        what = getattr(retro, kind)
        if what:
            owner = getattr(retro, f"{kind}_owner") or ""
            items.append(RetroItem(kind, say(f"retro_{kind}", lang), what, owner, getattr(retro, f"{kind}_action")))
    return RetroView(date_text(retro.date, lang), retro.date.isoformat(), tuple(items), retro.note)


def criterion_views(plan: Plan, lang: str) -> list[CriterionView]:
    """The imperative criteria, lowest score first, each with its actions."""
    found = []
    for c in improvement.imperative_criteria(plan):
        found.append(
            CriterionView(
                c.name,
                c.origin.kind.label(lang),
                c.score,
                say("score_of", lang, score=c.score) if c.score is not None else say("not_scored", lang),
                c.needs_correction,
                c.uncorrected,
                tuple((a.id, a.title, a.status.label(lang)) for a in c.actions),
            )
        )
    return found


def improvement_view(plan: Plan, lang: str, today: dt.date | None = None) -> Improvement:
    """The loop as of ``today`` when given (retros and lessons dated after it are not known yet)."""
    context: tuple[tuple[str, str], ...] = ()
    if plan.context is not None:
        context = tuple(
            (field_label(Context, name, lang), getattr(plan.context, name))
            for name in QQOQCP
            if getattr(plan.context, name)
        )
    swot: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    if plan.swot is not None:
        swot = tuple((key, say(key, lang), getattr(plan.swot, key)) for key in QUADRANTS)
    retros = sorted((r for r in plan.retros if today is None or r.date <= today), key=lambda r: r.date, reverse=True)
    lessons = tuple(
        LessonView(
            lesson.title,
            date_text(lesson.date, lang),
            tuple(
                (say(f"lesson_{step}", lang), getattr(lesson, step))
                for step in ("context", "action", "effect", "replicability")
                if getattr(lesson, step)
            ),
            lesson.owner,
        )
        for lesson in plan.lessons
        if today is None or lesson.date is None or lesson.date <= today
    )
    return Improvement(
        context, swot, tuple(_retro(r, lang) for r in retros), lessons, tuple(criterion_views(plan, lang))
    )


def criteria_line(plan: Plan, lang: str) -> str:
    """The imperative criteria on one line, for the imperative filter: "2/4 → A1 · 3/4 → A3" (each
    action's detail names its criteria in full, with their scores); empty when the plan has none."""
    found = criterion_views(plan, lang)
    if not found:
        return ""
    listed = " · ".join(f"{c.score_text} → {', '.join(i for i, _t, _s in c.actions)}" for c in found)
    return say("criteria_line", lang, criteria=listed)


def taken_decisions(plan: Plan, since: Plan | None = None) -> list[Decision]:
    """The decisions taken, or only those taken since the plan ``since`` was (the last committee):
    those not taken then (expected, dropped, or not written yet)."""
    taken = [d for d in plan.decisions if d.status == DecisionStatus.TAKEN]
    if since is None:
        return taken
    before = {d.id: d for d in since.decisions}
    return [d for d in taken if d.id not in before or before[d.id].status != DecisionStatus.TAKEN]


def decision_line(decision: Decision, lang: str) -> str:
    """ "Valider le budget (Inès Caron, 24/08/2026)": what was decided, by whom, when."""
    return say(
        "decision_taken",
        lang,
        title=decision.title,
        owner=decision.owner or say("nobody", lang),
        date=date_text(decision.date, lang) or say("nobody", lang),
    )
