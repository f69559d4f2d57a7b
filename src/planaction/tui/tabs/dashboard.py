"""The Dashboard tab: the one-page steering dashboard (mounted the first time it is shown)."""

from __future__ import annotations

from collections.abc import Iterator

from textual.widget import Widget

from planaction.tui.tabs.base import PlanView, Tab
from planaction.tui.widgets.dashboard import DashboardView
from planaction.tui.widgets.later import Later


def compose(_view: PlanView) -> Iterator[Widget]:
    yield Later(DashboardView(id="dashboard-view"))


def fill(view: PlanView) -> None:
    baseline = getattr(view, "baseline", None)  # ``planaction PLAN --baseline REV``: the trend since
    view.query_one("#dashboard-view", DashboardView).show(view.plan, view.today, view.lang, baseline)


TAB = Tab("dashboard", compose, fill)
