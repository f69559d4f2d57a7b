"""The plan screen's edits: each key or form becomes an operation from ``ops``, applied through
the session (so it can be undone); a form never closes on a change ``ops`` would refuse."""

from __future__ import annotations

from typing import Any

from textual.css.query import NoMatches

from planaction.core import ops, playbooks
from planaction.core.model import Plan
from planaction.tui.forms.action import ActionForm
from planaction.tui.forms.entries import LogForm, MeasurementForm
from planaction.tui.widgets.line_table import LineTable
from planaction.tui.widgets.questions import ConfirmModal
from planaction.words.labels import date_text
from planaction.words.playbooks import say as said
from planaction.words.safetext import printable
from planaction.words.tui import say


class PlanEdits:
    """The editing actions of ``PlanScreen`` (a mixin: it uses the screen's session, plan and widgets)."""

    def edit(self, operation: Any, *, focus_id: str | None = None) -> bool:
        """Apply an operation; say why if ops refuses it."""
        try:
            self.session.apply(operation)
        except ops.OpError as exc:
            hint = exc.hint_in(self.lang)
            self.notify(
                printable(exc.message_in(self.lang) + (f"\n{hint}" if hint else "")),
                severity="error",
                markup=False,
            )
            return False
        self.refresh_views(focus_id=focus_id)
        return True

    def action_cycle_status(self) -> None:
        row = self.current
        if row is not None:
            self.edit(lambda p: ops.cycle_status(p, row.id, self.today), focus_id=row.id)

    def action_progress(self, delta: int) -> None:
        row = self.current
        if row is not None:
            self.edit(lambda p: ops.step_progress(p, row.id, delta, self.today), focus_id=row.id)

    async def action_add_action(self) -> None:
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

        self.open_form(ActionForm(self.plan, None, self.lang, check), done)

    async def action_edit_action(self) -> None:
        row = self.current
        if row is None:
            return
        action = self.plan.action(row.id)

        def check(values: dict[str, Any]) -> str | None:
            return self._try(lambda: ops.update_action(self.plan, row.id, values, self.today))

        def done(values: dict[str, Any] | None) -> None:
            if values:
                self.edit(lambda p: ops.update_action(p, row.id, values, self.today), focus_id=row.id)

        self.open_form(ActionForm(self.plan, action, self.lang, check), done)

    async def action_delete_action(self) -> None:
        row = self.current
        if row is None:
            return
        question = say("delete_question", self.lang, id=row.id, title=row.title)

        def done(yes: bool | None) -> None:
            if yes:
                self.edit(lambda p: ops.delete_action(p, row.id, unlink=True))

        await self.app.push_screen(ConfirmModal(question, say("delete", self.lang), say("keep", self.lang)), done)

    async def action_log_entry(self) -> None:
        if self.current_tab == "log":  # for the highlighted entry's action
            entry = self.query_one("#reg-log", LineTable).current
            action_id = entry.action_id if entry is not None else None
        else:
            row = self.current
            action_id = row.id if row is not None else None

        def check(values: dict[str, Any]) -> str | None:
            return self._try(lambda: self._log(self.plan, values))

        def done(values: dict[str, Any] | None) -> None:
            if values:
                self.edit(lambda p: self._log(p, values))

        self.open_form(LogForm(self.plan, action_id, self.today, self.lang, check), done)

    def action_answer_playbook(self) -> None:
        """The highlighted playbook becomes an action (``core.playbooks.answer``); its origin, in the
        plan's language, says why it fired."""
        try:
            row = self.query_one("#reg-playbooks", LineTable).current
        except NoMatches:
            return
        if row is None:
            return
        hit = next((h for h in playbooks.fired(self.plan, self.today) if h.index == row.key), None)
        note = hit.reason.text(self.plan.language) if hit is not None else None
        result: dict[str, str] = {}

        def answer(plan: Plan) -> Plan:
            new_plan, result["id"] = playbooks.answer(plan, row.key, self.today, note)
            return new_plan

        if self.edit(answer, focus_id=None):
            action = self.plan.action(result["id"])
            due = date_text(action.due, self.lang) if action is not None and action.due else ""
            self.notify(
                printable(said("playbook.answered", self.lang, id=result["id"], signal=row.item.signal, due=due)),
                markup=False,
            )

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

    async def action_measure(self, _tab: str = "") -> None:
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
            kpi = self.query_one("#reg-kpis", LineTable).current
            kpi_id = kpi.id if kpi is not None else None
        else:  # the KPI the highlighted action moves
            kpi_id = self.current.action.kpi if self.current is not None else None
        self.open_form(MeasurementForm(self.plan, kpi_id, self.today, self.lang, check), done)

    def _try(self, attempt: Any) -> str | None:
        try:
            attempt()
        except ops.OpError as exc:
            hint = exc.hint_in(self.lang)
            return exc.message_in(self.lang) + (f" — {hint}" if hint else "")
        return None

    def action_undo(self) -> None:
        if self.session.undo():
            self.refresh_views()
        else:
            self.notify(say("nothing_to_undo", self.lang))

    def action_redo(self) -> None:
        if self.session.redo():
            self.refresh_views()
        else:
            self.notify(say("nothing_to_redo", self.lang))
