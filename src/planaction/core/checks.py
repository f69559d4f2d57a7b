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

from planaction.core.model import ID_SECTIONS, Direction, Plan, Status

ERROR = "error"
WARNING = "warning"

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    level: str
    path: Path
    message: str
    hint: str | None = None
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
                    f'duplicate {model.noun} id "{item.id}"',
                    "give each one its own id",
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
        noun = ID_SECTIONS[section].noun
        closest = _closest(value, known)
        if closest:
            hint = f'did you mean "{closest}"?'
        elif known:
            hint = f"known {section}: {', '.join(known[:8])}{'...' if len(known) > 8 else ''}"
        else:
            hint = f"declare it under `{section}:` first"
        yield Finding(ERROR, path, f'unknown {noun} "{value}"', hint)


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
                            "dependency cycle: " + " -> ".join(cycle),
                            "an action cannot wait, even indirectly, for itself; remove one link",
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
            f"the period ends ({plan.period.end}) before it starts ({plan.period.start})",
            "swap the two dates or correct one of them",
        )
    for i, action in enumerate(plan.actions):
        if action.start and action.due and action.due < action.start:
            yield Finding(
                ERROR,
                ("actions", i, "due"),
                f"action {action.id} is due ({action.due}) before it starts ({action.start})",
                "move the due date after the start date",
            )
        if action.start and action.completed and action.completed < action.start:
            yield Finding(
                WARNING,
                ("actions", i, "completed"),
                f"action {action.id} was completed ({action.completed}) before it started ({action.start})",
                "correct the start or the completion date",
            )
        if action.due is None and action.status not in (Status.DONE, Status.CANCELLED):
            yield Finding(
                WARNING,
                ("actions", i),
                f"action {action.id} has no due date",
                "every action needs a deadline: add `due: YYYY-MM-DD`",
            )
    for i, kpi in enumerate(plan.kpis):
        dates = [m.date for m in kpi.measurements]
        for j in range(1, len(dates)):
            if dates[j] <= dates[j - 1]:
                yield Finding(
                    WARNING,
                    ("kpis", i, "measurements", j, "date"),
                    f"KPI {kpi.id}: measurement of {dates[j]} is not after the one of {dates[j - 1]}",
                    "keep measurements in date order, one per date",
                )


def _consistency(plan: Plan) -> Iterator[Finding]:
    for i, action in enumerate(plan.actions):
        path = ("actions", i)
        if action.status == Status.DONE and action.progress < 100:
            yield Finding(
                WARNING,
                (*path, "progress"),
                f"action {action.id} is done but its progress is {action.progress}%",
                "set progress: 100, or change the status",
            )
        elif action.status == Status.TODO and action.progress > 0:
            yield Finding(
                WARNING,
                (*path, "progress"),
                f"action {action.id} is to do but its progress is {action.progress}%",
                "set status: in_progress, or progress: 0",
            )
        elif action.progress == 100 and action.status not in (Status.DONE, Status.CANCELLED):
            yield Finding(
                WARNING,
                (*path, "status"),
                f"action {action.id} is at 100% but its status is {action.status.value}",
                "set status: done",
            )
        if action.completed is not None and action.status != Status.DONE:
            yield Finding(
                WARNING,
                (*path, "completed"),
                f"action {action.id} has a completion date but its status is {action.status.value}",
                "set status: done, or remove the completion date",
            )
    if plan.health is not None and plan.health.dimensions:
        total = sum(d.weight for d in plan.health.dimensions)
        if abs(total - 100) > 1e-9:
            yield Finding(
                WARNING,
                ("health", "dimensions"),
                f"the health weights sum to {total:g}, not 100",
                "adjust the weights so that they sum to 100",
            )
        thresholds = plan.health.thresholds
        if thresholds.amber > thresholds.green:
            yield Finding(
                ERROR,
                ("health", "thresholds", "amber"),
                f"the amber threshold ({thresholds.amber:g}) is above the green one ({thresholds.green:g})",
                "amber must be the lower of the two, e.g. green: 80, amber: 60",
            )
    for i, kpi in enumerate(plan.kpis):
        if kpi.baseline is not None and kpi.target is not None and kpi.baseline != kpi.target:
            improves_upwards = kpi.target > kpi.baseline
            if improves_upwards != (kpi.direction == Direction.UP):
                yield Finding(
                    WARNING,
                    ("kpis", i, "direction"),
                    f"KPI {kpi.id} goes {kpi.direction.value} but its target ({kpi.target:g})"
                    f" is {'above' if improves_upwards else 'below'} its baseline"
                    f" ({kpi.baseline:g})",
                    f"set direction: {'up' if improves_upwards else 'down'}",
                )
    for i, line in enumerate(plan.value):
        if None not in (line.value_per_year, line.unit_gain, line.volume, line.margin):
            computed = line.unit_gain * line.volume * line.margin
            if abs(computed - line.value_per_year) > max(1.0, abs(computed) * 0.005):
                yield Finding(
                    WARNING,
                    ("value", i, "value_per_year"),
                    f"value line {line.id}: {line.value_per_year:,.0f} per year is stated, but"
                    f" unit gain x volume x margin = {computed:,.0f}",
                    "correct the figures, or remove value_per_year to use the computed value",
                )
