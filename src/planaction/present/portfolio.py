"""The portfolio: one row per plan file of a folder (title, type, owner, period, RAG, progress, overdue,
health), or the first problem of a plan that does not validate."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from planaction.core import rules
from planaction.core.model import Plan, Rag
from planaction.words import labels
from planaction.words.labels import date_text, number, percent


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
