"""Small pieces of the report that every renderer writes the same way: the "since" title, a late mark,
a figure with its unit, a RAG with its emoji."""

from __future__ import annotations

from planaction.core.model import Rag
from planaction.words.report import say
from planaction.words.safetext import one_line


def since_heading(revision: str, lang: str) -> str:
    """The title of the "what changed" part: a steering committee is what the revision stands for."""
    return say("since", lang, revision=one_line(revision))


def late(is_late: bool, lang: str, separator: str) -> str:
    """The mark of a milestone whose date has passed: words, since a symbol alone explains nothing."""
    return separator + say("late", lang) if is_late else ""


def figure(value: str, unit: str) -> str:
    """A KPI figure with its unit, or a dash when it was never set."""
    return one_line(f"{value} {unit}".rstrip()) if value else "—"


def md_rag(rag: Rag | None, lang: str) -> str:
    """A RAG in Markdown: a coloured emoji (GitHub shows no colour otherwise) and its word."""
    emoji = {Rag.GREEN: "🟢", Rag.AMBER: "🟠", Rag.RED: "🔴"}.get(rag, "⚪") if rag else "⚪"
    return f"{emoji} {rag.label(lang) if rag else '—'}"
