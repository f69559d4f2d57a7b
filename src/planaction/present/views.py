"""What each face shows, computed once: rows and panels of display-ready values (the names, gathered).

The app, the reports and the workbook all show "the action table", "the
dashboard", "the portfolio". Their content — which figures, which RAG, which
sentence, which order — is decided here from ``rules`` and worded with
``labels``; each face only lays it out. Values stay typed where a face needs
to sort or colour them (dates, levels, numbers) beside their text.

Each view lives in its own module (``action_rows``, ``action_detail``, ``dashboard``, ``registers``,
``timeline``, ``stakes``, ``portfolio``); this module gathers their names so that ``views.dashboard``
reads the same from the app, the report and the workbook.
"""

from __future__ import annotations

from planaction.present.action_detail import LogLine, action_detail, log_lines
from planaction.present.action_rows import (
    ACTION_COLUMNS,
    SORT_KEYS,
    ActionRow,
    RowFilter,
    action_row,
    action_rows,
    filter_rows,
    most_urgent,
    owners,
    people_names,
    sort_rows,
)
from planaction.present.dashboard import Dashboard, KpiLine, dashboard, kpi_lines
from planaction.present.portfolio import PortfolioRow, closed_text, portfolio_row
from planaction.present.registers import RiskLine, ValueLineView, ValueSummary, risk_lines, value_summary
from planaction.present.stakes import TreeNode, stakes_tree
from planaction.present.timeline import TIMELINE_MAX_DAYS, TimelineItem, timeline, timeline_window

__all__ = [
    "ACTION_COLUMNS",
    "SORT_KEYS",
    "TIMELINE_MAX_DAYS",
    "ActionRow",
    "Dashboard",
    "KpiLine",
    "LogLine",
    "PortfolioRow",
    "RiskLine",
    "RowFilter",
    "TimelineItem",
    "TreeNode",
    "ValueLineView",
    "ValueSummary",
    "action_detail",
    "action_row",
    "action_rows",
    "closed_text",
    "dashboard",
    "filter_rows",
    "kpi_lines",
    "log_lines",
    "most_urgent",
    "owners",
    "people_names",
    "portfolio_row",
    "risk_lines",
    "sort_rows",
    "stakes_tree",
    "timeline",
    "timeline_window",
    "value_summary",
]
