"""The KPIs & value tab: the KPI table, the value summary line and the value ledger; ``m`` measures."""

from __future__ import annotations

from collections.abc import Iterator

from textual.binding import Binding
from textual.content import Content
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Static

from planaction.present import entries as present
from planaction.present import views
from planaction.tui.tabs.base import PlanView
from planaction.tui.tabs.registers import Section, entry_section, register_tab
from planaction.tui.widgets.line_table import ColumnSpec, LineTable
from planaction.tui.widgets.tones import sparkline
from planaction.words.labels import word
from planaction.words.safetext import printable
from planaction.words.tui import say

TRENDS = {"improving": "↗", "worsening": "↘", "flat": "→"}


def kpi_columns(lang: str) -> list[ColumnSpec]:
    return [
        ColumnSpec("id", word("id", lang), 5, lambda k: (k.id, None)),
        ColumnSpec("name", word("indicator", lang), 0, lambda k: (k.name, None)),
        ColumnSpec("unit", word("unit", lang), 10, lambda k: (k.unit, None), drop=3),
        ColumnSpec("baseline", word("baseline", lang), 9, lambda k: (k.baseline, None), drop=2),
        ColumnSpec("current", word("current", lang), 9, lambda k: (k.current, "green" if k.reached else None)),
        ColumnSpec("target", word("target", lang), 9, lambda k: (k.target, None)),
        ColumnSpec("attainment", say("attained", lang), 9, lambda k: (k.attainment_text, None), drop=4),
        ColumnSpec(
            "trend",
            say("trend", lang),
            16,
            lambda k: (f"{TRENDS.get(k.trend or '', ' ')} {sparkline(k.values)}", None),
            drop=1,
        ),
    ]


def value_columns(lang: str) -> list[ColumnSpec]:
    return [
        ColumnSpec("id", word("id", lang), 5, lambda v: (v.id, None)),
        ColumnSpec("hypothesis", word("hypothesis", lang), 0, lambda v: (v.hypothesis, None)),
        ColumnSpec("indicator", word("indicator", lang), 12, lambda v: (v.indicator, None), drop=2),
        ColumnSpec(
            "figures",
            say("value_figures", lang),
            24,
            lambda v: (f"{v.baseline} → {v.target} / {v.actual}", None),
            drop=1,
        ),
        ColumnSpec("value", say("euros_per_year", lang), 13, lambda v: (v.value_text, "green" if v.value else None)),
        ColumnSpec("roi", word("line_roi", lang), 10, lambda v: (v.roi_text, None), drop=3),
    ]


def current_kpi(view: PlanView) -> str | None:
    """The KPI highlighted in the KPI table: the one whose measurements the tab shows and edits."""
    try:
        row = view.query_one("#reg-kpis", LineTable).current
    except NoMatches:
        return None
    return row.id if row is not None else (view.plan.kpis[0].id if view.plan.kpis else None)


def measurement_rows(view: PlanView) -> list[present.EntryRow]:
    kpi = view.plan.kpi(current_kpi(view) or "")
    return present.entry_rows(kpi.measurements, view.lang) if kpi is not None else []


MEASUREMENTS = entry_section("measurements", ["date", "value", "comment"], {"date": 12, "value": 12})
SECTIONS = (
    Section("kpis", kpi_columns, lambda view: views.kpi_lines(view.plan, view.lang, view.today)),
    Section("measurements", MEASUREMENTS.columns, measurement_rows, empty="no_measurements"),
    Section("value", value_columns, lambda view: views.value_summary(view.plan, view.lang, view.today).lines),
)


def value_line(view: PlanView) -> Iterator[Widget]:
    yield Static("", id="value-summary")


def fill_summary(view: PlanView) -> None:
    plan, lang = view.plan, view.lang
    summary = views.value_summary(plan, lang, view.today)
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


TAB = register_tab(
    "kpis",
    SECTIONS,
    extra=value_line,
    extra_fill=fill_summary,
    bindings=(Binding("m", "measure('kpis')", "Measure KPI", id="measure"),),
    offers=frozenset({"measure"}),  # a measurement of the highlighted KPI
)
