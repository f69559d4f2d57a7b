"""The register tabs' edits: ``a`` adds an item to the register shown, ``e``/``enter`` edits the
highlighted item (or part of the plan), ``d`` deletes it after asking; each through ``core.entries``
applied by the session, so that it can be undone, and checked by the real operation before the form
closes (a form never closes on a change the operation would refuse)."""

from __future__ import annotations

from typing import Any

from planaction.core import entries
from planaction.core.ops import ID_PREFIXES, next_id
from planaction.core.registers import PART, REGISTER
from planaction.present.entries import part_names
from planaction.tui.forms.generated import EntryForm
from planaction.tui.tabs import registers as register_tabs
from planaction.tui.tabs.kpis import current_kpi
from planaction.tui.tabs.plan_parts import current_objective
from planaction.tui.widgets.questions import ConfirmModal
from planaction.words.registers import say
from planaction.words.tui import say as say_tui


class RegisterEdits:
    """A mixin of ``PlanScreen``: it uses the screen's session, plan, language and ``edit``."""

    def _panel(self) -> register_tabs.RegisterPanel | None:
        try:
            return register_tabs.panel_of(self, self.current_tab)  # type: ignore[arg-type]
        except register_tabs.NoMatches:
            return None

    def _register_owner(self, register: str) -> str | None:
        parent = REGISTER[register].parent
        if parent == "objectives":  # an objective's approvals (issue 18)
            return current_objective(self)  # type: ignore[arg-type]
        return current_kpi(self) if parent == "kpis" else None  # type: ignore[arg-type]

    def _row_name(self, section: register_tabs.Section, row: Any) -> str:
        if section.key == "parts":
            return say("part_" + row.key, self.lang)
        item = getattr(row, "item", None)
        shown = getattr(item, "title", None) or getattr(item, "name", None) or getattr(row, "title", None)
        key = row.key if isinstance(row.key, str) else say("entry_number", self.lang, n=row.key + 1)
        return f"{key} {shown}" if shown and shown != key else str(key)

    async def _form(self, title: str, operation: Any, *, then: Any = None, **options: Any) -> None:
        """A generated form whose values ``operation(plan, values)`` applies: tried before the form
        closes (so that it never closes on a refused change), then applied through the session;
        ``then()`` runs once it applied."""
        form = EntryForm(
            title, self.plan, self.lang, lambda values: self._try(lambda: operation(self.plan, values)), **options
        )

        def done(values: dict[str, Any] | None) -> None:
            if values and self.edit(lambda p: operation(p, values)) and then is not None:
                then()

        self.open_form(form, done)

    async def add_to(self, tab_id: str, section_key: str) -> None:
        """Go to a register (its tab, its section) and open its form: the palette's "Add: …" commands."""
        await self.action_show_tab(tab_id)  # built and shown
        self.refresh_tab(tab_id)  # and filled now, not after the next refresh: its form asks its rows
        try:
            panel = register_tabs.panel_of(self, tab_id)  # type: ignore[arg-type]
        except register_tabs.NoMatches:
            return
        if section_key != "parts":
            panel.show_section(section_key)
            if len(panel.sections) > 1:
                panel.query_one(register_tabs.OptionList).highlighted = next(
                    n for n, s in enumerate(panel.sections) if s.key == section_key
                )
        await self.action_add_entry()

    async def action_add_entry(self) -> None:
        panel = self._panel()
        if panel is None:
            return
        section = panel.section
        if section.key == "parts":
            await self.action_edit_entry()
            return
        register = REGISTER[section.key]
        parent = self._register_owner(section.key)
        if register.parent is not None and parent is None:
            self.notify(say("no_kpi_for_measurement", self.lang))
            return
        # a follow-up entry or a measurement is dated today; a decision's date is the day it was taken: left empty
        date_field = register.model.model_fields.get("date")
        starting = {"date": self.today} if date_field is not None and date_field.is_required() else {}
        if section.key == "log" and self.current_tab == "log":
            starting["action"] = None
        id_hint = None
        if register.by_id:
            existing = (i.id for i in entries.entries(self.plan, section.key))
            id_hint = say("next_id", self.lang, id=next_id(existing, ID_PREFIXES.get(section.key, "X")))

        added: dict[str, Any] = {}

        def add(plan: Any, values: dict[str, Any]) -> Any:
            new_plan, added["key"] = entries.add_entry(plan, section.key, values, self.today, parent)
            return new_plan

        def highlight_new() -> None:
            """The cursor goes to the item just added (a register's rows may be sorted: found by its key)."""
            table = panel.table(section)
            rows = table.rows or []
            index = next((n for n, row in enumerate(rows) if row.key == added.get("key")), None)
            if index is not None:
                table.move_cursor(index)

        title = say("new_entry", self.lang, section=section.title(self.lang))
        await self._form(
            title, add, then=highlight_new, model=register.model, adding=True, starting=starting, id_hint=id_hint
        )

    def _highlighted(self) -> tuple[register_tabs.Section, Any] | None:
        """The register shown on this tab and its highlighted row, if any."""
        panel = self._panel()
        if panel is None:
            return None
        section = panel.section
        row = panel.table(section).current
        return None if row is None else (section, row)

    async def action_edit_entry(self) -> None:
        highlighted = self._highlighted()
        if highlighted is None:
            return
        section, row = highlighted
        title = say("edit_entry", self.lang, section=section.title(self.lang), name=self._row_name(section, row))
        if section.key == "parts":
            part = PART[row.key]

            def change_part(plan: Any, values: dict[str, Any]) -> Any:
                return entries.set_part(plan, part.key, values)

            await self._form(title, change_part, model=part.model, item=row.value, names=part_names(part))
            return
        register = REGISTER[section.key]
        parent = self._register_owner(section.key)
        item = entries.entries(self.plan, section.key, parent)[_position(self.plan, section.key, row.key, parent)]

        def change(plan: Any, values: dict[str, Any]) -> Any:
            return entries.update_entry(plan, section.key, row.key, values, self.today, parent)

        await self._form(title, change, model=register.model, item=item)

    async def action_delete_entry(self) -> None:
        highlighted = self._highlighted()
        if highlighted is None:
            return
        section, row = highlighted
        if section.key == "parts":
            if row.key == "header":
                self.notify(say("header_kept", self.lang))
                return
            question = say("clear_part_question", self.lang, part=say("part_" + row.key, self.lang))

            def operation(plan: Any) -> Any:
                return entries.clear_part(plan, row.key)

        else:
            parent = self._register_owner(section.key)
            name = self._row_name(section, row)
            question = say("delete_entry_question", self.lang, name=name, section=section.title(self.lang))

            def operation(plan: Any) -> Any:
                return entries.delete_entry(plan, section.key, row.key, parent)

        def done(yes: bool | None) -> None:
            if yes:
                self.edit(operation)

        await self.app.push_screen(
            ConfirmModal(question, say_tui("delete", self.lang), say_tui("keep", self.lang)), done
        )


def _position(plan: Any, register: str, key: Any, parent: str | None) -> int:
    items = entries.entries(plan, register, parent)
    if REGISTER[register].by_id:
        return next(n for n, item in enumerate(items) if item.id == key)
    return int(key)
