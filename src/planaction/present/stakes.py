"""The stakes tree: stakes, then their operational objectives, then the actions that serve them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planaction.core import rules, structures
from planaction.core.model import Action, OperationalObjective, Plan, Rag
from planaction.present import structures as cooperation
from planaction.words.report import say
from planaction.words.structures import say as say_structures


@dataclass(frozen=True)
class TreeNode:
    label: str
    children: tuple[TreeNode, ...] = ()
    rag: Rag | None = None


def stakes_tree(plan: Plan, today: dt.date, lang: str) -> list[TreeNode]:
    """Stakes -> operational objectives -> actions (orphans under "other")."""

    def action_node(a: Action) -> TreeNode:
        return TreeNode(f"{a.id} {a.title} — {a.owner}", rag=rules.action_rag(a, today).rag)

    def objective_node(objective: OperationalObjective) -> TreeNode:
        actions = tuple(action_node(a) for a in plan.actions if a.objective == objective.id)
        # its own RAG, from its actions and the KPIs they move; its approval once the plan lists structures
        rag = structures.objective_rag(plan, objective, today).rag
        label = cooperation.objective_label(plan, objective, lang) if plan.structures else None
        return TreeNode(label or f"{objective.id} {objective.title}", actions, rag)

    nodes = []
    for stake in plan.stakes:
        objectives = tuple(objective_node(o) for o in plan.objectives if o.stake == stake.id)
        label = cooperation.stake_label(plan, stake, lang) if plan.structures and stake.holders else None
        nodes.append(TreeNode(label or f"{stake.id} {stake.title}", objectives))
    loose = tuple(objective_node(o) for o in plan.objectives if o.stake is None)
    orphans = tuple(action_node(a) for a in plan.actions if a.objective is None)
    if loose or orphans:
        nodes.append(TreeNode(say("other", lang), loose + orphans))
    gap = cooperation.gap_lines(plan, lang)  # the skills gap, where the actions needing them are read
    if gap:
        nodes.append(TreeNode(say_structures("gap", lang), tuple(TreeNode(line) for line in gap)))
    return nodes
