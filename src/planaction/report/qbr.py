"""What the QBR pack says (seed 003's five slides), decided once from the steering report.

The deck (``export_pptx``) only lays this out: the highlights, the decisions expected, which KPIs
show adoption, each KPI's gap comment, the streams' progress, the blockers, the milestones and the
next priorities are chosen here from ``build.PlanReport`` (itself from ``views`` and ``rules``), so
that the deck and the other faces cannot disagree on a figure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planaction.core import rules, watchlist
from planaction.core.model import Level, Plan, Rag, Status
from planaction.present import views
from planaction.report.build import OpenAction, PlanReport
from planaction.words.decks import say
from planaction.words.folding import fold
from planaction.words.labels import date_text, number

#: Items per list on a slide: seed 003 asks for three highlights and three decisions.
THREE = 3
#: Open actions listed as priorities, milestones on the roadmap, blockers.
PRIORITIES = 6
MILESTONES = 8
BLOCKERS = 4
#: Words that mark a KPI of use (active users, depth of use) when no stream is called adoption.
ADOPTION_WORDS = ("adoption", "actif", "active", "usage", "utilisat", "user")


@dataclass(frozen=True)
class KpiSeries:
    """One KPI's measurements for a chart: dates and values."""

    id: str
    name: str
    unit: str
    points: tuple[tuple[dt.date, float], ...]


@dataclass(frozen=True)
class StreamLine:
    name: str
    rag: Rag | None
    rag_text: str
    progress: float | None  # 0..1
    open: int
    blocked: int


@dataclass(frozen=True)
class MilestoneLine:
    date: str
    title: str
    state: str
    state_key: str  # ms_done, ms_late, ms_next
    criteria: str


@dataclass(frozen=True)
class Qbr:
    title: str
    footer: str
    rag: Rag | None
    rag_line: str
    status_lines: list[str]
    highlights: list[str]
    decisions: list[str]
    adoption: list[KpiSeries]
    adoption_note: str
    kpis: list[views.KpiLine]
    gaps: list[str]  # one per KPI, in order
    value_line: str
    streams: list[StreamLine]
    risks: list[views.RiskLine]
    blockers: list[str]
    milestones: list[MilestoneLine]
    priorities: list[OpenAction]


def _plural(key: str, many: int, lang: str, **values: object) -> str:
    return say(f"{key}_one" if many <= 1 else f"{key}_many", lang, **values)


def highlights(report: PlanReport) -> list[str]:
    """Three facts a sponsor remembers: the objective's figures, what was done, what was reached."""
    plan, board, lang, today = report.plan, report.board, report.lang, report.today
    found: list[str] = []
    if board.objective_figures:
        found.append(say("hl_objective", lang, figures=board.objective_figures))
    live = [a for a in plan.actions if a.status != Status.CANCELLED]
    if live:
        done = sum(1 for a in live if a.status == Status.DONE)
        found.append(_plural("hl_done", done, lang, done=done, total=len(live), progress=board.progress_text))
    reached = sorted(
        (m for m in plan.milestones if m.done and (m.done_on or m.due) <= today),
        key=lambda m: m.done_on or m.due,
        reverse=True,
    )
    if reached:
        m = reached[0]
        found.append(say("hl_milestone", lang, date=date_text(m.done_on or m.due, lang), title=m.title))
    for kpi in board.kpis:
        if kpi.reached and len(found) < THREE:
            found.append(say("hl_kpi", lang, name=kpi.name, current=f"{kpi.current} {kpi.unit}".strip()))
    if board.overdue and len(found) < THREE:
        found.append(_plural("hl_overdue", len(board.overdue), lang, count=len(board.overdue)))
    latest = sorted((e for e in plan.log if e.date <= today), key=lambda e: e.date, reverse=True)
    for entry in latest:
        if len(found) >= THREE:
            break
        found.append(say("hl_log", lang, date=date_text(entry.date, lang), result=entry.result))
    return found[:THREE] or [say("hl_none", lang)]


def decisions(plan: Plan, lang: str) -> list[str]:
    """The decisions expected, soonest first; the plan's recommendations fill the three places left."""
    expected = [d for d in plan.decisions if d.status.value == "expected"]
    expected.sort(key=lambda d: (d.due is None, d.due or dt.date.max))
    lines = []
    for d in expected[:THREE]:
        who = d.owner or plan.sponsor or plan.owner
        if d.due is not None:
            lines.append(say("decision_line", lang, title=d.title, who=who, date=date_text(d.due, lang)))
        else:
            lines.append(say("decision_undated", lang, title=d.title, who=who))
    for text in plan.recommendations[: THREE - len(lines)]:
        lines.append(say("recommendation", lang, text=text))
    return lines or [say("decision_none", lang)]


def _series(plan: Plan, ids: list[str], today: dt.date) -> list[KpiSeries]:
    found = []
    for kpi in plan.kpis:
        if kpi.id in ids:
            points = tuple(sorted((m.date, m.value) for m in kpi.measurements if m.date <= today))
            if points:
                found.append(KpiSeries(kpi.id, kpi.name, kpi.unit or "", points))
    return found


def adoption(plan: Plan, today: dt.date, lang: str) -> tuple[list[KpiSeries], str]:
    """The KPIs of use: those of a stream called adoption, else those whose name speaks of use,
    else every measured KPI (and a note that says so)."""
    streams = {s.id for s in plan.streams if "adoption" in fold(f"{s.id} {s.name}")}
    ids = [k.id for k in plan.kpis if k.stream in streams]
    if not ids:
        ids = [k.id for k in plan.kpis if any(w in fold(k.name) for w in ADOPTION_WORDS)]
    found = _series(plan, ids, today)
    if found:
        return found, ""
    found = _series(plan, [k.id for k in plan.kpis], today)
    return found, say("adoption_all_kpis" if found else "adoption_none", lang)


def gap_comment(line: views.KpiLine, plan: Plan, today: dt.date, lang: str) -> str:
    """What the committee reads beside a KPI: reached, or how far from the target, and the latest comment."""
    kpi = plan.kpi(line.id)
    current = rules.kpi_current(kpi, today) if kpi is not None else None
    if kpi is None or current is None:
        return say("gap_unmeasured", lang)
    if line.reached:
        text = say("gap_reached", lang)
    elif kpi.target is not None:
        gap = kpi.target - current
        sign = "+" if gap > 0 else "−"
        text = say("gap_left", lang, gap=f"{sign}{number(abs(gap), lang)} {kpi.unit or ''}".strip())
    else:
        text = ""
    said = [m for m in kpi.measurements if m.date <= today and m.comment]
    if said:
        note = max(said, key=lambda m: m.date).comment or ""
        text = f"{text} — {note}" if text else note
    return text


def streams(plan: Plan, report: PlanReport) -> list[StreamLine]:
    """Progress by stream (the whole plan when it has none): the initiatives' advance and blockages."""
    groups: list[tuple[str, str | None, Rag | None, str]] = [
        (name, sid, rag, text)
        for (sid, (name, rag, text)) in zip((s.id for s in plan.streams), report.board.streams, strict=True)
    ]
    if not groups:
        groups = [(say("overall", report.lang), None, report.board.rag, report.board.rag_text)]
    lines = []
    for name, sid, rag, text in groups:
        actions = [a for a in plan.actions if (sid is None or a.stream == sid) and a.status != Status.CANCELLED]
        values = [100 if a.status == Status.DONE else a.progress for a in actions]
        lines.append(
            StreamLine(
                name,
                rag,
                text,
                sum(values) / len(values) / 100 if values else None,
                sum(1 for a in actions if rules.is_open(a)),
                sum(1 for a in actions if a.status == Status.BLOCKED),
            )
        )
    return lines


def blockers(report: PlanReport) -> list[str]:
    """Blocked actions first, then the most overdue: what the committee must unblock."""
    lang = report.lang
    first = [a for a in report.open_actions if a.status == Status.BLOCKED.value]
    late = [a for a in report.open_actions if a.status != Status.BLOCKED.value and a.rag == Rag.RED]
    return [
        say("blocker_line", lang, id=a.id, title=a.title, owner=a.owner, why=a.why or a.status_text)
        for a in (first + late)[:BLOCKERS]
    ]


def milestones(plan: Plan, today: dt.date, lang: str) -> list[MilestoneLine]:
    """The roadmap: milestones by date, the next ones kept when there are many."""
    ordered = sorted(plan.milestones, key=lambda m: m.due)
    pending = [i for i, m in enumerate(ordered) if not m.done]
    start = max(0, min(pending[0] if pending else len(ordered), len(ordered) - MILESTONES) - 1)
    lines = []
    for m in ordered[start : start + MILESTONES]:
        key = "ms_done" if m.done else ("ms_late" if m.due < today else "ms_next")
        lines.append(MilestoneLine(date_text(m.due, lang), m.title, say(key, lang), key, m.criteria or ""))
    return lines


def priorities(report: PlanReport) -> list[OpenAction]:
    """The next actions: imperative and high priority first, then by score and due date."""
    plan = report.plan
    weight = {a.id: (not a.imperative, a.priority != Level.HIGH) for a in plan.actions}
    ranked = sorted(
        report.open_actions,
        key=lambda a: (*weight.get(a.id, (True, True)), -(a.score or 0), a.due or dt.date.max),
    )
    return ranked[:PRIORITIES]


def _top_risks(plan: Plan, lang: str) -> list[views.RiskLine]:
    """The three open risks ``watchlist.top_risks`` picks, as the register shows them."""
    top = [r.id for r in watchlist.top_risks(plan, THREE)]
    lines = {line.id: line for line in views.risk_lines(plan, lang)}
    return [lines[i] for i in top if i in lines]


def qbr(report: PlanReport) -> Qbr:
    plan, board, lang, today = report.plan, report.board, report.lang, report.today
    status_lines = [say("progress_line", lang, progress=board.progress_text)] if board.progress_text else []
    if board.health_text:
        status_lines.append(say("health_line", lang, score=board.health_text))
    value = report.value
    value_line = (
        say("value_total", lang, total=value.total_text, budget=value.budget_text, roi=value.roi_text)
        if value is not None and value.total_text
        else ""
    )
    series, note = adoption(plan, today, lang)
    return Qbr(
        title=plan.title,
        footer=say("footer", lang, title=plan.title, date=date_text(today, lang)),
        rag=board.rag,
        rag_line=say("plan_rag", lang, rag=board.rag.label(lang) if board.rag else say("rag_unknown", lang)),
        status_lines=status_lines,
        highlights=highlights(report),
        decisions=decisions(plan, lang),
        adoption=series,
        adoption_note=note,
        kpis=board.kpis,
        gaps=[gap_comment(line, plan, today, lang) for line in board.kpis],
        value_line=value_line,
        streams=streams(plan, report),
        risks=_top_risks(plan, lang),
        blockers=blockers(report),
        milestones=milestones(plan, today, lang),
        priorities=priorities(report),
    )
