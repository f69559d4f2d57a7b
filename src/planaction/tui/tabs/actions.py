"""The Actions tab: the filter line, the action table and the detail pane; the editing keys.

The screen fills it (``refresh_views``): its rows follow the filter and the sort the screen keeps.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Static

from planaction.tui.tabs.base import PlanView, Tab
from planaction.tui.widgets.detail import ActionDetail
from planaction.tui.widgets.line_table import ColumnSpec, LineTable, progress_bar, rag_cell
from planaction.words.labels import level_label, number, word
from planaction.words.tui import say

#: Cells the title keeps before the other columns drop (priority, then progress, owner, RAG).
TITLE_MIN = 24
#: Cells the title keeps before the priority score (a column few plans fill) shows.
TITLE_WIDE = 40


def action_columns(lang: str) -> list[ColumnSpec]:
    """The action table; on narrow screens the RAG word, owner, progress and priority go first."""
    overdue = lambda r: "red" if r.overdue_days is not None else None  # noqa: E731
    return [
        ColumnSpec("id", word("id", lang), 6, lambda r: (("!" if r.imperative else " ") + r.id, None), sortable=True),
        ColumnSpec("title", word("title", lang), 0, lambda r: (r.title, None), sortable=True, min_width=TITLE_MIN),
        ColumnSpec("owner", word("owner", lang), 14, lambda r: (r.owner, None), sortable=True, drop=2),
        ColumnSpec("due", word("due", lang), 10, lambda r: (r.due_text, overdue(r)), sortable=True),
        ColumnSpec("status", word("status", lang), 11, lambda r: (r.status_text, None), sortable=True),
        ColumnSpec(
            "priority",
            word("priority", lang),
            8,
            lambda r: (level_label(r.priority, lang, feminine=True), None),  # "priorité élevée"
            sortable=True,
            drop=4,
        ),
        ColumnSpec(
            "progress",
            word("progress", lang),
            12,
            lambda r: (progress_bar(r.progress, 12), None),
            sortable=True,
            drop=3,
        ),
        ColumnSpec(
            "score",  # seed 003's order of intervention, for the plans that rate impact, urgency and effort
            word("priority_score", lang),
            6,
            lambda r: (number(r.score, lang, decimals=1) if r.score is not None else "", None),
            sortable=True,
            drop=5,
            when_filled=True,
            room_for_flexible=TITLE_WIDE,  # a wide terminal's title first
        ),
        ColumnSpec("rag", word("rag", lang), 9, lambda r: rag_cell(r.rag, r.rag_text), sortable=True, drop=1),
    ]


def compose(view: PlanView) -> Iterator[Widget]:
    yield Input(placeholder=say("filter_placeholder", view.lang), id="filter")
    yield Static("", id="filter-status")
    yield Horizontal(
        LineTable(action_columns(view.lang), empty=say("no_actions", view.lang), id="action-table"),
        ActionDetail(id="detail"),
        id="actions-body",
    )


TAB = Tab(
    "actions",
    compose,
    bindings=(
        Binding("a", "add_action", "Add", id="add_action"),
        Binding("e", "edit_action", "Edit", id="edit_action"),
        Binding("d", "delete_action", "Delete", id="delete_action", show=False),
        Binding("s", "cycle_status", "Status", id="cycle_status"),
        Binding("plus", "progress(10)", "+10%", id="progress_up"),
        Binding("minus", "progress(-10)", "-10%", id="progress_down", show=False),
        Binding("l", "log_entry", "Log", id="log_entry"),
        # one key, two bindings: shown in the KPI tab's footer, working but unlisted here
        Binding("m", "measure('actions')", "Measure KPI", id="measure", show=False),
        Binding("i", "toggle_detail", "Detail", id="toggle_detail"),
        Binding("slash", "filter", "Filter", id="filter"),
    ),
    offers=frozenset(
        {
            "add_action",
            "edit_action",
            "delete_action",
            "cycle_status",
            "progress",
            "log_entry",
            "filter",
            "toggle_detail",
            "measure",  # of the KPI the highlighted action moves
        }
    ),
)
