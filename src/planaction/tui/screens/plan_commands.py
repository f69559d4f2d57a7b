"""What the plan screen offers in the command palette: its keys that work on this tab, the tabs,
import and export, filters and sorts, each titled in the plan's language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from textual.actions import parse as parse_action
from textual.keys import format_key

from planaction.core.model import Level, Status
from planaction.present import views
from planaction.present.structures import structure_filter
from planaction.tui import tabs
from planaction.tui.flows import workbook
from planaction.words.labels import key_label, level_label, word
from planaction.words.registers import say as say_registers
from planaction.words.safetext import one_line
from planaction.words.structures import say as say_structures
from planaction.words.tui import say

if TYPE_CHECKING:
    from planaction.tui.screens.plan import PlanScreen

SORTABLE = ("id", "title", "owner", "due", "status", "priority", "progress", "rag")


def palette_commands(screen: PlanScreen) -> Iterator[tuple[str, str, Any]]:
    """(title, help, callback) of everything ``screen`` can do, for the palette."""
    lang = screen.lang
    for binding in screen._bindings:
        _key, item = binding
        _namespace, name, arguments = parse_action(item.action)
        if not screen.check_action(name, arguments):
            continue  # only what works on this tab
        if item.id and not item.id.startswith(("tab_", "cursor")):
            label = key_label(item.id, lang)
            # a printable key as itself ("+", "/"), not Textual's English name for it ("plus", "slash")
            key = item.key_display or (item.key if "+" in item.key else format_key(item.key))
            yield f"{label} ({key})", "", _runner(screen, item.action)
    for number, tab in enumerate(screen.shown_tabs(), 1):
        yield (
            say("tab_command", lang, tab=tabs.title(tab, number, lang)),
            "",
            lambda t=tab.id: screen.action_show_tab(t),
        )
    for tab in tabs.TABS:
        for section in tab.sections:
            if section.key != "parts":
                title = say_registers("add_to", lang, section=section.title(lang))
                yield title, "", lambda t=tab.id, s=section.key: screen.add_to(t, s)
    yield say("import_workbook", lang), "xlsx", screen.action_import_workbook
    yield say("export_to", lang), workbook.known_formats(lang), lambda: workbook.export_to(screen)
    base = screen.row_filter
    yield say("filter_none", lang), "", lambda: screen.set_filter(views.RowFilter())
    yield say("filter_overdue", lang), "", lambda: screen.set_filter(base.with_(overdue=True))
    yield say("filter_imperative", lang), "", lambda: screen.set_filter(base.with_(imperative=True))
    for status in Status:
        yield (
            say("filter_status", lang, value=status.label(lang)),
            "",
            lambda s=status: screen.set_filter(base.with_(status=s)),
        )
    for level in Level:
        yield (
            say("filter_priority", lang, value=level_label(level, lang, feminine=True)),
            "",
            lambda lv=level: screen.set_filter(base.with_(priority=lv)),
        )
    for name in views.owners(screen.plan):
        yield (
            say("filter_owner", lang, value=one_line(name)),
            "",
            lambda n=name: screen.set_filter(base.with_(owner=n)),
        )
    for stream in screen.plan.streams:
        yield (
            say("filter_stream", lang, value=one_line(stream.name)),
            "",
            lambda s=stream.id: screen.set_filter(base.with_(stream=s)),
        )
    for structure in screen.plan.structures:  # cooperation across structures (issue 18)
        yield (
            say_structures("filter_by_structure", lang, value=one_line(structure.name)),
            "",
            lambda s=structure.id: screen.set_filter(structure_filter(screen.plan, s)),
        )
    for column in SORTABLE:
        yield say("sort_by", lang, column=word(column, lang).lower()), "", lambda c=column: screen.sort_by(c)


def _runner(screen: PlanScreen, action: str) -> Any:
    return lambda: screen.run_action(action)
