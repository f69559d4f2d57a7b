"""The method's advice: the mistakes the guides warn of, found in a plan as located warnings.

The schema and ``checks`` say whether a plan is *usable*; this module says whether it follows
the *method* of the guides (``../shared/seeds/``): a SMART objective, one real owner per
action, a start date, a priority, an indicator, an origin in a quality plan, 3 to 5 KPIs each
with a source and a frequency, priorities that choose, a plan kept up to date, actions linked
to what they serve, dependencies whose dates agree, results recorded. Each finding is a
warning with a stable code (``advice.<rule>``, the message's code) at the offending value, and
a hint that says what to do; ``validate --strict`` makes them errors.

Some advice depends on the date (a plan not followed up for 30 days), so ``advise`` is a pure
function of ``(plan, today)``, like ``rules``. A plan silences a code with a reason under
``advice: {ignore: [{code, reason, ids}]}``; an ignore without a reason, or naming no known
code, is itself reported, so that a silenced warning always says why.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator

from planaction.core.checks import WARNING, Finding, Path
from planaction.core.model import ID_SECTIONS, Action, Frequency, Kpi, Level, Plan, PlanType, Status, normalise_word
from planaction.core.rules import FREQUENCY_DAYS
from planaction.core.value import latest
from planaction.message import Message, say

#: Seed 003 ("3–5 KPI max, tous reliés à une source"): more KPIs than this is "trop d'objectifs".
MAX_KPIS = 5
#: Issue 14's default for "a plan not kept up to date" (seed 002: "Le plan d'actions est rédigé,
#: imprimé puis rangé dans un classeur"); a plan may set its own under ``advice: {stale_days}``.
STALE_DAYS = 30
#: Seed 002 ("Trop d'actions, pas de priorisation: tout est traité en même temps"): below this
#: many open actions, a plan is too small to say its priorities do not choose.
MIN_OPEN_FOR_BALANCE = 5
#: Seed 002 (same mistake): more than this share of open actions at high priority is no priority.
MAX_HIGH_SHARE = 0.5
#: Seed 002 ("mieux répartir la charge de travail pour les professionnels"): an owner holds "far
#: more" open actions than the others when they hold this many times the next-busiest owner's...
OVERLOAD_FACTOR = 2
#: ...and at least this many (two actions against one is no overload).
OVERLOAD_MIN = 4
#: Seed 003 (data dictionary: "source, fréquence"): a measurement is late once this many periods
#: of its frequency have passed since the last one; a ritual likewise against its cadence.
LATE_FACTOR = 1.5
#: Seed 002 ("Nommer un responsable clairement pour chaque action (et pas « l'équipe »)"): the
#: first word (after an article) of an owner that names a group rather than one person.
COLLECTIVE_WORDS = frozenset(
    {"equipe", "equipes", "team", "teams", "tous", "toutes", "everyone", "everybody", "all", "staff", "collectif"}
)
_ARTICLES = frozenset({"l", "la", "le", "les", "the", "our", "notre", "nos"})
_OPEN = (Status.TODO, Status.IN_PROGRESS, Status.BLOCKED)

#: Findings of one code shown for a plan; the rest are counted in one ``advice.more``.
MAX_PER_CODE = 100

#: Every code ``advise`` can say, in the order of the README's table.
CODES = (
    "advice.objective_no_target",
    "advice.objective_no_deadline",
    "advice.objective_no_measure",
    "advice.collective_owner",
    "advice.no_start",
    "advice.no_priority",
    "advice.no_indicator",
    "advice.no_origin",
    "advice.too_many_kpis",
    "advice.kpi_no_source",
    "advice.kpi_no_frequency",
    "advice.too_many_high",
    "advice.owner_overloaded",
    "advice.stale",
    "advice.kpi_late",
    "advice.ritual_overdue",
    "advice.unlinked_action",
    "advice.unlinked_objective",
    "advice.starts_before_predecessor",
    "advice.done_before_predecessor",
    "advice.no_result",
    "advice.stated_value_differs",
    "advice.ignore_no_reason",
    "advice.ignore_unknown_code",
    "advice.more",
)
#: The advice that depends on the date (``validate --today``).
TIME_CODES = frozenset({"advice.stale", "advice.kpi_late", "advice.ritual_overdue", "advice.stated_value_differs"})


def _warn(path: Path, rule: str, /, **values: object) -> Finding:
    return Finding(WARNING, path, say(rule, **values), say(rule + ".hint", **values))


def advise(plan: Plan, today: dt.date) -> list[Finding]:
    """The method's advice on ``plan`` as of ``today``, less what the plan silences (the store puts
    them in file order once it knows their lines)."""
    silenced = silencer(plan)
    kept = [f for f in rules(plan, today) if not silenced(f)]
    return [*_at_most(kept, MAX_PER_CODE), *_ignore_problems(plan)]


def _at_most(findings: list[Finding], limit: int) -> list[Finding]:
    """The first ``limit`` findings of each code, then one that says how many more: a plan of
    100,000 actions without start dates needs one sentence, not 100,000 (nor their memory)."""
    seen: Counter[str] = Counter()
    kept: list[Finding] = []
    first_over: dict[str, Finding] = {}
    for finding in findings:
        code = finding.said.code
        seen[code] += 1
        if seen[code] <= limit:
            kept.append(finding)
        elif code not in first_over:
            first_over[code] = finding
    for code, finding in first_over.items():
        kept.append(_warn(finding.path, "advice.more", code=code, count=seen[code] - limit))
    return kept


def rules(plan: Plan, today: dt.date) -> list[Finding]:
    """Every piece of advice, silenced or not."""
    return [
        *_objective(plan),
        *_actions(plan),
        *_kpis(plan),
        *_balance(plan),
        *_up_to_date(plan, today),
        *_links(plan),
        *_dependencies(plan),
        *_stated_values(plan, today),
    ]


def subject_id(plan: Plan, path: Path) -> str | None:
    """The id of the item a finding is about (an action, a KPI...), if it is about one."""
    if len(path) >= 2 and path[0] in ID_SECTIONS and isinstance(path[1], int):
        items = getattr(plan, str(path[0]))
        if path[1] < len(items):
            return items[path[1]].id
    return None


def silencer(plan: Plan) -> Callable[[Finding], bool]:
    """Whether the plan silences a finding: its code is ignored, everywhere or for its item."""
    ignores = plan.advice.ignore if plan.advice is not None else ()

    def silenced(finding: Finding) -> bool:
        code = finding.said.code
        for ignore in ignores:
            if ignore.code.strip() == code and (not ignore.ids or subject_id(plan, finding.path) in ignore.ids):
                return True
        return False

    return silenced


def _ignore_problems(plan: Plan) -> Iterator[Finding]:
    if plan.advice is None:
        return
    for k, ignore in enumerate(plan.advice.ignore):
        code = ignore.code.strip()
        if code not in CODES:
            import difflib

            close = difflib.get_close_matches(code, CODES, n=1, cutoff=0.6)
            yield Finding(
                WARNING,
                ("advice", "ignore", k, "code"),
                say("advice.ignore_unknown_code", code=code),
                say("advice.ignore_unknown_code.hint", closest=close[0] if close else CODES[0]),
            )
        if not (ignore.reason or "").strip():
            yield _warn(("advice", "ignore", k), "advice.ignore_no_reason", code=code)


def _objective(plan: Plan) -> Iterator[Finding]:
    objective = plan.objective
    if objective is not None:
        at: Path = ("objective", "statement")
        what = say("advice.the_objective")
        if objective.target is None:
            yield _warn(at, "advice.objective_no_target", what=what)
        if objective.deadline is None:
            yield _warn(at, "advice.objective_no_deadline", what=what)
        if objective.unit is None and objective.indicator is None and objective.kpi is None:
            yield _warn(at, "advice.objective_no_measure", what=what)
    for i, operational in enumerate(plan.objectives):
        at = ("objectives", i, "title")
        what = say("advice.the_operational", id=operational.id)
        if operational.deadline is None:
            yield _warn(at, "advice.objective_no_deadline", what=what)
        if not operational.indicators:
            yield _warn(at, "advice.objective_no_measure", what=what)


def is_collective(owner: str) -> bool:
    """Whether an owner names a group ("l'équipe", "Tous", "The team", "Équipe cuisine")."""
    words = [w for w in normalise_word(owner).split("_") if w]
    while words and words[0] in _ARTICLES:
        words = words[1:]
    if words[:3] == ["tout", "le", "monde"]:
        return True
    return bool(words) and words[0] in COLLECTIVE_WORDS


def _actions(plan: Plan) -> Iterator[Finding]:
    quality = plan.type == PlanType.CONTINUOUS_IMPROVEMENT
    followed = {entry.action for entry in plan.log}
    for i, action in enumerate(plan.actions):
        if action.status == Status.CANCELLED:
            continue
        here: Path = ("actions", i)
        if is_collective(action.owner):
            yield _warn((*here, "owner"), "advice.collective_owner", id=action.id, owner=action.owner)
        if action.start is None:
            yield _warn(here, "advice.no_start", id=action.id)
        if action.priority is None and action.status in _OPEN:
            yield _warn(here, "advice.no_priority", id=action.id)
        if not action.indicators and action.kpi is None:
            yield _warn(here, "advice.no_indicator", id=action.id)
        if quality and not action.origins:
            yield _warn(here, "advice.no_origin", id=action.id)
        if action.status in (Status.DONE, Status.IN_PROGRESS) and not _has_result(plan, action, followed):
            yield _warn((*here, "status"), "advice.no_result", id=action.id)


def _has_result(plan: Plan, action: Action, followed: set[str | None]) -> bool:
    """A result is recorded: a follow-up entry, a comment, or a measurement of the KPI it moves
    taken since it started (seed 000: "compléter les résultats observés dès les premières étapes")."""
    if action.id in followed or action.comment:
        return True
    kpi = plan.kpi(action.kpi) if action.kpi is not None else None
    return kpi is not None and any(action.start is None or m.date >= action.start for m in kpi.measurements)


def _kpis(plan: Plan) -> Iterator[Finding]:
    if len(plan.kpis) > MAX_KPIS:
        yield _warn(("kpis", MAX_KPIS), "advice.too_many_kpis", count=len(plan.kpis), most=MAX_KPIS)
    for i, kpi in enumerate(plan.kpis):
        if not kpi.source:
            yield _warn(("kpis", i), "advice.kpi_no_source", id=kpi.id)
        if kpi.frequency is None:
            yield _warn(("kpis", i), "advice.kpi_no_frequency", id=kpi.id)


def _balance(plan: Plan) -> Iterator[Finding]:
    open_actions = [(i, a) for i, a in enumerate(plan.actions) if a.status in _OPEN]
    if len(open_actions) < MIN_OPEN_FOR_BALANCE:
        return
    high = sum(1 for _, a in open_actions if a.priority == Level.HIGH)
    if high > MAX_HIGH_SHARE * len(open_actions):
        yield _warn(("actions",), "advice.too_many_high", high=high, open=len(open_actions))
    loads = Counter(a.owner for _, a in open_actions).most_common()
    if len(loads) >= 2:
        (owner, most), (_, next_most) = loads[0], loads[1]
        if most >= OVERLOAD_MIN and most >= OVERLOAD_FACTOR * next_most:
            first = next(i for i, a in open_actions if a.owner == owner)
            yield _warn(
                ("actions", first, "owner"), "advice.owner_overloaded", owner=owner, count=most, next_most=next_most
            )


def running_since(plan: Plan, today: dt.date) -> dt.date | None:
    """The day the plan started, if it runs on ``today``: from its period's start (else its first
    action's start) until its period's end. A plan not started or over is not followed up."""
    starts = [a.start for a in plan.actions if a.start is not None]
    start = plan.period.start if plan.period is not None else min(starts, default=None)
    if start is None or today < start or (plan.period is not None and today > plan.period.end):
        return None
    return start


def next_measurement(plan: Plan, kpi: Kpi, today: dt.date) -> dt.date | None:
    """The day the KPI's next measurement is due: one period of its frequency after the last one
    (or after the plan's start). None when it has no cadence, its deadline is past or the plan is
    not running: reminders (``due``, ``remind``, the calendars) ask for nothing then."""
    period = FREQUENCY_DAYS.get(kpi.frequency) if kpi.frequency is not None else None
    start = running_since(plan, today)
    if period is None or start is None or (kpi.deadline is not None and kpi.deadline < today):
        return None
    last = max((m.date for m in kpi.measurements if m.date <= today), default=start)
    return last + dt.timedelta(days=period)


def _up_to_date(plan: Plan, today: dt.date) -> Iterator[Finding]:
    start = running_since(plan, today)
    if start is None:
        return
    days = plan.advice.stale_days if plan.advice is not None and plan.advice.stale_days else STALE_DAYS
    if any(a.status in _OPEN for a in plan.actions):
        dates = [e.date for e in plan.log if e.date <= today]
        dates += [m.date for k in plan.kpis for m in k.measurements if m.date <= today]
        last = max([start, *dates])
        if (today - last).days > days:
            at: Path = ("log", len(plan.log) - 1) if plan.log else ("actions",)
            yield _warn(at, "advice.stale", since=last, days=(today - last).days, most=days)
    for i, kpi in enumerate(plan.kpis):
        period = FREQUENCY_DAYS.get(kpi.frequency) if kpi.frequency is not None else None
        if period is None or (kpi.deadline is not None and kpi.deadline < today):
            continue
        measured = [m.date for m in kpi.measurements if m.date <= today]
        last = max(measured, default=start)
        if (today - last).days > period * LATE_FACTOR:
            at = ("kpis", i, "measurements", len(kpi.measurements) - 1) if kpi.measurements else ("kpis", i)
            yield _warn(at, "advice.kpi_late", id=kpi.id, since=last, frequency=_every(kpi.frequency))
    for i, ritual in enumerate(plan.rituals):
        period = FREQUENCY_DAYS.get(ritual.frequency) if ritual.frequency is not None else None
        if period is None or ritual.last_held is None:
            continue
        if (today - ritual.last_held).days > period * LATE_FACTOR:
            yield _warn(
                ("rituals", i, "last_held"),
                "advice.ritual_overdue",
                name=ritual.name,
                since=ritual.last_held,
                frequency=_every(ritual.frequency),
            )


def _every(frequency: Frequency | None) -> Message:
    """A frequency as the words say it ("monthly", « mensuelle »)."""
    return say("advice.frequency." + (frequency.value if frequency is not None else "once"))


def _links(plan: Plan) -> Iterator[Finding]:
    if plan.objectives:
        for i, action in enumerate(plan.actions):
            if action.objective is None and action.status != Status.CANCELLED:
                yield _warn(("actions", i), "advice.unlinked_action", id=action.id)
    if plan.stakes:
        for i, objective in enumerate(plan.objectives):
            if objective.stake is None:
                yield _warn(("objectives", i, "title"), "advice.unlinked_objective", id=objective.id)


def _dependencies(plan: Plan) -> Iterator[Finding]:
    by_id = {a.id: a for a in plan.actions}
    for i, action in enumerate(plan.actions):
        for j, other_id in enumerate(action.depends_on):
            other = by_id.get(other_id)
            if other is None or other.status == Status.CANCELLED:
                continue
            # a predecessor done before the start is no contradiction, whatever its due date said
            ends = other.completed if other.status == Status.DONE and other.completed else other.due
            if action.start is not None and ends is not None and action.start < ends:
                yield _warn(
                    ("actions", i, "start"),
                    "advice.starts_before_predecessor",
                    id=action.id,
                    start=action.start,
                    other=other.id,
                    due=ends,
                )
            if action.status == Status.DONE and other.status in _OPEN:
                yield _warn(
                    ("actions", i, "depends_on", j), "advice.done_before_predecessor", id=action.id, other=other.id
                )


def _stated_values(plan: Plan, today: dt.date) -> Iterator[Finding]:
    """A figure typed in the file that its KPI's latest measurement contradicts: the objective's
    ``current``, a value line's ``actual`` (the reports follow the KPI; the file should too)."""
    objective = plan.objective
    if objective is not None and objective.current is not None and objective.kpi:
        kpi = plan.kpi(objective.kpi)
        measured = latest(kpi, today) if kpi is not None else None
        if measured is not None and measured != objective.current:
            yield _warn(
                ("objective", "current"),
                "advice.stated_value_differs",
                what=say("advice.the_objective"),
                stated=objective.current,
                kpi=objective.kpi,
                measured=measured,
            )
    for i, line in enumerate(plan.value):
        kpi = plan.kpi(line.kpi) if line.kpi else None
        measured = latest(kpi, today) if kpi is not None else None
        if line.actual is not None and measured is not None and measured != line.actual:
            yield _warn(
                ("value", i, "actual"),
                "advice.stated_value_differs",
                what=say("advice.the_value_line", id=line.id),
                stated=line.actual,
                kpi=line.kpi,
                measured=measured,
            )
