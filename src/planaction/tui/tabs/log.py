"""The Follow-up tab: the plan's log; ``a``/``l`` add an entry, ``e`` edits one, ``d`` deletes one."""

from __future__ import annotations

from planaction.present import views
from planaction.tui.tabs.registers import Section, register_tab
from planaction.tui.widgets.line_table import ColumnSpec
from planaction.words.labels import word


def log_columns(lang: str) -> list[ColumnSpec]:
    return [
        ColumnSpec("date", word("date", lang), 11, lambda r: (r.date_text, None)),
        ColumnSpec(
            "action", word("action", lang), 28, lambda r: (f"{r.action_id or '—'} {r.action_title}", None), drop=2
        ),
        ColumnSpec("result", word("result", lang), 0, lambda r: (r.result, None)),
        ColumnSpec("comment", word("comment", lang), 0, lambda r: (r.comment, "muted"), drop=1),
        ColumnSpec("author", word("author", lang), 14, lambda r: (r.author, None), drop=3),
    ]


TAB = register_tab(
    "log",
    (Section("log", log_columns, lambda view: views.log_lines(view.plan, view.lang)),),
    offers=frozenset({"log_entry"}),  # for the highlighted entry's action
)
