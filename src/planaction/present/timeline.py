"""The timeline: actions (start to due) and milestones on one date scale, and the window of dates it draws
(bounded, so that a "no end" date does not stretch it over millennia)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planaction.core import rules
from planaction.core.model import Action, Plan, Rag, Status


@dataclass(frozen=True)
class TimelineItem:
    id: str
    label: str
    start: dt.date
    end: dt.date
    rag: Rag | None
    milestone: bool
    done: bool
    baseline: tuple[dt.date, dt.date] | None = None  # start..due at the baseline, when it moved since


def timeline(plan: Plan, today: dt.date, baseline: Plan | None = None) -> list[TimelineItem]:
    """Actions (start..due) and milestones (one day) in date order; with a ``baseline`` plan (the
    plan at a committee), each action that moved since keeps its span then, drawn as a shadow."""
    then = {a.id: _span(a) for a in baseline.actions} if baseline is not None else {}
    items = []
    for a in plan.actions:
        if a.due is None and a.start is None:
            continue
        start, end = _span(a)
        before = then.get(a.id)
        items.append(
            TimelineItem(
                a.id,
                a.title,
                start,
                end,
                rules.action_rag(a, today).rag,
                False,
                a.status == Status.DONE,
                before if before is not None and before != (start, end) and None not in before else None,
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


def _span(action: Action) -> tuple[dt.date | None, dt.date | None]:
    """Start..due of an action, a single day when only one of them is set."""
    return (action.start or action.due, action.due or action.start)


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
