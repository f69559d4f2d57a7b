"""The plan's registers as faces show them: risks (highest score first) and the value ledger with its
totals, ROI and time to value."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planaction.core import rules, watchlist
from planaction.core.model import Plan, Rag
from planaction.words import labels
from planaction.words.labels import number, percent
from planaction.words.report import say


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

    @property
    def key(self) -> str:
        """What the register tab names it by (its id)."""
        return self.id


def risk_lines(plan: Plan, lang: str) -> list[RiskLine]:
    lines = [
        RiskLine(
            r.id,
            r.title,
            r.probability.label(lang),
            r.impact.label(lang),
            watchlist.risk_score(r),
            watchlist.risk_rag(r),
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
    kpi: str = ""
    gap: str = ""  # seed 003's "Écart": actual - target, signed (+0,1)

    @property
    def key(self) -> str:
        """What the register tab names it by (its id)."""
        return self.id


@dataclass(frozen=True)
class ValueSummary:
    lines: list[ValueLineView]
    total_text: str
    budget_text: str
    roi_text: str
    time_to_value: str


def _signed(value: float | None, lang: str) -> str:
    if value is None:
        return ""
    return ("+" if value > 0 else "−" if value < 0 else "") + number(abs(value), lang)


def value_summary(plan: Plan, lang: str, today: dt.date | None = None) -> ValueSummary:
    """The ledger as of ``today``: each line's actual follows its KPI's latest measurement."""
    currency = plan.budget.currency if plan.budget else "EUR"
    lines = []
    for line in plan.value:
        value = rules.value_per_year(line, plan, today)
        lines.append(
            ValueLineView(
                line.id,
                line.hypothesis,
                line.indicator or "",
                number(line.baseline, lang),
                number(line.target, lang),
                number(rules.line_actual(line, plan, today), lang),
                value,
                labels.money(value, currency, lang),
                percent(rules.line_roi(line, plan, today), lang, signed=True),
                line.notes or "",
                line.kpi or "",
                _signed(rules.line_gap(line, plan, today), lang),
            )
        )
    ttv = rules.time_to_value(plan)
    ttv_text = ""
    if ttv is not None:
        ttv_text = say("time_to_value", lang, days=ttv.days, kpi=ttv.kpi)
    return ValueSummary(
        lines,
        labels.money(rules.total_value(plan, today), currency, lang),
        labels.money(plan.budget.amount if plan.budget else None, currency, lang),
        percent(rules.plan_roi(plan, today), lang, signed=True),
        ttv_text,
    )
