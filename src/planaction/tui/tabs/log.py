"""The Follow-up tab: the plan's log as a table; ``l`` adds an entry for the highlighted entry's action."""

from __future__ import annotations

from collections.abc import Iterator

from textual.lazy import Lazy
from textual.widget import Widget

from planaction.present import views
from planaction.tui.tabs.base import PlanView, Tab
from planaction.tui.widgets.line_table import ColumnSpec, LineTable
from planaction.words.labels import word
from planaction.words.tui import say


def log_table(lang: str) -> LineTable:
    return LineTable(
        [
            ColumnSpec("date", word("date", lang), 11, lambda r: (r.date_text, None)),
            ColumnSpec(
                "action",
                word("action", lang),
                28,
                lambda r: (f"{r.action_id or '—'} {r.action_title}", None),
            ),
            ColumnSpec("result", word("result", lang), 0, lambda r: (r.result, None)),
            ColumnSpec("comment", word("comment", lang), 0, lambda r: (r.comment, "muted")),
            ColumnSpec("author", word("author", lang), 14, lambda r: (r.author, None)),
        ],
        empty=say("no_log", lang),
        id="log-table",
    )


def compose(view: PlanView) -> Iterator[Widget]:
    yield Lazy(log_table(view.lang))


def fill(view: PlanView) -> None:
    view.query_one("#log-table", LineTable).set_rows(views.log_lines(view.plan, view.lang))


TAB = Tab("log", compose, fill, offers=frozenset({"log_entry"}))  # for the highlighted entry's action
