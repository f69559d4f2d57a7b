"""What each face shows, computed once: rows and panels of display-ready values.

The app, the reports and the workbook all show "the action table", "the
dashboard", "the portfolio". Their content — which figures, which RAG, which
sentence, which order — is decided here from ``rules`` and worded with
``labels``; each face only lays it out. Values stay typed where a face needs
to sort or colour them (dates, levels, numbers) beside their text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from planaction.core import rules
from planaction.core.model import Action, Decision, Level, Milestone, Plan, Rag, Status
from planaction.words import labels
from planaction.words.folding import fold, person_key
from planaction.words.labels import date_text, label, number, percent, word
from planaction.words.safetext import one_line

# ---------------------------------------------------------------------------
# Actions


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
        priority_text=action.priority.label(lang) if action.priority else "",
        progress=100 if action.status == Status.DONE else action.progress,
        rag=assessment.rag,
        rag_text=assessment.rag.label(lang) if assessment.rag else "",
        why=labels.explain(assessment.why, lang),
        overdue_days=rules.days_overdue(action, today),
        imperative=action.imperative,
        stream=action.stream,
    )


def action_rows(plan: Plan, today: dt.date, lang: str) -> list[ActionRow]:
    return [action_row(a, today, lang) for a in plan.actions]


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
}
ACTION_COLUMNS = ("id", "title", "owner", "due", "status", "priority", "progress", "rag")


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

    @property
    def active(self) -> bool:
        return self != RowFilter()

    def describe(self, lang: str) -> str:
        parts = []
        if self.text:
            parts.append(f"« {self.text} »" if lang == "fr" else f'"{self.text}"')
        if self.owner:
            parts.append(f"{word('owner', lang)}: {self.owner}")
        if self.status:
            parts.append(f"{word('status', lang)}: {self.status.label(lang)}")
        if self.overdue:
            parts.append(word("overdue", lang))
        if self.imperative:
            parts.append(word("imperative", lang))
        if self.priority:
            parts.append(f"{word('priority', lang)}: {self.priority.label(lang)}")
        if self.stream:
            parts.append(f"{word('stream', lang)}: {self.stream}")
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


# ---------------------------------------------------------------------------
# Action detail


@dataclass(frozen=True)
class LogLine:
    date: dt.date
    date_text: str
    action_id: str | None
    action_title: str
    result: str
    comment: str
    author: str


def log_lines(plan: Plan, lang: str, *, action_id: str | None = None) -> list[LogLine]:
    """The follow-up log, oldest first (file order within a day)."""
    titles = {a.id: a.title for a in plan.actions}
    lines = [
        LogLine(
            e.date,
            date_text(e.date, lang),
            e.action,
            titles.get(e.action or "", ""),
            e.result,
            e.comment or "",
            e.author or "",
        )
        for e in plan.log
        if action_id is None or e.action == action_id
    ]
    return sorted(lines, key=lambda line: line.date)


def action_detail(plan: Plan, action: Action, today: dt.date, lang: str) -> list[tuple[str, str]]:
    """(label, value) pairs describing an action, in reading order, empty ones left out."""
    fr = lang == "fr"
    assessment = rules.action_rag(action, today)
    stream = next((s.name for s in plan.streams if s.id == action.stream), action.stream)
    objective = next((o.title for o in plan.objectives if o.id == action.objective), action.objective)
    score = rules.priority_score(action)
    pairs = [
        (word("title", lang), action.title),
        (word("rag", lang), labels.verdict(assessment, lang)),
        (word("owner", lang), action.owner),
        (word("co_owners", lang), ", ".join(action.co_owners)),
        (
            word("status", lang),
            f"{action.status.label(lang)} — {action.progress}{' %' if fr else '%'}",
        ),
        (word("start", lang), date_text(action.start, lang)),
        (word("due", lang), date_text(action.due, lang)),
        (word("completed", lang), date_text(action.completed, lang)),
        (word("priority", lang), label(action.priority, lang) if action.priority else ""),
        (
            "Score",
            f"{action.impact} × {action.urgency} / {action.effort} = {number(score, lang)}"
            if score is not None
            else "",
        ),
        (word("imperative", lang), ("oui" if fr else "yes") if action.imperative else ""),
        (word("objective", lang), objective or ""),
        (word("stream", lang), stream or ""),
        (word("indicators", lang), " · ".join(action.indicators)),
        (word("resources", lang), action.resources or ""),
        (
            word("budget", lang),
            labels.money(action.budget, plan.budget.currency if plan.budget else "EUR", lang)
            if action.budget is not None
            else "",
        ),
        ("Compétences" if fr else "Skills", ", ".join(action.skills)),
        ("Partenaires" if fr else "Partners", ", ".join(action.partners)),
        (
            word("origin", lang),
            "; ".join(o.kind.label(lang) + (f" ({o.ref})" if o.ref else "") for o in action.origins),
        ),
        ("Dépend de" if fr else "Depends on", ", ".join(action.depends_on)),
        (word("comment", lang), action.comment or ""),
    ]
    return [(k, v) for k, v in pairs if v]


# ---------------------------------------------------------------------------
# Dashboard


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


def kpi_lines(plan: Plan, lang: str) -> list[KpiLine]:
    lines = []
    for kpi in plan.kpis:
        current = rules.kpi_current(kpi)
        attainment = rules.kpi_attainment(kpi)
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


def _objective_figures(plan: Plan, lang: str) -> str:
    objective = plan.objective
    if objective is None:
        return ""
    parts = [
        number(objective.baseline, lang),
        number(rules.objective_current(plan), lang),
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
        objective_figures=_objective_figures(plan, lang),
        objective_attainment=rules.objective_attainment(plan),
        progress=progress,
        progress_text=percent(progress / 100 if progress is not None else None, lang),
        rag=plan_assessment.rag,
        rag_text=labels.verdict(plan_assessment, lang),
        streams=[(name, a.rag, labels.verdict(a, lang)) for _id, name, a in rules.stream_rags(plan, today)],
        health=score,
        health_text=health_text,
        kpis=kpi_lines(plan, lang),
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
        risks=[(f"{r.id} {r.title}", rules.risk_rag(r), r.mitigation or "") for r in rules.top_risks(plan)],
        milestones=[_milestone(m, today, lang) for m in rules.next_milestones(plan, today)],
        decision=_decision_text(rules.next_decision(plan), lang),
        counts=[(status.label(lang), count) for status, count in rules.counts_by_status(plan).items()],
    )


# ---------------------------------------------------------------------------
# Other registers


@dataclass(frozen=True)
class RiskLine:
    id: str
    title: str
    probability: str
    impact: str
    score: int
    rag: Rag
    mitigation: str
    owner: str
    status: str


def risk_lines(plan: Plan, lang: str) -> list[RiskLine]:
    lines = [
        RiskLine(
            r.id,
            r.title,
            r.probability.label(lang),
            r.impact.label(lang),
            rules.risk_score(r),
            rules.risk_rag(r),
            r.mitigation or "",
            r.owner or "",
            r.status.label(lang),
        )
        for r in plan.risks
    ]
    return sorted(lines, key=lambda line: -line.score)


@dataclass(frozen=True)
class ValueLineView:
    id: str
    hypothesis: str
    indicator: str
    baseline: str
    target: str
    actual: str
    value: float | None
    value_text: str
    roi_text: str
    notes: str


@dataclass(frozen=True)
class ValueSummary:
    lines: list[ValueLineView]
    total_text: str
    budget_text: str
    roi_text: str
    time_to_value: str


def value_summary(plan: Plan, lang: str) -> ValueSummary:
    currency = plan.budget.currency if plan.budget else "EUR"
    lines = []
    for line in plan.value:
        value = rules.value_per_year(line, plan)
        lines.append(
            ValueLineView(
                line.id,
                line.hypothesis,
                line.indicator or "",
                number(line.baseline, lang),
                number(line.target, lang),
                number(line.actual, lang),
                value,
                labels.money(value, currency, lang),
                percent(rules.line_roi(line, plan), lang, signed=True),
                line.notes or "",
            )
        )
    ttv = rules.time_to_value(plan)
    ttv_text = ""
    if ttv is not None:
        ttv_text = f"{ttv.days} j ({ttv.kpi})" if lang == "fr" else f"{ttv.days} days ({ttv.kpi})"
    return ValueSummary(
        lines,
        labels.money(rules.total_value(plan), currency, lang),
        labels.money(plan.budget.amount if plan.budget else None, currency, lang),
        percent(rules.plan_roi(plan), lang, signed=True),
        ttv_text,
    )


@dataclass(frozen=True)
class TimelineItem:
    id: str
    label: str
    start: dt.date
    end: dt.date
    rag: Rag | None
    milestone: bool
    done: bool


def timeline(plan: Plan, today: dt.date) -> list[TimelineItem]:
    """Actions (start..due) and milestones (one day) in date order."""
    items = []
    for a in plan.actions:
        if a.due is None and a.start is None:
            continue
        start = a.start or a.due
        end = a.due or a.start
        items.append(
            TimelineItem(
                a.id,
                a.title,
                start,
                end,
                rules.action_rag(a, today).rag,
                False,
                a.status == Status.DONE,
            )
        )
    for m in plan.milestones:
        items.append(
            TimelineItem(
                m.id,
                m.title,
                m.due,
                m.due,
                None if m.done else (Rag.AMBER if m.due < today else None),
                True,
                m.done,
            )
        )
    return sorted(items, key=lambda i: (i.start, i.end))


#: The longest stretch the timeline draws (about five years); dates beyond it show at its edge.
TIMELINE_MAX_DAYS = 5 * 366


def timeline_window(items: list[TimelineItem], today: dt.date, plan: Plan | None = None) -> tuple[dt.date, dt.date]:
    """The first (a Monday) and last day the timeline draws.

    The plan's dates and today, but no more than ``TIMELINE_MAX_DAYS`` around
    the middle of the plan's dates: a "no end" date (9999-12-31) or a typo year
    (0205) would otherwise stretch the scale over millennia, one cell per
    week. What falls outside is shown at the window's edge with its date.
    """
    dates = sorted(d for item in items for d in (item.start, item.end))
    if plan is not None and plan.period is not None:
        dates = sorted([*dates, plan.period.start, plan.period.end])
    middle = dates[len(dates) // 2] if dates else today
    low, high = middle.toordinal() - TIMELINE_MAX_DAYS // 2, middle.toordinal() + TIMELINE_MAX_DAYS // 2
    inside = [d for d in (*dates, today) if low <= d.toordinal() <= high] or [middle]
    first, last = min(inside), max(inside)
    monday = max(first.toordinal() - first.weekday(), 1)
    return dt.date.fromordinal(monday), last


@dataclass(frozen=True)
class TreeNode:
    label: str
    children: tuple[TreeNode, ...] = ()
    rag: Rag | None = None


def stakes_tree(plan: Plan, today: dt.date, lang: str) -> list[TreeNode]:
    """Stakes -> operational objectives -> actions (orphans under "other")."""

    def action_node(a: Action) -> TreeNode:
        return TreeNode(f"{a.id} {a.title} — {a.owner}", rag=rules.action_rag(a, today).rag)

    def objective_node(objective_id: str, title: str) -> TreeNode:
        actions = tuple(action_node(a) for a in plan.actions if a.objective == objective_id)
        group = rules.aggregate_rag([a for a in plan.actions if a.objective == objective_id], today)
        return TreeNode(f"{objective_id} {title}", actions, group.rag)

    nodes = []
    for stake in plan.stakes:
        objectives = tuple(objective_node(o.id, o.title) for o in plan.objectives if o.stake == stake.id)
        nodes.append(TreeNode(f"{stake.id} {stake.title}", objectives))
    loose = tuple(objective_node(o.id, o.title) for o in plan.objectives if o.stake is None)
    orphans = tuple(action_node(a) for a in plan.actions if a.objective is None)
    if loose or orphans:
        nodes.append(TreeNode("Autres" if lang == "fr" else "Other", loose + orphans))
    return nodes


# ---------------------------------------------------------------------------
# Portfolio


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


def portfolio_row(path: Path, plan: Plan | None, error: str, today: dt.date, lang: str) -> PortfolioRow:
    if plan is None:
        return PortfolioRow(path, path.name, "", "", "", None, "", None, "", 0, "", error)
    assessment = rules.plan_rag(plan, today)
    progress = rules.overall_progress(plan)
    score = rules.health_score(plan)
    period = ""
    if plan.period is not None:
        period = f"{date_text(plan.period.start, lang)} – {date_text(plan.period.end, lang)}"
    return PortfolioRow(
        path,
        plan.title,
        plan.type.label(lang),
        plan.owner,
        period,
        assessment.rag,
        labels.verdict(assessment, lang),
        progress,
        percent(progress / 100 if progress is not None else None, lang),
        len(rules.overdue(plan, today)),
        number(score.score, lang, decimals=0) if score is not None else "",
        "",
        plan,
    )
