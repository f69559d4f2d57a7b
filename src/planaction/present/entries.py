"""Any register's items and any part of a plan, as rows and detail lines a person reads.

The app's register tabs show every register the same way: a row per item (its key, the item,
its fields as text) and, beside it, every field of the highlighted item. Values are worded in
the interface's language (dates as shown, numbers with the plan's decimal mark, enum labels,
lists joined), from the labels of ``words.fields``.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from planaction.core.model import Model, Plan
from planaction.core.registers import PART, PARTS, Part, header_fields, items_at, value_at
from planaction.words.fields import field_label
from planaction.words.labels import date_text, label, number, word


def field_text(value: Any, lang: str) -> str:
    """A field's value as a person reads it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return word("yes" if value else "no", lang)
    if isinstance(value, dt.date):
        return date_text(value, lang)
    if isinstance(value, (int, float)):
        return number(value, lang)
    if isinstance(value, enum.Enum):
        return label(value, lang)
    if isinstance(value, tuple):
        return ", ".join(field_text(v, lang) for v in value)
    if isinstance(value, Model):
        # in the model's order: a set's order changes from run to run
        names = [name for name in type(value).model_fields if name in value.model_fields_set]
        return " — ".join(field_text(getattr(value, name), lang) for name in names)
    return str(value)


@dataclass(frozen=True)
class EntryRow:
    """One item of a register: its key (id, or position), the item, and the language it is read in."""

    key: str | int
    item: Any
    lang: str

    def text(self, name: str) -> str:
        return field_text(getattr(self.item, name), self.lang)


def entry_rows(items: tuple[Any, ...], lang: str) -> list[EntryRow]:
    return [EntryRow(getattr(item, "id", position), item, lang) for position, item in enumerate(items)]


def detail_lines(model: type[Model], item: Any, lang: str, names: list[str] | None = None) -> list[tuple[str, str]]:
    """(label, value) for every field of ``item`` that holds something."""
    found = []
    for name in names if names is not None else list(model.model_fields):
        text = field_text(getattr(item, name), lang) if item is not None else ""
        if text:
            found.append((field_label(model, name, lang), text))
    return found


@dataclass(frozen=True)
class PartRow:
    """A single part of the plan (its header, period, context...), as a row: what it holds, in short."""

    key: str
    part: Part
    value: Any
    summary: str


def part_names(part: Part) -> list[str] | None:
    return header_fields() if part.key == "header" else None


def part_rows(plan: Plan, lang: str) -> list[PartRow]:
    """Every part, even an absent one (its form creates it)."""
    rows = []
    for part in PARTS:
        value = value_at(plan, part.path) if part.path else plan
        names = [name for name in part_names(part) or list(part.model.model_fields) if name != "id"]
        lines = detail_lines(part.model, value, lang, names) if value is not None else []
        summary = " · ".join(text for _label, text in lines[:3])
        rows.append(PartRow(part.key, part, value, summary))
    return rows


def part_detail(plan: Plan, key: str, lang: str) -> list[tuple[str, str]]:
    part = PART[key]
    value = value_at(plan, part.path) if part.path else plan
    return detail_lines(part.model, value, lang, part_names(part)) if value is not None else []


__all__ = [
    "EntryRow",
    "PartRow",
    "detail_lines",
    "entry_rows",
    "field_text",
    "items_at",
    "part_detail",
    "part_rows",
]
