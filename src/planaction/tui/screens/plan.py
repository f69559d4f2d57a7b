"""The plan screen: tabs of views over one plan, and the keys that act on it.

Every edit is an operation from ``ops`` applied through the session (``plan_edits``); every
figure comes from ``views`` / ``rules``; saving goes through the session's document
(``plan_file``). The tabs, their keys and how each fills itself come from ``tabs.TABS``; this
screen wires keys to those and keeps the widgets in step.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static, TabbedContent, TabPane

from planaction.core.model import Plan
from planaction.present import views
from planaction.present.improvement import criteria_line
from planaction.present.session import DAY_CHECK_SECONDS, EditSession
from planaction.tui import collector, tabs
from planaction.tui.flows import leaving, workbook
from planaction.tui.forms.action import ActionForm
from planaction.tui.forms.base import FormScreen
from planaction.tui.forms.kept import KeptForms
from planaction.tui.screens.plan_commands import palette_commands
from planaction.tui.screens.plan_edits import PlanEdits
from planaction.tui.screens.plan_file import PlanFile
from planaction.tui.screens.register_edits import RegisterEdits
from planaction.tui.screens.styles_ahead import read_styles_ahead_soon
from planaction.tui.tabs.registers import panel_of
from planaction.tui.widgets.detail import ActionDetail
from planaction.tui.widgets.frame import FittingFooter, FittingHeader
from planaction.tui.widgets.laid_out import LaidOutOnce
from planaction.tui.widgets.later import Later
from planaction.tui.widgets.line_table import LineTable
from planaction.words import interface
from planaction.words.safetext import one_line, printable
from planaction.words.tui import say

if TYPE_CHECKING:
    from collections.abc import Iterator

#: Seconds without a key before the detail pane follows the cursor.
DETAIL_DELAY = 0.06
#: Seconds between two looks at the plan's file on disk (changed by a colleague, a pull, another app).
DISK_CHECK_SECONDS = 2.0
#: Seconds after the first paint before the hidden tabs are built, and between two of them.
BUILD_DELAY = 0.4
BUILD_STEP = 0.05
#: Columns from which the detail pane shows beside the action table by default: under it, the
#: table keeps the whole width (at 120 the titles would shrink to 19 cells beside a 32-cell pane).
DETAIL_MIN_WIDTH = 140
#: Actions that need a highlighted action row.
NEEDS_ROW = frozenset({"edit_action", "delete_action", "cycle_status", "progress"})


class PlanScreen(LaidOutOnce, leaving.HoldsEdits, PlanEdits, RegisterEdits, PlanFile, Screen[None]):
    BINDINGS = [
        *tabs.bindings(),
        Binding("x", "export", "Export XLSX", id="export", show=False),
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
        Binding("ctrl+z", "undo", "Undo", id="undo"),
        Binding("ctrl+y", "redo", "Redo", id="redo", show=False),
        Binding("q", "quit_plan", "Quit", id="quit"),
        Binding("escape", "back", "Back", id="back"),
        # 1..n count the tabs shown: a plan without stakes has no stakes tab, and the tabs after it move up
        *(
            Binding(b.key, f"show_tab_number({n})", b.description, show=False, id=b.id)
            for n, b in enumerate(tabs.digit_bindings(), 1)
        ),
    ]

    def __init__(
        self, session: EditSession, lang: str, *, standalone: bool, baseline: tuple[str, Plan] | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self.baseline = baseline  # (revision, the plan then), from ``--baseline``
        self.lang = lang
        self.standalone = standalone
        self.row_filter = views.RowFilter()
        self._built_tabs: set[str] = set()  # tabs whose widgets are all built (``_unbuilt``)
        self.sort_column: str | None = None
        self.sort_reverse = False
        self._row_cache: dict[int, views.ActionRow] = {}
        self._asking_disk = False
        self._detail_choice: bool | None = None  # None: shown when the screen is wide enough
        self._detail_timer: Timer | None = None
        self._status_text = ""
        self._shown_tab = "actions"
        self._day = session.today  # the day the rows were computed for
        self._action_table: LineTable | None = None
        self._filled: dict[str, tuple[Plan, dt.date, str]] = {}  # what each tab was last filled from
        self.kept_forms = KeptForms()  # the forms it opened, closed, for the next ones (``forms.kept``)

    @property
    def plan(self) -> Plan:
        return self.session.plan

    @property
    def today(self) -> dt.date:
        return self.session.today

    # -- layout ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield FittingHeader()
        shown = self.shown_tabs()
        with TabbedContent(initial="actions", id="tabs"):
            for number, tab in enumerate(shown, 1):
                with TabPane(tabs.title(tab, number, self.lang), id=tab.id):
                    yield from tab.compose(self)
        yield FittingFooter()

    def on_resize(self) -> None:
        self._place_detail()

    def _place_detail(self) -> None:
        detail = self.query_one("#detail", ActionDetail)
        wide = self.size.width >= DETAIL_MIN_WIDTH
        detail.display = wide if self._detail_choice is None else self._detail_choice
        # the register tabs follow (their panes may mount later: a class, not their widgets)
        self.set_class(not detail.display, "-no-detail")

    def action_toggle_detail(self) -> None:
        detail = self.query_one("#detail", ActionDetail)
        self._detail_choice = not detail.display
        self._place_detail()

    def on_mount(self) -> None:
        self.app.localize_bindings(self)  # type: ignore[attr-defined]
        self.query_one("#filter", Input).display = False
        self.refresh_views()
        self.query_one("#action-table", LineTable).focus()
        self.set_interval(DISK_CHECK_SECONDS, self.check_disk)
        self.set_interval(DAY_CHECK_SECONDS, self.new_day)
        self.call_after_refresh(leaving.offer_rescued, self)
        read_styles_ahead_soon(self)
        self.call_after_refresh(lambda: self.set_timer(BUILD_DELAY, self._build_hidden_tabs))

    def on_unmount(self) -> None:
        self.kept_forms.drop(self.app)  # each holds a plan, and its checks this screen

    def open_form(self, form: FormScreen, done: Any) -> None:
        """Show ``form``, in a form of its kind kept from before when it can (``forms.kept``). Not awaited: the
        app holds the keys typed meanwhile until the form is ready (``FormScreen.ready``), and awaiting the
        mount asked the form for one more layout and drawing."""
        self.kept_forms.open(self.app, form, done)

    def new_day(self) -> None:
        """Past midnight every RAG, overdue count and "today" marker changes: show them for the new day."""
        if self.today != self._day:
            self._day = self.today
            self._row_cache.clear()
            self.refresh_views()

    # -- keeping the widgets in step -------------------------------------------

    def rows(self) -> list[views.ActionRow]:
        cache = self._row_cache
        rows = []
        fresh: dict[int, views.ActionRow] = {}
        for action in self.plan.actions:
            row = cache.get(id(action))
            if row is None or row.action is not action:
                row = views.action_row(action, self.today, self.lang)
            fresh[id(action)] = row
            rows.append(row)
        self._row_cache = fresh
        rows = views.filter_rows(rows, self.row_filter)
        if self.sort_column:
            rows = views.sort_rows(rows, self.sort_column, reverse=self.sort_reverse)
        return rows

    def refresh_views(self, *, focus_id: str | None = None) -> None:
        table = self.query_one("#action-table", LineTable)
        current = focus_id or (table.current.id if table.current else None)
        rows = self.rows()
        table.sort_column, table.sort_reverse = self.sort_column, self.sort_reverse
        table.set_rows(rows, keep=(lambda r: r.id == current) if current else None)
        total = len(self.plan.actions)
        if total == 1:
            status = interface.say("shown_actions_one", self.lang, shown=len(rows), total=total)
        else:
            status = say("shown_actions", self.lang, shown=len(rows), total=total)
        if self.row_filter.active:
            status += say("filter_on", self.lang, filter=self.row_filter.describe(self.lang))
        if self.row_filter.imperative:  # the criteria the imperative actions answer, with their scores
            status += criteria_line(self.plan, self.lang)
        if status != self._status_text:  # an update re-lays out the screen: only when it changed
            self._status_text = status
            self.query_one("#filter-status", Static).update(Content(printable(status)))
        self.schedule_detail()
        self.refresh_title()
        self.refresh_tab(self._shown_tab)

    def refresh_title(self) -> None:
        self.title = one_line(self.plan.title)
        marker = say("unsaved_marker", self.lang) if self.session.dirty else ""
        self.sub_title = f"{self.session.path.name} {marker}".strip()

    def show_detail(self, row: views.ActionRow | None) -> None:
        self.query_one("#detail", ActionDetail).show(self.plan, row, self.today, self.lang)

    def refresh_tab(self, tab_id: str) -> None:
        """Fill the panel of a tab from the current plan (once it is mounted); a tab shown again
        with the same plan, day and language is left as it is (showing it costs no fill)."""
        tab = tabs.BY_ID.get(tab_id)
        if tab is None or tab.fill is None:
            return
        filled = self._filled.get(tab_id)
        if filled is not None and filled[0] is self.plan and filled[1:] == (self.today, self.lang):
            return
        with contextlib.suppress(NoMatches):  # a pane not built yet (``Later``): filled when it is built
            tab.fill(self)
            self._filled[tab_id] = (self.plan, self.today, self.lang)

    @on(TabbedContent.TabActivated)
    def tab_shown(self, event: TabbedContent.TabActivated) -> None:
        self._shown_tab = event.pane.id or "actions"
        self.refresh_bindings()  # each tab has its own keys in the footer
        self.call_after_refresh(self._show_pane, self._shown_tab)

    async def _show_pane(self, tab: str) -> None:
        """Fill a pane once shown (built first if a click showed it) and focus its view."""
        await self.build_tab(tab)
        self.refresh_tab(tab)
        self._focus_pane(tab)

    def _focus_pane(self, tab: str) -> None:
        """Focus a shown pane's view: its table (the rows before a list of sections), else its first field."""
        pane = self.query_one(f"TabPane#{tab}")
        focusable = [w for w in pane.query("*") if w.focusable and w.display and w.visible]
        tables = [w for w in focusable if isinstance(w, LineTable)]
        target = self.query_one("#action-table") if tab == "actions" else next(iter(tables or focusable), None)
        if target is not None and self.app.screen is self and self.focused is not target:
            target.focus()  # (which draws it again, focused already or not)

    @on(LineTable.Highlighted, "#action-table")
    def highlighted(self, _event: LineTable.Highlighted) -> None:
        self.schedule_detail()

    def schedule_detail(self) -> None:
        """Redraw the detail pane once keys pause: it re-lays out the whole screen."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_DELAY, lambda: self.show_detail(self.current))

    @on(LineTable.Selected, "#action-table")
    async def selected(self, _event: LineTable.Selected) -> None:
        await self.action_edit_action()

    @on(LineTable.SortRequested, "#action-table")
    def sort_requested(self, event: LineTable.SortRequested) -> None:
        self.sort_by(event.column)

    def sort_by(self, column: str) -> None:
        if self.sort_column == column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, False
        self.refresh_views()

    # -- which keys work where ------------------------------------------------------

    @property
    def current(self) -> views.ActionRow | None:
        table = self._action_table
        if table is None:  # looked up once: check_action asks for it for every key, at every refresh
            table = self._action_table = self.query_one("#action-table", LineTable)
        return table.current

    @property
    def current_tab(self) -> str:
        """The tab shown now (set at once by a digit key, before Textual says it is shown)."""
        try:
            return self.query_one("#tabs", TabbedContent).active or "actions"
        except NoMatches:  # not composed yet
            return "actions"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not tabs.offered(action, self.current_tab):
            return False  # hidden from the footer and the palette, and the key does nothing
        if action in NEEDS_ROW and self.current is None:
            return None
        if action == "answer_playbook":  # only over the playbooks' table, with one highlighted
            return self._section_shown("governance", "playbooks") and bool(self.plan.playbooks)
        if action == "measure":
            if parameters and parameters[0] != self.current_tab:
                return False  # the other tab's binding of the same key
            if not self.plan.kpis:
                return None
        # "back" is hidden when there is nothing to go back to, to leave the footer to useful keys
        return not (action == "back" and self.standalone and not self.row_filter.active)

    def _section_shown(self, tab_id: str, section: str) -> bool:
        try:
            return panel_of(self, tab_id).section.key == section
        except NoMatches:  # the tab is not built yet
            return False

    # -- filter and tabs -----------------------------------------------------------

    def action_filter(self) -> None:
        self.query_one("#tabs", TabbedContent).active = "actions"
        field = self.query_one("#filter", Input)
        field.display = True
        field.focus()

    @on(Input.Changed, "#filter")
    def filter_typed(self, event: Input.Changed) -> None:
        was_active = self.row_filter.active
        self.row_filter = self.row_filter.with_(text=event.value)
        if self.row_filter.active != was_active:
            self.refresh_bindings()  # the footer shows "back" only while a filter is on
        self.refresh_views()

    @on(Input.Submitted, "#filter")
    def filter_done(self) -> None:
        self.query_one("#action-table", LineTable).focus()

    def set_filter(self, row_filter: views.RowFilter) -> None:
        if row_filter.active != self.row_filter.active:
            self.refresh_bindings()
        self.row_filter = row_filter
        field = self.query_one("#filter", Input)
        with field.prevent(Input.Changed):
            field.value = row_filter.text
        field.display = bool(row_filter.text)
        self.query_one("#tabs", TabbedContent).active = "actions"
        self.refresh_views()

    def shown_tabs(self) -> list[tabs.Tab]:
        """The tabs this plan has, in order (their digits are their places here)."""
        return [tab for tab in tabs.TABS if tab.shown(self.plan)]

    async def action_show_tab_number(self, number: int) -> None:
        shown = self.shown_tabs()
        if 1 <= number <= len(shown):
            await self.action_show_tab(shown[number - 1].id)

    async def action_show_tab(self, tab: str) -> None:
        tabbed = self.query_one("#tabs", TabbedContent)
        if tabbed.query(f"TabPane#{tab}") and tabbed.active != tab:
            first = bool(self._unbuilt(tab))
            if first:
                collector.hold()  # until the tab is drawn: nothing to free in what it builds
            try:
                # built before it is shown, and before the next key: "5a" finds the risks' own "a"
                await self.build_tab(tab)
                # filled while hidden: the screen is then laid out once, with the tab's content, not
                # once to show the pane as it was and again for its new content
                self.refresh_tab(tab)
                # Let go of the focus first: a focused widget in the old pane would
                # pull the old pane back when Textual moves the focus off it.
                self.set_focus(None)
                tabbed.active = tab
                # focused now, in the frame that shows the tab, not in one more after it (``_show_pane``)
                self._focus_pane(tab)
                self.refresh_bindings()
            finally:
                if first:
                    collector.release_after_refresh(self, lasting=True)

    async def build_tab(self, tab: str) -> None:
        """Mount the widgets a tab holds back (``Later``); nothing if they are built. Showing the tab
        fills them (``_show_pane``): filled here too, a tab shown by its digit was filled twice."""
        for holder in self._unbuilt(tab):
            await holder.reveal()
        self._built_tabs.add(tab)

    def _unbuilt(self, tab: str) -> list[Later]:
        """The widgets ``tab`` still holds back; none, without a query, once they are built: the query walked
        the whole screen for each tab at each step of the building while idle, and a tab's first display
        paid for the steps it waited for."""
        if tab in self._built_tabs:
            return []
        holders = [w for w in self.query(f"TabPane#{tab} Later").results(Later) if not w.revealed]
        if not holders:
            self._built_tabs.add(tab)
        return holders

    async def _build_hidden_tabs(self) -> None:
        """Once the plan is on screen and the app idle: build one hidden tab, then the next one later.

        One at a time, so that a key typed meanwhile waits for one tab at most; not under a form (its keys
        come first): later."""
        if not self.is_attached:
            return  # closed meanwhile
        if self.app.screen is not self:
            self.set_timer(BUILD_DELAY, self._build_hidden_tabs)
            return
        for tab in self.shown_tabs():
            if self._unbuilt(tab.id):
                collector.hold()
                try:
                    await self.build_tab(tab.id)
                finally:
                    collector.release_after_refresh(self, lasting=True)
                self.set_timer(BUILD_STEP, self._build_hidden_tabs)
                return
        # then the action form, the one a meeting opens most: its first opening is a refill too (``forms.kept``);
        # made for an action, as most are opened (a field with a value is styled as checked)
        action = self.plan.actions[0] if self.plan.actions else None
        self.kept_forms.prepare(self.app, ActionForm(self.plan, action, self.lang, lambda _values: None))

    def action_back(self) -> None:
        field = self.query_one("#filter", Input)
        if field.has_focus or self.row_filter.active:
            self.set_filter(views.RowFilter())
            self.query_one("#action-table", LineTable).focus()
            return
        if self.standalone:
            return
        self.leave(lambda: self.dismiss(None))

    # -- exports, the client workbook, the palette ------------------------------------

    def action_export(self) -> None:
        """Write the default export beside the plan (saving first: it must match the file)."""
        workbook.export(self)

    def action_import_workbook(self) -> None:
        workbook.ask_import(self)

    def _import_from(self, path: str | None, prefer: str | None = None) -> None:
        workbook.import_from(self, path, prefer)

    def _export(self, target: Path | None = None, *, replace: bool = False) -> None:
        workbook.start(self, target, replace=replace)

    def palette_commands(self) -> Iterator[tuple[str, str, Any]]:
        """(title, help, callback) of everything this screen can do, for the palette."""
        return palette_commands(self)
