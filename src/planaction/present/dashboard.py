"""The dashboard of a plan: objective, progress, RAG and why, RAG by stream, health, KPIs with their trend,
fired playbooks, overdue and due-soon actions, top risks, next milestones and decision. The app's dashboard tab, the
steering report and the workbook's summary sheet all show this one object."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planaction.core import playbooks, rules, watchlist
from planaction.core.model import Decision, Milestone, Plan, Rag
from planaction.present.entries import EntryRow
from planaction.words import labels
from planaction.words.labels import date_text, number, percent
from planaction.words.playbooks import say as said
from planaction.words.safetext import one_line


@dataclass(frozen=True)
class KpiLine:
    id: str
    name: str
    unit: str
    baseline: str
    current: str
    target: str
    attainment: float | None
    attainment_text: str
    trend: str | None  # improving, worsening, flat
    values: tuple[float, ...]
    reached: bool

    @property
    def key(self) -> str:
        """What the register tab names it by (its id)."""
        return self.id


@dataclass(frozen=True)
class FiredLine:
    """A fired playbook as every face shows it: its level, one sentence, and the figures JSON gives."""

    fired: playbooks.Fired
    level: Rag
    text: str  # "Support : K5 à 78 %, sous le seuil de 85 % → Revue SLA… — TAM/Support, avant le 03/10/2026"
    reason: str
    late_days: int | None

    @property
    def handled(self) -> bool:
        return self.fired.handled


def fired_lines(plan: Plan, today: dt.date, lang: str) -> list[FiredLine]:
    """The playbooks that fire on ``today``, unhandled first."""
    lines = []
    for hit in playbooks.fired(plan, today):
        book = hit.playbook
        reason = hit.reason.text(lang)
        text = said("playbook.line", lang, signal=book.signal, reason=reason, action=book.action, owner=book.owner)
        late = hit.late(today)
        if hit.handled_by is not None:
            text += said("playbook.handled", lang, id=hit.handled_by)
        elif hit.due is not None:
            text += said("playbook.due", lang, due=date_text(hit.due, lang))
            if late:
                text += said("playbook.late", lang, days=labels.explain(rules.Why.of("overdue", days=late), lang))
        lines.append(FiredLine(hit, book.level, text, reason, late))
    return sorted(lines, key=lambda line: line.handled)


@dataclass(frozen=True)
class PlaybookRow(EntryRow):
    """A playbook in the Governance tab, with where it stands today: fired, handled, quiet, or
    words only (no condition planaction can check)."""

    state: str = ""
    tone: str | None = None  # "red", "amber", "green" or "muted"


def playbook_rows(plan: Plan, today: dt.date, lang: str) -> list[PlaybookRow]:
    hits = {hit.index: hit for hit in playbooks.fired(plan, today)}
    rows = []
    for index, book in enumerate(plan.playbooks):
        hit = hits.get(index)
        if hit is not None and hit.handled_by is not None:
            state, tone = said("playbook.state_handled", lang, id=hit.handled_by), "green"
        elif hit is not None:
            state, tone = said("playbook.state_fired", lang, reason=hit.reason.text(lang)), book.level.value
        elif playbooks.checkable(book):
            state, tone = said("playbook.state_quiet", lang), "muted"
        else:
            state, tone = said("playbook.state_words", lang), "muted"
        rows.append(PlaybookRow(index, book, lang, state, tone))
    return rows


@dataclass(frozen=True)
class Dashboard:
    title: str
    objective: str
    objective_figures: str  # "7 -> 6 -> 3 jours"
    objective_attainment: float | None
    progress: float | None
    progress_text: str
    rag: Rag | None
    rag_text: str
    streams: list[tuple[str, Rag | None, str]] = field(default_factory=list)
    health: rules.HealthScore | None = None
    health_text: str = ""
    kpis: list[KpiLine] = field(default_factory=list)
    overdue: list[tuple[str, str]] = field(default_factory=list)  # id + title, sentence
    due_soon: list[tuple[str, str]] = field(default_factory=list)
    risks: list[tuple[str, Rag, str]] = field(default_factory=list)
    milestones: list[tuple[str, str, bool]] = field(default_factory=list)  # text, date, late
    decision: str = ""
    counts: list[tuple[str, int]] = field(default_factory=list)
    playbooks: list[FiredLine] = field(default_factory=list)


def kpi_lines(plan: Plan, lang: str, today: dt.date | None = None) -> list[KpiLine]:
    """Each KPI's figures as of ``today`` (a measurement dated later is not current yet)."""
    lines = []
    for kpi in plan.kpis:
        current = rules.kpi_current(kpi, today)
        attainment = rules.kpi_attainment(kpi, today)
        ordered = sorted(kpi.measurements, key=lambda m: m.date)
        lines.append(
            KpiLine(
                id=kpi.id,
                name=kpi.name,
                unit=kpi.unit or "",
                baseline=number(kpi.baseline, lang),
                current=number(current, lang),
                target=number(kpi.target, lang),
                attainment=attainment,
                attainment_text=percent(attainment, lang),
                trend=rules.kpi_trend(kpi),
                values=tuple(m.value for m in ordered),
                reached=current is not None
                and kpi.target is not None
                and rules.reached(kpi.direction, current, kpi.target),
            )
        )
    return lines


def _objective_figures(plan: Plan, lang: str, today: dt.date) -> str:
    objective = plan.objective
    if objective is None:
        return ""
    parts = [
        number(objective.baseline, lang),
        number(rules.objective_current(plan, today), lang),
        number(objective.target, lang),
    ]
    shown = " → ".join(p if p else "?" for p in parts) if any(parts) else ""
    return f"{shown} {one_line(objective.unit or '')}".strip() if shown else ""  # shown as it is by every face


def _decision_text(decision: Decision | None, lang: str) -> str:
    if decision is None:
        return ""
    who = f" ({decision.owner})" if decision.owner else ""
    when = f" — {date_text(decision.due, lang)}" if decision.due else ""
    return f"{decision.title}{who}{when}"


def _milestone(m: Milestone, today: dt.date, lang: str) -> tuple[str, str, bool]:
    return (m.title, date_text(m.due, lang), m.due < today)


def dashboard(plan: Plan, today: dt.date, lang: str) -> Dashboard:
    plan_assessment = rules.plan_rag(plan, today)
    progress = rules.overall_progress(plan)
    score = rules.health_score(plan)
    health_text = ""
    if score is not None:
        health_text = f"{number(score.score, lang, decimals=0)}/100"
        if not score.complete:
            health_text += f" ({score.rated}/{score.dimensions})"
    return Dashboard(
        title=plan.title,
        objective=plan.objective.statement if plan.objective else "",
        objective_figures=_objective_figures(plan, lang, today),
        objective_attainment=rules.objective_attainment(plan, today),
        progress=progress,
        progress_text=percent(progress / 100 if progress is not None else None, lang),
        rag=plan_assessment.rag,
        rag_text=labels.verdict(plan_assessment, lang),
        streams=[(name, a.rag, labels.verdict(a, lang)) for _id, name, a in rules.stream_rags(plan, today)],
        health=score,
        health_text=health_text,
        kpis=kpi_lines(plan, lang, today),
        overdue=[
            (
                f"{a.id} {a.title}",
                f"{a.owner} — {labels.explain(rules.Why.of('overdue', days=d), lang)}",
            )
            for a, d in rules.overdue(plan, today)
        ],
        due_soon=[
            (f"{a.id} {a.title}", f"{a.owner} — {date_text(a.due, lang)}") for a, _d in rules.due_soon(plan, today)
        ],
        risks=[(f"{r.id} {r.title}", watchlist.risk_rag(r), r.mitigation or "") for r in watchlist.top_risks(plan)],
        milestones=[_milestone(m, today, lang) for m in watchlist.next_milestones(plan, today)],
        decision=_decision_text(watchlist.next_decision(plan), lang),
        counts=[(status.label(lang), count) for status, count in rules.counts_by_status(plan).items()],
        playbooks=fired_lines(plan, today, lang),
    )
