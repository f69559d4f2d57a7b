"""The tabs of the plan screen, in order: a new tab is one module here and one line in ``TABS``.

The plan screen builds its panes, the digit keys (1..n), the keys each tab brings, which keys work
on which tab, the palette's "Tab:" commands and each pane's refresh from this list alone. A key
that acts on what one tab shows is offered only there; actions no tab claims (save, undo, quit,
export, theme, the digits) work on every tab.
"""

from __future__ import annotations

from textual.binding import Binding

from planaction.tui.tabs import actions, dashboard, governance, kpis, log, milestones, plan_parts, risks, timeline, tree
from planaction.tui.tabs.base import PlanView, Tab
from planaction.tui.tabs.registers import ENTRY_BINDINGS
from planaction.words.tui import say

TABS: tuple[Tab, ...] = (
    actions.TAB,
    dashboard.TAB,
    log.TAB,
    timeline.TAB,
    risks.TAB,
    kpis.TAB,
    plan_parts.TAB,
    milestones.TAB,
    governance.TAB,
    tree.TAB,  # last: shown only when the plan has stakes, so that hiding it renumbers no other tab
)

BY_ID: dict[str, Tab] = {tab.id: tab for tab in TABS}

#: Every action that belongs to some tab; the others belong to the plan.
TAB_BOUND: frozenset[str] = frozenset().union(*(tab.offers for tab in TABS))

__all__ = ["BY_ID", "TABS", "TAB_BOUND", "PlanView", "Tab", "bindings", "digit_bindings", "offered", "title"]


def title(tab: Tab, number: int, lang: str) -> str:
    return f"{number % 10} {say('tab_' + tab.id, lang)}"


def offered(action: str, tab_id: str) -> bool:
    """Whether ``action`` works on the tab ``tab_id``."""
    tab = BY_ID.get(tab_id)
    return action not in TAB_BOUND or (tab is not None and action in tab.offers)


def bindings() -> list[Binding]:
    """The keys the tabs bring, in the order of the tabs, then the register tabs' editing keys."""
    return [binding for tab in TABS for binding in tab.bindings] + list(ENTRY_BINDINGS)


def digit_bindings() -> list[Binding]:
    """1..9 then 0: show a tab."""
    return [
        Binding(str(n % 10), f"show_tab('{tab.id}')", tab.id, show=False, id=f"tab_{n}")
        for n, tab in enumerate(TABS[:10], 1)
    ]
