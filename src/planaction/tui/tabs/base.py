"""What a tab of the plan screen is, so that the screen builds every tab from one list (``tabs.TABS``).

A tab says what it shows (``compose``), how it fills itself from the plan (``fill``), the keys it
brings (``bindings``) and the actions that act on what it shows (``offers``: a key pressed on
another tab must not change the action highlighted on a hidden one). Tabs know nothing of the
screen's class: they see it through ``PlanView``, which keeps ``tui.tabs`` below ``tui.screens``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from textual.binding import Binding
from textual.widget import Widget

from planaction.core.model import Plan


class PlanView(Protocol):
    """What a tab sees of the plan screen: the plan, the day, the language, its widgets."""

    plan: Plan
    today: dt.date
    lang: str

    def query_one(self, selector: Any, expect_type: Any = ...) -> Any: ...


def _always(_plan: Plan) -> bool:
    return True


@dataclass(frozen=True)
class Tab:
    """One tab: its id (also its title's key, ``tab_<id>`` in ``words/tui.py``) and what it does."""

    id: str
    compose: Callable[[PlanView], Iterable[Widget]]
    #: Fill the tab's widgets from the plan; raises ``NoMatches`` while a lazy pane is not mounted.
    fill: Callable[[PlanView], None] | None = None
    bindings: tuple[Binding, ...] = ()
    offers: frozenset[str] = frozenset()
    #: Whether the plan has anything for this tab (the stakes tab needs stakes or objectives).
    shown: Callable[[Plan], bool] = _always
    #: The registers it edits (``tabs.registers.Section``), for the palette's "Add: …" commands.
    sections: tuple[Any, ...] = ()
