"""How far each action slipped since a baseline: its due date then, the days it moved, how often.

A steering committee fixes the plan (a tag, ``comite-2025-05``); later it asks which actions
slipped and which were re-planned again and again. The file's git history already knows: the
plan at the baseline, then at each commit that changed it, then as it is now. An action is
re-planned each time its due date changes from one version to the next (its first appearance
is not a re-planning; removing a due date, or setting one, is one).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from planaction.core.model import Plan


@dataclass(frozen=True)
class Slip:
    """One action against the baseline: None where there is nothing to compare (no due date, or the
    action did not exist at the baseline)."""

    baseline_due: dt.date | None
    slipped_days: int | None
    replanned: int


def slippage(versions: Sequence[Plan], current: Plan) -> dict[str, Slip]:
    """Each action of ``current`` against ``versions[0]`` (the baseline), through every version after it."""
    dues = [{action.id: action.due for action in plan.actions} for plan in (*versions, current)]
    baseline = dues[0]
    found = {}
    for action in current.actions:
        seen = [version[action.id] for version in dues if action.id in version]
        replanned = sum(1 for before, after in itertools.pairwise(seen) if before != after)
        then = baseline.get(action.id)
        slipped = (action.due - then).days if then is not None and action.due is not None else None
        found[action.id] = Slip(then, slipped, replanned)
    return found
