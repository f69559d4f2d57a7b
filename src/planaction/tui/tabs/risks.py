"""The Risks tab: the risk register, scored P×I."""

from __future__ import annotations

from collections.abc import Iterator

from textual.lazy import Lazy
from textual.widget import Widget

from planaction.present import views
from planaction.tui.tabs.base import PlanView, Tab
from planaction.tui.widgets.line_table import ColumnSpec, LineTable, rag_cell
from planaction.words.labels import word
from planaction.words.tui import say


def risk_table(lang: str) -> LineTable:
    return LineTable(
        [
            ColumnSpec("id", word("id", lang), 5, lambda r: (r.id, None)),
            ColumnSpec("title", word("risk", lang), 0, lambda r: (r.title, None)),
            ColumnSpec("p", say("col_probability", lang), 8, lambda r: (r.probability, None)),
            ColumnSpec("i", word("impact", lang), 8, lambda r: (r.impact, None)),
            ColumnSpec("score", say("col_score", lang), 6, lambda r: rag_cell(r.rag, str(r.score))),
            ColumnSpec("mitigation", word("mitigation", lang), 0, lambda r: (r.mitigation, None)),
            ColumnSpec("owner", word("owner", lang), 14, lambda r: (r.owner, None)),
            ColumnSpec("status", word("status", lang), 10, lambda r: (r.status, None)),
        ],
        empty=say("no_risks", lang),
        id="risk-table",
    )


def compose(view: PlanView) -> Iterator[Widget]:
    yield Lazy(risk_table(view.lang))


def fill(view: PlanView) -> None:
    view.query_one("#risk-table", LineTable).set_rows(views.risk_lines(view.plan, view.lang))


TAB = Tab("risks", compose, fill)
