"""The portfolio: one row per plan of a folder, invalid plans included; Enter opens one, ``n`` makes one.

Rows, their filter (text, owner, type, RAG) and their sorts come from ``present.portfolio``; this
screen wires keys, the filter line, the column headings and the palette to them, and sizes the
columns so that the plan's title takes the width the others do not need.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static

from planaction import store
from planaction.core.model import Rag
from planaction.present import portfolio as views
from planaction.present.language import folder_languages, interface_language
from planaction.present.session import DAY_CHECK_SECONDS, Clock, EditSession
from planaction.tui.flows import leaving
from planaction.tui.modals.new_plan import NewPlanModal
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.screens.styles_ahead import read_styles_ahead_soon
from planaction.tui.widgets.frame import FittingFooter, FittingHeader
from planaction.tui.widgets.line_table import ColumnSpec, LineTable, progress_bar, rag_cell
from planaction.words.closing import say as closing
from planaction.words.labels import word
from planaction.words.portfolio import say as said
from planaction.words.problems import PlanError
from planaction.words.safetext import one_line, printable
from planaction.words.tui import say

#: Widest a column sized to its content may grow (the plan's title takes the rest of the line).
CAPS = {"type": 22, "owner": 20, "period": 23}
#: Narrowest the title may get before the least useful columns step aside.
TITLE_MIN = 32
#: Binding ids whose label is the portfolio's own (``words/portfolio.py``); the others are the app's.
OWN_KEYS = {"new_plan": "key_new_plan"}


def portfolio_columns(lang: str, rows: list[views.PortfolioRow] | None = None) -> list[ColumnSpec]:
    """The columns; type, owner and period as wide as what they hold (up to ``CAPS``), the title the rest.

    Fixed guesses left the title 24 columns at 120 wide while "overdue" kept 9 for one digit; sized to
    their content, and with the period stepping aside first, the title gets what is left.
    """

    def title(row: views.PortfolioRow) -> tuple[str, str | None]:
        if row.error:
            return say("invalid_row", lang, name=row.path.name, error=row.error), "red"
        return row.title, None

    def progress(row: views.PortfolioRow) -> tuple[str, str | None]:
        return (progress_bar(round(row.progress), 10) if row.progress is not None else "", None)

    def overdue(row: views.PortfolioRow) -> tuple[str, str | None]:
        return (str(row.overdue) if not row.error else "", "red" if row.overdue else None)

    def rag(row: views.PortfolioRow) -> tuple[str, str | None]:
        closed = row.plan is not None and row.plan.closed  # no live RAG: the column says closed
        return rag_cell(row.rag, row.rag.label(lang) if row.rag else closing("closed_undated", lang) if closed else "")

    columns = [
        ColumnSpec("title", say("col_plan", lang), 0, title, sortable=True, min_width=TITLE_MIN),
        ColumnSpec("type", say("col_type", lang), 14, lambda r: (r.type_text, None), sortable=True, drop=3),
        ColumnSpec("owner", word("owner", lang), 16, lambda r: (r.owner, None), sortable=True, drop=2),
        ColumnSpec("period", word("period", lang), 23, lambda r: (r.period, None), sortable=True, drop=4),
        ColumnSpec("rag", word("rag", lang), 10, rag, sortable=True),
        ColumnSpec("progress", word("progress", lang), 10, progress, sortable=True),
        ColumnSpec("overdue", word("overdue", lang), 9, overdue, sortable=True),
        ColumnSpec("health", word("health", lang), 6, lambda r: (r.health, None), sortable=True, drop=1),
    ]
    if rows is None:
        return columns
    fitted = []
    for column in columns:
        if column.width and column.key != "progress":  # the bar has its own width
            widest = max((cell_len(one_line(column.cell(r)[0])) for r in rows if not r.error), default=0)
            width = max(cell_len(column.heading) + 2, widest)  # room for the sort arrow
            column = dataclasses.replace(column, width=min(width, CAPS.get(column.key, width)))
        fitted.append(column)
    return fitted


class PortfolioScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "open_plan", "Open", id="open_plan", show=True),
        # priority: the app acts on it before it reads the next key, so a name typed in a burst
        # after "n" goes to the form, never to this screen's keys (a "q" in the name would quit)
        Binding("n", "new_plan", "New plan", id="new_plan", priority=True),
        Binding("slash", "filter", "Filter", id="filter", priority=True),  # the same: "/anne" in one burst
        Binding("r", "rescan", "Rescan", id="rescan"),
        Binding("escape", "back", "Back", id="clear_filter"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, folder: Path, today: dt.date | Clock | None, lang: str | None) -> None:
        super().__init__()
        self.folder = folder
        self.clock = Clock.of(today)
        self.lang_choice = lang
        self.lang = interface_language(lang, folder_languages(folder))
        self._day = self.clock.today()
        self.all_rows: list[views.PortfolioRow] = []
        self.row_filter = views.PortfolioFilter()
        self.sort_column: str | None = None
        self.sort_reverse = False

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
        yield Input(placeholder=said("filter_placeholder", self.lang), id="portfolio-filter")
        yield Static("", id="portfolio-status")
        yield LineTable(portfolio_columns(self.lang), empty=say("no_plans", self.lang), id="portfolio-table")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.app.localize_bindings(self)  # type: ignore[attr-defined]
        self._localize_own_keys()
        self.title = "planaction"
        self.sub_title = views.folder_name(self.folder)
        self.query_one("#portfolio-filter", Input).display = False
        self.rescan()
        self.table.focus()
        self.set_interval(DAY_CHECK_SECONDS, self.new_day)
        read_styles_ahead_soon(self)

    def _localize_own_keys(self) -> None:
        """The footer labels of the portfolio's own keys, from its words (the app's list does not have them)."""
        self._bindings = BindingsMap(
            dataclasses.replace(binding, description=said(OWN_KEYS[binding.id], self.lang))
            if binding.id in OWN_KEYS
            else binding
            for _key, binding in self._bindings
        )
        self.refresh_bindings()

    @property
    def table(self) -> LineTable:
        return self.query_one("#portfolio-table", LineTable)

    # -- rows ------------------------------------------------------------------------------------

    def rescan(self) -> None:
        """Read every plan of the folder again, then show them through the filter and sort."""
        rows = []
        for path in store.plan_files([self.folder]):
            result = store.read(path, nodes=False)
            plan = result.document.plan if result.document else None
            error = ""
            if plan is None:
                first = result.errors[0] if result.errors else result.problems[0]
                error = f"{first.line}:{first.col} {first.message}"
            rows.append(views.portfolio_row(path, plan, error, self.today, self.lang))
        self.all_rows = views.group_stages(rows)  # a project's stages together, in order (issue 18)
        self.table.columns = portfolio_columns(self.lang, rows)
        self.refresh_rows()

    def refresh_rows(self, *, focus: Path | None = None) -> None:
        """Show the rows the filter keeps, in the chosen order; the cursor stays on its plan."""
        table = self.table
        current = focus or (table.current.path if table.current else None)
        rows = views.filter_rows(self.all_rows, self.row_filter)
        if self.sort_column:
            rows = views.sort_rows(rows, self.sort_column, reverse=self.sort_reverse)
        table.sort_column, table.sort_reverse = self.sort_column, self.sort_reverse
        table.empty = said("no_match", self.lang) if self.row_filter.active else say("no_plans", self.lang)
        table.set_rows(rows, keep=(lambda r: r.path == current) if current else None)
        total = len(self.all_rows)
        invalid = sum(1 for r in self.all_rows if r.error)
        status = say("plans_one" if total == 1 else "plans_many", self.lang, count=total)
        if invalid:
            status += say("invalid_one" if invalid == 1 else "invalid_many", self.lang, count=invalid)
        if self.row_filter.active:
            status += said("shown", self.lang, shown=len(rows))
            status += said("filter_on", self.lang, filter=self.row_filter.describe(self.lang))
        status += views.hidden_note(self.all_rows, self.row_filter, self.lang)
        self.query_one("#portfolio-status", Static).update(Content(printable(status)))

    def action_rescan(self) -> None:
        self.rescan()

    # -- filter and sort -----------------------------------------------------------------------

    def action_filter(self) -> None:
        field = self.query_one("#portfolio-filter", Input)
        field.display = True
        self.set_focus(field)  # at once: the letters typed right after "/" are the filter's

    @on(Input.Changed, "#portfolio-filter")
    def filter_typed(self, event: Input.Changed) -> None:
        self._set_filter(self.row_filter.with_(text=event.value), show_field=True)

    @on(Input.Submitted, "#portfolio-filter")
    def filter_done(self) -> None:
        self.table.focus()

    def set_filter(self, row_filter: views.PortfolioFilter) -> None:
        """A filter chosen in the palette; the text field shows only when there is text."""
        field = self.query_one("#portfolio-filter", Input)
        with field.prevent(Input.Changed):
            field.value = row_filter.text
        self._set_filter(row_filter, show_field=bool(row_filter.text))

    def _set_filter(self, row_filter: views.PortfolioFilter, *, show_field: bool) -> None:
        was_active = self.row_filter.active
        self.row_filter = row_filter
        self.query_one("#portfolio-filter", Input).display = show_field
        if row_filter.active != was_active:
            self.refresh_bindings()  # "escape" shows in the footer only while a filter is on
        self.refresh_rows()

    def action_back(self) -> None:
        """Escape: clear the filter (from the filter line or the table)."""
        if self.row_filter.active or self.query_one("#portfolio-filter", Input).has_focus:
            self.set_filter(views.PortfolioFilter())
            self.table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        filter_line = self.query_one("#portfolio-filter", Input)
        if action in ("new_plan", "filter") and (filter_line.has_focus or self.app.screen is not self):
            return False  # "n" and "/" are letters of the filter; on a plan or a form they are theirs
        if action == "back":
            return self.row_filter.active or filter_line.display
        return True

    @on(LineTable.SortRequested, "#portfolio-table")
    def sort_requested(self, event: LineTable.SortRequested) -> None:
        self.sort_by(event.column)

    def sort_by(self, column: str) -> None:
        """By ``column``; the same column again turns the order round."""
        if self.sort_column == column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, False
        self.refresh_rows()

    # -- opening and making plans ----------------------------------------------------------------

    @on(LineTable.Selected, "#portfolio-table")
    def selected(self, _event: LineTable.Selected) -> None:
        self.action_open_plan()

    def action_open_plan(self) -> None:
        row = self.table.current
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
        self.open_path(row.path)

    def open_path(self, path: Path) -> None:
        try:
            session = EditSession.open(path, self.clock)
        except PlanError as exc:
            first = exc.problems[0]
            self.notify(printable(first.as_text()), severity="error", markup=False)
            self.rescan()
            return
        lang = interface_language(self.lang_choice, [session.plan.language])
        self.app.push_screen(PlanScreen(session, lang, standalone=False), lambda _result: self.rescan())

    def action_new_plan(self) -> None:
        self.app.push_screen(NewPlanModal(self.folder, self.lang), self._created)

    def _created(self, path: Path | None) -> None:
        """A plan was made: list it, put the cursor on it and open it."""
        if path is None:
            return
        self.notify(printable(said("created", self.lang, name=path.name)), markup=False)
        self.rescan()
        self.refresh_rows(focus=path)
        self.open_path(path)

    def action_quit(self) -> None:
        leaving.request_quit(self.app)

    # -- the palette -------------------------------------------------------------------------------

    def palette_commands(self) -> Iterator[tuple[str, str, Any]]:
        """(title, help, callback): new plan, the filters the folder's plans offer, the sorts."""
        lang = self.lang
        yield said("cmd_new_plan", lang), said("cmd_new_plan_help", lang), self.action_new_plan
        yield said("cmd_filter_text", lang), "/", self.action_filter
        yield said("cmd_rescan", lang), "r", self.action_rescan
        base = self.row_filter
        yield said("cmd_filter_none", lang), "", lambda: self.set_filter(views.PortfolioFilter())
        for name in views.owners(self.all_rows):
            yield (
                said("cmd_filter_owner", lang, value=one_line(name)),
                "",
                lambda n=name: self.set_filter(base.with_(owner=n)),
            )
        for kind in views.plan_types(self.all_rows):
            yield (
                said("cmd_filter_type", lang, value=kind.label(lang)),
                "",
                lambda k=kind: self.set_filter(base.with_(type=k)),
            )
        for rag in Rag:
            yield (
                said("cmd_filter_rag", lang, value=rag.label(lang)),
                "",
                lambda r=rag: self.set_filter(base.with_(rag=r)),
            )
        if views.closed_count(self.all_rows):
            key = "hide_closed" if base.closed else "show_closed"
            yield closing(key, lang), "", lambda: self.set_filter(base.with_(closed=not base.closed))
        headings = {column.key: column.heading for column in portfolio_columns(lang)}
        for column in views.SORTABLE:
            yield said("cmd_sort", lang, column=headings[column].lower()), "", lambda c=column: self.sort_by(c)
