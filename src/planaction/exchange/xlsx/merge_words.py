"""The import's sentences: changes and conflicts in the plan's language, values as the client sees them.

A status reads "En cours", not ``'in_progress'``; a progress "80 %"; a date
"06/05/2025" in French; text in quotes of the language, on one line. The
change list, the conflict lines of ``planaction import`` and the app's
import dialog all come from here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from planaction.core.model import Status
from planaction.exchange.xlsx.merge import Conflict
from planaction.words.exchange import say
from planaction.words.labels import date_text, number, word
from planaction.words.safetext import one_line


def show(key: str, value: Any, lang: str) -> str:
    """A field's value as the workbook shows it (— for none)."""
    if value is None or value == "":
        return "—"
    if key == "status":
        try:
            return Status(value).label(lang)
        except ValueError:
            return quoted(str(value), lang)
    if key == "progress":
        return say("percent", lang, value=value)
    if key in ("completed", "date"):
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        return date_text(day, lang)
    if key == "value" and isinstance(value, (int, float)):
        return number(value, lang)
    return quoted(str(value), lang)


def quoted(text: str, lang: str, limit: int = 60) -> str:
    shown = one_line(text)
    shown = shown if len(shown) <= limit else shown[: limit - 1] + "…"
    return say("quoted", lang, text=shown)


def field_name(key: str, lang: str) -> str:
    """The field as a column heading names it, in lower case: statut, terminée le, valeur."""
    return word(key, lang).lower()


def change(subject: str, key: str, before: Any, after: Any, lang: str) -> str:
    """ "A2 statut : En cours → Terminé" / "A2 status: In progress -> Done"."""
    return say(
        "change",
        lang,
        subject=subject,
        field=field_name(key, lang),
        before=show(key, before, lang),
        after=show(key, after, lang),
    )


def conflict_line(conflict: Conflict, lang: str) -> str:
    """One conflict, in the plan's language: the field, its cell, and the three values as shown."""
    c = conflict
    name = field_name(c.field, lang)
    theirs, ours, base = (show(c.field, v, lang) for v in (c.theirs, c.ours, c.base))
    return say("conflict", lang, subject=c.subject, field=name, cell=c.cell, theirs=theirs, ours=ours, base=base)
