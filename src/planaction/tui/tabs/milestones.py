"""The Milestones & decisions tab: the roadmap's milestones and the decisions register, each decision
with what it is, whether it is expected or taken, by whom and when (taken on, else expected by)."""

from __future__ import annotations

from planaction.tui.tabs.registers import Section, entry_columns, entry_section, register_tab
from planaction.tui.widgets.line_table import ColumnSpec
from planaction.words.improvement import say
from planaction.words.labels import date_text


def decision_columns(lang: str) -> list[ColumnSpec]:
    ident, title, status, owner = entry_columns(
        "decisions", ["id", "title", "status", "owner"], {"id": 4, "status": 9, "owner": 13}
    )(lang)

    def when(row) -> tuple[str, str | None]:
        decision = row.item
        if decision.date is not None:
            return date_text(decision.date, lang), None
        return (say("expected_by", lang, date=date_text(decision.due, lang)), "muted") if decision.due else ("", None)

    return [
        ident,
        ColumnSpec("title", title.heading, 0, title.cell, min_width=16),
        status,
        ColumnSpec("owner", owner.heading, 13, owner.cell, min_width=10),
        ColumnSpec("when", say("col_when", lang), 12, when),
    ]


TAB = register_tab(
    "milestones",
    (
        entry_section("milestones", ["id", "title", "due", "done", "criteria"], {"id": 6, "due": 11, "done": 8}),
        Section("decisions", decision_columns, entry_section("decisions", []).rows),
    ),
)
