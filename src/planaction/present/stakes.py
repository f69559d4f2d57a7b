"""The stakes tree: stakes, then their operational objectives, then the actions that serve them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planaction.core import rules
from planaction.core.model import Action, Plan, Rag
from planaction.words.report import say


@dataclass(frozen=True)
class TreeNode:
    label: str
    children: tuple[TreeNode, ...] = ()
    rag: Rag | None = None


def stakes_tree(plan: Plan, today: dt.date, lang: str) -> list[TreeNode]:
    """Stakes -> operational objectives -> actions (orphans under "other")."""

    def action_node(a: Action) -> TreeNode:
        return TreeNode(f"{a.id} {a.title} — {a.owner}", rag=rules.action_rag(a, today).rag)

    def objective_node(objective_id: str, title: str) -> TreeNode:
        actions = tuple(action_node(a) for a in plan.actions if a.objective == objective_id)
        group = rules.aggregate_rag([a for a in plan.actions if a.objective == objective_id], today)
        return TreeNode(f"{objective_id} {title}", actions, group.rag)

    nodes = []
    for stake in plan.stakes:
        objectives = tuple(objective_node(o.id, o.title) for o in plan.objectives if o.stake == stake.id)
        nodes.append(TreeNode(f"{stake.id} {stake.title}", objectives))
    loose = tuple(objective_node(o.id, o.title) for o in plan.objectives if o.stake is None)
    orphans = tuple(action_node(a) for a in plan.actions if a.objective is None)
    if loose or orphans:
        nodes.append(TreeNode(say("other", lang), loose + orphans))
    return nodes
