"""Cooperation across structures (seed 004): who holds which stake, who approved which objective,
which skills the plan lacks, and each structure's part of the plan.

Which structure a name means, and approvals, are in ``structure_names`` (the checks read them).

The RAG of an operational objective reuses ``rules``: the worse of its actions' aggregate RAG and
of the KPIs those actions move, so an objective reads as its stream or its plan would.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planaction.core import rules
from planaction.core.model import Action, OperationalObjective, Person, Plan, Stake, Structure, normalise_word
from planaction.core.structure_names import (  # noqa: F401 - read as ``structures.structure_of``...
    ApprovalState,
    approval_state,
    find,
    holders,
    is_shared,
    stake_of,
    structure_of,
)

#: The guide's three answers to a missing skill, as stable codes ("la formation, l'appel à un expert,
#: le recrutement d'un collaborateur compétent").
GAP_ANSWERS = ("training", "expert", "recruitment")


def objective_actions(plan: Plan, objective: OperationalObjective) -> list[Action]:
    return [a for a in plan.actions if a.objective == objective.id]


def objective_rag(plan: Plan, objective: OperationalObjective, today: dt.date) -> rules.Assessment:
    """The objective's RAG: the worse of its actions' (``rules.aggregate_rag``) and of the KPIs they
    move (``rules.kpi_rag``), with the reason of the worse one."""
    actions = objective_actions(plan, objective)
    by_actions = rules.aggregate_rag(actions, today)
    kpi_ids = list(dict.fromkeys(a.kpi for a in actions if a.kpi))
    kpis = [k for k in (plan.kpi(i) for i in kpi_ids) if k is not None]
    by_kpis = rules.kpi_rag(plan, kpis, today) if kpis else None
    if by_kpis is not None and rules.worst(by_actions.rag, by_kpis.rag) == by_kpis.rag != by_actions.rag:
        return by_kpis
    return by_actions


def members(plan: Plan, structure: Structure) -> list[Person]:
    """The people of a structure (``Person.structure``), plus its contacts listed by name."""
    contacts = {normalise_word(c) for c in structure.contacts}
    return [
        p for p in plan.people if structure_of(plan, p.structure) == structure or normalise_word(p.name) in contacts
    ]


def _carried_by(action: Action, names: set[str]) -> bool:
    return any(normalise_word(n) in names for n in (action.owner, *action.co_owners))


@dataclass(frozen=True)
class StructurePart:
    """A structure's part of the plan: its stakes, the objectives serving them, the actions its people
    own or co-own, its people."""

    structure: Structure
    stakes: tuple[Stake, ...]
    objectives: tuple[OperationalObjective, ...]
    actions: tuple[Action, ...]
    people: tuple[Person, ...]

    @property
    def open_actions(self) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if rules.is_open(a))


def part_of(plan: Plan, structure: Structure) -> StructurePart:
    stakes = tuple(s for s in plan.stakes if structure in holders(plan, s))
    stake_ids = {s.id for s in stakes}
    objectives = tuple(o for o in plan.objectives if o.stake in stake_ids)
    people = tuple(members(plan, structure))
    names = {normalise_word(p.name) for p in people}
    actions = tuple(a for a in plan.actions if _carried_by(a, names))
    return StructurePart(structure, stakes, objectives, actions, people)


@dataclass(frozen=True)
class Gap:
    """A skill open actions require that no person of the structures has, and the actions needing it;
    the guide answers it with training, an expert or a recruitment (``GAP_ANSWERS``)."""

    skill: str
    actions: tuple[str, ...]


def skills_gap(plan: Plan) -> list[Gap]:
    """Skills required by open actions and held by nobody: the people of the structures when the plan
    lists structures, else every person of the plan. In the order the actions first ask for them."""
    people = [p for p in plan.people if structure_of(plan, p.structure) is not None] if plan.structures else []
    people = people or list(plan.people)
    held = {normalise_word(skill) for p in people for skill in p.skills}
    if not held:  # nobody said what they know: no gap to read, rather than every skill missing
        return []
    gaps: dict[str, tuple[str, list[str]]] = {}
    for action in plan.actions:
        if not rules.is_open(action):
            continue
        for skill in action.skills:
            key = normalise_word(skill)
            if key and key not in held:
                gaps.setdefault(key, (skill, []))[1].append(action.id)
    return [Gap(skill, tuple(ids)) for skill, ids in gaps.values()]


def joined(plan: Plan, previous: Plan | None) -> list[Structure]:
    """Structures of this stage that the previous stage did not list (none without one: nothing to compare)."""
    if previous is None:
        return []
    return [
        s for s in plan.structures if structure_of(previous, s.id) is None and structure_of(previous, s.name) is None
    ]
