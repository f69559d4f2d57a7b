"""Action due dates and milestones as an iCalendar (RFC 5545) file.

Each event's UID is made of the plan's id and the item's id, so importing the
calendar again updates the events instead of duplicating them. Open actions
and pending milestones carry an alarm the day before at 9:00; cancelled
actions are sent as cancelled events, so calendars drop them. Text is escaped
as the RFC says (backslash, comma, semicolon, line breaks) and lines are
folded at 75 octets without splitting a character.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from planaction import __version__
from planaction.core import rules
from planaction.core.model import Plan, Status
from planaction.words.exchange import say
from planaction.words.labels import verdict, word
from planaction.words.safetext import printable

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


def events(plan: Plan, plan_id: str, today: dt.date, stamp: str) -> Iterable[list[str]]:
    lang = plan.language

    def line(key: str, value: str) -> str:
        return say("label_value", lang, label=word(key, lang) if key else "Plan", value=value)

    for action in plan.actions:
        if action.due is None:
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
        yield _event(
            uid=f"{uid_prefix(plan_id)}-action-{_uid_part(action.id)}@planaction",
            stamp=stamp,
            day=action.due,
            summary=summary,
            details=details,
            plan_id=plan_id,
            cancelled=action.status == Status.CANCELLED,
            reminder=reminder if rules.is_open(action) and not plan.closed else None,
        )
    for milestone in plan.milestones:
        summary = f"◆ {milestone.title}" + (" ✓" if milestone.done else "")
        details = [line("", plan.title)]
        if milestone.criteria:
            details.append(line("criteria", milestone.criteria))
        if milestone.deliverables:
            details.append(line("deliverables", say("list_sep", lang).join(milestone.deliverables)))
        reminder = say("milestone_tomorrow", lang, title=milestone.title)
        yield _event(
            uid=f"{uid_prefix(plan_id)}-milestone-{_uid_part(milestone.id)}@planaction",
            stamp=stamp,
            day=milestone.due,
            summary=summary,
            details=details,
            plan_id=plan_id,
            cancelled=False,
            reminder=None if milestone.done or plan.closed else reminder,
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
) -> list[str]:
    """One all-day VEVENT, with an alarm the day before when there is a ``reminder``.

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
        "TRANSP:TRANSPARENT",
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
    ]
    if reminder is not None and day > dt.date.min:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape(reminder)}",
            f"TRIGGER:{ALARM}",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines


def calendar(plans: list[tuple[str, Plan]], name: str, today: dt.date, *, now: dt.datetime | None = None) -> str:
    """The calendar of plans given as (plan id, plan)."""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//planaction//planaction {__version__}//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for plan_id, plan in plans:
        for event in events(plan, plan_id, today, stamp):
            lines.extend(event)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
