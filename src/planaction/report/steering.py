"""Where the steering report used to live, kept so that ``from planaction.report import steering as report``
keeps working: the report object is in ``build``, each format in its own module (``text``, ``markdown``,
``json``, ``rich``), and ``renderers.render`` picks one by name."""

from __future__ import annotations

from planaction.report.build import (
    PAGE_ACTIONS,
    OpenAction,
    PlanReport,
    PortfolioReport,
    open_actions,
    plan_report,
    portfolio_report,
)
from planaction.report.json import plan_json, portfolio_json
from planaction.report.json import render as to_json
from planaction.report.markdown import plan_markdown, portfolio_markdown
from planaction.report.pieces import since_heading
from planaction.report.renderers import render
from planaction.report.rich import print_rich
from planaction.report.text import plan_plain, portfolio_plain

__all__ = [
    "PAGE_ACTIONS",
    "OpenAction",
    "PlanReport",
    "PortfolioReport",
    "open_actions",
    "plan_json",
    "plan_markdown",
    "plan_plain",
    "plan_report",
    "portfolio_json",
    "portfolio_markdown",
    "portfolio_plain",
    "portfolio_report",
    "print_rich",
    "render",
    "since_heading",
    "to_json",
]
