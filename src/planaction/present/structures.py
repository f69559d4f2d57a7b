"""What the faces show of a cooperation across structures (seed 004): each structure's part, the
approvals, the skills gap, the partners' contributions, and the stage a plan continues.

The figures come from ``core.structures``; this module puts them into words once, so that the
report (text, Markdown, JSON), the app and the workbook say the same thing. The previous stage is
a file: finding it (by file name or plan id, in the plan's folder) is done here, above the store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from planaction.core import rules, structures
from planaction.core.checks import WARNING, Finding
from planaction.core.model import Plan, Rag
from planaction.message import say as message
from planaction.words.labels import date_text, explain
from planaction.words.structures import say


@dataclass(frozen=True)
class StructureView:
    id: str
    name: str
    kind: str
    contacts: tuple[str, ...]
    people: tuple[str, ...]
    stakes: tuple[tuple[str, str, bool], ...]  # (id, title, shared)
    objectives: tuple[str, ...]
    open_actions: tuple[tuple[str, str, str], ...]  # (id, title, owner)
    joined: bool  # joined at this stage (not in the previous stage's plan)


@dataclass(frozen=True)
class ApprovalView:
    structure: str  # the structure's id when the plan lists it, else as written
    by: str
    date: dt.date | None
    date_text: str


@dataclass(frozen=True)
class ObjectiveView:
    id: str
    title: str
    rag: Rag | None
    why: str
    approvals: tuple[ApprovalView, ...]
    missing: tuple[str, ...]

    @property
    def approval_text(self) -> str:
        """ "ACI 20 janv. 2026, EI 22 janv. 2026" (by whom is in the JSON and the app's detail)."""
        return ", ".join(f"{a.structure} {a.date_text}".strip() for a in self.approvals)


@dataclass(frozen=True)
class GapView:
    skill: str
    actions: tuple[str, ...]


@dataclass(frozen=True)
class PartnerView:
    name: str
    kind: str
    brings: str
    expects: str


@dataclass(frozen=True)
class Cooperation:
    """Everything the faces show about the cooperation; empty lists for a plan that has none."""

    structures: tuple[StructureView, ...]
    objectives: tuple[ObjectiveView, ...]
    gaps: tuple[GapView, ...]
    partners: tuple[PartnerView, ...]
    stage: int | None
    continues: str | None
    joined: tuple[str, ...]

    @property
    def shown(self) -> bool:
        return bool(self.structures or self.gaps or self.partners or self.joined or self.stage is not None)


def structure_view(plan: Plan, structure, joined: bool) -> StructureView:
    part = structures.part_of(plan, structure)
    return StructureView(
        structure.id,
        structure.name,
        structure.kind or "",
        structure.contacts,
        tuple(p.name for p in part.people),
        tuple((s.id, s.title, structures.is_shared(s)) for s in part.stakes),
        tuple(o.id for o in part.objectives),
        tuple((a.id, a.title, a.owner) for a in part.open_actions),
        joined,
    )


def objective_views(plan: Plan, today: dt.date, lang: str) -> tuple[ObjectiveView, ...]:
    out = []
    for objective in plan.objectives:
        rag = structures.objective_rag(plan, objective, today)
        state = structures.approval_state(plan, objective)
        approvals = []
        for approval in objective.approvals:
            found = structures.structure_of(plan, approval.structure)
            when = date_text(approval.date, lang) if approval.date else ""
            name = found.id if found is not None else approval.structure
            approvals.append(ApprovalView(name, approval.by or "", approval.date, when))
        why = explain(rag.why, lang)
        out.append(ObjectiveView(objective.id, objective.title, rag.rag, why, tuple(approvals), state.missing))
    return tuple(out)


def cooperation(plan: Plan, today: dt.date, lang: str, previous: Plan | None = None) -> Cooperation:
    joined = structures.joined(plan, previous)
    return Cooperation(
        tuple(structure_view(plan, s, s in joined) for s in plan.structures),
        objective_views(plan, today, lang) if plan.structures else (),
        tuple(GapView(g.skill, g.actions) for g in structures.skills_gap(plan)),
        tuple(PartnerView(p.name, p.kind or "", p.brings or "", p.expects or "") for p in plan.partners),
        plan.stage,
        plan.continues,
        tuple(s.name for s in joined),
    )


def only(view: Cooperation, structure_id: str) -> Cooperation:
    """The cooperation as one structure reads it: its own line, the objectives of its stakes."""
    mine = tuple(s for s in view.structures if s.id == structure_id)
    objectives = {o for s in mine for o in s.objectives}
    return Cooperation(
        mine,
        tuple(o for o in view.objectives if o.id in objectives),
        tuple(
            g
            for g in view.gaps
            if any(a in opened for s in mine for a, _t, _o in s.open_actions for opened in (g.actions,))
        ),
        view.partners,
        view.stage,
        view.continues,
        tuple(n for s in mine if s.joined for n in (s.name,)),
    )


def open_action_ids(plan: Plan, structure_id: str) -> set[str]:
    """The ids of the actions a structure's people own or co-own (``report --structure``)."""
    found = structures.structure_of(plan, structure_id)
    if found is None:
        return set()
    return {a.id for a in structures.part_of(plan, found).actions if rules.is_open(a)}


def structure_filter(plan: Plan, structure_id: str):
    """The action table's filter that keeps a structure's actions (owned or co-owned by its people)."""
    from planaction.present.action_rows import RowFilter
    from planaction.words.folding import person_key

    found = structures.structure_of(plan, structure_id)
    if found is None:
        return RowFilter()
    members = frozenset(person_key(p.name) for p in structures.members(plan, found))
    return RowFilter(structure=found.name, members=members)


def gap_lines(plan: Plan, lang: str) -> list[str]:
    """The skills gap as lines, then the guide's three answers (none without a gap)."""
    gaps = structures.skills_gap(plan)
    if not gaps:
        return []
    lines = [say("gap_line", lang, skill=g.skill, ids=", ".join(g.actions)) for g in gaps]
    return [*lines, say("gap_answers", lang)]


def objective_label(plan: Plan, objective, lang: str) -> str:
    """ "O1 (approuvé) Titre" or "O5 (en attente de : EI) Titre": the state first, where a cut title leaves it."""
    state = structures.approval_state(plan, objective)
    if not state.needed:
        said = say("no_holder", lang)
    elif state.missing:
        said = say("waiting_for", lang, names=", ".join(_ids(plan, state.missing)))
    else:
        said = say("approved_short", lang)
    return say("tree_objective", lang, id=objective.id, state=said, title=objective.title)


def stake_label(plan: Plan, stake, lang: str) -> str:
    """ "S1 Chiffre d'affaires — partagé : ACI, EI, ETTI" (the holders by their ids when the plan lists them)."""
    kind = say("shared" if structures.is_shared(stake) else "individual", lang)
    return say(
        "tree_stake", lang, id=stake.id, title=stake.title, kind=kind, holders=", ".join(_ids(plan, stake.holders))
    )


def _ids(plan: Plan, refs) -> list[str]:
    return [found.id if (found := structures.structure_of(plan, ref)) is not None else ref for ref in refs]


# --- stages -----------------------------------------------------------------------------------


def previous_stage(path: Path | str, plan: Plan) -> tuple[Path, Plan] | None:
    """The plan ``plan.continues`` names, in the folder of ``path``: a file name (with or without its
    suffix, relative to the folder) or the id of a plan of that folder. None when none is found."""
    from planaction import store

    if not plan.continues:
        return None
    folder = Path(path).parent
    ref = plan.continues
    for candidate in (folder / ref, *(folder / f"{ref}{suffix}" for suffix in store.PLAN_SUFFIXES)):
        if candidate.is_file() and candidate.resolve() != Path(path).resolve():
            result = store.read(candidate, nodes=False)
            if result.document is not None:
                return candidate, result.document.plan
    for candidate in store.plan_files([folder]):
        if candidate.resolve() == Path(path).resolve():
            continue
        result = store.read(candidate, nodes=False)
        if result.document is not None and store.plan_id(result.document.plan, candidate) == ref:
            return candidate, result.document.plan
    return None


def stage_problems(document) -> list:
    """A located warning when the plan continues a stage its folder does not hold (``validate``)."""
    from planaction import store
    from planaction.store.reading import _finding_problem

    plan = document.base
    if not plan.continues or previous_stage(document.path, plan) is not None:
        return []
    folder = Path(document.path).parent
    known = [p.stem for p in store.plan_files([folder]) if p.resolve() != Path(document.path).resolve()]
    finding = Finding(
        WARNING,
        ("continues",),
        message("check.stage_missing", ref=plan.continues),
        message("check.stage_missing.hint", known=", ".join(known[:8]) or "-"),
    )
    return [_finding_problem(finding, document.locator, document.name)]
