"""A form's fields, declared once: each ``Spec`` names the field's key and the kind of value it holds.

The key is at once what the form returns, the model's attribute the field starts from, the
widget's id (``f-<key>``) and its label (the plan's word for it, ``words.labels.word``, unless
``label`` names a sentence of ``words/tui.py``). ``build`` makes the widget and the reader the
kind needs, so that a form lists its fields one line each and nothing else repeats them.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Checkbox, Select

from planaction.core.model import Level, Plan, Status
from planaction.tui.forms.fields import (
    FormTextArea,
    PeopleSuggester,
    Reader,
    RequiredSelect,
    date_input,
    date_reader,
    id_input,
    number_input,
    number_reader,
    origin_line,
    origins_reader,
    percent_reader,
    read_choice,
    read_items,
    read_lines,
    read_long_text,
    read_text,
    read_tick,
    text_input,
    whole_reader,
)
from planaction.tui.widgets.folded_select import FoldedSelect
from planaction.words.fields import field_label
from planaction.words.labels import level_label, word
from planaction.words.safetext import printable
from planaction.words.tui import say

#: The choices of a select field, as (label, value), from the plan and the language.
Options = Callable[[Plan, str], list[tuple[str, str]]]


@dataclass(frozen=True)
class Spec:
    key: str
    #: text, items (comma-separated), lines (one a line), long (a comment), choice, percent,
    #: number, whole (0-5), date, tick, origins
    kind: str
    label: str | None = None  # a key of words/tui.py, when the plan's word for ``key`` is not the label
    required: str | None = None  # a key of words/tui.py: the message when the field is left empty
    people: Callable[[Plan], list[str]] | None = None  # names to complete from
    options: Options | None = None
    prompt: str | None = None  # a key of words/tui.py: the blank choice; None: a choice is required
    only_with_options: bool = False  # left out when the plan has nothing to choose
    placeholder: str | None = None
    default: Any = None  # what a new item starts with
    model: type | None = None  # the model the field belongs to: its label comes from ``words.fields``
    low: float | None = None  # bounds of a number
    high: float | None = None
    max_items: int | None = None  # the most items a list may hold (one a line)

    def text(self, lang: str) -> str:
        if self.label:
            return say(self.label, lang)
        return field_label(self.model, self.key, lang) if self.model is not None else word(self.key, lang)


def statuses(_plan: Plan, lang: str) -> list[tuple[str, str]]:
    return [(s.label(lang), s.value) for s in Status]


def levels(_plan: Plan, lang: str) -> list[tuple[str, str]]:
    """The priorities: "Élevée" in French, agreeing with "priorité"."""
    return [(level_label(lv, lang, feminine=True), lv.value) for lv in Level]


def streams(plan: Plan, _lang: str) -> list[tuple[str, str]]:
    return [(f"{s.id} {s.name}", s.id) for s in plan.streams]


def objectives(plan: Plan, _lang: str) -> list[tuple[str, str]]:
    return [(f"{o.id} {o.title}", o.id) for o in plan.objectives]


def kpis(plan: Plan, _lang: str) -> list[tuple[str, str]]:
    return [(f"{k.id} {k.name}", k.id) for k in plan.kpis]


def actions(plan: Plan, _lang: str) -> list[tuple[str, str]]:
    return [(f"{a.id} {a.title}", a.id) for a in plan.actions]


def build(spec: Spec, value: Any, plan: Plan, lang: str) -> tuple[Widget, Reader] | None:
    """The widget showing ``value`` and the reader of what it will hold; None: the field is left out."""
    wid = f"f-{spec.key}"
    required = say(spec.required, lang, field=spec.text(lang)) if spec.required else None
    kind = spec.kind
    if kind in ("text", "items"):
        options: dict[str, Any] = {}
        shown = ", ".join(value or ()) if kind == "items" else value
        if spec.people is not None:
            people = spec.people
            options["suggester"] = PeopleSuggester(lambda: people(plan), shown or "")
        if spec.placeholder is not None:
            options["placeholder"] = spec.placeholder
        return text_input(shown, id=wid, required=required, **options), (read_items if kind == "items" else read_text)
    if kind == "lines":
        return FormTextArea("\n".join(value or ()), id=wid, soft_wrap=True, classes="short"), read_lines
    if kind == "origins":
        shown = "\n".join(origin_line(o, lang) for o in value or ())
        return FormTextArea(shown, id=wid, soft_wrap=True, classes="short"), origins_reader(value or (), lang)
    if kind == "long":
        return FormTextArea(value or "", id=wid, soft_wrap=True), read_long_text
    if kind == "id":
        return id_input(value, lang, id=wid), read_text
    if kind == "tick":
        return Checkbox("", bool(value), id=wid), read_tick
    if kind == "date":
        return date_input(value, lang, id=wid), date_reader(lang)
    if kind in ("percent", "number", "whole"):
        if kind == "percent":
            reader = percent_reader(lang)
        elif kind == "whole":
            reader = whole_reader(lang, int(spec.low if spec.low is not None else 0), int(spec.high or 5))
        else:
            reader = number_reader(lang, spec.low, spec.high)
        return number_input(value, lang, reader, id=wid, required=required), reader
    if kind == "choice":
        assert spec.options is not None
        items = spec.options(plan, lang)
        if spec.only_with_options and not items:
            return None
        values = {choice for _label, choice in items}
        current = value.value if isinstance(value, enum.Enum) else value
        if current not in values:
            current = Select.NULL if spec.prompt else items[0][1]
        choices = [(Content(printable(label)), choice) for label, choice in items]
        if spec.prompt:
            # Textual's own prompt is the English word "Select"
            select = RequiredSelect(choices, value=current, prompt=say(spec.prompt, lang), id=wid)
            select.required_message = required
            return select, read_choice
        return FoldedSelect(choices, value=current, allow_blank=False, id=wid), read_choice
    raise ValueError(f"unknown kind of field: {kind!r}")
