"""The Stakes tab: stakes -> objectives -> actions; only for plans that have stakes or objectives."""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text
from textual.widget import Widget

from planaction.core.model import Plan
from planaction.tui.tabs.base import PlanView, Tab
from planaction.tui.widgets.later import Later
from planaction.tui.widgets.stakes_tree import StakesTree
from planaction.words.safetext import one_line


def compose(view: PlanView) -> Iterator[Widget]:
    yield Later(StakesTree(Text(one_line(view.plan.title)), id="stakes-tree"))


def fill(view: PlanView) -> None:
    view.query_one("#stakes-tree", StakesTree).show(view.plan, view.today, view.lang)


def shown(plan: Plan) -> bool:
    return bool(plan.stakes or plan.objectives)


TAB = Tab("tree", compose, fill, shown=shown)
