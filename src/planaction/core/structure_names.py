"""Which structure a name in a plan means (seed 004), and who has approved an objective.

A structure is named by its id or its name (``holders``, ``Person.structure``, ``Approval.structure``):
files written before the ``structures`` register named holders by their name, and they stay valid
and are understood without a rewrite. Names compare folded (case, accents and punctuation ignored),
as words of the file do elsewhere (``normalise_word``). Apart from ``structures`` because the checks
read it, and ``rules`` (which ``structures`` uses) reads the checks.
"""

from __future__ import annotations

from dataclasses import dataclass

from planaction.core.model import OperationalObjective, Plan, Stake, Structure, normalise_word


def structure_of(plan: Plan, ref: str | None) -> Structure | None:
    """The structure ``ref`` names, by its id or its name; None when none does."""
    if not ref:
        return None
    folded = normalise_word(ref)
    for structure in plan.structures:
        if ref == structure.id or folded in (normalise_word(structure.id), normalise_word(structure.name)):
            return structure
    return None


def find(plan: Plan, name: str) -> Structure | None:
    """The structure a person asks for on the command line (``report --structure``): id or name."""
    return structure_of(plan, name)


def holders(plan: Plan, stake: Stake) -> list[Structure]:
    """The structures that hold a stake (those its ``holders`` name and the plan lists)."""
    found = [structure_of(plan, ref) for ref in stake.holders]
    return list(dict.fromkeys(s for s in found if s is not None))


def is_shared(stake: Stake) -> bool:
    """A shared stake is held by several structures; an individual one by one."""
    return len({normalise_word(h) for h in stake.holders}) > 1


def stake_of(plan: Plan, objective: OperationalObjective) -> Stake | None:
    return next((s for s in plan.stakes if s.id == objective.stake), None)


@dataclass(frozen=True)
class ApprovalState:
    """Who must approve an objective (the structures holding its stake) and who has not yet."""

    needed: tuple[str, ...]  # the holders, as the stake writes them
    approved: tuple[str, ...]  # structures that approved, as the approvals write them
    missing: tuple[str, ...]  # holders with no approval

    @property
    def complete(self) -> bool:
        return not self.missing


def approval_state(plan: Plan, objective: OperationalObjective) -> ApprovalState:
    """Each holder of the objective's stake against the objective's approvals, by structure."""
    stake = stake_of(plan, objective)
    needed = tuple(stake.holders) if stake is not None else ()

    def same(a: str, b: str) -> bool:
        sa, sb = structure_of(plan, a), structure_of(plan, b)
        if sa is not None and sb is not None:
            return sa == sb
        return normalise_word(a) == normalise_word(b)

    approved = tuple(a.structure for a in objective.approvals)
    missing = tuple(h for h in needed if not any(same(h, a) for a in approved))
    return ApprovalState(needed, approved, missing)
