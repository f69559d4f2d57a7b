"""Where each register of a plan lives, what links one item to another, and who refers to an item.

A plan is a header, a few single parts (its period, its QQOQCP context, its SMART objective,
its budget, its health thresholds) and registers: lists of items (people, streams, actions,
risks...). The app edits each of them the same way (``entries``); this module says where each
one is, so that a register added to the model is one line here, and a link added to the model
is one line in ``LINKS`` (the form offers the existing ids, a delete is refused while it holds).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from planaction.core.model import (
    Action,
    Approval,
    Branding,
    Budget,
    Context,
    Decision,
    HealthDimension,
    HealthThresholds,
    Kpi,
    Lesson,
    LogEntry,
    Measurement,
    Milestone,
    Model,
    Objective,
    OperationalObjective,
    Partner,
    Period,
    Person,
    Plan,
    Playbook,
    RaciRow,
    Retro,
    Risk,
    Ritual,
    Stake,
    Stream,
    Structure,
    Swot,
    ValueLine,
)


@dataclass(frozen=True)
class Register:
    """A list of items: ``path`` from the plan (``("health", "dimensions")``), or from the
    parent register's item (measurements live in a KPI: ``parent="kpis"``)."""

    key: str
    model: type[Model]
    path: tuple[str, ...]
    parent: str | None = None

    @property
    def by_id(self) -> bool:
        """Whether items are known by their ``id`` (else by their position)."""
        return "id" in self.model.model_fields


@dataclass(frozen=True)
class Part:
    """A single part of the plan (``None`` path: the plan's own header fields)."""

    key: str
    model: type[Model]
    path: tuple[str, ...]


REGISTERS: tuple[Register, ...] = (
    Register("people", Person, ("people",)),
    Register("streams", Stream, ("streams",)),
    Register("stakes", Stake, ("stakes",)),
    Register("objectives", OperationalObjective, ("objectives",)),
    Register("partners", Partner, ("partners",)),
    Register("actions", Action, ("actions",)),
    Register("log", LogEntry, ("log",)),
    Register("kpis", Kpi, ("kpis",)),
    Register("measurements", Measurement, ("measurements",), parent="kpis"),
    Register("risks", Risk, ("risks",)),
    Register("milestones", Milestone, ("milestones",)),
    Register("decisions", Decision, ("decisions",)),
    Register("dimensions", HealthDimension, ("health", "dimensions")),
    Register("playbooks", Playbook, ("playbooks",)),
    Register("value", ValueLine, ("value",)),
    Register("raci", RaciRow, ("raci",)),
    Register("rituals", Ritual, ("rituals",)),
    # the improvement loop
    Register("retros", Retro, ("retros",)),
    Register("lessons", Lesson, ("lessons",)),
    # cooperation across structures (seed 004)
    Register("structures", Structure, ("structures",)),
    Register("approvals", Approval, ("approvals",), parent="objectives"),
)

PARTS: tuple[Part, ...] = (
    Part("header", Plan, ()),
    Part("period", Period, ("period",)),
    Part("context", Context, ("context",)),
    Part("objective", Objective, ("objective",)),
    Part("budget", Budget, ("budget",)),
    Part("thresholds", HealthThresholds, ("health", "thresholds")),
    Part("branding", Branding, ("branding",)),
    Part("swot", Swot, ("swot",)),  # the improvement loop: one situation analysis per plan
)

REGISTER: dict[str, Register] = {r.key: r for r in REGISTERS}
PART: dict[str, Part] = {p.key: p for p in PARTS}


def header_fields() -> list[str]:
    """The plan's own fields a header form shows: those that are neither a part nor a register."""
    elsewhere = {r.path[0] for r in REGISTERS if r.parent is None} | {p.path[0] for p in PARTS if p.path}
    # ``advice`` is what the plan sets aside of the method's advice, written in the file with its reasons
    return [name for name in Plan.model_fields if name not in elsewhere and name not in ("version", "advice")]


@dataclass(frozen=True)
class Link:
    """A field of ``model`` that holds the id of an item of ``section`` (or a list of ids)."""

    model: type[Model]
    field: str
    section: str


LINKS: tuple[Link, ...] = (
    Link(Objective, "kpi", "kpis"),
    Link(OperationalObjective, "stake", "stakes"),
    Link(Action, "objective", "objectives"),
    Link(Action, "stream", "streams"),
    Link(Action, "kpi", "kpis"),
    Link(Action, "depends_on", "actions"),
    Link(LogEntry, "action", "actions"),
    Link(Kpi, "stream", "streams"),
    Link(Risk, "action", "actions"),
    Link(ValueLine, "kpi", "kpis"),
    Link(Playbook, "kpi", "kpis"),
    Link(Playbook, "stream", "streams"),
    # the improvement loop: what a retro's item became
    Link(Retro, "process_action", "actions"),
    Link(Retro, "content_action", "actions"),
    Link(Retro, "risk_action", "actions"),
    # cooperation across structures (seed 004): by id in the forms; the checks also take a name
    Link(Person, "structure", "structures"),
    Link(Approval, "structure", "structures"),
)


def link_of(model: type[Model], field: str) -> str | None:
    """The section whose ids ``model.field`` holds, if it is a link."""
    return next((link.section for link in LINKS if link.model is model and link.field == field), None)


def _holders(plan: Plan, model: type[Model]) -> Iterator[tuple[str, Any, Any]]:
    """(register or part key, item key, item) for every item of ``model`` in the plan."""
    for register in REGISTERS:
        if register.model is model and register.parent is None:
            for position, item in enumerate(items_at(plan, register.path)):
                yield register.key, (item.id if register.by_id else position), item
    for part in PARTS:
        if part.model is model:
            value = value_at(plan, part.path)
            if value is not None:
                yield part.key, None, value


def references(plan: Plan, section: str, item_id: str) -> list[tuple[str, Any, str]]:
    """Who refers to the item ``item_id`` of ``section``: (register or part, item key, field)."""
    found = []
    for link in LINKS:
        if link.section != section:
            continue
        for where, key, item in _holders(plan, link.model):
            value = getattr(item, link.field)
            refers = value == item_id or (isinstance(value, tuple) and item_id in value)
            if refers and not (where == section and key == item_id):
                found.append((where, key, link.field))
    return found


def value_at(plan: Plan, path: tuple[str, ...]) -> Any:
    """What the plan holds at ``path`` (None when a step is missing)."""
    value: Any = plan
    for step in path:
        if value is None:
            return None
        value = getattr(value, step)
    return value


def items_at(plan: Plan, path: tuple[str, ...]) -> tuple[Any, ...]:
    return value_at(plan, path) or ()
