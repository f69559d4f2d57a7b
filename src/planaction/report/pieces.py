"""Small pieces of the report that every renderer writes the same way: the "since" title, a late mark,
a figure with its unit, a RAG with its emoji."""

from __future__ import annotations

from planaction.core.model import Rag
from planaction.words.report import say
from planaction.words.safetext import one_line


def esc(text: object) -> str:
    """Plan text as HTML text (the one-page report's): control and bidi characters made visible, then escaped."""
    import html

    from planaction.words.safetext import printable

    return html.escape(printable(str(text)), quote=True)


def since_heading(revision: str, lang: str) -> str:
    """The title of the "what changed" part: a steering committee is what the revision stands for."""
    return say("since", lang, revision=one_line(revision))


def slipped(report, lang: str) -> tuple[str, list[str]]:
    """The "slippage since the baseline" part: its title, and a line per open action that moved."""
    from planaction.words.labels import date_text
    from planaction.words.merging import say as said

    lines = []
    for a in report.open_actions:
        if not (a.slipped_days or a.replanned):
            continue
        before = date_text(a.baseline_due, lang) if a.baseline_due else "—"
        after = date_text(a.due, lang) if a.due else "—"
        days = said("slip_days", lang, days=f"{a.slipped_days:+d}") if a.slipped_days is not None else "—"
        lines.append(
            said("slip_line", lang, id=one_line(a.id), title=one_line(a.title), before=before, after=after,
                 days=days, count=a.replanned or 0)
        )  # fmt: skip
    return said("baseline_heading", lang, revision=one_line(report.baseline or "")), lines


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
