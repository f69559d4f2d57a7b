"""The value ledger's figures (seed 003's Value Ledger), which follow the KPIs' measurements.

A ledger line linked to a KPI takes its actual from the KPI's latest measurement: a team records
a measurement once (``m`` in the app, a row in the workbook), and the ledger, its value per year,
the total and the ROI follow, rather than keeping the figure typed the month before. Every figure
is as of ``today``: a measurement dated after it is not current yet (``today=None``: every
measurement counts, for callers that show the plan as written). Pure functions, like ``rules``,
which reads these names for its callers.
"""

from __future__ import annotations

import datetime as dt
import math

from planaction.core.model import Direction, Kpi, Plan, ValueLine


def _finite(value: float | None) -> float | None:
    """A computed figure, or None when it overflowed: plan figures are finite, but their
    products and ratios can pass 1.8e308 (a target a hair from its baseline, huge volumes)."""
    return value if value is None or math.isfinite(value) else None


def latest(kpi: Kpi, today: dt.date | None = None) -> float | None:
    """The KPI's latest measurement by date, as of ``today``."""
    current = [m for m in kpi.measurements if today is None or m.date <= today]
    if not current:
        return None
    return max(current, key=lambda m: m.date).value


def attainment(baseline: float | None, target: float | None, current: float | None) -> float | None:
    """Share of the way from baseline to target: 0 at the baseline, 1 at the target."""
    if baseline is None or target is None or current is None or target == baseline:
        return None
    return _finite((current - baseline) / (target - baseline))


def reached(direction: Direction, value: float, target: float) -> bool:
    return value >= target if direction == Direction.UP else value <= target


def _line_direction(line: ValueLine, plan: Plan) -> Direction | None:
    if line.direction is not None:
        return line.direction
    if line.kpi:
        kpi = plan.kpi(line.kpi)
        if kpi is not None:
            return kpi.direction
    if line.baseline is not None and line.target is not None and line.target != line.baseline:
        return Direction.UP if line.target > line.baseline else Direction.DOWN
    return None


def line_actual(line: ValueLine, plan: Plan, today: dt.date | None = None) -> float | None:
    """The value reached: its KPI's latest measurement when it has one, else the line's ``actual``."""
    kpi = plan.kpi(line.kpi) if line.kpi else None
    measured = latest(kpi, today) if kpi is not None else None
    return measured if measured is not None else line.actual


def line_gap(line: ValueLine, plan: Plan, today: dt.date | None = None) -> float | None:
    """Seed 003's "Écart": actual - target (+0.1 h/file left to gain, -1 point of conversion)."""
    actual = line_actual(line, plan, today)
    if actual is None or line.target is None:
        return None
    return _finite(round(actual - line.target, 6))


def unit_gain(line: ValueLine, plan: Plan, today: dt.date | None = None) -> float | None:
    """The stated unit gain, or the gap from baseline to actual in the right direction."""
    if line.unit_gain is not None:
        return line.unit_gain
    direction = _line_direction(line, plan)
    actual = line_actual(line, plan, today)
    if line.baseline is None or actual is None or direction is None:
        return None
    return _finite(line.baseline - actual if direction == Direction.DOWN else actual - line.baseline)


def value_per_year(line: ValueLine, plan: Plan, today: dt.date | None = None) -> float | None:
    """Unit gain x volume x margin, or the value stated on the line."""
    gain = unit_gain(line, plan, today)
    if gain is not None and line.volume is not None and line.margin is not None:
        return _finite(round(gain * line.volume * line.margin, 2))
    return line.value_per_year


def total_value(plan: Plan, today: dt.date | None = None) -> float | None:
    values = [v for line in plan.value if (v := value_per_year(line, plan, today)) is not None]
    return _finite(round(sum(values), 2)) if values else None


def roi(value: float | None, budget: float | None) -> float | None:
    """(value - budget) / budget, as a ratio (14.2 = +1,420 %)."""
    if value is None or not budget:
        return None
    return _finite((value - budget) / budget)


def plan_roi(plan: Plan, today: dt.date | None = None) -> float | None:
    """The whole ledger's ROI: the total value per year against the plan's budget."""
    return roi(total_value(plan, today), plan.budget.amount if plan.budget else None)


def line_roi(line: ValueLine, plan: Plan, today: dt.date | None = None) -> float | None:
    """The one-line mini-case ROI: the plan's budget against this value line alone."""
    return roi(value_per_year(line, plan, today), plan.budget.amount if plan.budget else None)
