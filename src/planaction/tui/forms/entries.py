"""The forms that add an entry to a register: a follow-up entry (``LogForm``), a KPI measurement."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.widgets import Input

from planaction.core.model import LogEntry, Measurement, Plan
from planaction.present import views
from planaction.tui.forms import specs
from planaction.tui.forms.base import Checker, FormScreen
from planaction.tui.forms.specs import Spec
from planaction.words.tui import say


def _authors(plan: Plan) -> list[str]:
    return views.people_names(e.author for e in plan.log if e.author)


class LogForm(FormScreen):
    """A follow-up entry: date, action, result, comment, author."""

    MODEL = LogEntry

    SPECS = (
        Spec("date", "date"),
        Spec("action", "choice", options=specs.actions, prompt="whole_plan"),
        Spec("result", "text", required="result_required"),
        Spec("comment", "text"),
        Spec("author", "text", people=_authors),
    )

    def __init__(self, plan: Plan, action_id: str | None, today: dt.date, lang: str, check: Checker) -> None:
        super().__init__(say("new_log", lang), plan, lang, check)
        self.action_id, self.today = action_id, today

    def initial(self, spec: Spec) -> Any:
        authors = _authors(self.plan)
        start = {"date": self.today, "action": self.action_id, "author": authors[-1] if authors else ""}
        return start.get(spec.key, spec.default)

    def first_field(self) -> Any:
        return self.query_one("#f-result", Input)

    def values(self) -> dict[str, Any]:
        values = super().values()
        values["date"] = values["date"] or self.today
        return values


class MeasurementForm(FormScreen):
    """A KPI measurement: KPI, date, value (as typed in the plan's language), comment."""

    MODEL = Measurement

    SPECS = (
        Spec("kpi", "choice", options=specs.kpis),
        Spec("date", "date"),
        Spec("value", "number", required="value_required"),
        Spec("comment", "text"),
    )

    def __init__(self, plan: Plan, kpi_id: str | None, today: dt.date, lang: str, check: Checker) -> None:
        super().__init__(say("new_measurement", lang), plan, lang, check)
        self.kpi_id, self.today = kpi_id, today

    def initial(self, spec: Spec) -> Any:
        return {"kpi": self.kpi_id, "date": self.today}.get(spec.key, spec.default)

    def first_field(self) -> Any:
        return self.query_one("#f-value", Input)

    def values(self) -> dict[str, Any]:
        values = super().values()
        values["date"] = values["date"] or self.today
        return values
