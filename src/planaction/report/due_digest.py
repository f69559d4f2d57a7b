"""One person's reminder e-mail: a subject, a plain-text part and an HTML part, in their plans' language.

The items are ``due.collect``'s, so the e-mail says exactly what ``due --owner``
says. Plan text is data: in the HTML part every value is escaped
(``html.escape``), so a title like ``<script>`` or ``"><img src=x>`` shows as
written and does nothing; in the text part and the subject it is put on one
line and stripped of control characters. The HTML is a plain table with
inline styles (mail clients drop style sheets) and no image or link to fetch.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from dataclasses import dataclass

from planaction.report.due import PersonDue, Reminder, kind, role, when
from planaction.words.labels import date_text, number
from planaction.words.remind import say
from planaction.words.safetext import one_line

#: Colours of the two sections, as the app's RAG: red for overdue, amber for due soon.
COLOURS = {"overdue": "#b3261e", "soon": "#a15c00"}


#: The columns and their widths: the same in both tables, so that dates line up from one to the other.
WIDTHS = (("col_due", "16%"), ("col_item", "46%"), ("col_plan", "22%"), ("col_when", "16%"))


@dataclass(frozen=True)
class Digest:
    subject: str
    text: str
    html: str


def language(person: PersonDue) -> str:
    """The language of the person's plans: the one most of their items are written in (French on a tie)."""
    counts = Counter(r.lang for r in person.items)
    return max(sorted(counts, reverse=True), key=lambda lang: counts[lang])  # "fr" sorts first: it wins a tie


def _line(r: Reminder, lang: str) -> str:
    return (
        f"- {date_text(r.due, lang)}  {kind(r, lang)}{one_line(r.id)} {one_line(r.title)}"
        f" — {one_line(r.plan)} ({role(r, lang)}, {when(r, lang)})"
    )


def _rows(items: list[Reminder], lang: str, colour: str) -> str:
    cell = 'style="padding:4px 8px;border-bottom:1px solid #ddd;vertical-align:top"'
    rows = []
    for r in items:
        what = f"{html.escape(kind(r, lang))}<b>{html.escape(one_line(r.id))}</b> {html.escape(one_line(r.title))}"
        rows.append(
            "<tr>"
            f'<td {cell} nowrap><span style="color:{colour};font-weight:bold">{html.escape(date_text(r.due, lang))}</span></td>'
            f"<td {cell}>{what}<br><small>{html.escape(role(r, lang))}</small></td>"
            f"<td {cell}>{html.escape(one_line(r.plan))}</td>"
            f"<td {cell} nowrap>{html.escape(when(r, lang))}</td>"
            "</tr>"
        )
    return "".join(rows)


def _table(title: str, items: list[Reminder], lang: str, colour: str) -> str:
    if not items:
        return ""
    head = "".join(
        f'<th style="text-align:left;padding:4px 8px;width:{width};border-bottom:2px solid {colour}">'
        f"{html.escape(say(key, lang))}</th>"
        for key, width in WIDTHS
    )
    return (
        f'<h2 style="color:{colour};font-size:18px;margin:20px 0 6px">{html.escape(title)} ({len(items)})</h2>'
        f'<table style="border-collapse:collapse;table-layout:fixed;width:100%;font-size:14px"><tr>{head}</tr>'
        f"{_rows(items, lang, colour)}</table>"
    )


def digest(person: PersonDue, today: dt.date) -> Digest:
    """The e-mail of one person: their overdue items first, then those due soon."""
    lang = language(person)
    day = date_text(today, lang)
    subject = say(
        "subject", lang, overdue=number(len(person.overdue), lang), soon=number(len(person.soon), lang), date=day
    )
    name = one_line(person.name)
    text = [say("hello", lang, name=name), "", say("intro", lang, date=day)]
    for key, items in (("section_overdue", person.overdue), ("section_soon", person.soon)):
        if items:
            text += ["", f"{say(key, lang)} ({len(items)})", *(_line(r, lang) for r in items)]
    text += ["", say("attached", lang), "", "-- ", say("footer", lang), ""]
    body = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(subject)}</title></head>'
        '<body style="font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1d1d1f;max-width:760px;margin:16px auto">'
        f"<p>{html.escape(say('hello', lang, name=name))}</p>"
        f"<p>{html.escape(say('intro', lang, date=day))}</p>"
        f"{_table(say('section_overdue', lang), person.overdue, lang, COLOURS['overdue'])}"
        f"{_table(say('section_soon', lang), person.soon, lang, COLOURS['soon'])}"
        f'<p style="margin-top:20px">{html.escape(say("attached", lang))}</p>'
        f'<p style="color:#666;font-size:12px;border-top:1px solid #ddd;padding-top:8px">{html.escape(say("footer", lang))}</p>'
        "</body></html>\n"
    )
    return Digest(one_line(subject), "\n".join(text), body)
