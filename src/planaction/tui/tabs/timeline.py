"""The Timeline tab: actions and milestones on a week scale."""

from __future__ import annotations

from collections.abc import Iterator

from textual.widget import Widget

from planaction.tui.tabs.base import PlanView, Tab
from planaction.tui.widgets.later import Later
from planaction.tui.widgets.timeline import TimelineView


def compose(_view: PlanView) -> Iterator[Widget]:
    yield Later(TimelineView(id="timeline-view"))


def fill(view: PlanView) -> None:
    baseline = getattr(view, "baseline", None)  # ``planaction PLAN --baseline REV``
    view.query_one("#timeline-view", TimelineView).show(view.plan, view.today, view.lang, baseline)


TAB = Tab("timeline", compose, fill)
