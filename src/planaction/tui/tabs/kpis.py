"""The KPIs & value tab: the KPI table, the value summary line and the value ledger; ``m`` measures."""

from __future__ import annotations

from collections.abc import Iterator

from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.lazy import Lazy
from textual.widget import Widget
from textual.widgets import Static

from planaction.present import views
from planaction.tui.tabs.base import PlanView, Tab
from planaction.tui.widgets.line_table import ColumnSpec, LineTable
from planaction.tui.widgets.tones import sparkline
from planaction.words.labels import word
from planaction.words.safetext import printable
from planaction.words.tui import say

TRENDS = {"improving": "↗", "worsening": "↘", "flat": "→"}


def kpi_table(lang: str) -> LineTable:
    return LineTable(
        [
            ColumnSpec("id", word("id", lang), 5, lambda k: (k.id, None)),
            ColumnSpec("name", word("indicator", lang), 0, lambda k: (k.name, None)),
            ColumnSpec("unit", word("unit", lang), 10, lambda k: (k.unit, None)),
            ColumnSpec("baseline", word("baseline", lang), 9, lambda k: (k.baseline, None)),
            ColumnSpec("current", word("current", lang), 9, lambda k: (k.current, "green" if k.reached else None)),
            ColumnSpec("target", word("target", lang), 9, lambda k: (k.target, None)),
            ColumnSpec("attainment", say("attained", lang), 9, lambda k: (k.attainment_text, None)),
            ColumnSpec(
                "trend",
                say("trend", lang),
                16,
                lambda k: (f"{TRENDS.get(k.trend or '', ' ')} {sparkline(k.values)}", None),
            ),
        ],
        empty=say("no_kpis", lang),
        id="kpi-table",
    )


def value_table(lang: str) -> LineTable:
    return LineTable(
        [
            ColumnSpec("id", word("id", lang), 5, lambda v: (v.id, None)),
            ColumnSpec("hypothesis", word("hypothesis", lang), 0, lambda v: (v.hypothesis, None)),
            ColumnSpec("indicator", word("indicator", lang), 12, lambda v: (v.indicator, None)),
            ColumnSpec(
                "figures", say("value_figures", lang), 24, lambda v: (f"{v.baseline} → {v.target} / {v.actual}", None)
            ),
            ColumnSpec(
                "value", say("euros_per_year", lang), 13, lambda v: (v.value_text, "green" if v.value else None)
            ),
            ColumnSpec("roi", word("line_roi", lang), 10, lambda v: (v.roi_text, None)),
        ],
        empty=say("no_value", lang),
        id="value-table",
    )


def compose(view: PlanView) -> Iterator[Widget]:
    yield Lazy(Vertical(kpi_table(view.lang), Static("", id="value-summary"), value_table(view.lang), id="kpis-view"))


def fill(view: PlanView) -> None:
    plan, lang = view.plan, view.lang
    view.query_one("#kpi-table", LineTable).set_rows(views.kpi_lines(plan, lang))
    summary = views.value_summary(plan, lang)
    view.query_one("#value-table", LineTable).set_rows(summary.lines)
    parts = [
        say(key, lang, value=value)
        for key, value in (
            ("value_total", summary.total_text),
            ("value_budget", summary.budget_text),
            ("value_roi", summary.roi_text),
            ("value_time", summary.time_to_value),
        )
        if value
    ]
    view.query_one("#value-summary", Static).update(Content(printable("   ".join(parts))))


TAB = Tab(
    "kpis",
    compose,
    fill,
    bindings=(Binding("m", "measure('kpis')", "Measure KPI", id="measure"),),
    offers=frozenset({"measure"}),  # a measurement of the highlighted KPI
)
