"""The action form: every field of an action, listed once; returns the fields the person changed."""

from __future__ import annotations

from typing import Any

from planaction.core.model import Action, Plan
from planaction.present import views
from planaction.tui.forms import specs
from planaction.tui.forms.base import Checker, FormScreen
from planaction.tui.forms.generated import specs_for
from planaction.tui.forms.specs import Spec
from planaction.words.tui import say

#: How the action form departs from the form the model gives (``generated.specs_for``): lists typed on one
#: line with completion, origins as "kind: reference" lines, the blank priority in the feminine.
OVERRIDES: dict[str, Spec] = {
    "priority": Spec("priority", "choice", options=specs.levels, prompt="none_f", model=Action),
    "indicators": Spec("indicators", "lines", label="indicators_lines", max_items=2),
    "resources": Spec("resources", "text", model=Action),
    "skills": Spec("skills", "items", model=Action),
    "partners": Spec("partners", "items", model=Action),
    "depends_on": Spec("depends_on", "items", placeholder="A1, A2", model=Action),
    "origins": Spec("origins", "origins", label="origins_lines"),
    "title": Spec("title", "text", required="title_required", model=Action),
    "owner": Spec("owner", "text", required="owner_required", people=views.owners, model=Action),
}
#: The order of the form: what a steering meeting changes first; any other field of the model follows.
ORDER = (
    "title", "owner", "co_owners", "status", "progress", "priority", "start", "due", "completed",
    "impact", "urgency", "effort", "imperative", "stream", "objective", "kpi", "indicators", "resources",
    "budget", "skills", "partners", "depends_on", "origins", "comment",
)  # fmt: skip


def action_specs() -> tuple[Spec, ...]:
    """Every field of an action (its id aside), from the model, in ``ORDER``, with ``OVERRIDES``."""
    names = [name for name in ORDER if name in Action.model_fields]
    names += [name for name in Action.model_fields if name not in names and name != "id"]
    generated = {spec.key: spec for spec in specs_for(Action, names, adding=False)}
    return tuple(OVERRIDES.get(name) or generated[name] for name in names if name in OVERRIDES or name in generated)


FIELDS = action_specs()


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
