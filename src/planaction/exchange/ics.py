"""Plans as an iCalendar (RFC 5545) file: everyone's, or one person's (``ics --owner``, ``remind``).

Each event's UID is made of the plan's id and the item's id, so importing the
calendar again updates the events instead of duplicating them. Open actions,
pending milestones and expected decisions carry an alarm the day before at
9:00; an overdue open item also gets an event every day from today, alarming
at 9:00, until it is done; rituals are recurring events (RRULE) for their
participants, a KPI's measurement cadence a recurring reminder to who
measures it. Events name the plan's owner as organiser and the people
concerned as attendees when the plans give their e-mails. Cancelled actions
are sent as cancelled events, so calendars drop them.

The writer is our own, not the ``icalendar`` package: the format needs a
dozen properties, the escaping and folding below are tested to the octet,
and the tests read every calendar back with ``icalendar`` — an independent
reader, which a writer built on the same package would not give. Text is escaped
as the RFC says (backslash, comma, semicolon, line breaks) and lines are
folded at 75 octets without splitting a character.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from planaction import __version__
from planaction.core import advice, rules
from planaction.core.model import DecisionStatus, Frequency, Plan, Status
from planaction.present.people import Directory, usable_email
from planaction.words.exchange import say
from planaction.words.fields import LABELS
from planaction.words.folding import person_key
from planaction.words.labels import verdict, word
from planaction.words.remind import say as remind_say
from planaction.words.safetext import one_line, printable

#: The alarm of an open item: the day before, at 9:00 (all-day events start at 0:00).
ALARM = "-PT15H"


def escape(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as \\n,
    and no control character (they show as U+FFFD)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    escaped = [printable(line).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,") for line in lines]
    return "\\n".join(escaped)


def fold(line: str) -> str:
    """Fold a content line at 75 octets (continuations start with a space), never inside a character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts = []
    at, limit = 0, 75
    while len(encoded) - at > limit:
        cut = at + limit
        while encoded[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            cut -= 1
        parts.append(encoded[at:cut])
        at, limit = cut, 74  # continuation lines lose one octet to the space
    parts.append(encoded[at:])
    return b"\r\n ".join(parts).decode("utf-8")


def _date(day: dt.date) -> str:
    """RFC 5545 DATE: always four digits of year (strftime writes the year 205 as "205")."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _uid_part(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in text)


def uid_prefix(plan_id: str) -> str:
    """What every UID of a plan's events starts with: two plans of one calendar need different ones."""
    return _uid_part(plan_id)


#: RRULE of each frequency (``once``: no rule, a single event).
RRULES = {
    Frequency.DAILY: "FREQ=DAILY",
    Frequency.WEEKLY: "FREQ=WEEKLY",
    Frequency.BIWEEKLY: "FREQ=WEEKLY;INTERVAL=2",
    Frequency.MONTHLY: "FREQ=MONTHLY",
    Frequency.QUARTERLY: "FREQ=MONTHLY;INTERVAL=3",
    Frequency.YEARLY: "FREQ=YEARLY",
}
#: The alarm of a recurring reminder and of an overdue item: 9:00 on the day itself.
SAME_DAY = "PT9H"


def _param(text: str) -> str:
    """A quoted parameter value (CN): one line, printable, no double quote (RFC 5545 has no escape for it)."""
    return '"' + one_line(text).replace('"', "'") + '"'


class People:
    """Who an event concerns: a ``person_key`` to keep one person's events, and the e-mails the plans give."""

    def __init__(self, plans: Iterable[Plan], owner: str | None = None) -> None:
        self.directory = Directory(plans)
        self.wanted = person_key(owner) if owner else None

    def concerns(self, *names: str | None) -> bool:
        return self.wanted is None or any(name and person_key(name) == self.wanted for name in names)

    def address(self, name: str | None) -> tuple[str, str] | None:
        email = usable_email(self.directory.email(name)) if name else None
        return (self.directory.name(name), email) if name and email else None

    def attendees(self, *names: str | None) -> list[str]:
        lines, seen = [], set()
        for name in names:
            found = self.address(name)
            if found is None or found[1] in seen:
                continue
            seen.add(found[1])
            lines.append(f"ATTENDEE;CN={_param(found[0])};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:{found[1]}")
        return lines

    def organiser(self, name: str) -> list[str]:
        found = self.address(name)
        return [f"ORGANIZER;CN={_param(found[0])}:mailto:{found[1]}"] if found else []


def events(plan: Plan, plan_id: str, today: dt.date, stamp: str, people: People | None = None) -> Iterable[list[str]]:
    """The plan's events for ``people`` (everyone's when it keeps no one): actions, milestones, expected
    decisions, recurring rituals and KPI measurements, and a daily reminder for each overdue open item."""
    lang = plan.language
    people = people or People([plan])
    organiser = people.organiser(plan.owner)
    live = not plan.closed  # a closed plan keeps its history but reminds no one

    def line(key: str, value: str) -> str:
        return say("label_value", lang, label=word(key, lang) if key else "Plan", value=value)

    def uid(kind: str, item_id: str) -> str:
        return f"{uid_prefix(plan_id)}-{kind}-{_uid_part(item_id)}@planaction"

    for action in plan.actions:
        if action.due is None or not people.concerns(action.owner, *action.co_owners):
            continue
        assessment = rules.action_rag(action, today)
        summary = f"[{action.id}] {action.title} — {action.owner}"
        if action.status == Status.DONE:
            summary = f"✓ {summary}"
        progress = say("percent", lang, value=action.progress)
        details = [line("status", f"{action.status.label(lang)} — {progress}"), line("", plan.title)]
        if assessment.rag is not None:
            details.append(line("rag", verdict(assessment, lang)))
        if action.co_owners:
            details.append(line("co_owners", ", ".join(action.co_owners)))
        if action.indicators:
            details.append(line("indicators", say("list_sep", lang).join(action.indicators)))
        reminder = say("due_tomorrow", lang, id=action.id, title=action.title)
        is_open = rules.is_open(action)
        yield _event(
            uid=uid("action", action.id),
            stamp=stamp,
            day=action.due,
            summary=summary,
            details=details,
            plan_id=plan_id,
            cancelled=action.status == Status.CANCELLED,
            reminder=reminder if is_open and live else None,
            extra=organiser + people.attendees(action.owner, *action.co_owners),
        )
        if is_open and live and action.due < today:
            yield _overdue(
                uid("overdue", action.id), stamp, today, f"[{action.id}] {action.title}", details, plan_id, lang
            )
        elif not is_open and action.completed is not None and action.completed > action.due:
            # it was late and is done now: the daily reminder some calendar imported is cancelled
            yield _overdue(
                uid("overdue", action.id),
                stamp,
                action.due,
                f"[{action.id}] {action.title}",
                details,
                plan_id,
                lang,
                cancelled=True,
            )
    milestones_mine = people.concerns(plan.owner)
    for milestone in plan.milestones if milestones_mine else ():
        summary = f"◆ {milestone.title}" + (" ✓" if milestone.done else "")
        details = [line("", plan.title)]
        if milestone.criteria:
            details.append(line("criteria", milestone.criteria))
        if milestone.deliverables:
            details.append(line("deliverables", say("list_sep", lang).join(milestone.deliverables)))
        reminder = say("milestone_tomorrow", lang, title=milestone.title)
        yield _event(
            uid=uid("milestone", milestone.id),
            stamp=stamp,
            day=milestone.due,
            summary=summary,
            details=details,
            plan_id=plan_id,
            cancelled=False,
            reminder=None if milestone.done or not live else reminder,
            extra=organiser,
        )
        if not milestone.done and live and milestone.due < today:
            yield _overdue(
                uid("overdue-milestone", milestone.id), stamp, today, f"◆ {milestone.title}", details, plan_id, lang
            )
    yield from _decisions(plan, plan_id, stamp, people, organiser, live)
    if live:
        yield from _recurring(plan, plan_id, today, stamp, people, organiser)


def _decisions(
    plan: Plan, plan_id: str, stamp: str, people: People, organiser: list[str], live: bool
) -> Iterable[list[str]]:
    """Each decision with a date: expected ones remind who decides the day before; taken or dropped ones are history."""
    lang = plan.language
    for decision in plan.decisions:
        day = decision.date or decision.due
        decider = decision.owner or plan.sponsor or plan.owner
        if day is None or not people.concerns(decider):
            continue
        expected = decision.status == DecisionStatus.EXPECTED
        mark = "⚖" if expected else "⚖ ✓" if decision.status == DecisionStatus.TAKEN else "⚖ ✗"
        details = [say("label_value", lang, label="Plan", value=plan.title)]
        if decision.outcome:
            details.append(decision.outcome)
        yield _event(
            uid=f"{uid_prefix(plan_id)}-decision-{_uid_part(decision.id)}@planaction",
            stamp=stamp,
            day=day,
            summary=f"{mark} [{decision.id}] {decision.title} — {decider}",
            details=details,
            plan_id=plan_id,
            cancelled=decision.status == DecisionStatus.DROPPED,
            reminder=remind_say("decision_alarm", lang, title=decision.title) if expected and live else None,
            extra=organiser + people.attendees(decider),
        )


def _recurring(
    plan: Plan, plan_id: str, today: dt.date, stamp: str, people: People, organiser: list[str]
) -> Iterable[list[str]]:
    """Rituals as recurring events for their participants, and each KPI's measurement cadence as a
    recurring reminder to who measures it, from the next one due until the plan's (or the KPI's) end."""
    lang = plan.language
    end = plan.period.end if plan.period is not None else None
    for ritual in plan.rituals:
        rule = RRULES.get(ritual.frequency) if ritual.frequency is not None else None
        if not people.concerns(plan.owner, *ritual.participants):
            continue
        period = advice.FREQUENCY_DAYS.get(ritual.frequency) if ritual.frequency is not None else None
        first = ritual.last_held + dt.timedelta(days=period) if ritual.last_held and period else None
        first = first or (plan.period.start if plan.period is not None else None)
        if first is None or (end is not None and first > end):
            continue
        details = [say("label_value", lang, label="Plan", value=plan.title)]
        if ritual.purpose:
            details.append(ritual.purpose)
        yield _event(
            uid=f"{uid_prefix(plan_id)}-ritual-{_uid_part(ritual.name)}@planaction",
            stamp=stamp,
            day=first,
            summary=f"↻ {ritual.name}",
            details=details,
            plan_id=plan_id,
            cancelled=False,
            reminder=None,
            extra=organiser + people.attendees(*ritual.participants) + _rule(rule, end),
            busy=True,
        )
    for kpi in plan.kpis:
        due = advice.next_measurement(plan, kpi, today)
        measurer = kpi.owner or plan.owner
        if due is None or not people.concerns(measurer):
            continue
        until = min((d for d in (end, kpi.deadline) if d is not None), default=None)
        rule = RRULES.get(kpi.frequency) if kpi.frequency is not None else None
        details = [say("label_value", lang, label="Plan", value=plan.title)]
        if kpi.source:
            details.append(say("label_value", lang, label=LABELS("Kpi.source", lang), value=kpi.source))
        yield _event(
            uid=f"{uid_prefix(plan_id)}-measure-{_uid_part(kpi.id)}@planaction",
            stamp=stamp,
            day=due,
            summary=f"📏 [{kpi.id}] " + remind_say("measure_title", lang, name=kpi.name),
            details=details,
            plan_id=plan_id,
            cancelled=False,
            reminder=remind_say("measure_alarm", lang, name=kpi.name),
            trigger=SAME_DAY,
            extra=organiser + people.attendees(measurer) + _rule(rule, until if until is None or until >= due else due),
        )


def _rule(rule: str | None, until: dt.date | None) -> list[str]:
    if rule is None:
        return []
    return [f"RRULE:{rule}" + (f";UNTIL={_date(until)}" if until is not None else "")]


def _overdue(
    uid: str,
    stamp: str,
    day: dt.date,
    title: str,
    details: list[str],
    plan_id: str,
    lang: str,
    *,
    cancelled: bool = False,
) -> list[str]:
    """The reminder of an overdue open item: an event every day from ``day``, alarming at 9:00, until
    the item is done (the next calendar then sends it cancelled, under the same UID)."""
    return _event(
        uid=uid,
        stamp=stamp,
        day=day,
        summary="⚠ " + remind_say("overdue_alarm", lang, title=title),
        details=details,
        plan_id=plan_id,
        cancelled=cancelled,
        reminder=None if cancelled else remind_say("overdue_alarm", lang, title=title),
        trigger=SAME_DAY,
        extra=["RRULE:FREQ=DAILY"],
    )


def _event(
    *,
    uid: str,
    stamp: str,
    day: dt.date,
    summary: str,
    details: list[str],
    plan_id: str,
    cancelled: bool,
    reminder: str | None,
    trigger: str = ALARM,
    extra: list[str] = (),  # type: ignore[assignment]
    busy: bool = False,
) -> list[str]:
    """One all-day VEVENT, with an alarm (the day before, or ``trigger``) when there is a ``reminder``.

    Any date a plan can hold gives a valid event: on 9999-12-31 the exclusive
    end (the next day) does not exist, so DTEND is left out, which RFC 5545
    reads as one day all the same; on 0001-01-01 the day before does not
    exist either, so the event has no reminder.
    """
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_date(day)}",
    ]
    if day < dt.date.max:
        lines.append(f"DTEND;VALUE=DATE:{_date(day + dt.timedelta(days=1))}")
    lines += [
        f"SUMMARY:{escape(summary)}",
        f"DESCRIPTION:{escape(chr(10).join(details))}",
        f"CATEGORIES:{escape('planaction')},{escape(plan_id)}",
        f"TRANSP:{'OPAQUE' if busy else 'TRANSPARENT'}",
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
        *extra,
    ]
    if reminder is not None and (day > dt.date.min or trigger == SAME_DAY):
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape(reminder)}",
            f"TRIGGER:{trigger}",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines


def calendar(
    plans: list[tuple[str, Plan]],
    name: str,
    today: dt.date,
    *,
    now: dt.datetime | None = None,
    owner: str | None = None,
) -> str:
    """The calendar of plans given as (plan id, plan); ``owner``: only that person's events."""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    people = People((plan for _plan_id, plan in plans), owner)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//planaction//planaction {__version__}//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for plan_id, plan in plans:
        for event in events(plan, plan_id, today, stamp, people):
            lines.extend(event)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
