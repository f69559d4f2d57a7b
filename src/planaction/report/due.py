"""Reminders without a server: who has what overdue or due soon, across plans.

Pilots and co-pilots both get reminded (as quality frameworks expect);
milestones, which have no owner of their own, go to the plan's owner;
expected decisions to who decides; a KPI's next measurement to who measures it.
``remind`` mails each person this same list (``due_digest``). The
command's exit code says whether anything is overdue, so that cron or CI can
mail the output only when it matters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from planaction.core import advice, rules
from planaction.core.model import DecisionStatus, Plan
from planaction.present.people import Directory
from planaction.words.folding import person_key
from planaction.words.labels import date_text, number
from planaction.words.markdown_text import md
from planaction.words.remind import say as remind_say
from planaction.words.report import say
from planaction.words.safetext import json_text, one_line


@dataclass(frozen=True)
class Reminder:
    plan: str  # plan title
    file: str
    kind: str  # action, milestone, decision, measurement or playbook
    id: str
    title: str
    due: dt.date
    days: int  # days until due (negative: overdue)
    role: str  # owner, co-owner, plan owner, decision owner, KPI owner, playbook owner
    status: str
    where: tuple[str | int, ...] = ()  # the YAML path of the name that brought it to the person, for messages
    lang: str = "fr"  # the plan's language


@dataclass
class PersonDue:
    name: str
    email: str | None = None
    overdue: list[Reminder] = field(default_factory=list)
    soon: list[Reminder] = field(default_factory=list)

    @property
    def items(self) -> list[Reminder]:
        return [*self.overdue, *self.soon]


def _items(file: str, plan: Plan, today: dt.date) -> Iterator[tuple[str, Reminder]]:
    """(name, reminder) for every open dated item of a plan: whoever answers for it gets it.

    Actions go to their pilot and co-pilots; milestones, which have no owner, to the plan's
    owner; expected decisions to who decides (else the sponsor, else the plan's owner); a
    KPI's next measurement to who measures it (else the plan's owner); a fired playbook to its
    owner.
    """

    def item(kind: str, item_id: str, title: str, due: dt.date, role: str, status: str, where) -> Reminder:
        return Reminder(
            plan.title, file, kind, item_id, title, due, (due - today).days, role, status, where, plan.language
        )

    for i, action in enumerate(plan.actions):
        if not rules.is_open(action) or action.due is None:
            continue
        args = ("action", action.id, action.title, action.due)
        yield action.owner, item(*args, "owner", action.status.value, ("actions", i, "owner"))
        for j, name in enumerate(action.co_owners):
            yield name, item(*args, "co-owner", action.status.value, ("actions", i, "co_owners", j))
    for i, milestone in enumerate(plan.milestones):
        if not milestone.done:
            yield (
                plan.owner,
                item(
                    "milestone",
                    milestone.id,
                    milestone.title,
                    milestone.due,
                    "plan owner",
                    "pending",
                    ("milestones", i),
                ),
            )
    for i, decision in enumerate(plan.decisions):
        if decision.status != DecisionStatus.EXPECTED or decision.due is None:
            continue
        name, where = decision.owner, ("decisions", i, "owner")
        if not name:
            name, where = (plan.sponsor, ("sponsor",)) if plan.sponsor else (plan.owner, ("owner",))
        yield (
            name,
            item("decision", decision.id, decision.title, decision.due, "decision owner", decision.status.value, where),
        )
    for i, kpi in enumerate(plan.kpis):
        due = advice.next_measurement(plan, kpi, today)
        if due is None:
            continue
        name, where = (kpi.owner, ("kpis", i, "owner")) if kpi.owner else (plan.owner, ("owner",))
        title = remind_say("measure_title", plan.language, name=kpi.name)
        yield name, item("measurement", kpi.id, title, due, "KPI owner", "expected", where)
    yield from ((name, replace(r, file=file)) for name, r in _fired(plan, today))


def _fired(plan: Plan, today: dt.date) -> Iterator[tuple[str, Reminder]]:
    """Each fired playbook no open action answers yet, to its owner, due ``delay_days`` after it fired.

    A playbook already answered by an open action is not repeated: that action reminds its pilot.
    """
    from planaction.core.playbooks import fired

    for found in fired(plan, today):
        if found.handled_by is not None:
            continue
        playbook = found.playbook
        due = found.due or today
        title = playbook.action
        where = ("playbooks", found.index, "owner")
        days = (due - today).days
        yield (
            playbook.owner,
            Reminder(
                plan.title,
                "",
                "playbook",
                playbook.signal,
                title,
                due,
                days,
                "playbook owner",
                "fired",
                where,
                plan.language,
            ),
        )


def collect(plans: list[tuple[str, Plan]], today: dt.date, within: int, owner: str | None = None) -> list[PersonDue]:
    """Each person's overdue and due-soon items, most late first; people sorted by name.

    A person is one whatever the spelling of their name (``people.Directory``):
    their items are gathered under the spelling of the plans' ``people:``
    list, with its e-mail; ``owner`` keeps only the person it names. A closed
    plan reminds no one.
    """
    directory = Directory(plan for _file, plan in plans)
    people: dict[str, PersonDue] = {}
    wanted = person_key(owner) if owner else None
    for file, plan in plans:
        if plan.closed:  # done with: it reminds no one
            continue
        for name, reminder in _items(file, plan, today):
            key = person_key(name) or name
            if reminder.days > within or (wanted and key != wanted):
                continue
            person = people.get(key)
            if person is None:
                person = people[key] = PersonDue(directory.name(name), directory.email(name))
            (person.overdue if reminder.days < 0 else person.soon).append(reminder)
    for person in people.values():
        person.overdue.sort(key=lambda r: (r.days, r.plan, r.id))
        person.soon.sort(key=lambda r: (r.days, r.plan, r.id))
    return sorted(people.values(), key=lambda p: (person_key(p.name), p.name))


def anything_overdue(people: list[PersonDue]) -> bool:
    return any(p.overdue for p in people)


def _days(count: int, lang: str) -> str:
    """ "1 jour", "3 577 487 jours": the count grouped as the language writes numbers."""
    return f"{number(count, lang)} {say('days' if count > 1 else 'day', lang)}"


def _when(r: Reminder, lang: str) -> str:
    if r.days < 0:
        return say("overdue_by", lang, days=_days(-r.days, lang))
    if r.days == 0:
        return say("due_today", lang)
    return say("due_in", lang, days=_days(r.days, lang))


def _nothing(within: int, lang: str) -> str:
    """The answer when no one has anything overdue or due within the window."""
    if within == 0:
        return say("nothing_today", lang)
    if within == 1:
        return say("nothing_next_day", lang)
    return say("nothing_within", lang, count=number(within, lang))


def _role(r: Reminder, lang: str) -> str:
    key = "role_" + r.role.replace("-", "_").replace(" ", "_").lower()
    return say(key, lang) if key in say else remind_say(key, lang)


def _kind(r: Reminder, lang: str) -> str:
    if r.kind == "milestone":
        return say("milestone", lang) + " "
    return remind_say("kind_" + r.kind, lang) + " " if r.kind != "action" else ""


def when(r: Reminder, lang: str) -> str:
    """ "3 jours de retard", "aujourd'hui", "dans 2 jours"."""
    return _when(r, lang)


def role(r: Reminder, lang: str) -> str:
    return _role(r, lang)


def kind(r: Reminder, lang: str) -> str:
    """ "jalon ", "décision ", "" for an action: what to put before an item's id."""
    return _kind(r, lang)


def render_text(people: list[PersonDue], today: dt.date, within: int, lang: str) -> str:
    if not people:
        return _nothing(within, lang) + "\n"
    out = []
    for person in people:
        head = one_line(person.name) + (f" <{one_line(person.email)}>" if person.email else "")
        out.append(head)
        for label, items in ((say("due_overdue", lang), person.overdue), (say("due_soon", lang), person.soon)):
            for r in items:
                out.append(
                    f"  {label:<9} {date_text(r.due, lang)}  {_kind(r, lang)}{one_line(r.id)} {one_line(r.title)} — {one_line(r.plan)} ({_role(r, lang)}, {_when(r, lang)})"
                )
        out.append("")
    return "\n".join(out)


def render_markdown(people: list[PersonDue], today: dt.date, within: int, lang: str) -> str:
    out = [f"## {say('due_as_of', lang)} {date_text(today, lang)}", ""]
    if not people:
        out.append(_nothing(within, lang))
    for person in people:
        out.append(f"### {md(person.name)}" + (f" ({md(person.email)})" if person.email else ""))
        out.append("")
        for label, items in (
            (f"🔴 {say('due_overdue_md', lang)}", person.overdue),
            (f"🟠 {say('due_soon_md', lang)}", person.soon),
        ):
            for r in items:
                out.append(
                    f"- {label} — {date_text(r.due, lang)} — {_kind(r, lang)}**{md(r.id)}** {md(r.title)} — _{md(r.plan)}_ ({_role(r, lang)}, {_when(r, lang)})"
                )
        out.append("")
    return "\n".join(out) + "\n"


def render_json(people: list[PersonDue], today: dt.date, within: int) -> str:
    def item(r: Reminder) -> dict[str, Any]:
        return {
            "kind": r.kind,
            "plan": r.plan,
            "file": r.file,
            "id": r.id,
            "title": r.title,
            "due": r.due.isoformat(),
            "days": r.days,
            "role": r.role,
            "status": r.status,
        }

    data = {
        "today": today.isoformat(),
        "within_days": within,
        "overdue": anything_overdue(people),
        "people": [
            {
                "name": p.name,
                "email": p.email,
                "overdue": [item(r) for r in p.overdue],
                "due_soon": [item(r) for r in p.soon],
            }
            for p in people
        ],
    }
    return json_text(data)
