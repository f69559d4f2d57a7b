"""The action form: every field of an action, listed once; returns the fields the person changed."""

from __future__ import annotations

from typing import Any

from planaction.core.model import Action, Plan, Status
from planaction.present import views
from planaction.tui.forms import specs
from planaction.tui.forms.base import Checker, FormScreen
from planaction.tui.forms.specs import Spec
from planaction.words.tui import say

FIELDS: tuple[Spec, ...] = (
    Spec("title", "text", required="title_required"),
    Spec("owner", "text", required="owner_required", people=views.owners),
    Spec("co_owners", "items", people=views.owners),
    Spec("status", "choice", options=specs.statuses, default=Status.TODO),
    Spec("progress", "percent", default=0),
    Spec("priority", "choice", options=specs.levels, prompt="none_f"),
    Spec("start", "date"),
    Spec("due", "date"),
    Spec("completed", "date"),
    Spec("impact", "whole", label="impact_0_5"),
    Spec("urgency", "whole", label="urgency_0_5"),
    Spec("effort", "whole", label="effort_0_5"),
    Spec("imperative", "tick", default=False),
    Spec("stream", "choice", options=specs.streams, prompt="none_m", only_with_options=True),
    Spec("objective", "choice", options=specs.objectives, prompt="none_m", only_with_options=True),
    Spec("kpi", "choice", options=specs.kpis, prompt="none_m", only_with_options=True),
    Spec("indicators", "lines", label="indicators_lines", max_items=2),
    Spec("resources", "text"),
    Spec("budget", "number"),
    Spec("skills", "items", label="skills"),
    Spec("partners", "items", label="partners"),
    Spec("depends_on", "items", label="depends_on", placeholder="A1, A2"),
    Spec("origins", "origins", label="origins_lines"),
    Spec("comment", "long"),
)


class ActionForm(FormScreen):
    """Every field of an action; returns the fields the person changed (None clears one)."""

    TALL = True
    SPECS = FIELDS
    MODEL = Action

    def __init__(self, plan: Plan, action: Action | None, lang: str, check: Checker) -> None:
        title = say("new_action", lang) if action is None else f"{action.id} — {action.title}"
        super().__init__(title, plan, lang, check)
        self.action = action

    def initial(self, spec: Spec) -> Any:
        return getattr(self.action, spec.key) if self.action is not None else spec.default

    def values(self) -> dict[str, Any]:
        """What the person changed: every changed field read back (None clears it); nothing else."""
        changed = [key for key, form_field in self.form_fields.items() if form_field.changed]
        values = self.read_fields(changed)
        if self.action is None:
            return {key: value for key, value in values.items() if value not in ((), False, "", None)}
        return {key: None if value in ((), "", None) else value for key, value in values.items()}
