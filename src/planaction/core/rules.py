"""What a plan's figures say: RAG, progress, scores, attainment, value, ROI.

Pure functions of (plan, today): no clock is read here, nothing is printed.
Each judgement comes with its reason as a ``Why`` (a code and its figures),
which ``labels.explain`` turns into a sentence in French or English, so the
same reason reads "red: 5 days overdue" or "rouge : 5 jours de retard".
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

from planaction.core import judging, watchlist
from planaction.core.checks import playbook_subjects
from planaction.core.model import (
    Action,
    Direction,
    Frequency,
    Kpi,
    Plan,
    Playbook,
    Rag,
    Status,
)
from planaction.core.value import (  # noqa: F401 - the ledger's figures, read as ``rules.value_per_year``
    attainment,
    latest,
    line_actual,
    line_gap,
    line_roi,
    plan_roi,
    reached,
    roi,
    total_value,
    unit_gain,
    value_per_year,
)
from planaction.message import Message, say

#: Days ahead that count as "due soon".
DUE_SOON_DAYS = 7
#: Points of progress an action may lag behind its schedule before it turns amber.
SCHEDULE_TOLERANCE = 25
#: Share of red actions from which a stream or a plan is red.
RED_SHARE = 0.25
#: Seed 003's playbook "Valeur 🟠 KPI métier < 70 % cible": a KPI below this share of its target
#: keeps its stream and the plan from green.
KPI_AMBER_SHARE = 0.7
#: The days of a frequency's period, for lateness.
FREQUENCY_DAYS = {
    Frequency.DAILY: 1,
    Frequency.WEEKLY: 7,
    Frequency.BIWEEKLY: 14,
    Frequency.MONTHLY: 31,
    Frequency.QUARTERLY: 92,
    Frequency.YEARLY: 366,
}
OPEN_STATUSES = (Status.TODO, Status.IN_PROGRESS, Status.BLOCKED)
_RAG_ORDER = {Rag.GREEN: 0, Rag.AMBER: 1, Rag.RED: 2}


@dataclass(frozen=True)
class Why:
    """A reason: a code (see ``labels.explain``) and the figures it quotes."""

    code: str
    args: tuple[tuple[str, Any], ...] = ()

    @staticmethod
    def of(code: str, **args: Any) -> Why:
        return Why(code, tuple(args.items()))

    def get(self, name: str, default: Any = None) -> Any:
        return dict(self.args).get(name, default)


@dataclass(frozen=True)
class Assessment:
    """A RAG level (None when it does not apply, e.g. cancelled) and why."""

    rag: Rag | None
    why: Why


def worst(*levels: Rag | None) -> Rag | None:
    present = [lvl for lvl in levels if lvl is not None]
    return max(present, key=_RAG_ORDER.__getitem__) if present else None


# ---------------------------------------------------------------------------
# Actions


def is_open(action: Action) -> bool:
    return action.status in OPEN_STATUSES


def days_overdue(action: Action, today: dt.date) -> int | None:
    if is_open(action) and action.due is not None and action.due < today:
        return (today - action.due).days
    return None


def expected_progress(action: Action, today: dt.date) -> int | None:
    """Progress expected by today if work went evenly from start to due."""
    if action.start is None or action.due is None or today <= action.start:
        return None
    span = (action.due - action.start).days
    if span <= 0:
        return 100
    return min(100, round((today - action.start).days / span * 100))


def action_rag(action: Action, today: dt.date, *, due_soon_days: int = DUE_SOON_DAYS) -> Assessment:
    """Red, amber or green for one action, with its reason (judged once within ``judging.judged_once``)."""
    return judging.remembered(action, (today, due_soon_days), _action_rag, action, today, due_soon_days)


def _action_rag(action: Action, today: dt.date, due_soon_days: int) -> Assessment:
    if action.status == Status.CANCELLED:
        return Assessment(None, Why.of("cancelled"))
    if action.status == Status.DONE:
        if action.completed and action.due and action.completed > action.due:
            return Assessment(
                Rag.GREEN,
                Why.of("done_late", date=action.completed, days=(action.completed - action.due).days),
            )
        return Assessment(Rag.GREEN, Why.of("done", date=action.completed))
    if action.status == Status.BLOCKED:
        return Assessment(Rag.RED, Why.of("blocked"))
    late = days_overdue(action, today)
    if late is not None:
        return Assessment(Rag.RED, Why.of("overdue", days=late))
    if action.due is None:
        return Assessment(Rag.AMBER, Why.of("no_due_date"))
    if action.due == today:
        return Assessment(Rag.AMBER, Why.of("due_today", progress=action.progress))
    if action.status == Status.TODO and action.start is not None and action.start < today:
        return Assessment(Rag.AMBER, Why.of("not_started", days=(today - action.start).days))
    expected = expected_progress(action, today)
    if expected is not None and action.progress + SCHEDULE_TOLERANCE < expected:
        return Assessment(Rag.AMBER, Why.of("behind", progress=action.progress, expected=expected))
    due_in = (action.due - today).days
    if expected is None and due_in <= due_soon_days and action.progress < 50:
        return Assessment(Rag.AMBER, Why.of("due_soon_low", days=due_in, progress=action.progress))
    if action.start is not None and action.start > today:
        return Assessment(Rag.GREEN, Why.of("starts_later", days=(action.start - today).days))
    return Assessment(Rag.GREEN, Why.of("on_track", days=due_in))


def aggregate_rag(actions: list[Action] | tuple[Action, ...], today: dt.date) -> Assessment:
    """The RAG of a group of actions (a stream, a plan).

    Red when an imperative action is red or a quarter of the actions are red;
    amber when any action is red or amber; green otherwise.
    """
    judged = [(a, action_rag(a, today)) for a in actions]
    counted = [(a, r) for a, r in judged if r.rag is not None]
    if not counted:
        return Assessment(None, Why.of("no_actions"))
    red = [a.id for a, r in counted if r.rag == Rag.RED]
    amber = [a.id for a, r in counted if r.rag == Rag.AMBER]
    imperative_red = [a.id for a, r in counted if r.rag == Rag.RED and a.imperative]
    total = len(counted)
    if imperative_red:
        return Assessment(Rag.RED, Why.of("imperative_red", ids=", ".join(imperative_red)))
    if red and len(red) >= RED_SHARE * total:
        return Assessment(Rag.RED, Why.of("share_red", red=len(red), total=total, ids=", ".join(red[:5])))
    if red or amber:
        return Assessment(Rag.AMBER, Why.of("some_at_risk", red=len(red), amber=len(amber), total=total))
    return Assessment(Rag.GREEN, Why.of("all_on_track", total=total))


def kpi_rag(plan: Plan, kpis: list[Kpi] | tuple[Kpi, ...], today: dt.date) -> Assessment | None:
    """The level of a fired playbook that watches one of ``kpis`` (with its reason); else amber, with
    the KPI that says so, when a KPI measured by ``today`` is below 70 % of its target
    (seed 003's playbook "Valeur 🟠 KPI métier < 70 % cible"), the target taken pro rata of the time
    from the plan's start to the KPI's deadline (else the plan's end): a KPI due next year is not
    behind for being halfway today. None when every measured KPI is above it."""
    fired = _kpi_playbooks(plan, kpis, today)
    if fired is not None:
        return fired
    start = kickoff(plan)
    for kpi in kpis:
        current = kpi_current(kpi, today)
        if current is None or not kpi.target:
            continue
        share = attainment(kpi.baseline, kpi.target, current)
        if share is None:  # no baseline: the value against its target, as the seed's playbook says
            share = current / kpi.target if kpi.direction == Direction.UP else kpi.target / current if current else 1.0
        if not math.isfinite(share):  # figures near the float's limit: no judgement rather than a wrong one
            continue
        expected = KPI_AMBER_SHARE * elapsed_share(plan, kpi, today, start)
        if share < expected:
            return Assessment(
                Rag.AMBER,
                Why.of("kpi_below", id=kpi.id, share=round(max(-1e6, share * 100)), expected=round(expected * 100)),
            )
    return None


def elapsed_share(plan: Plan, kpi: Kpi, today: dt.date, start: dt.date | None = None) -> float:
    """The share of its time a KPI has had, from the plan's start to the KPI's deadline (else the
    plan's end): what a target is taken pro rata of, so that a KPI due next year is not behind for
    being halfway today. 1 when either end is unknown."""
    start = start or kickoff(plan)
    end = kpi.deadline or (plan.period.end if plan.period else None)
    if start is None or end is None or end <= start:
        return 1.0
    return min(1.0, max(0.0, (today - start).days / (end - start).days))


def _kpi_playbooks(plan: Plan, kpis: list[Kpi] | tuple[Kpi, ...], today: dt.date) -> Assessment | None:
    """The worst level of the playbooks that watch one of ``kpis`` alone and fire on ``today``."""
    watched = {kpi.id: kpi for kpi in kpis}
    found: list[Assessment] = []
    for book in plan.playbooks:
        kpi = watched.get(book.kpi or "")
        if kpi is None or playbook_subjects(book) != ["kpi"]:
            continue
        hit = kpi_playbook_hit(plan, kpi, book, today)
        if hit is not None:
            found.append(Assessment(book.level, Why.of("playbook", signal=book.signal, reason=hit[0])))
    level = worst(*(a.rag for a in found))
    return next((a for a in found if a.rag == level), None)


def kpi_playbook_hit(plan: Plan, kpi: Kpi, playbook: Playbook, today: dt.date) -> tuple[Message, dt.date] | None:
    """Whether a playbook watching ``kpi`` fires on ``today``: why, and since when (the date of the
    measurement that crossed its threshold). Here rather than in ``playbooks`` because a KPI's
    playbook also colours its stream and the plan (``kpi_rag``)."""
    measured = [m for m in kpi.measurements if m.date <= today]
    if not measured:
        return None
    last = max(measured, key=lambda m: m.date)
    value = say("figure", value=last.value, unit=kpi.unit)
    if playbook.below is not None and last.value < playbook.below:
        threshold = say("figure", value=playbook.below, unit=kpi.unit)
        return say("playbook.kpi_below", id=kpi.id, value=value, threshold=threshold), last.date
    if playbook.above is not None and last.value > playbook.above:
        threshold = say("figure", value=playbook.above, unit=kpi.unit)
        return say("playbook.kpi_above", id=kpi.id, value=value, threshold=threshold), last.date
    if playbook.attainment_below is not None and kpi.target:
        share = attainment(kpi.baseline, kpi.target, last.value)
        if share is None:  # no baseline: the value against its target, as the seed's "< 70 % cible" says
            up = kpi.direction == Direction.UP
            share = last.value / kpi.target if up else (kpi.target / last.value if last.value else 1.0)
        # pro rata of the KPI's time as of today, as its RAG is: a KPI at 30 % a month into three is not failing
        expected = playbook.attainment_below * elapsed_share(plan, kpi, today)
        if math.isfinite(share) and share * 100 < expected:
            said = say(
                "playbook.kpi_attainment",
                id=kpi.id,
                share=round(max(-1e6, share * 100)),
                expected=round(expected),
                threshold=say("figure", value=playbook.attainment_below),
            )
            return said, _falling_behind(plan, kpi, last.date, share * 100 / playbook.attainment_below)
    return None


def _falling_behind(plan: Plan, kpi: Kpi, measured: dt.date, share_of_time: float) -> dt.date:
    """The first day a KPI at ``share_of_time`` of its pro-rata course is behind it: the day its time
    passes that share, or the day it was measured, whichever is later."""
    start = kickoff(plan)
    end = kpi.deadline or (plan.period.end if plan.period else None)
    if start is None or end is None or end <= start or not math.isfinite(share_of_time):
        return measured
    day = start + dt.timedelta(days=math.floor(max(0.0, share_of_time) * (end - start).days) + 1)
    return max(measured, min(day, end))


def stream_rag(plan: Plan, stream_id: str, today: dt.date) -> Assessment:
    """The worst of the stream's actions and of its KPIs (a stream whose KPI lags is not green)."""
    actions = aggregate_rag([a for a in plan.actions if a.stream == stream_id], today)
    kpis = kpi_rag(plan, [k for k in plan.kpis if k.stream == stream_id], today)
    if kpis is not None and worst(actions.rag, kpis.rag) != actions.rag:
        return kpis
    return actions


def stream_rags(plan: Plan, today: dt.date) -> list[tuple[str, str, Assessment]]:
    """(id, name, assessment) of each stream, in the plan's order."""
    return [(s.id, s.name, stream_rag(plan, s.id, today)) for s in plan.streams]


def plan_rag(plan: Plan, today: dt.date) -> Assessment:
    """The plan's RAG: the worst of its actions, its health score and its milestones."""
    candidates = [aggregate_rag(plan.actions, today)]
    score = health_score(plan)
    if score is not None and score.rag is not None:
        candidates.append(Assessment(score.rag, Why.of("health", score=round(score.score))))
    late = watchlist.overdue_milestones(plan, today)
    if late:
        milestone, days = late[0]
        candidates.append(Assessment(Rag.AMBER, Why.of("milestone_overdue", id=milestone.id, days=days)))
    kpis = kpi_rag(plan, plan.kpis, today)
    if kpis is not None:
        candidates.append(kpis)
    level = worst(*(c.rag for c in candidates))
    if level is None:
        return candidates[0]
    return next(c for c in candidates if c.rag == level)


def overall_progress(plan: Plan) -> float | None:
    """Mean progress of the actions that are not cancelled (done counts 100)."""
    values = [100 if a.status == Status.DONE else a.progress for a in plan.actions if a.status != Status.CANCELLED]
    return sum(values) / len(values) if values else None


def counts_by_status(plan: Plan) -> dict[Status, int]:
    counts = Counter(a.status for a in plan.actions)
    return {status: counts.get(status, 0) for status in Status}


def overdue(plan: Plan, today: dt.date) -> list[tuple[Action, int]]:
    """Open actions past their due date, most late first."""
    late = [(a, days) for a in plan.actions if (days := days_overdue(a, today)) is not None]
    return sorted(late, key=lambda pair: -pair[1])


def due_soon(plan: Plan, today: dt.date, within: int = DUE_SOON_DAYS) -> list[tuple[Action, int]]:
    """Open actions due from today to ``within`` days ahead, soonest first."""
    soon = [
        (a, (a.due - today).days)
        for a in plan.actions
        if is_open(a) and a.due is not None and 0 <= (a.due - today).days <= within
    ]
    return sorted(soon, key=lambda pair: pair[1])


def priority_score(action: Action) -> float | None:
    """Impact x urgency / effort (an effort of 0 counts as 1)."""
    if action.impact is None or action.urgency is None or action.effort is None:
        return None
    return action.impact * action.urgency / max(action.effort, 1)


# ---------------------------------------------------------------------------
# Health score


@dataclass(frozen=True)
class HealthScore:
    score: float  # on 100
    rag: Rag | None
    rated: int
    dimensions: int
    parts: tuple[tuple[str, float, float, int | None], ...]  # name, weight, points, rating

    @property
    def complete(self) -> bool:
        return self.rated == self.dimensions


def health_score(plan: Plan) -> HealthScore | None:
    """Sum of rating / 5 x weight, on 100 (over the rated dimensions)."""
    health = plan.health
    if health is None or not health.dimensions:
        return None
    rated = [d for d in health.dimensions if d.rating is not None]
    parts = tuple(
        (d.name, d.weight, (d.rating / 5 * d.weight) if d.rating is not None else 0.0, d.rating)
        for d in health.dimensions
    )
    weight = sum(d.weight for d in rated)
    if not rated or weight <= 0:
        return HealthScore(0.0, None, 0, len(health.dimensions), parts)
    score = sum(d.rating / 5 * d.weight for d in rated) / weight * 100
    score = round(score, 2)
    if score >= health.thresholds.green:
        level = Rag.GREEN
    elif score >= health.thresholds.amber:
        level = Rag.AMBER
    else:
        level = Rag.RED
    return HealthScore(score, level, len(rated), len(health.dimensions), parts)


# ---------------------------------------------------------------------------
# KPIs and objective


def kpi_current(kpi: Kpi, today: dt.date | None = None) -> float | None:
    """The latest measurement (by date), as of ``today``: one dated later is not current yet."""
    return latest(kpi, today)


def kpi_attainment(kpi: Kpi, today: dt.date | None = None) -> float | None:
    return attainment(kpi.baseline, kpi.target, kpi_current(kpi, today))


def kpi_trend(kpi: Kpi) -> str | None:
    """improving, worsening or flat, from the last two measurements."""
    ordered = sorted(kpi.measurements, key=lambda m: m.date)
    if len(ordered) < 2:
        return None
    delta = ordered[-1].value - ordered[-2].value
    if delta == 0:
        return "flat"
    better = delta > 0 if kpi.direction == Direction.UP else delta < 0
    return "improving" if better else "worsening"


def objective_current(plan: Plan, today: dt.date | None = None) -> float | None:
    """The objective's current value: its KPI's latest measurement (as of ``today``) when it has
    one, else the value stated under ``current:`` (which ``advice`` reports when they disagree)."""
    objective = plan.objective
    if objective is None:
        return None
    kpi = plan.kpi(objective.kpi) if objective.kpi else None
    measured = kpi_current(kpi, today) if kpi is not None else None
    return measured if measured is not None else objective.current


def objective_attainment(plan: Plan, today: dt.date | None = None) -> float | None:
    if plan.objective is None:
        return None
    return attainment(plan.objective.baseline, plan.objective.target, objective_current(plan, today))


# ---------------------------------------------------------------------------
# Value and ROI: ``core/value.py`` (the ledger follows its KPIs' measurements)


def kickoff(plan: Plan) -> dt.date | None:
    if plan.period is not None:
        return plan.period.start
    dates = [m.due for m in plan.milestones] + [a.start for a in plan.actions if a.start]
    return min(dates) if dates else None


@dataclass(frozen=True)
class TimeToValue:
    days: int
    kpi: str
    date: dt.date


def time_to_value(plan: Plan) -> TimeToValue | None:
    """Days from kick-off to the first KPI measured at its target."""
    start = kickoff(plan)
    if start is None:
        return None
    first: TimeToValue | None = None
    for kpi in plan.kpis:
        if kpi.target is None:
            continue
        for m in sorted(kpi.measurements, key=lambda m: m.date):
            if m.date >= start and reached(kpi.direction, m.value, kpi.target):
                if first is None or m.date < first.date:
                    first = TimeToValue((m.date - start).days, kpi.id, m.date)
                break
    return first
