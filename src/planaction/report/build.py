"""The report object: what a steering committee reads about a plan or a folder, built once.

``plan_report`` and ``PortfolioReport`` gather everything from ``views`` and ``rules``;
the renderers (``text``, ``markdown``, ``json``, ``rich``) only lay it out, so the four
formats cannot disagree on a figure. ``console.print(report)`` prints it with Rich.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from dataclasses import replace as dc_replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from planaction.core import rules
from planaction.core.model import Decision, Plan, Rag
from planaction.core.slippage import Slip
from planaction.present import describe, people, structures, views
from planaction.present.action_rows import RowFilter, filter_rows
from planaction.present.improvement import taken_decisions

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType

    from planaction.exchange.formats import ExportRequest

#: Open actions shown on the one-page report (all of them in JSON).
PAGE_ACTIONS = 10


@dataclass(frozen=True)
class OpenAction:
    id: str
    title: str
    owner: str
    co_owners: tuple[str, ...]
    due: dt.date | None
    due_text: str
    status: str
    status_text: str
    progress: int
    rag: Rag | None
    why: str
    # against a baseline (``report --baseline REV``): None without one
    baseline_due: dt.date | None = None
    slipped_days: int | None = None
    replanned: int | None = None
    score: float | None = None  # impact x urgency / effort


class _RichReport:
    """``console.print(report)``: the Rich renderer, imported only when a terminal asks for it."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[RenderableType]:
        from planaction.report import rich

        yield from rich.renderables(self)


@dataclass
class PlanReport(_RichReport):
    kind: ClassVar[str] = "plan"

    file: str
    plan: Plan
    today: dt.date
    lang: str
    board: views.Dashboard
    open_actions: list[OpenAction]
    since: tuple[str, list[str]] | None = None
    owner: str = ""  # the plan's owner as the directory spells them (see people)
    baseline: str | None = None  # the revision the open actions' slippage is measured from
    value: views.ValueSummary | None = None  # the value ledger as of today, when the plan has one
    rows: RowFilter | None = None  # the filter of the open actions (``export --owner``...): None, all of them
    open_total: int = 0  # open actions before the filter
    decided: list[Decision] | None = None  # with ``since``: the decisions taken since that committee
    # cooperation across structures (seed 004): None for a plan without; ``structure`` when one is kept
    cooperation: structures.Cooperation | None = None
    structure: str | None = None

    @property
    def closed(self) -> str:
        """ "Clos le 1 juil. 2025" when the plan is closed, else ""."""
        return views.closed_text(self.plan, self.lang) if self.plan.closed else ""

    @property
    def shown(self) -> list[OpenAction]:
        """The open actions that fit on the page."""
        return self.open_actions[:PAGE_ACTIONS]

    @property
    def hidden(self) -> int:
        """How many open actions did not fit."""
        return len(self.open_actions) - len(self.shown)


@dataclass
class PortfolioReport(_RichReport):
    kind: ClassVar[str] = "portfolio"

    folder: str
    today: dt.date
    lang: str
    rows: list[views.PortfolioRow]
    since: dict[str, list[str]] = field(default_factory=dict)
    since_rev: str | None = None

    def __post_init__(self) -> None:
        # A closed plan leaves the portfolio's report as it leaves the app's default view.
        self.rows = [row for row in self.rows if row.plan is None or not row.plan.closed]
        # One person, one spelling across the folder: each owner as the plans' people: lists spell them.
        directory = people.Directory(row.plan for row in self.rows if row.plan is not None)
        self.rows = [dc_replace(row, owner=directory.name(row.owner)) if row.plan else row for row in self.rows]

    @property
    def name(self) -> str:
        """The folder's own name, which reads better as a title than "." or a long path."""
        return Path(self.folder).name or Path(self.folder).resolve().name or self.folder


Report = PlanReport | PortfolioReport


def open_actions(plan: Plan, today: dt.date, lang: str, row_filter: RowFilter | None = None) -> list[OpenAction]:
    """Open actions, most urgent first: overdue, then by due date (undated last); each person under
    one spelling (see ``people``); only those ``row_filter`` keeps, when one is given."""
    directory = people.Directory([plan])
    rows = views.most_urgent(views.action_rows(plan, today, lang))
    if row_filter is not None:
        rows = filter_rows(rows, row_filter)
    return [
        OpenAction(
            r.id,
            r.title,
            directory.name(r.owner),
            tuple(directory.name(name) for name in r.action.co_owners),
            r.due,
            r.due_text,
            r.status.value,
            r.status_text,
            r.progress,
            r.rag,
            r.why,
            score=r.score,
        )
        for r in rows
    ]


def for_request(request: ExportRequest) -> PlanReport:
    """The report an export shows, whatever its format: the request's ``--since``, filter and
    ``--baseline`` applied (one place for every face: the page, the files, the deck, the canvas)."""
    return plan_report(
        str(request.plan_path),
        request.plan,
        request.today,
        request.lang,
        since=request.since,
        rows=request.rows,
        baseline=request.baseline,
    )


def plan_report(
    file: str,
    plan: Plan,
    today: dt.date,
    lang: str,
    *,
    since: tuple[str, Plan] | None = None,
    baseline: tuple[str, dict[str, Slip]] | None = None,
    rows: RowFilter | None = None,
    previous: Plan | None = None,
    structure: str | None = None,
) -> PlanReport:
    """The report of one plan; ``since`` = (revision, the plan then) adds what changed; ``baseline`` =
    (revision, each action's slip: ``core.slippage``) how far each open action moved since; ``rows``
    keeps only some open actions (the figures stay those of the whole plan); ``previous`` is the plan of
    the stage this one continues (who joined at this stage); ``structure`` (a structure's id) keeps that
    structure's part: its open actions and its line of the cooperation."""
    changes = (since[0], describe.changes(since[1], plan, lang)) if since is not None else None
    actions = open_actions(plan, today, lang, rows)
    total = len(actions) if rows is None else sum(1 for a in plan.actions if rules.is_open(a))
    if baseline is not None:
        slips = baseline[1]
        actions = [
            dc_replace(a, baseline_due=s.baseline_due, slipped_days=s.slipped_days, replanned=s.replanned)
            if (s := slips.get(a.id)) is not None
            else a
            for a in actions
        ]
    cooperation = structures.cooperation(plan, today, lang, previous)
    if structure is not None:
        mine = structures.open_action_ids(plan, structure)
        actions = [a for a in actions if a.id in mine]
        total = sum(1 for a in plan.actions if rules.is_open(a))
        cooperation = structures.only(cooperation, structure)
    report = PlanReport(
        file,
        plan,
        today,
        lang,
        views.dashboard(plan, today, lang),
        actions,
        changes,
        people.Directory([plan]).name(plan.owner),
        baseline[0] if baseline is not None else None,
        views.value_summary(plan, lang, today) if plan.value else None,
        rows,
        total,
        taken_decisions(plan, since[1]) if since is not None else None,
    )
    report.cooperation, report.structure = cooperation, structure
    return report


def portfolio_report(
    folder: str,
    today: dt.date,
    lang: str,
    rows: list[views.PortfolioRow],
    since: dict[str, list[str]] | None = None,
    since_rev: str | None = None,
) -> PortfolioReport:
    """The report of a folder: one row per plan; ``since`` maps a plan's file to what changed since ``since_rev``."""
    return PortfolioReport(folder, today, lang, rows, dict(since or {}), since_rev)
