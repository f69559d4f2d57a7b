"""Cross-checks a schema cannot express: ids, links, dates, contradictions.

Each finding names the path of the offending value inside the plan, so the
store can point at its line and column. Errors make a plan invalid; warnings
are printed and only fail ``validate --strict``:

- errors: duplicate ids, links to unknown ids, dependency cycles, a due date
  before the start date, a period that ends before it starts;
- warnings: status and progress that contradict each other, an action without
  a due date, health weights that do not sum to 100, a KPI whose target
  contradicts its direction, measurements out of order, a value line whose
  stated value differs from unit gain x volume x margin.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass

from planaction.core import structure_names
from planaction.core.diagnose import noun
from planaction.core.improvement import criteria
from planaction.core.model import ID_SECTIONS, Direction, Plan, Playbook, Status, normalise_word
from planaction.message import Message, Spoken, say

ERROR = "error"
WARNING = "warning"

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding(Spoken):
    level: str
    path: Path
    said: Message  # the code and values; ``message`` is its English text
    hint_said: Message | None = None
    #: Another place the message refers to ("first defined at line N").
    related: Path | None = None


def check(plan: Plan) -> list[Finding]:
    """Every finding of the plan, errors first, in file order within a level."""
    findings = [
        *_duplicate_ids(plan),
        *_links(plan),
        *_cycles(plan),
        *_dates(plan),
        *_consistency(plan),
        *_playbooks(plan),
        *_improvement(plan),
        *_cooperation(plan),
    ]
    return sorted(findings, key=lambda f: f.level != ERROR)


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == ERROR]


def _duplicate_ids(plan: Plan) -> Iterator[Finding]:
    for section, model in ID_SECTIONS.items():
        first_seen: dict[str, int] = {}
        for index, item in enumerate(getattr(plan, section)):
            if item.id in first_seen:
                yield Finding(
                    ERROR,
                    (section, index, "id"),
                    say("check.duplicate_id", noun=noun(model.noun), id=item.id),
                    say("check.duplicate_id.hint"),
                    related=(section, first_seen[item.id], "id"),
                )
            else:
                first_seen[item.id] = index


def _closest(word: str, choices: list[str]) -> str | None:
    """The id the user probably meant: same letters up to case and spacing."""
    folded = word.replace(" ", "").casefold()
    for choice in choices:
        if choice.casefold() == folded:
            return choice
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.8)
    return match[0] if match else None


class _Links:
    """Checks links against each section's ids, indexed once."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.known: dict[str, list[str]] = {}
        self.sets: dict[str, set[str]] = {}

    def check(self, value: str | None, section: str, path: Path) -> Iterator[Finding]:
        if value is None:
            return
        if section not in self.sets:
            self.known[section] = [item.id for item in getattr(self.plan, section)]
            self.sets[section] = set(self.known[section])
        if value in self.sets[section]:
            return
        known = self.known[section]
        closest = _closest(value, known)
        if closest:
            hint = say("did_you_mean", value=closest)
        elif known:
            hint = say("check.known_ids", section=section, ids=", ".join(known[:8]) + ("..." if len(known) > 8 else ""))
        else:
            hint = say("check.declare_first", section=section)
        yield Finding(ERROR, path, say("check.unknown_link", noun=noun(ID_SECTIONS[section].noun), value=value), hint)


def _links(plan: Plan) -> Iterator[Finding]:
    links = _Links(plan)
    link = links.check
    if plan.objective is not None:
        yield from link(plan.objective.kpi, "kpis", ("objective", "kpi"))
    for i, objective in enumerate(plan.objectives):
        yield from link(objective.stake, "stakes", ("objectives", i, "stake"))
    for i, action in enumerate(plan.actions):
        yield from link(action.objective, "objectives", ("actions", i, "objective"))
        yield from link(action.stream, "streams", ("actions", i, "stream"))
        yield from link(action.kpi, "kpis", ("actions", i, "kpi"))
        for j, other in enumerate(action.depends_on):
            yield from link(other, "actions", ("actions", i, "depends_on", j))
    for i, entry in enumerate(plan.log):
        yield from link(entry.action, "actions", ("log", i, "action"))
    for i, kpi in enumerate(plan.kpis):
        yield from link(kpi.stream, "streams", ("kpis", i, "stream"))
    for i, risk in enumerate(plan.risks):
        yield from link(risk.action, "actions", ("risks", i, "action"))
    for i, line in enumerate(plan.value):
        yield from link(line.kpi, "kpis", ("value", i, "kpi"))
    for i, playbook in enumerate(plan.playbooks):
        yield from link(playbook.kpi, "kpis", ("playbooks", i, "kpi"))
        yield from link(playbook.stream, "streams", ("playbooks", i, "stream"))


def _cycles(plan: Plan) -> Iterator[Finding]:
    """Dependency cycles (A1 -> A2 -> A1), reported once each at their first action."""
    index = {a.id: i for i, a in enumerate(plan.actions)}
    depends = {a.id: [d for d in a.depends_on if d in index] for a in plan.actions}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    reported: set[frozenset[str]] = set()
    for start in depends:
        if state.get(start):
            continue
        path: list[str] = []
        stack: list[tuple[str, int]] = [(start, 0)]
        while stack:
            node, next_child = stack.pop()
            if next_child == 0:
                state[node] = 1
                path.append(node)
            children = depends[node]
            if next_child < len(children):
                stack.append((node, next_child + 1))
                child = children[next_child]
                if state.get(child) == 1:
                    cycle = [*path[path.index(child) :], child]
                    key = frozenset(cycle)
                    if key not in reported:
                        reported.add(key)
                        first = cycle[0]
                        yield Finding(
                            ERROR,
                            ("actions", index[first], "depends_on"),
                            say("check.cycle", cycle=" -> ".join(cycle)),
                            say("check.cycle.hint"),
                        )
                elif not state.get(child):
                    stack.append((child, 0))
            else:
                state[node] = 2
                path.pop()


def _dates(plan: Plan) -> Iterator[Finding]:
    if plan.period is not None and plan.period.end < plan.period.start:
        yield Finding(
            ERROR,
            ("period", "end"),
            say("check.period_reversed", end=plan.period.end, start=plan.period.start),
            say("check.period_reversed.hint"),
        )
    for i, action in enumerate(plan.actions):
        if action.start and action.due and action.due < action.start:
            yield Finding(
                ERROR,
                ("actions", i, "due"),
                say("check.due_before_start", id=action.id, due=action.due, start=action.start),
                say("check.due_before_start.hint"),
            )
        if action.start and action.completed and action.completed < action.start:
            yield Finding(
                WARNING,
                ("actions", i, "completed"),
                say("check.completed_before_start", id=action.id, completed=action.completed, start=action.start),
                say("check.completed_before_start.hint"),
            )
        if action.due is None and action.status not in (Status.DONE, Status.CANCELLED):
            yield Finding(
                WARNING,
                ("actions", i),
                say("check.no_due", id=action.id),
                say("check.no_due.hint"),
            )
    for i, kpi in enumerate(plan.kpis):
        dates = [m.date for m in kpi.measurements]
        for j in range(1, len(dates)):
            if dates[j] <= dates[j - 1]:
                yield Finding(
                    WARNING,
                    ("kpis", i, "measurements", j, "date"),
                    say("check.measurement_order", id=kpi.id, date=dates[j], previous=dates[j - 1]),
                    say("check.measurement_order.hint"),
                )


def _consistency(plan: Plan) -> Iterator[Finding]:
    for i, action in enumerate(plan.actions):
        path = ("actions", i)
        if action.status == Status.DONE and action.progress < 100:
            yield Finding(
                WARNING,
                (*path, "progress"),
                say("check.done_not_100", id=action.id, progress=action.progress),
                say("check.done_not_100.hint"),
            )
        elif action.status == Status.TODO and action.progress > 0:
            yield Finding(
                WARNING,
                (*path, "progress"),
                say("check.todo_started", id=action.id, progress=action.progress),
                say("check.todo_started.hint"),
            )
        elif action.progress == 100 and action.status not in (Status.DONE, Status.CANCELLED):
            yield Finding(
                WARNING,
                (*path, "status"),
                say("check.100_not_done", id=action.id, status=action.status.value),
                say("check.100_not_done.hint"),
            )
        if action.completed is not None and action.status != Status.DONE:
            yield Finding(
                WARNING,
                (*path, "completed"),
                say("check.completed_not_done", id=action.id, status=action.status.value),
                say("check.completed_not_done.hint"),
            )
    if plan.health is not None and plan.health.dimensions:
        total = sum(d.weight for d in plan.health.dimensions)
        if abs(total - 100) > 1e-9:
            yield Finding(
                WARNING,
                ("health", "dimensions"),
                say("check.health_weights", total=total),
                say("check.health_weights.hint"),
            )
        thresholds = plan.health.thresholds
        if thresholds.amber > thresholds.green:
            yield Finding(
                ERROR,
                ("health", "thresholds", "amber"),
                say("check.amber_above_green", amber=thresholds.amber, green=thresholds.green),
                say("check.amber_above_green.hint"),
            )
    for i, kpi in enumerate(plan.kpis):
        if kpi.baseline is not None and kpi.target is not None and kpi.baseline != kpi.target:
            improves_upwards = kpi.target > kpi.baseline
            if improves_upwards != (kpi.direction == Direction.UP):
                yield Finding(
                    WARNING,
                    ("kpis", i, "direction"),
                    say(
                        "check.kpi_direction",
                        id=kpi.id,
                        direction=kpi.direction.value,
                        target=kpi.target,
                        side=say("word.above" if improves_upwards else "word.below"),
                        baseline=kpi.baseline,
                    ),
                    say("check.kpi_direction.hint", direction="up" if improves_upwards else "down"),
                )
    for i, line in enumerate(plan.value):
        if None not in (line.value_per_year, line.unit_gain, line.volume, line.margin):
            computed = line.unit_gain * line.volume * line.margin
            if abs(computed - line.value_per_year) > max(1.0, abs(computed) * 0.005):
                yield Finding(
                    WARNING,
                    ("value", i, "value_per_year"),
                    say("check.value_mismatch", id=line.id, stated=line.value_per_year, computed=computed),
                    say("check.value_mismatch.hint"),
                )


#: What a playbook's condition watches (one subject each) and the thresholds each subject takes.
PLAYBOOK_SUBJECTS = {
    "kpi": ("below", "above", "attainment_below"),
    "health_below": (),
    "dimension": ("rating_below",),
    "stream": ("stream_rag",),
    "rituals_missed": (),
}


def playbook_subjects(playbook: Playbook) -> list[str]:
    """The subjects a playbook's condition names (exactly one when it is well formed)."""
    return [name for name in PLAYBOOK_SUBJECTS if getattr(playbook, name) is not None]


def _playbooks(plan: Plan) -> Iterator[Finding]:
    """Conditions planaction could not check: two subjects, a subject with no threshold, a
    threshold with no subject, a dimension the health score does not rate. Warnings: the plan is
    usable, the playbook just does not fire."""
    dimensions = [d.name for d in plan.health.dimensions] if plan.health is not None else []
    for i, playbook in enumerate(plan.playbooks):
        path = ("playbooks", i)
        named = playbook_subjects(playbook)
        if len(named) > 1:
            said = say("check.playbook_subjects", signal=playbook.signal, subjects=", ".join(named))
            yield Finding(WARNING, (*path, named[1]), said, say("check.playbook_subjects.hint"))
        for subject, thresholds in PLAYBOOK_SUBJECTS.items():
            given = [t for t in thresholds if getattr(playbook, t) is not None]
            if subject in named and thresholds and not given:
                said = say("check.playbook_threshold", signal=playbook.signal, subject=subject)
                yield Finding(
                    WARNING, (*path, subject), said, say("check.playbook_threshold.hint", fields=" / ".join(thresholds))
                )
            if subject not in named and given:
                said = say("check.playbook_orphan", signal=playbook.signal, field=given[0])
                yield Finding(WARNING, (*path, given[0]), said, say("check.playbook_orphan.hint", subject=subject))
        if playbook.dimension is not None and normalise_word(playbook.dimension) not in {
            normalise_word(d) for d in dimensions
        }:
            said = say("check.playbook_dimension", signal=playbook.signal, dimension=playbook.dimension)
            hint = say("check.playbook_dimension.hint", known=", ".join(dimensions) or "-")
            yield Finding(WARNING, (*path, "dimension"), said, hint)


# --- the improvement loop ----------------------------------------------------------


def _improvement(plan: Plan) -> Iterator[Finding]:
    """A retro item's action must exist (a link); an imperative criterion scored 1-3 needs an open or
    done corrective action (``core.improvement`` says what that means), at its lowest score."""
    links = _Links(plan)
    for i, retro in enumerate(plan.retros):
        for name in ("process_action", "content_action", "risk_action"):
            yield from links.check(getattr(retro, name), "actions", ("retros", i, name))
    for criterion in criteria(plan):
        if criterion.uncorrected:
            i, j = criterion.at
            yield Finding(
                ERROR,
                ("actions", i, "origins", j, "score"),
                say("check.criterion_uncorrected", ref=criterion.name, score=criterion.score),
                say("check.criterion_uncorrected.hint"),
            )


# --- Cooperation across structures (seed 004) -------------------------------------------------------


def _cooperation(plan: Plan) -> Iterator[Finding]:
    """Names that should match a register and do not. Warnings: the plan reads and saves the same.

    Holders, people's structures and approvals are checked only once the plan lists its structures:
    before that register existed, holders were free text, and those files stay valid and quiet.
    Actions' partners are checked once the plan lists its partners."""
    known = ", ".join(s.name for s in plan.structures) or "-"
    if plan.structures:
        for i, stake in enumerate(plan.stakes):
            for j, holder in enumerate(stake.holders):
                if structure_names.structure_of(plan, holder) is None:
                    said = say("check.holder_unknown", id=stake.id, holder=holder)
                    yield Finding(
                        WARNING, ("stakes", i, "holders", j), said, say("check.known_structures", known=known)
                    )
        for i, person in enumerate(plan.people):
            if person.structure and structure_names.structure_of(plan, person.structure) is None:
                said = say("check.person_structure", name=person.name, structure=person.structure)
                yield Finding(WARNING, ("people", i, "structure"), said, say("check.known_structures", known=known))
        for i, objective in enumerate(plan.objectives):
            for j, approval in enumerate(objective.approvals):
                if structure_names.structure_of(plan, approval.structure) is None:
                    said = say("check.approver_unknown", id=objective.id, structure=approval.structure)
                    hint = say("check.known_structures", known=known)
                    yield Finding(WARNING, ("objectives", i, "approvals", j, "structure"), said, hint)
            state = structure_names.approval_state(plan, objective)
            if state.missing:
                said = say("check.not_approved", id=objective.id, missing=", ".join(state.missing))
                yield Finding(WARNING, ("objectives", i, "id"), said, say("check.not_approved.hint"))
    if plan.partners:
        partners = [p.name for p in plan.partners]
        folded = {normalise_word(p) for p in partners}
        for i, action in enumerate(plan.actions):
            for j, partner in enumerate(action.partners):
                if normalise_word(partner) not in folded:
                    said = say("check.partner_unknown", id=action.id, partner=partner)
                    closest = _closest(partner, partners)
                    hint = say("did_you_mean", value=closest) if closest else say("check.partner_unknown.hint")
                    yield Finding(WARNING, ("actions", i, "partners", j), said, hint)
