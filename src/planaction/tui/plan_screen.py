"""The plan screen: tabs of views over one plan, and the editing keys.

Every edit is an operation from ``ops`` applied through the session (so it
can be undone); every figure comes from ``views`` / ``rules``; saving goes
through the session's document. This screen wires keys to those and keeps
the widgets in step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.actions import parse as parse_action
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.lazy import Lazy
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Static, TabbedContent, TabPane

from planaction.core import ops
from planaction.core.model import Level, Plan, Status
from planaction.present import views
from planaction.present.session import DAY_CHECK_SECONDS, EditSession
from planaction.store import ConflictError, SaveError
from planaction.tui import leaving, tab_keys
from planaction.tui.forms import (
    ActionForm,
    ChangesModal,
    ChoiceModal,
    ConfirmModal,
    LogForm,
    MeasurementForm,
    PathModal,
)
from planaction.tui.line_table import ColumnSpec, LineTable, progress_bar, rag_cell
from planaction.tui.panels import (
    ActionDetail,
    DashboardView,
    StakesTree,
    TimelineView,
    kpi_table,
    log_table,
    risk_table,
    value_table,
)
from planaction.words.labels import key_label, word
from planaction.words.safetext import one_line, printable

if TYPE_CHECKING:
    from planaction.tui.app import PlanactionApp

#: Seconds without a key before the detail pane follows the cursor.
DETAIL_DELAY = 0.06
TABS = ("actions", "dashboard", "log", "timeline", "risks", "kpis", "tree")


def tab_title(tab: str, number: int, lang: str) -> str:
    names = {
        "actions": ("Actions", "Actions"),
        "dashboard": ("Tableau de bord", "Dashboard"),
        "log": ("Suivi", "Follow-up"),
        "timeline": ("Calendrier", "Timeline"),
        "risks": ("Risques", "Risks"),
        "kpis": ("KPI & valeur", "KPIs & value"),
        "tree": ("Enjeux", "Stakes"),
    }
    fr, en = names[tab]
    return f"{number} {fr if lang == 'fr' else en}"


def action_columns(lang: str) -> list[ColumnSpec]:
    """The action table; on narrow screens the RAG word, owner, progress and priority go first."""
    overdue = lambda r: "red" if r.overdue_days is not None else None  # noqa: E731
    return [
        ColumnSpec("id", word("id", lang), 6, lambda r: (("!" if r.imperative else " ") + r.id, None), sortable=True),
        ColumnSpec("title", word("title", lang), 0, lambda r: (r.title, None), sortable=True, min_width=18),
        ColumnSpec("owner", word("owner", lang), 14, lambda r: (r.owner, None), sortable=True, drop=2),
        ColumnSpec("due", word("due", lang), 10, lambda r: (r.due_text, overdue(r)), sortable=True),
        ColumnSpec("status", word("status", lang), 11, lambda r: (r.status_text, None), sortable=True),
        ColumnSpec("priority", word("priority", lang), 8, lambda r: (r.priority_text, None), sortable=True, drop=4),
        ColumnSpec(
            "progress",
            word("progress", lang),
            12,
            lambda r: (progress_bar(r.progress, 12), None),
            sortable=True,
            drop=3,
        ),
        ColumnSpec("rag", word("rag", lang), 9, lambda r: rag_cell(r.rag, r.rag_text), sortable=True, drop=1),
    ]


class PlanScreen(leaving.HoldsEdits, Screen[None]):
    BINDINGS = [
        Binding("a", "add_action", "Add", id="add_action"),
        Binding("e", "edit_action", "Edit", id="edit_action"),
        Binding("d", "delete_action", "Delete", id="delete_action", show=False),
        Binding("s", "cycle_status", "Status", id="cycle_status"),
        Binding("plus", "progress(10)", "+10%", id="progress_up"),
        Binding("minus", "progress(-10)", "-10%", id="progress_down", show=False),
        Binding("l", "log_entry", "Log", id="log_entry"),
        # one key, two bindings: shown in the KPI tab's footer, working but unlisted on the Actions tab
        Binding("m", "measure('kpis')", "Measure KPI", id="measure"),
        Binding("m", "measure('actions')", "Measure KPI", id="measure", show=False),
        Binding("i", "toggle_detail", "Detail", id="toggle_detail", show=False),
        Binding("x", "export", "Export XLSX", id="export", show=False),
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
        Binding("ctrl+z", "undo", "Undo", id="undo"),
        Binding("ctrl+y", "redo", "Redo", id="redo", show=False),
        Binding("q", "quit_plan", "Quit", id="quit"),
        Binding("escape", "back", "Back", id="back"),
        *[Binding(str(n), f"show_tab('{tab}')", tab, show=False, id=f"tab_{n}") for n, tab in enumerate(TABS, 1)],
    ]

    def __init__(self, session: EditSession, lang: str, *, standalone: bool) -> None:
        super().__init__()
        self.session = session
        self.lang = lang
        self.standalone = standalone
        self.row_filter = views.RowFilter()
        self.sort_column: str | None = None
        self.sort_reverse = False
        self._row_cache: dict[int, views.ActionRow] = {}
        self._asking_disk = False
        self._detail_choice: bool | None = None  # None: shown when the screen is wide enough
        self._detail_timer: Timer | None = None
        self._status_text = ""
        self._shown_tab = "actions"
        self._day = session.today  # the day the rows were computed for

    @property
    def app_(self) -> PlanactionApp:
        return self.app  # type: ignore[return-value]

    @property
    def plan(self) -> Plan:
        return self.session.plan

    @property
    def today(self) -> dt.date:
        return self.session.today

    def t(self, fr: str, en: str) -> str:
        return fr if self.lang == "fr" else en

    # -- layout ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        tabs = [t for t in TABS if t != "tree" or self.plan.stakes or self.plan.objectives]
        with TabbedContent(initial="actions", id="tabs"):
            for number, tab in enumerate(tabs, 1):
                with TabPane(tab_title(tab, number, self.lang), id=tab):
                    yield from self._pane(tab)
        yield Footer()

    def _pane(self, tab: str) -> Iterator[Any]:
        if tab == "actions":
            yield Input(
                placeholder=self.t("Filtrer : titre, responsable, commentaire…", "Filter: title, owner, comment…"),
                id="filter",
            )
            yield Static("", id="filter-status")
            with Horizontal(id="actions-body"):
                yield LineTable(
                    action_columns(self.lang),
                    empty=self.t("Aucune action — « a » en ajoute une", "No actions — press a to add one"),
                    id="action-table",
                )
                yield ActionDetail(id="detail")
        elif tab == "dashboard":
            yield Lazy(DashboardView(id="dashboard-view"))
        elif tab == "log":
            yield Lazy(log_table(self.lang))
        elif tab == "timeline":
            yield Lazy(TimelineView(id="timeline-view"))
        elif tab == "risks":
            yield Lazy(risk_table(self.lang))
        elif tab == "kpis":
            yield Lazy(
                Vertical(
                    kpi_table(self.lang),
                    Static("", id="value-summary"),
                    value_table(self.lang),
                    id="kpis-view",
                )
            )
        elif tab == "tree":
            yield Lazy(StakesTree(Text(one_line(self.plan.title)), id="stakes-tree"))

    def on_resize(self) -> None:
        self._place_detail()

    def _place_detail(self) -> None:
        detail = self.query_one("#detail", ActionDetail)
        wide = self.size.width >= 100
        detail.display = wide if self._detail_choice is None else self._detail_choice

    def action_toggle_detail(self) -> None:
        detail = self.query_one("#detail", ActionDetail)
        self._detail_choice = not detail.display
        self._place_detail()

    def on_mount(self) -> None:
        self.app_.localize_bindings(self)
        self.query_one("#filter", Input).display = False
        self.refresh_views()
        self.query_one("#action-table", LineTable).focus()
        self.set_interval(2.0, self.check_disk)
        self.set_interval(DAY_CHECK_SECONDS, self.new_day)
        self.call_after_refresh(leaving.offer_rescued, self)

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
        status = f"{len(rows)} / {total} actions"
        if self.row_filter.active:
            status += (
                f" — {self.t('filtre', 'filter')} : {self.row_filter.describe(self.lang)}"
                if self.lang == "fr"
                else f" — filter: {self.row_filter.describe(self.lang)}"
            )
        if status != self._status_text:  # an update re-lays out the screen: only when it changed
            self._status_text = status
            self.query_one("#filter-status", Static).update(Content(printable(status)))
        self.schedule_detail()
        self.refresh_title()
        self.refresh_tab(self._shown_tab)

    def refresh_title(self) -> None:
        self.title = one_line(self.plan.title)
        marker = self.t("● modifié, non enregistré", "● unsaved changes") if self.session.dirty else ""
        self.sub_title = f"{self.session.path.name} {marker}".strip()

    def show_detail(self, row: views.ActionRow | None) -> None:
        self.query_one("#detail", ActionDetail).show(self.plan, row, self.today, self.lang)

    def refresh_tab(self, tab: str) -> None:
        """Fill the panel of a tab from the current plan (once it is mounted)."""
        plan, today, lang = self.plan, self.today, self.lang
        try:
            if tab == "dashboard":
                self.query_one("#dashboard-view", DashboardView).show(plan, today, lang)
            elif tab == "log":
                self.query_one("#log-table", LineTable).set_rows(views.log_lines(plan, lang))
            elif tab == "timeline":
                self.query_one("#timeline-view", TimelineView).show(plan, today, lang)
            elif tab == "risks":
                self.query_one("#risk-table", LineTable).set_rows(views.risk_lines(plan, lang))
            elif tab == "kpis":
                self.query_one("#kpi-table", LineTable).set_rows(views.kpi_lines(plan, lang))
                summary = views.value_summary(plan, lang)
                self.query_one("#value-table", LineTable).set_rows(summary.lines)
                parts = []
                if summary.total_text:
                    parts.append(
                        f"{self.t('Valeur / an', 'Value / year')} : {summary.total_text}"
                        if lang == "fr"
                        else f"Value / year: {summary.total_text}"
                    )
                if summary.budget_text:
                    parts.append(
                        f"{word('budget', lang)} : {summary.budget_text}"
                        if lang == "fr"
                        else f"Budget: {summary.budget_text}"
                    )
                if summary.roi_text:
                    parts.append(f"ROI : {summary.roi_text}" if lang == "fr" else f"ROI: {summary.roi_text}")
                if summary.time_to_value:
                    parts.append(
                        f"{self.t('Délai de création de valeur', 'Time to value')} : {summary.time_to_value}"
                        if lang == "fr"
                        else f"Time to value: {summary.time_to_value}"
                    )
                self.query_one("#value-summary", Static).update(Content(printable("   ".join(parts))))
            elif tab == "tree":
                self.query_one("#stakes-tree", StakesTree).show(plan, today, lang)
        except NoMatches:  # a Lazy pane not mounted yet: it fills itself when shown
            pass

    @on(TabbedContent.TabActivated)
    def tab_shown(self, event: TabbedContent.TabActivated) -> None:
        self._shown_tab = event.pane.id or "actions"
        self.refresh_bindings()  # each tab has its own keys in the footer
        self.call_after_refresh(self._show_pane, self._shown_tab)

    def _show_pane(self, tab: str) -> None:
        """Fill a pane once shown (lazy panes mount on first show) and focus its view."""
        self.refresh_tab(tab)
        pane = self.query_one(f"TabPane#{tab}")
        target = (
            self.query_one("#action-table")
            if tab == "actions"
            else next((w for w in pane.query("*") if w.focusable and w.display), None)
        )
        if target is not None and self.app.screen is self:
            target.focus()

    @on(LineTable.Highlighted, "#action-table")
    def highlighted(self, _event: LineTable.Highlighted) -> None:
        self.schedule_detail()

    def schedule_detail(self) -> None:
        """Redraw the detail pane once keys pause: it re-lays out the whole screen."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_DELAY, lambda: self.show_detail(self.current))

    @on(LineTable.Selected, "#action-table")
    def selected(self, _event: LineTable.Selected) -> None:
        self.action_edit_action()

    @on(LineTable.SortRequested, "#action-table")
    def sort_requested(self, event: LineTable.SortRequested) -> None:
        self.sort_by(event.column)

    def sort_by(self, column: str) -> None:
        if self.sort_column == column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, False
        self.refresh_views()

    # -- edits -------------------------------------------------------------------

    @property
    def current(self) -> views.ActionRow | None:
        return self.query_one("#action-table", LineTable).current

    def edit(self, operation: Any, *, focus_id: str | None = None) -> bool:
        """Apply an operation; say why if ops refuses it."""
        try:
            self.session.apply(operation)
        except ops.OpError as exc:
            self.notify(
                printable(exc.message + (f"\n{exc.hint}" if exc.hint else "")),
                severity="error",
                markup=False,
            )
            return False
        self.refresh_views(focus_id=focus_id)
        return True

    @property
    def current_tab(self) -> str:
        """The tab shown now (set at once by a digit key, before Textual says it is shown)."""
        try:
            return self.query_one("#tabs", TabbedContent).active or "actions"
        except NoMatches:  # not composed yet
            return "actions"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not tab_keys.offered(action, self.current_tab):
            return False  # hidden from the footer and the palette, and the key does nothing
        needs_row = {"edit_action", "delete_action", "cycle_status", "progress"}
        if action in needs_row and self.current is None:
            return None
        if action == "measure":
            if parameters and parameters[0] != self.current_tab:
                return False  # the other tab's binding of the same key
            if not self.plan.kpis:
                return None
        # "back" is hidden when there is nothing to go back to, to leave the footer to useful keys
        return not (action == "back" and self.standalone and not self.row_filter.active)

    def action_cycle_status(self) -> None:
        row = self.current
        if row is not None:
            self.edit(lambda p: ops.cycle_status(p, row.id, self.today), focus_id=row.id)

    def action_progress(self, delta: int) -> None:
        row = self.current
        if row is not None:
            self.edit(lambda p: ops.step_progress(p, row.id, delta, self.today), focus_id=row.id)

    def action_add_action(self) -> None:
        def check(values: dict[str, Any]) -> str | None:
            return self._try(lambda: ops.add_action(self.plan, values, self.today))

        def done(values: dict[str, Any] | None) -> None:
            if values:
                result: dict[str, str] = {}

                def add(plan: Plan) -> Plan:
                    new_plan, result["id"] = ops.add_action(plan, values, self.today)
                    return new_plan

                if self.edit(add):
                    self.refresh_views(focus_id=result.get("id"))

        self.app.push_screen(ActionForm(self.plan, None, self.lang, check), done)

    def action_edit_action(self) -> None:
        row = self.current
        if row is None:
            return
        action = self.plan.action(row.id)

        def check(values: dict[str, Any]) -> str | None:
            return self._try(lambda: ops.update_action(self.plan, row.id, values, self.today))

        def done(values: dict[str, Any] | None) -> None:
            if values:
                self.edit(lambda p: ops.update_action(p, row.id, values, self.today), focus_id=row.id)

        self.app.push_screen(ActionForm(self.plan, action, self.lang, check), done)

    def action_delete_action(self) -> None:
        row = self.current
        if row is None:
            return
        question = self.t(
            f"Supprimer l'action {row.id} « {row.title} » ?",
            f'Delete action {row.id} "{row.title}"?',
        )

        def done(yes: bool | None) -> None:
            if yes:
                self.edit(lambda p: ops.delete_action(p, row.id, unlink=True))

        self.app.push_screen(ConfirmModal(question, self.t("Supprimer", "Delete"), self.t("Garder", "Keep")), done)

    def action_log_entry(self) -> None:
        if self.current_tab == "log":  # for the highlighted entry's action
            entry = self.query_one("#log-table", LineTable).current
            action_id = entry.action_id if entry is not None else None
        else:
            row = self.current
            action_id = row.id if row is not None else None

        def check(values: dict[str, Any]) -> str | None:
            return self._try(lambda: self._log(self.plan, values))

        def done(values: dict[str, Any] | None) -> None:
            if values:
                self.edit(lambda p: self._log(p, values))

        self.app.push_screen(LogForm(self.plan, action_id, self.today, self.lang, check), done)

    @staticmethod
    def _log(plan: Plan, values: dict[str, Any]) -> Plan:
        return ops.append_log(
            plan,
            values["action"],
            values["result"],
            values["date"],
            comment=values["comment"],
            author=values["author"],
        )

    def action_measure(self, _tab: str = "") -> None:
        if not self.plan.kpis:
            return

        def apply(plan: Plan, values: dict[str, Any]) -> Plan:
            return ops.record_measurement(
                plan, values["kpi"], values["date"], values["value"], comment=values["comment"]
            )

        def check(values: dict[str, Any]) -> str | None:
            return self._try(lambda: apply(self.plan, values))

        def done(values: dict[str, Any] | None) -> None:
            if values:
                self.edit(lambda p: apply(p, values))

        if self.current_tab == "kpis":  # the highlighted KPI
            kpi = self.query_one("#kpi-table", LineTable).current
            kpi_id = kpi.id if kpi is not None else None
        else:  # the KPI the highlighted action moves
            kpi_id = self.current.action.kpi if self.current is not None else None
        self.app.push_screen(MeasurementForm(self.plan, kpi_id, self.today, self.lang, check), done)

    @staticmethod
    def _try(attempt: Any) -> str | None:
        try:
            attempt()
        except ops.OpError as exc:
            return exc.message + (f" — {exc.hint}" if exc.hint else "")
        return None

    def action_undo(self) -> None:
        if self.session.undo():
            self.refresh_views()
        else:
            self.notify(self.t("Rien à annuler", "Nothing to undo"))

    def action_redo(self) -> None:
        if self.session.redo():
            self.refresh_views()
        else:
            self.notify(self.t("Rien à rétablir", "Nothing to redo"))

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

    def action_show_tab(self, tab: str) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        if tabs.query(f"TabPane#{tab}") and tabs.active != tab:
            # Let go of the focus first: a focused widget in the old pane would
            # pull the old pane back when Textual moves the focus off it.
            self.set_focus(None)
            tabs.active = tab
            self.refresh_bindings()

    # -- saving, leaving, the file on disk ---------------------------------------

    def action_save(self, *, then: Any = None, force: bool = False) -> None:
        try:
            changed = self.session.save(force=force)
        except ConflictError:
            self.ask_disk(conflict=True)
            return
        except SaveError as exc:
            self.notify(
                printable(str(exc)),
                title=self.t("Non enregistré", "Not saved"),
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        self.refresh_title()
        if changed:
            self.notify(
                printable(self.t(f"Enregistré : {self.session.path}", f"Saved: {self.session.path}")),
                markup=False,
            )
        if then is not None:
            then()

    def leave(self, after: Any) -> None:
        """Run ``after`` once unsaved changes are saved or given up (or stay)."""
        if not self.session.dirty:
            after()
            return

        def chosen(choice: str | None) -> None:
            leaving.set_question_open(self.app, False)
            if choice == "save":
                self.action_save(then=after)
            elif choice == "discard":
                after()

        question = self.t(
            f"Des modifications de {self.session.path.name} ne sont pas enregistrées. Les enregistrer ?",
            f"{self.session.path.name} has unsaved changes. Save them?",
        )
        choices = [
            ("save", self.t("Enregistrer", "Save"), "primary"),
            ("discard", self.t("Ne pas enregistrer", "Don't save"), "error"),
            ("cancel", self.t("Annuler", "Cancel"), "default"),
        ]
        leaving.set_question_open(self.app, True)
        self.app.push_screen(ChoiceModal(question, choices, focus="save"), chosen)

    def action_quit_plan(self) -> None:
        leaving.request_quit(self.app)  # the one way out: asks about forms and every open plan

    def action_back(self) -> None:
        field = self.query_one("#filter", Input)
        if field.has_focus or self.row_filter.active:
            self.set_filter(views.RowFilter())
            self.query_one("#action-table", LineTable).focus()
            return
        if self.standalone:
            return
        self.leave(lambda: self.dismiss(None))

    def check_disk(self) -> None:
        if not self._asking_disk and self.app.screen is self and self.session.changed_on_disk():
            self.ask_disk(conflict=False)

    def ask_disk(self, *, conflict: bool) -> None:
        self._asking_disk = True
        dirty = self.session.dirty
        question = self.t(
            f"{self.session.path.name} a été modifié sur le disque par un autre programme."
            + (" Recharger perd vos modifications non enregistrées." if dirty else ""),
            f"{self.session.path.name} was changed on disk by another program."
            + (" Reloading loses your unsaved changes." if dirty else ""),
        )
        choices = [
            ("reload", self.t("Recharger", "Reload"), "warning" if dirty else "primary"),
            ("keep", self.t("Garder ma version", "Keep mine"), "primary" if dirty else "default"),
        ]

        def chosen(choice: str | None) -> None:
            self._asking_disk = False
            if choice == "reload":
                self.reload()
            elif choice == "keep":
                self.session.keep_mine()
                if conflict:
                    self.action_save()
                else:
                    self.notify(
                        self.t(
                            "Votre version sera enregistrée à la place.",
                            "Your version will replace it when you save.",
                        )
                    )

        self.app.push_screen(ChoiceModal(question, choices, focus="keep" if dirty else "reload"), chosen)

    def reload(self) -> None:
        from planaction.words.problems import PlanError

        try:
            self.session.reload()
        except PlanError as exc:
            first = exc.problems[0]
            self.notify(
                printable(f"{first.file}:{first.line}:{first.col}: {first.message}"),
                title=self.t("Relecture impossible", "Cannot reload"),
                severity="error",
                timeout=10,
                markup=False,
            )
            self.session.keep_mine()
            return
        self._row_cache.clear()
        self.refresh_views()
        self.notify(self.t("Rechargé depuis le disque", "Reloaded from disk"))

    # -- the client workbook -------------------------------------------------------

    def action_export(self) -> None:
        """Write the workbook beside the plan (saving first: the workbook must match the file)."""
        if not self.session.dirty:
            self._export()
            return

        def chosen(choice: str | None) -> None:
            if choice == "save":
                self.action_save(then=self._export)

        question = self.t(
            "Le classeur doit correspondre au fichier : enregistrer d'abord ?",
            "The workbook must match the file: save first?",
        )
        choices = [
            ("save", self.t("Enregistrer et exporter", "Save and export"), "primary"),
            ("cancel", self.t("Annuler", "Cancel"), "default"),
        ]
        self.app.push_screen(ChoiceModal(question, choices, focus="save"), chosen)

    def _export(self, target: Path | None = None, *, replace: bool = False) -> None:
        """Export to ``target`` (default: beside the plan); ``replace`` a workbook the client changed."""
        from planaction.exchange.xlsx.export import default_path

        target = target or default_path(self.session.path)
        self.notify(self.t(f"Export en cours : {target.name}…", f"Exporting {target.name}…"))
        self._export_worker(target, replace)

    @work(thread=True, exclusive=True, group="export")
    def _export_worker(self, target: Path, replace: bool = False) -> None:
        """Build and write the workbook; one that holds a client's edits not yet imported is never
        replaced without asking: import it first, write under another name, or replace it."""
        from planaction.exchange.xlsx.export import export
        from planaction.exchange.xlsx.overwrite import WorkbookChanged, free_name

        document = self.session.document
        try:
            export(
                self.session.plan,
                target,
                plan_id=self.session.plan_id,
                file_name=document.path.name,
                today=self.today,
                lang=self.lang,
                plan_path=document.path,
                replace=replace,
            )
        except WorkbookChanged as exc:
            other = free_name(target, self.today)
            question = self.t(
                f"{target.name} a changé depuis que planaction l'a écrit : il peut contenir des modifications "
                f"du client pas encore importées, que le remplacer perdrait. « Autre nom » écrit {other.name} ; "
                "Échap annule.",
                f"{target.name} changed since planaction wrote it: it may hold the client's edits, not yet "
                f'imported, which replacing it would lose. "Other name" writes {other.name}; Escape cancels.',
            )
            choices = [
                ("import", self.t("Importer d'abord", "Import first"), "primary"),
                ("other", self.t("Autre nom", "Other name"), "default"),
                ("replace", self.t("Remplacer", "Replace"), "warning"),
            ]

            def chosen(choice: str | None) -> None:
                if choice == "import":
                    self._import_from(str(target))
                elif choice == "other":
                    self._export(other)
                elif choice == "replace":
                    self._export(target, replace=True)

            if exc.pending is None:  # not a workbook planaction wrote: importing it makes no sense
                choices.pop(0)

            def ask() -> None:
                self.app.push_screen(ChoiceModal(question, choices, focus=choices[0][0]), chosen)

            self.app.call_from_thread(ask)
            return
        except SaveError as exc:
            self.app.call_from_thread(self.notify, printable(str(exc)), severity="error", markup=False)
            return
        self.app.call_from_thread(
            self.notify,
            printable(self.t(f"Classeur écrit : {target}", f"Workbook written: {target}")),
            markup=False,
            timeout=8,
        )

    def action_import_workbook(self) -> None:
        from planaction.exchange.xlsx.export import default_path

        default = default_path(self.session.path)
        question = self.t(
            "Classeur à importer (les changements s'affichent avant d'être appliqués) :",
            "Workbook to import (the changes show before they apply):",
        )
        self.app.push_screen(PathModal(question, str(default), self.lang), self._import_from)

    def _import_from(self, path: str | None, prefer: str | None = None) -> None:
        if not path:
            return
        from planaction.exchange.xlsx.importer import WorkbookRefused, conflict_lines, plan_import

        try:
            result = plan_import(
                self.plan,
                Path(path),
                plan_id=self.session.plan_id,
                prefer=prefer,
                today=self.today,
                lang=self.lang,
                plan_path=self.session.path,
            )
        except WorkbookRefused as exc:
            self.notify(
                printable("\n".join(str(p) for p in exc.problems[:6])),
                title=self.t("Classeur refusé", "Workbook refused"),
                severity="error",
                timeout=12,
                markup=False,
            )
            return
        if not result.operations and not result.conflicts:
            self.notify(
                self.t(
                    "Rien à importer : le classeur ne change rien.", "Nothing to import: the workbook changes nothing."
                )
            )
            return
        sections = [
            (self.t("Changements", "Changes"), result.changes),
            (self.t("Conflits (gardés du plan)", "Conflicts (the plan's kept)"), conflict_lines(result, self.lang)),
            (self.t("Ignoré", "Ignored"), result.ignored),
        ]

        def chosen(choice: str | None) -> None:
            if choice == "apply":
                self.edit(result.apply)
                self.notify(
                    self.t(
                        "Importé : ctrl+s pour enregistrer, ctrl+z pour annuler",
                        "Imported: ctrl+s saves, ctrl+z undoes",
                    )
                )
            elif choice == "theirs":
                self._import_from(path, prefer="theirs")

        title = self.t(f"Importer {Path(path).name}", f"Import {Path(path).name}")
        self.app.push_screen(
            ChangesModal(title, sections, self.lang, conflicts=bool(result.conflicts) and prefer is None), chosen
        )

    # -- palette -------------------------------------------------------------------

    def palette_commands(self) -> Iterator[tuple[str, str, Any]]:
        """(title, help, callback) of everything this screen can do, for the palette."""
        lang = self.lang
        for binding in self._bindings:
            _key, item = binding
            _namespace, name, arguments = parse_action(item.action)
            if not self.check_action(name, arguments):
                continue  # only what works on this tab
            if item.id and not item.id.startswith(("tab_", "cursor")):
                label = key_label(item.id, lang)
                yield (
                    f"{label} ({item.key_display or item.key})",
                    item.action,
                    self._runner(item.action),
                )
        for number, tab in enumerate(TABS, 1):
            yield (
                self.t("Onglet : ", "Tab: ") + tab_title(tab, number, lang),
                "",
                lambda tab=tab: self.action_show_tab(tab),
            )
        yield self.t("Importer un classeur…", "Import a workbook…"), "xlsx", self.action_import_workbook
        base = self.row_filter
        yield (
            self.t("Filtre : aucun", "Filter: none"),
            "",
            lambda: self.set_filter(views.RowFilter()),
        )
        yield (
            self.t("Filtre : en retard", "Filter: overdue"),
            "",
            lambda: self.set_filter(base.with_(overdue=True)),
        )
        yield (
            self.t("Filtre : critères impératifs", "Filter: imperative"),
            "",
            lambda: self.set_filter(base.with_(imperative=True)),
        )
        for status in Status:
            yield (
                f"{self.t('Filtre : statut', 'Filter: status')} {status.label(lang)}",
                "",
                lambda s=status: self.set_filter(base.with_(status=s)),
            )
        for level in Level:
            yield (
                f"{self.t('Filtre : priorité', 'Filter: priority')} {level.label(lang)}",
                "",
                lambda lv=level: self.set_filter(base.with_(priority=lv)),
            )
        for name in views.owners(self.plan):
            yield (
                f"{self.t('Filtre : responsable', 'Filter: owner')} {one_line(name)}",
                "",
                lambda n=name: self.set_filter(base.with_(owner=n)),
            )
        for stream in self.plan.streams:
            yield (
                f"{self.t('Filtre : flux', 'Filter: stream')} {one_line(stream.name)}",
                "",
                lambda s=stream.id: self.set_filter(base.with_(stream=s)),
            )
        for column in ("id", "title", "owner", "due", "status", "priority", "progress", "rag"):
            yield (
                f"{self.t('Trier par', 'Sort by')} {word(column, lang).lower()}",
                "",
                lambda c=column: self.sort_by(c),
            )

    def _runner(self, action: str) -> Any:
        return lambda: self.run_action(action)
