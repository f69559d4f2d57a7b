"""Which keys each tab of a plan offers: a key acts only on what the current tab shows.

A status key pressed on the Dashboard must not change the action highlighted
on the hidden Actions tab, and the footer must not offer it there. The plan
screen's ``check_action`` asks ``offered``; actions that concern the whole
plan (save, undo, quit, tabs, export, theme) are in no list and work on
every tab.
"""

from __future__ import annotations

#: The actions that act on what one tab shows, by tab.
TAB_ACTIONS: dict[str, frozenset[str]] = {
    "actions": frozenset(
        {
            "add_action",
            "edit_action",
            "delete_action",
            "cycle_status",
            "progress",
            "log_entry",
            "filter",
            "toggle_detail",
            "measure",  # of the KPI the highlighted action moves
        }
    ),
    "log": frozenset({"log_entry"}),  # a new entry, for the highlighted entry's action
    "kpis": frozenset({"measure"}),  # a measurement of the highlighted KPI
}

#: Every action that belongs to some tab; the others belong to the plan.
TAB_BOUND: frozenset[str] = frozenset().union(*TAB_ACTIONS.values())


def offered(action: str, tab: str) -> bool:
    """Whether ``action`` works on ``tab``."""
    return action not in TAB_BOUND or action in TAB_ACTIONS.get(tab, frozenset())
