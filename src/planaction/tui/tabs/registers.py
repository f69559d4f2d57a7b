"""Register tabs: one or more registers of the plan, each a table, with the highlighted item's detail.

A tab that edits registers lists its ``Section``s; ``register_tab`` builds the Tab (its panel,
how it fills itself, the keys ``a`` add, ``e``/``enter`` edit, ``d`` delete). With several
sections, a list on the left picks the table shown, so that any number of registers fits at
80x24. The rows come from ``present``; the edits go through ``core.entries`` (``RegisterEdits``
on the plan screen). Columns are chosen here; every other field shows in the detail pane.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import ContentSwitcher, OptionList, Static, TabbedContent
from textual.widgets.option_list import Option

from planaction.core.registers import PART, REGISTER
from planaction.present import entries as present
from planaction.tui.tabs.base import PlanView, Tab
from planaction.tui.widgets.later import Later
from planaction.tui.widgets.line_table import ColumnSpec, LineTable
from planaction.tui.widgets.tones import lines
from planaction.words.fields import field_label
from planaction.words.registers import say
from planaction.words.safetext import printable
from planaction.words.tui import say as say_tui

#: What the editing keys do, offered on every register tab.
EDITS = frozenset({"add_entry", "edit_entry", "delete_entry"})
#: The editing keys, bound once for every register tab (the Actions tab binds the same keys to its own).
ENTRY_BINDINGS = (
    Binding("a", "add_entry", "Add", id="add_entry"),
    Binding("e", "edit_entry", "Edit", id="edit_entry"),
    Binding("d", "delete_entry", "Delete", id="delete_entry"),
)


@dataclass(frozen=True)
class Section:
    """One register in a tab: its key (``core.registers``, or "parts"), its columns and its rows.

    Each row has a ``key`` (an id, a position, a part's key).
    """

    key: str
    columns: Callable[[str], list[ColumnSpec]]
    rows: Callable[[PlanView], list[Any]]
    empty: str = "no_entries"
    #: The detail of a row: (label, value) lines.
    detail: Callable[[PlanView, Any], list[tuple[str, str]]] | None = None

    def title(self, lang: str) -> str:
        return say("section_" + self.key, lang)


def entry_columns(
    register: str, names: list[str], widths: dict[str, int] | None = None
) -> Callable[[str], list[ColumnSpec]]:
    """Columns showing ``names`` of a register's items as text; a width of 0 takes the room left."""
    model = REGISTER[register].model
    widths = widths or {}

    def columns(lang: str) -> list[ColumnSpec]:
        return [
            ColumnSpec(name, field_label(model, name, lang), widths.get(name, 0), _cell(name), min_width=12)
            for name in names
        ]

    return columns


def _cell(name: str) -> Callable[[present.EntryRow], tuple[str, str | None]]:
    return lambda row: (row.text(name), None)


def entry_section(register: str, names: list[str], widths: dict[str, int] | None = None) -> Section:
    """A register shown with the generic rows: each item's ``names`` as columns."""
    return Section(register, entry_columns(register, names, widths), lambda view: _entry_rows(view, register))


def _entry_rows(view: PlanView, register: str) -> list[present.EntryRow]:
    return present.entry_rows(present.items_at(view.plan, REGISTER[register].path), view.lang)


def _parts_columns(lang: str) -> list[ColumnSpec]:
    return [
        ColumnSpec("part", say("col_part", lang), 18, lambda r: (say("part_" + r.key, lang), None)),
        ColumnSpec(
            "summary",
            say("col_summary", lang),
            0,
            lambda r: (r.summary, None) if r.summary else (say("part_empty", lang), "muted"),
        ),
    ]


PARTS_SECTION = Section(
    "parts",
    _parts_columns,
    lambda view: present.part_rows(view.plan, view.lang),
    detail=lambda view, row: present.part_detail(view.plan, row.key, view.lang),
)


def detail_of(section: Section, view: PlanView, row: Any) -> list[tuple[str, str]]:
    if row is None:
        return []
    if section.detail is not None:
        return section.detail(view, row)
    register = REGISTER.get(section.key)
    item = getattr(row, "item", None)
    if register is None:
        return []
    if item is None:  # a view row (risks, KPIs): find the item by its key
        found = present.items_at(view.plan, register.path) if register.parent is None else ()
        item = next((i for n, i in enumerate(found) if getattr(i, "id", n) == row.key), None)
    return present.detail_lines(register.model, item, view.lang)


class RegisterPanel(Horizontal):
    """The sections of a register tab: the list of sections, the table shown, the highlighted item's detail.

    ``left`` goes to the list of sections, ``right`` (or ``enter`` on a section) back to its table.
    """

    BINDINGS = [
        Binding("left", "to_sections", "Sections", show=False, id="to_sections"),
        Binding("right", "to_table", "Table", show=False, id="to_table"),
    ]

    def action_to_sections(self) -> None:
        if len(self.sections) > 1:
            self.query_one(OptionList).focus()

    def action_to_table(self) -> None:
        self.table().focus()

    def __init__(self, tab_id: str, sections: tuple[Section, ...], lang: str) -> None:
        super().__init__(id=f"{tab_id}-panel", classes="register-panel")
        self.tab_id = tab_id
        self.sections = sections
        self.lang = lang

    def compose(self) -> ComposeResult:
        if len(self.sections) > 1:
            yield OptionList(
                *(Option(s.title(self.lang), id=s.key) for s in self.sections),
                id=f"{self.tab_id}-sections",
                classes="register-sections",
            )
        with ContentSwitcher(initial=f"reg-{self.sections[0].key}", classes="register-tables"):
            for section in self.sections:
                yield LineTable(
                    section.columns(self.lang), empty=say(section.empty, self.lang), id=f"reg-{section.key}"
                )
        detail = VerticalScroll(classes="register-detail")
        # shown or not from the start, as ``on_resize`` will have it: a panel spans the screen's width, and
        # showing it once laid out would lay the screen out again, in one more frame of the tab's first display
        detail.display = self.app.size.width >= self.WIDE
        with detail:
            yield Static(id=f"{self.tab_id}-detail")

    #: Below this width the detail pane gives its room to the table, and the list of sections narrows.
    WIDE = 110

    def on_mount(self) -> None:
        """A lazy pane mounts when first shown: its table takes the focus then (not the list of sections)."""
        localize = getattr(self.app, "localize_bindings", None)
        if localize is not None:
            localize(self)  # its keys' names in the interface's language
        try:
            shown = self.screen.query_one(TabbedContent).active == self.tab_id
        except NoMatches:
            return
        if shown:
            self.call_after_refresh(self.table().focus)

    def on_resize(self) -> None:
        wide = self.size.width >= self.WIDE
        detail = self.query_one(".register-detail")
        if detail.display != wide:  # set again, the same value still lays the screen out again
            detail.display = wide
        if len(self.sections) > 1:
            sections = self.query_one(OptionList)
            if sections.styles.width is None or sections.styles.width.value != (26 if wide else 20):
                sections.styles.width = 26 if wide else 20

    @property
    def section(self) -> Section:
        shown = self.query_one(ContentSwitcher).current or f"reg-{self.sections[0].key}"
        return next(s for s in self.sections if f"reg-{s.key}" == shown)

    def table(self, section: Section | None = None) -> LineTable:
        return self.query_one(f"#reg-{(section or self.section).key}", LineTable)

    def fill(self, view: PlanView) -> None:
        for section in self.sections:
            table = self.table(section)
            current = table.current.key if table.current is not None else None
            table.set_rows(section.rows(view), keep=(lambda r, k=current: r.key == k) if current is not None else None)
        if len(self.sections) > 1:
            options = self.query_one(OptionList)
            for position, section in enumerate(self.sections):
                count = len(self.table(section).rows) if section.key != "parts" else None
                title = section.title(self.lang)
                text = title if count is None else say("section_count", self.lang, title=title, count=count)
                options.replace_option_prompt_at_index(position, text)
        self.show_detail()

    def show_detail(self) -> None:
        view: Any = self.screen
        section = self.section
        try:
            table = self.table(section)
        except NoMatches:
            # the list of sections highlights its first one as it mounts, and a tab built while the app is
            # idle can hear it before the tables beside it are mounted: the detail comes with the filling
            return
        found = detail_of(section, view, table.current)
        body = self.query_one(f"#{self.tab_id}-detail", Static)
        body.update(
            lines(
                *(
                    Content.assemble((say_tui("field", self.lang, key=k), "bold $text-muted"), printable(v))
                    for k, v in found
                )
            )
        )

    def show_section(self, key: str) -> None:
        self.query_one(ContentSwitcher).current = f"reg-{key}"
        self.show_detail()
        self.screen.refresh_bindings()  # a section may bring its own key (``p`` on the playbooks)

    @on(OptionList.OptionHighlighted)
    def _section_picked(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self.show_section(event.option.id)

    @on(OptionList.OptionSelected)
    def _section_entered(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.show_section(event.option.id)
            self.table().focus()

    @on(LineTable.Highlighted)
    def _row_highlighted(self, event: LineTable.Highlighted) -> None:
        """The detail follows; a register that lives in the highlighted item (a KPI's measurements) too."""
        highlighted = (event.control.id or "").removeprefix("reg-")
        view: Any = self.screen
        for section in self.sections:
            register = REGISTER.get(section.key)
            if register is not None and register.parent == highlighted:
                self.table(section).set_rows(section.rows(view))
        self.show_detail()

    @on(LineTable.Selected)
    def _row_selected(self, event: LineTable.Selected) -> None:
        event.stop()
        self.screen.run_action("edit_entry")


def panel_of(view: PlanView, tab_id: str) -> RegisterPanel:
    return view.query_one(f"#{tab_id}-panel", RegisterPanel)


def register_tab(
    tab_id: str,
    sections: tuple[Section, ...],
    *,
    extra: Callable[[PlanView], Iterator[Widget]] | None = None,
    extra_fill: Callable[[PlanView], None] | None = None,
    bindings: tuple[Binding, ...] = (),
    offers: frozenset[str] = frozenset(),
    shown: Callable[[Any], bool] | None = None,
) -> Tab:
    """A tab of register sections (and ``extra`` widgets under them)."""

    def compose(view: PlanView) -> Iterator[Widget]:
        panel = RegisterPanel(tab_id, sections, view.lang)
        # lazy: a tab's widgets are built when it is first shown, not before the first paint
        yield Later(panel if extra is None else Vertical(panel, *extra(view), classes="register-tab"))

    def fill(view: PlanView) -> None:
        panel_of(view, tab_id).fill(view)
        if extra_fill is not None:
            extra_fill(view)

    options: dict[str, Any] = {} if shown is None else {"shown": shown}
    return Tab(tab_id, compose, fill, bindings=bindings, offers=EDITS | offers, sections=sections, **options)


__all__ = [
    "EDITS",
    "ENTRY_BINDINGS",
    "PART",
    "PARTS_SECTION",
    "NoMatches",
    "OptionList",
    "RegisterPanel",
    "Section",
    "entry_section",
    "panel_of",
    "register_tab",
]
