"""Forms made from the model: any register's item, or any single part of a plan, with no code of its own.

Each field's input comes from its type (``core.shapes``): a date input, a number in the plan's
language, a select of an enum's labels or of the ids a link may take, a text area for prose, one
line per item for a list. Its label and help line come from ``words.fields``, its checks as you
type from its constraints. Like the action form, the form returns only what the person changed
(``None`` clears a field), so that saving an unchanged form changes no byte of the file.
"""

from __future__ import annotations

from typing import Any

from planaction.core.model import Level, Plan
from planaction.core.registers import link_of
from planaction.core.shapes import Shape, shapes
from planaction.present import views
from planaction.tui.forms.base import Checker, FormScreen
from planaction.tui.forms.fields import widget_value
from planaction.tui.forms.specs import Spec
from planaction.words.labels import FEMININE_LEVEL_FIELDS, label, level_label

#: Text fields that name a person: completed from the plan's people.
PERSON_FIELDS = frozenset({"owner", "accountable", "author", "sponsor", "name"})
#: List fields whose items are people.
PEOPLE_LISTS = frozenset({"co_owners", "responsible", "consulted", "informed", "participants"})


def _choices(shape: Shape) -> Any:
    feminine = shape.name in FEMININE_LEVEL_FIELDS  # "probabilité élevée", "impact élevé"

    def said(choice: Any, lang: str) -> str:
        return level_label(choice, lang, feminine=feminine) if isinstance(choice, Level) else label(choice, lang)

    return lambda _plan, lang: [(said(choice, lang), getattr(choice, "value", choice)) for choice in shape.choices]


def _ids(section: str) -> Any:
    def options(plan: Plan, _lang: str) -> list[tuple[str, str]]:
        items = getattr(plan, section)
        return [
            (f"{item.id} {getattr(item, 'title', None) or getattr(item, 'name', '')}".strip(), item.id)
            for item in items
        ]

    return options


def spec_for(model: type, shape: Shape, *, adding: bool, person_names: bool = True) -> Spec | None:
    """The form field of ``shape``; None when the form does not show it (a nested register, a fixed id)."""
    base: dict[str, Any] = {"model": model, "default": shape.default}
    if shape.required:
        base["required"] = "field_required"
    kind = shape.kind
    if shape.name == "id" and link_of(model, "id") is None:  # type: ignore[arg-type]
        return Spec(shape.name, "id", model=model) if adding else None
    if kind == "nested":
        return None
    if kind == "text":
        people = views.owners if person_names and shape.name in PERSON_FIELDS else None
        return Spec(shape.name, "text", people=people, **base)
    if kind == "prose":
        return Spec(shape.name, "long", **base)
    if kind == "lines":
        if shape.name in PEOPLE_LISTS:
            return Spec(shape.name, "items", people=views.owners, **base)
        return Spec(shape.name, "lines", max_items=shape.max_items, **base)
    if kind == "links":
        return Spec(shape.name, "items", **base)
    if kind == "link":
        assert shape.section is not None
        prompt = None if shape.required else "none_m"
        # nothing to link to (a plan with no streams): the field is left out rather than an empty select
        return Spec(shape.name, "choice", options=_ids(shape.section), prompt=prompt, only_with_options=True, **base)
    if kind == "choice":
        prompt = None if shape.default is not None else ("choose" if shape.required else "none_m")
        return Spec(shape.name, "choice", options=_choices(shape), prompt=prompt, **base)
    if kind in ("number", "whole"):
        return Spec(shape.name, kind, low=shape.low, high=shape.high, **base)
    return Spec(shape.name, kind, **base)  # percent, date, tick


def specs_for(model: type, names: list[str] | None = None, *, adding: bool) -> tuple[Spec, ...]:
    found = (spec_for(model, shape, adding=adding) for shape in shapes(model, names))
    return tuple(spec for spec in found if spec is not None)


class EntryForm(FormScreen):
    """An item of a register, or a part of the plan, as a form generated from its model."""

    def __init__(
        self,
        title: str,
        plan: Plan,
        lang: str,
        check: Checker,
        *,
        model: type,
        item: Any = None,
        names: list[str] | None = None,
        adding: bool = False,
        starting: dict[str, Any] | None = None,
        id_hint: str | None = None,
    ) -> None:
        super().__init__(title, plan, lang, check)
        self.MODEL = model
        self.SPECS = specs_for(model, names, adding=adding)
        self.TALL = len(self.SPECS) > 6
        self.item = item
        self.adding = adding
        self.starting = starting or {}
        self.id_hint = id_hint

    def initial(self, spec: Spec) -> Any:
        if spec.key in self.starting:
            return self.starting[spec.key]
        if self.item is not None:
            return getattr(self.item, spec.key)
        return spec.default

    def opening(self) -> None:
        if self.id_hint and "id" in self.form_fields:
            self.form_fields["id"].widget.placeholder = self.id_hint
        super().opening()

    def first_field(self) -> Any:
        """The first field to fill: the first one required (a new item's id may stay empty), else the first."""
        required = [spec for spec in self.SPECS if spec.required and spec.key in self.form_fields]
        # the first required field still empty (a measurement's value, not its date filled with today)
        empty = [spec for spec in required if widget_value(self.form_fields[spec.key].widget) in ("", None)]
        first = next(iter(empty or required), None)
        if first is not None:
            return self.form_fields[first.key].widget
        return next((f.widget for f in self.form_fields.values()), None)

    def values(self) -> dict[str, Any]:
        """What the person changed (every field of a new item that holds something); None clears a field."""
        if self.adding:
            values = self.read_fields(list(self.form_fields))
            defaults = {spec.key: spec.default for spec in self.SPECS}
            return {k: v for k, v in values.items() if v not in ((), "", None) and v != defaults.get(k)}
        changed = [key for key, form_field in self.form_fields.items() if form_field.changed]
        if self.item is None and not changed:
            return {}  # a part the plan does not have, left empty: nothing to check, nothing to add
        values = self.read_fields(changed)
        return {key: None if value in ((), "", None) else value for key, value in values.items()}
