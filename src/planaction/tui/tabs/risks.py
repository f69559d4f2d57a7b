"""The Risks tab: the risk register, scored P×I, highest score first; ``a``/``e``/``d`` edit it."""

from __future__ import annotations

from planaction.present import views
from planaction.tui.tabs.registers import Section, register_tab
from planaction.tui.widgets.line_table import ColumnSpec, rag_cell
from planaction.words.labels import word
from planaction.words.tui import say


def risk_columns(lang: str) -> list[ColumnSpec]:
    return [
        ColumnSpec("id", word("id", lang), 5, lambda r: (r.id, None)),
        ColumnSpec("title", word("risk", lang), 0, lambda r: (r.title, None)),
        ColumnSpec("p", say("col_probability", lang), 8, lambda r: (r.probability, None), drop=3),
        ColumnSpec("i", word("impact", lang), 8, lambda r: (r.impact, None), drop=3),
        ColumnSpec("score", say("col_score", lang), 6, lambda r: rag_cell(r.rag, str(r.score))),
        ColumnSpec("mitigation", word("mitigation", lang), 0, lambda r: (r.mitigation, None), drop=2),
        ColumnSpec("owner", word("owner", lang), 14, lambda r: (r.owner, None), drop=1),
        ColumnSpec("status", word("status", lang), 10, lambda r: (r.status, None)),
    ]


TAB = register_tab("risks", (Section("risks", risk_columns, lambda view: views.risk_lines(view.plan, view.lang)),))
