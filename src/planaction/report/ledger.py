"""The value ledger on the report (seed 003's Value Ledger and its ROI), in text, Markdown and Rich.

One module for the three layouts, so that they say the same figures: each line as baseline → actual →
target with its gap ("Écart") and its value per year, the total, the budget, and the two ROIs named
for what they are: the one-line mini-case (the budget against that line alone) and the whole ledger's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from planaction.words.advice import say as said
from planaction.words.report import say
from planaction.words.safetext import one_line

if TYPE_CHECKING:
    from rich.console import RenderableType

    from planaction.report.build import PlanReport


def _line(report: PlanReport, index: int) -> str:
    lang = report.lang
    assert report.value is not None
    line = report.value.lines[index]
    figures = f"{line.baseline or '?'} → {line.actual or '?'} → {line.target or '?'} {line.indicator}".rstrip()
    parts = [figures]
    if line.gap:
        parts.append(said("ledger.gap", lang, gap=line.gap))
    if line.value_text:
        parts.append(said("ledger.per_year", lang, value=line.value_text))
    if line.roi_text:
        parts.append(said("ledger.line_roi", lang, roi=line.roi_text))
    kpi = f" ({line.kpi})" if line.kpi else ""
    return f"{line.id} {line.hypothesis}{kpi}{say('sep', lang)}" + " — ".join(parts)


def _total(report: PlanReport) -> str:
    lang, value = report.lang, report.value
    assert value is not None
    parts = [said("ledger.total", lang, value=value.total_text or "?")]
    if value.budget_text:
        parts.append(said("ledger.budget", lang, budget=value.budget_text))
    if value.roi_text:
        parts.append(said("ledger.roi", lang, roi=value.roi_text))
    return " — ".join(parts)


def heading(report: PlanReport) -> str:
    return said("ledger.heading", report.lang)


def text_lines(report: PlanReport) -> list[str]:
    """The ledger as plain text lines (none for a plan without a ledger)."""
    if report.value is None:
        return []
    out = ["", heading(report)]
    out += [f"  {one_line(_line(report, i))}" for i in range(len(report.value.lines))]
    out.append(f"  {one_line(_total(report))}")
    return out


def markdown_lines(report: PlanReport, md: Callable[[str], str]) -> list[str]:
    """The ledger as Markdown (``md`` escapes plan text as the Markdown renderer does)."""
    if report.value is None:
        return []
    out = ["", f"### {heading(report)}", ""]
    out += [f"- {md(_line(report, i))}" for i in range(len(report.value.lines))]
    out.append(f"- {md(_total(report))}")  # plain: bold is for the report's own words
    return out


def renderables(report: PlanReport) -> Iterator[RenderableType]:
    from rich.text import Text

    if report.value is None:
        return
    yield Text(heading(report), style="bold")
    for i in range(len(report.value.lines)):
        yield Text(f"  {one_line(_line(report, i))}")
    yield Text(f"  {one_line(_total(report))}", style="bold")
