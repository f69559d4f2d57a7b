"""The improvement loop's figures (seeds 002, 003): criteria and their scores, the last retro.

A criterion is what actions' origins name (``Origin.ref``, e.g. "Critère 3.10.2"): the same
reference on several actions is one criterion, answered by all of them. Seed 002: an imperative
criterion scored 1, 2 or 3 "impose un plan d'actions correctives immédiat". In our model a
criterion is only ever written on an action, so "no corrective action" means that every action
carrying it is cancelled: an open (to do, in progress, blocked) or done action answers it. The
criterion is imperative when it is scored on an imperative action (``Action.imperative``), or when
every action carrying it is imperative; its score is the lowest given on any of its origins (the
grid's worst reading). Checks, views and reports read this one
place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planaction.core.model import Action, Origin, Plan, Retro, Status

#: Scores that call for an immediate corrective action plan (HAS grid, 1 to 4).
CORRECTIVE_SCORES = (1, 2, 3)


@dataclass(frozen=True)
class Criterion:
    """One criterion of an evaluation grid, with the actions that answer it."""

    name: str
    origin: Origin  # the first origin that names it, for its kind
    score: int | None
    actions: tuple[Action, ...]
    #: Where to point at in the file: (action index, origin index) of its lowest score, else its first origin.
    at: tuple[int, int]

    @property
    def imperative(self) -> bool:
        """Scored on an imperative action, or carried by imperative actions only: a reference an
        imperative action cites among ordinary ones ("Objectif 3.10") is not an imperative criterion."""
        if self.score is not None:
            return any(action.imperative for action in self.actions)
        return all(action.imperative for action in self.actions)

    @property
    def corrective(self) -> tuple[Action, ...]:
        """The actions that answer it: every one but the cancelled."""
        return tuple(action for action in self.actions if action.status != Status.CANCELLED)

    @property
    def needs_correction(self) -> bool:
        return self.imperative and self.score in CORRECTIVE_SCORES

    @property
    def uncorrected(self) -> bool:
        """An imperative criterion scored 1-3 that no open or done action answers: an error."""
        return self.needs_correction and not self.corrective


def _key(origin: Origin, action: Action, position: int) -> str:
    return " ".join(origin.ref.split()).casefold() if origin.ref else f"\0{action.id}\0{position}"


def criteria(plan: Plan) -> list[Criterion]:
    """Every criterion the actions' origins name, in file order."""
    found: dict[str, dict] = {}
    for i, action in enumerate(plan.actions):
        for j, origin in enumerate(action.origins):
            entry = found.setdefault(
                _key(origin, action, j),
                {"name": origin.ref or origin.kind.value, "origin": origin, "score": None, "actions": [], "at": (i, j)},
            )
            if not entry["actions"] or entry["actions"][-1] is not action:  # by identity: model equality is deep
                entry["actions"].append(action)
            if origin.score is not None and (entry["score"] is None or origin.score < entry["score"]):
                entry["score"] = origin.score
                entry["at"] = (i, j)
    return [Criterion(e["name"], e["origin"], e["score"], tuple(e["actions"]), e["at"]) for e in found.values()]


def imperative_criteria(plan: Plan) -> list[Criterion]:
    """The imperative criteria, lowest score first (unscored last), then in file order."""
    found = [c for c in criteria(plan) if c.imperative]
    return sorted(found, key=lambda c: c.score if c.score is not None else 5)


def last_retro(plan: Plan, today: dt.date | None = None) -> Retro | None:
    """The latest retro by date (the last written among equals), up to ``today`` when given: a report
    made as of a day shows the retro held by then."""
    held = [r for r in plan.retros if today is None or r.date <= today]
    return max(reversed(held), key=lambda r: r.date, default=None)
