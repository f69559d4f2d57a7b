"""What kind of value each field of the model holds, read from its type: the ground of generated forms.

A form for any register is built from its model's fields (``tui/forms/generated``): a date field
gets a date input, an enum a select of its labels, a link (``registers.LINKS``) a select of the
ids that exist, a ``Prose`` text a text area, a list of texts a list editor, a number its bounds.
Reading the type here, once, is what lets a field added to the model appear in its form with no
code in the app.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from dataclasses import dataclass
from typing import Any

from annotated_types import Ge, Le, MaxLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from planaction.core.fields import Multiline
from planaction.core.registers import link_of


@dataclass(frozen=True)
class Shape:
    """One field as a form sees it.

    ``kind``: text, prose, lines (a list of texts, one a line), link (an id of ``section``),
    links (ids of ``section``), number, whole, percent, date, tick, choice (``choices``), or
    nested (a part or a register of its own, edited elsewhere).
    """

    name: str
    key: str  # as written in the file
    kind: str
    required: bool
    default: Any = None
    choices: tuple[Any, ...] = ()
    low: float | None = None
    high: float | None = None
    section: str | None = None
    max_items: int | None = None


def _strip_optional(annotation: Any) -> tuple[Any, list[Any]]:
    """The annotation without ``| None`` and Annotated, and the metadata met on the way."""
    metadata: list[Any] = []
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *extra = typing.get_args(annotation)
            metadata.extend(extra)
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation, metadata
            annotation = args[0]
        else:
            return annotation, metadata


def _bounds(metadata: list[Any]) -> tuple[float | None, float | None, int | None]:
    low = high = max_len = None
    for item in metadata:
        constraints = getattr(item, "metadata", None) or [item]  # a FieldInfo inside Annotated
        for c in constraints:
            if isinstance(c, Ge):
                low = c.ge
            elif isinstance(c, Le):
                high = c.le
            elif isinstance(c, MaxLen):
                max_len = c.max_length
    return low, high, max_len


def shape(model: type[BaseModel], name: str) -> Shape:
    info: FieldInfo = model.model_fields[name]
    annotation, metadata = _strip_optional(info.annotation)
    metadata += list(info.metadata)
    low, high, max_len = _bounds(metadata)
    default = None if info.default in (PydanticUndefined, None) else info.default
    base = {"name": name, "key": info.alias or name, "required": info.is_required(), "default": default}
    section = link_of(model, name)  # type: ignore[arg-type]
    if typing.get_origin(annotation) is tuple:
        item, _metadata = _strip_optional(typing.get_args(annotation)[0])
        if isinstance(item, type) and issubclass(item, BaseModel):
            return Shape(**base, kind="nested")
        kind = "links" if section else "lines"
        return Shape(**base, kind=kind, section=section, max_items=max_len)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape(**base, kind="nested")
    if typing.get_origin(annotation) is typing.Literal:
        return Shape(**base, kind="choice", choices=typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return Shape(**base, kind="choice", choices=tuple(annotation))
    if annotation is bool:
        return Shape(**base, kind="tick")
    if annotation is dt.date:
        return Shape(**base, kind="date")
    if annotation is int:
        kind = "percent" if (low, high) == (0, 100) else "whole"
        return Shape(**base, kind=kind, low=low, high=high)
    if annotation is float:
        return Shape(**base, kind="number", low=low, high=high)
    if section:
        return Shape(**base, kind="link", section=section)
    if any(isinstance(m, Multiline) for m in metadata):
        return Shape(**base, kind="prose")
    return Shape(**base, kind="text")


def shapes(model: type[BaseModel], names: list[str] | None = None) -> list[Shape]:
    """The shapes of ``model``'s fields (of ``names`` only, in that order, when given)."""
    return [shape(model, name) for name in (names if names is not None else list(model.model_fields))]
