"""Reminders without a server: who has what overdue or due soon, across plans.

Pilots and co-pilots both get reminded (as quality frameworks expect);
milestones, which have no owner of their own, go to the plan's owner. The
command's exit code says whether anything is overdue, so that cron or CI can
mail the output only when it matters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from planaction.core import rules
from planaction.core.model import Plan
from planaction.present.people import Directory
from planaction.words.folding import person_key
from planaction.words.labels import date_text, number
from planaction.words.markdown_text import md
from planaction.words.report import say
from planaction.words.safetext import json_text, one_line


@dataclass(frozen=True)
class Reminder:
    plan: str  # plan title
    file: str
    kind: str  # action or milestone
    id: str
    title: str
    due: dt.date
    days: int  # days until due (negative: overdue)
    role: str  # owner, co-owner, plan owner
    status: str


@dataclass
class PersonDue:
    name: str
    email: str | None = None
    overdue: list[Reminder] = field(default_factory=list)
    soon: list[Reminder] = field(default_factory=list)


def collect(plans: list[tuple[str, Plan]], today: dt.date, within: int, owner: str | None = None) -> list[PersonDue]:
    """Each person's overdue and due-soon items, most late first; people sorted by name.

    A person is one whatever the spelling of their name (``people.Directory``):
    their items are gathered under the spelling of the plans' ``people:``
    list, with its e-mail; ``owner`` keeps only the person it names.
    """
    directory = Directory(plan for _file, plan in plans)
    people: dict[str, PersonDue] = {}
    wanted = person_key(owner) if owner else None

    def add(name: str, reminder: Reminder) -> None:
        key = person_key(name) or name
        if wanted and key != wanted:
            return
        person = people.get(key)
        if person is None:
            person = people[key] = PersonDue(directory.name(name), directory.email(name))
        (person.overdue if reminder.days < 0 else person.soon).append(reminder)

    for file, plan in plans:
        if plan.closed:  # done with: it reminds no one
            continue
        for action in plan.actions:
            if not rules.is_open(action) or action.due is None:
                continue
            days = (action.due - today).days
            if days > within:
                continue
            for name, role in [(action.owner, "owner"), *((c, "co-owner") for c in action.co_owners)]:
                add(
                    name,
                    Reminder(
                        plan.title, file, "action", action.id, action.title, action.due, days, role, action.status.value
                    ),
                )
        for milestone in plan.milestones:
            if milestone.done:
                continue
            days = (milestone.due - today).days
            if days <= within:
                add(
                    plan.owner,
                    Reminder(
                        plan.title,
                        file,
                        "milestone",
                        milestone.id,
                        milestone.title,
                        milestone.due,
                        days,
                        "plan owner",
                        "pending",
                    ),
                )
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
    return say("role_" + r.role.replace("-", "_").replace(" ", "_"), lang)


def _kind(r: Reminder, lang: str) -> str:
    return say("milestone", lang) + " " if r.kind == "milestone" else ""


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
