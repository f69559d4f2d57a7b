"""What a steering meeting looks at beside the actions: the top risks, the milestones, the next decision.

Pure functions of (plan, today), as ``rules`` is for the actions' RAG and the figures.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from planaction.core.model import DecisionStatus, Level, Milestone, Plan, Rag, Risk, RiskStatus

_LEVEL_POINTS = {Level.LOW: 1, Level.MEDIUM: 2, Level.HIGH: 3}


def risk_score(risk: Risk) -> int:
    """Probability x impact, 1 to 9 (L=1, M=2, H=3)."""
    return _LEVEL_POINTS[risk.probability] * _LEVEL_POINTS[risk.impact]


def risk_rag(risk: Risk) -> Rag:
    score = risk_score(risk)
    return Rag.RED if score >= 6 else Rag.AMBER if score >= 3 else Rag.GREEN


def top_risks(plan: Plan, count: int = 3) -> list[Risk]:
    """The open risks with the highest probability x impact, in file order on ties."""
    live = [r for r in plan.risks if r.status in (RiskStatus.OPEN, RiskStatus.OCCURRED)]
    return sorted(live, key=lambda r: -risk_score(r))[:count]


def overdue_milestones(plan: Plan, today: dt.date) -> list[tuple[Milestone, int]]:
    late = [(m, (today - m.due).days) for m in plan.milestones if not m.done and m.due < today]
    return sorted(late, key=lambda pair: -pair[1])


def next_milestones(plan: Plan, today: dt.date, count: int = 3) -> list[Milestone]:
    """Milestones not reached yet, soonest first (late ones included)."""
    pending = [m for m in plan.milestones if not m.done]
    return sorted(pending, key=lambda m: m.due)[:count]


def next_decision(plan: Plan) -> Any:
    """The expected decision due first (undated ones last)."""
    expected = [d for d in plan.decisions if d.status == DecisionStatus.EXPECTED]
    if not expected:
        return None
    return min(expected, key=lambda d: (d.due is None, d.due or dt.date.max))
