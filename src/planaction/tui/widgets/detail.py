"""The detail pane beside the action table: every field of the highlighted action, then its follow-up."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from planaction.core.model import Plan
from planaction.present import views
from planaction.tui.widgets.tones import lines, rag_text
from planaction.words.labels import word
from planaction.words.safetext import printable
from planaction.words.tui import say


class ActionDetail(VerticalScroll):
    """The highlighted action: every field, then its follow-up entries."""

    DEFAULT_CSS = """
    ActionDetail { border-left: tall $primary 30%; padding: 0 1; }
    ActionDetail > Static { width: 100%; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="detail-body")

    def show(self, plan: Plan, row: views.ActionRow | None, today: dt.date, lang: str) -> None:
        body = self.query_one("#detail-body", Static)
        if row is None:
            body.update(Content(""))
            return
        parts: list[Content | str] = [
            Content.styled(printable(f"{row.id} — {row.title}"), "bold"),
            rag_text(row.rag, f"{row.rag_text} — {row.why}" if row.rag_text else row.why),
        ]
        for key, value in views.action_detail(plan, row.action, today, lang)[2:]:
            parts.append(
                Content.assemble(
                    (say("field", lang, key=key), "bold $text-muted"),
                    printable(value),
                )
            )
        entries = views.log_lines(plan, lang, action_id=row.id)
        if entries:
            parts.append(Content.styled("\n" + word("log", lang), "bold $primary"))
            for entry in entries:
                parts.append(Content.assemble((entry.date_text + "  ", "$text-muted"), printable(entry.result)))
                if entry.comment:
                    parts.append(Content.styled("  " + printable(entry.comment), "italic"))
        body.update(lines(*parts))
