"""The report as JSON, for scripts: every figure with its code (``red``, ``done``), dates in ISO form,
all open actions (not only those that fit on a page)."""

from __future__ import annotations

from typing import Any

from planaction import store
from planaction.core import rules, watchlist
from planaction.core.model import Rag
from planaction.present.dashboard import FiredLine
from planaction.report import cooperation, improvement
from planaction.report.build import PlanReport, PortfolioReport, Report
from planaction.words.safetext import json_text


def _rag(rag: Rag | None) -> str | None:
    return rag.value if rag else None


def _round(value: float | None, digits: int) -> float | None:
    """Ratios and percentages without float noise (0.9500000000000002)."""
    return round(value, digits) if value is not None else None


def plan_json(report: PlanReport) -> dict[str, Any]:
    plan, board = report.plan, report.board
    objective = None
    if plan.objective is not None:
        objective = {
            "statement": plan.objective.statement,
            "unit": plan.objective.unit,
            "baseline": plan.objective.baseline,
            "current": rules.objective_current(plan, report.today),
            "target": plan.objective.target,
            "deadline": plan.objective.deadline.isoformat() if plan.objective.deadline else None,
            "attainment": _round(board.objective_attainment, 4),
        }
    decision = watchlist.next_decision(plan)
    return {
        "kind": "plan",
        "file": report.file,
        "id": store.plan_id(plan, report.file),
        "title": plan.title,
        "type": plan.type.value,
        "owner": report.owner,
        "sponsor": plan.sponsor,
        # only for a closed plan: an open plan's report reads as it always did
        **(
            {"status": plan.status.value, "closed_on": plan.closed_on.isoformat() if plan.closed_on else None}
            if plan.closed
            else {}
        ),
        "today": report.today.isoformat(),
        "rag": _rag(board.rag),
        "rag_text": board.rag_text,
        "progress": _round(board.progress, 1),
        "objective": objective,
        "health": {"score": board.health.score, "rag": _rag(board.health.rag)} if board.health else None,
        "streams": [{"name": name, "rag": _rag(level), "text": text} for name, level, text in board.streams],
        "kpis": [
            {
                "id": k.id,
                "name": k.name,
                "unit": k.unit or None,
                "baseline": plan.kpi(k.id).baseline,
                "current": rules.kpi_current(plan.kpi(k.id), report.today),
                "target": plan.kpi(k.id).target,
                "attainment": _round(k.attainment, 4),
                "trend": k.trend,
                "reached": k.reached,
            }
            for k in board.kpis
        ],
        "open_actions": [
            {
                "id": a.id,
                "title": a.title,
                "owner": a.owner,
                "co_owners": list(a.co_owners),
                "due": a.due.isoformat() if a.due else None,
                "status": a.status,
                "progress": a.progress,
                "rag": _rag(a.rag),
                "why": a.why,
                **(
                    {
                        "baseline_due": a.baseline_due.isoformat() if a.baseline_due else None,
                        "slipped_days": a.slipped_days,
                        "replanned": a.replanned,
                    }
                    if report.baseline is not None
                    else {}
                ),
                "priority_score": _round(a.score, 2),
            }
            for a in report.open_actions
        ],
        "playbooks": [_fired(line) for line in report.board.playbooks],
        "top_risks": [
            {
                "id": r.id,
                "title": r.title,
                "score": watchlist.risk_score(r),
                "rag": watchlist.risk_rag(r).value,
                "mitigation": r.mitigation,
            }
            for r in watchlist.top_risks(plan)
        ],
        "next_milestones": [
            {"id": m.id, "title": m.title, "due": m.due.isoformat(), "late": m.due < report.today}
            for m in watchlist.next_milestones(plan, report.today)
        ],
        "next_decision": (
            {
                "id": decision.id,
                "title": decision.title,
                "owner": decision.owner,
                "due": decision.due.isoformat() if decision.due else None,
            }
            if decision
            else None
        ),
        "value": value_json(report) if plan.value else None,
        **improvement.json_data(report),  # the improvement loop: only the parts the plan has
        "since": {"revision": report.since[0], "changes": report.since[1]} if report.since else None,
        **({"baseline": report.baseline} if report.baseline is not None else {}),
        # cooperation across structures (seed 004): ``structures`` always, a list (empty without any)
        "structures": cooperation.structures_json(report.cooperation),
        "cooperation": cooperation.cooperation_json(report.cooperation),
        **({"structure": report.structure} if report.structure is not None else {}),
    }


def _fired(line: FiredLine) -> dict[str, Any]:
    """A fired playbook: which (its position, signal and level), why, what to do, who, by when."""
    hit, book = line.fired, line.fired.playbook
    return {
        "index": hit.index,
        "signal": book.signal,
        "level": book.level.value,
        "trigger": book.trigger,
        "reason": line.reason,
        "action": book.action,
        "owner": book.owner,
        "since": hit.since.isoformat(),
        "due": hit.due.isoformat() if hit.due else None,
        "late_days": line.late_days,
        "handled_by": hit.handled_by,
    }


def value_json(report: PlanReport) -> dict[str, Any]:
    """The value ledger as of the report's day: each line's actual from its KPI's latest measurement,
    its gap to target (seed 003's "Écart"), its value per year; the total, the budget and the ROI of
    the whole ledger (each line's own ``roi`` is the one-line mini-case: the budget against it alone)."""
    plan, today = report.plan, report.today
    return {
        "lines": [
            {
                "id": line.id,
                "hypothesis": line.hypothesis,
                "kpi": line.kpi,
                "indicator": line.indicator,
                "baseline": line.baseline,
                "target": line.target,
                "actual": rules.line_actual(line, plan, today),
                "gap": rules.line_gap(line, plan, today),
                "value_per_year": rules.value_per_year(line, plan, today),
                "roi": _round(rules.line_roi(line, plan, today), 4),
            }
            for line in plan.value
        ],
        "total_per_year": rules.total_value(plan, today),
        "budget": plan.budget.amount if plan.budget else None,
        "currency": plan.budget.currency if plan.budget else None,
        "roi": _round(rules.plan_roi(plan, today), 4),
    }


def portfolio_json(report: PortfolioReport) -> dict[str, Any]:
    plans = []
    for r in report.rows:
        plan = r.plan
        score = rules.health_score(plan) if plan is not None else None
        plans.append(
            {
                "file": str(r.path),
                "id": store.plan_id(plan, r.path) if plan else None,
                "title": plan.title if plan else None,
                "type": plan.type.value if plan else None,
                "owner": r.owner if plan else None,
                "start": plan.period.start.isoformat() if plan and plan.period else None,
                "end": plan.period.end.isoformat() if plan and plan.period else None,
                "rag": _rag(r.rag),
                "rag_text": r.rag_text or None,
                "progress": _round(r.progress, 1),
                "overdue": r.overdue if plan else None,
                "health": score.score if score is not None else None,
                "error": r.error or None,
                "since": report.since.get(str(r.path)) if report.since_rev else None,
            }
        )
    return {
        "kind": "portfolio",
        "folder": report.folder,
        "today": report.today.isoformat(),
        "plans": plans,
        "since_revision": report.since_rev,
    }


def data(report: Report) -> dict[str, Any]:
    """The report as plain data (what ``render`` serialises)."""
    return plan_json(report) if isinstance(report, PlanReport) else portfolio_json(report)


def render(report: Report) -> str:
    return json_text(data(report))
