"""The portfolio: one row per plan of a folder, invalid plans included; Enter opens one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from planaction import store
from planaction.present import views
from planaction.present.language import folder_languages, interface_language
from planaction.present.session import DAY_CHECK_SECONDS, Clock, EditSession
from planaction.tui.flows import leaving
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.widgets.frame import FittingFooter, FittingHeader
from planaction.tui.widgets.line_table import ColumnSpec, LineTable, progress_bar, rag_cell
from planaction.words.labels import word
from planaction.words.problems import PlanError
from planaction.words.safetext import printable
from planaction.words.tui import say


def portfolio_columns(lang: str) -> list[ColumnSpec]:
    def title(row: views.PortfolioRow) -> tuple[str, str | None]:
        if row.error:
            return say("invalid_row", lang, name=row.path.name, error=row.error), "red"
        return row.title, None

    def progress(row: views.PortfolioRow) -> tuple[str, str | None]:
        return (progress_bar(round(row.progress), 10) if row.progress is not None else "", None)

    def overdue(row: views.PortfolioRow) -> tuple[str, str | None]:
        return (str(row.overdue) if not row.error else "", "red" if row.overdue else None)

    return [
        ColumnSpec("title", say("col_plan", lang), 0, title, min_width=24),
        ColumnSpec("type", say("col_type", lang), 14, lambda r: (r.type_text, None), drop=4),
        ColumnSpec("owner", word("owner", lang), 16, lambda r: (r.owner, None), drop=2),
        ColumnSpec("period", word("period", lang), 23, lambda r: (r.period, None), drop=3),
        ColumnSpec("rag", word("rag", lang), 10, lambda r: rag_cell(r.rag, r.rag.label(lang) if r.rag else "")),
        ColumnSpec("progress", word("progress", lang), 10, progress),
        ColumnSpec("overdue", word("overdue", lang), 9, overdue),
        ColumnSpec("health", word("health", lang), 6, lambda r: (r.health, None), drop=1),
    ]


class PortfolioScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "open_plan", "Open", id="open_plan", show=True),
        Binding("r", "rescan", "Rescan", id="rescan"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, folder: Path, today: dt.date | Clock | None, lang: str | None) -> None:
        super().__init__()
        self.folder = folder
        self.clock = Clock.of(today)
        self.lang_choice = lang
        self.lang = interface_language(lang, folder_languages(folder))
        self._day = self.clock.today()

    @property
    def today(self) -> dt.date:
        """Asked of the clock at each use: RAG and overdue counts follow the real date."""
        return self.clock.today()

    def new_day(self) -> None:
        """At midnight, the rows' RAG and overdue counts change: read them again."""
        if self.clock.today() != self._day:
            self._day = self.clock.today()
            self.rescan()

    def compose(self) -> ComposeResult:
        yield FittingHeader()
        yield Static("", id="portfolio-status")
        yield LineTable(
            portfolio_columns(self.lang),
            empty=say("no_plans", self.lang),
            id="portfolio-table",
        )
        yield FittingFooter()

    def on_mount(self) -> None:
        self.app.localize_bindings(self)  # type: ignore[attr-defined]
        self.title = "planaction"
        self.sub_title = str(self.folder) if str(self.folder) != "." else self.folder.resolve().name
        self.rescan()
        self.query_one("#portfolio-table", LineTable).focus()
        self.set_interval(DAY_CHECK_SECONDS, self.new_day)

    def rescan(self) -> None:
        rows = []
        for path in store.plan_files([self.folder]):
            result = store.read(path, nodes=False)
            plan = result.document.plan if result.document else None
            error = ""
            if plan is None:
                first = result.errors[0] if result.errors else result.problems[0]
                error = f"{first.line}:{first.col} {first.message}"
            rows.append(views.portfolio_row(path, plan, error, self.today, self.lang))
        table = self.query_one("#portfolio-table", LineTable)
        current = table.current.path if table.current else None
        table.set_rows(rows, keep=(lambda r: r.path == current) if current else None)
        invalid = sum(1 for r in rows if r.error)
        status = say("plans_one" if len(rows) == 1 else "plans_many", self.lang, count=len(rows))
        if invalid:
            status += say("invalid_one" if invalid == 1 else "invalid_many", self.lang, count=invalid)
        self.query_one("#portfolio-status", Static).update(Content(printable(status)))

    def action_rescan(self) -> None:
        self.rescan()

    @on(LineTable.Selected, "#portfolio-table")
    def selected(self, _event: LineTable.Selected) -> None:
        self.action_open_plan()

    def action_open_plan(self) -> None:
        row = self.query_one("#portfolio-table", LineTable).current
        if row is None:
            return
        if row.error:
            self.notify(
                printable(f"{row.path}:{row.error}"),
                title=say("invalid_plan", self.lang),
                severity="error",
                markup=False,
            )
            return
        try:
            session = EditSession.open(row.path, self.clock)
        except PlanError as exc:
            first = exc.problems[0]
            self.notify(printable(first.as_text()), severity="error", markup=False)
            self.rescan()
            return
        lang = interface_language(self.lang_choice, [session.plan.language])
        self.app.push_screen(PlanScreen(session, lang, standalone=False), lambda _result: self.rescan())

    def action_quit(self) -> None:
        leaving.request_quit(self.app)
