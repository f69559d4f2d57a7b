"""Turn schema validation errors into sentences a plan's author can act on.

Pydantic says "Input should be 'todo', 'in_progress'..."; we say which
action, which key, what was written, and what to write instead: the closest
known key for a typo, the allowed values with their French and English
labels, the date format with the user's own date converted.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any

import annotated_types
from pydantic import BaseModel

from planaction.core.model import ID_SECTIONS, Coded, Plan
from planaction.message import Message, Spoken, say

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Diagnosis(Spoken):
    path: Path  # where to point, in the YAML data
    said: Message  # ``message`` is its English text
    hint_said: Message | None
    on_key: bool = False  # point at the key itself rather than its value


def noun(model_noun: str) -> Message:
    """A section's noun ("action", "KPI", "value line") as a word to say in either language."""
    return say("noun." + model_noun.replace(" ", "_"))


def a_noun(model_noun: str) -> Message:
    """The noun with its article: "an action", "a KPI", "a log entry"."""
    return say("a." + model_noun.replace(" ", "_"))


def unwrap_types(annotation: Any) -> list[Any]:
    """The concrete types inside Annotated / Optional / tuple[...] wrappers."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return unwrap_types(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in unwrap_types(arg)]
    if origin in (tuple, list):
        return [t for arg in typing.get_args(annotation) if arg is not Ellipsis for t in unwrap_types(arg)]
    return [annotation]


@dataclass(frozen=True)
class FieldSpot:
    model: type[BaseModel]
    name: str | None  # None when the location is the model itself


def field_at(loc: Path, root: type[BaseModel] = Plan) -> FieldSpot | None:
    """The model and field a validation location points into."""
    model: type[BaseModel] = root
    name: str | None = None
    for part in loc:
        if isinstance(part, int):
            continue
        if name is not None:
            nested = [
                t
                for t in unwrap_types(model.model_fields[name].annotation)
                if isinstance(t, type) and issubclass(t, BaseModel)
            ]
            if not nested:
                return FieldSpot(model, name)
            model = nested[0]
        name = _field_name(model, part)
        if name is None:
            return FieldSpot(model, None)
    return FieldSpot(model, name)


def _field_name(model: type[BaseModel], key: str) -> str | None:
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return name
    return None


def allowed_keys(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _enum_of(spot: FieldSpot | None) -> type[Enum] | None:
    if spot is None or spot.name is None:
        return None
    for t in unwrap_types(spot.model.model_fields[spot.name].annotation):
        if isinstance(t, type) and issubclass(t, Enum):
            return t
    return None


def _bounds(spot: FieldSpot | None) -> tuple[Any, Any]:
    low = high = None
    if spot is None or spot.name is None:
        return low, high
    info = spot.model.model_fields[spot.name]
    metadata = list(info.metadata)
    annotation = info.annotation
    stack = [annotation]
    while stack:
        current = stack.pop()
        if typing.get_origin(current) is typing.Annotated:
            metadata.extend(typing.get_args(current)[1:])
            stack.append(typing.get_args(current)[0])
        elif typing.get_origin(current) in (typing.Union, types.UnionType):
            stack.extend(typing.get_args(current))
    for item in metadata:
        for sub in getattr(item, "metadata", [item]):
            if isinstance(sub, annotated_types.Ge):
                low = sub.ge
            elif isinstance(sub, annotated_types.Le):
                high = sub.le
    return low, high


def _describe(spot: FieldSpot | None) -> str | None:
    if spot is None or spot.name is None:
        return None
    return spot.model.model_fields[spot.name].description


def where(data: Any, loc: Path) -> str:
    """A human prefix for a location: 'action A3', 'KPI K1 measurements[2]', 'plan' (in English)."""
    return where_said(data, loc).text()


def where_said(data: Any, loc: Path) -> Message:
    """A human prefix for a location, to say in either language."""
    parts: list[Message] = []
    current = data
    for i, part in enumerate(loc):
        if isinstance(current, dict):
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
        else:
            break
        if isinstance(part, int) and i > 0 and isinstance(loc[i - 1], str):
            section = str(loc[i - 1])
            model = ID_SECTIONS.get(section) if i == 1 else None
            item_id = current.get("id") if isinstance(current, dict) else None
            if model is not None and isinstance(item_id, str):
                parts.append(say("where.item", noun=noun(model.noun), id=item_id))
            else:
                parts.append(say("where.index", section=section, n=part + 1))
    if not parts:
        return noun("plan")
    said = parts[-1]
    for part in reversed(parts[:-1]):
        said = say("where.in", outer=part, inner=said)
    return said


def _written(value: Any) -> str:
    """A value as it would be written in the file (``[a, b]``, ``{k: v}``), not as Python prints it."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_written(k)}: {_written(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_written(v) for v in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _show(value: Any) -> str:
    text = _written(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _number(value: Any) -> str:
    """0.0 as 0, 2.5 as 2.5: a bound as a person writes it."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


#: The pydantic bounds said as "it must be ..." (``schema.bound.<kind>`` in the words).
_BOUNDS = ("ge", "gt", "le", "lt")


def _subject(loc: Path) -> str | Message | None:
    """What a location names: its key, or "this item" for an element of a list (the prefix,
    ``co_owners[2]``, says which)."""
    if not loc:
        return None
    return loc[-1] if isinstance(loc[-1], str) else say("schema.this_item")


def _required(spot: FieldSpot | None) -> bool:
    return spot is not None and spot.name is not None and spot.model.model_fields[spot.name].is_required()


_FRENCH_DATE = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$")


def _date_hint(value: Any) -> Message:
    match = _FRENCH_DATE.match(str(value))
    if match:
        day, month, year = match.groups()
        return say("schema.date_hint_converted", date=f"{year}-{int(month):02d}-{int(day):02d}")
    return say("schema.date_hint")


def enum_choices(enum: type[Enum]) -> str:
    if issubclass(enum, Coded):
        return ", ".join(f"{m.value} ({m.fr} / {m.en})" for m in enum)
    return ", ".join(str(m.value) for m in enum)


def diagnose(
    error: dict[str, Any],
    data: Any,
    source_text: str | None = None,
    *,
    root: type[BaseModel] = Plan,
    prefix: str | Message | None = None,
) -> Diagnosis:
    """One pydantic error (from ``ValidationError.errors()``) as a Diagnosis.

    ``source_text`` is the value as written in the file, when known, so that a
    number read where text was expected can be shown as the user typed it.
    """
    loc: Path = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    spot = field_at(loc, root)
    key = _subject(loc)
    if prefix is None:
        prefix = where_said(data, loc)
    written = source_text if source_text is not None else _show(value)
    at = prefix

    if kind == "extra_forbidden":
        parent = field_at(loc[:-1], root)
        model = parent.model if parent and parent.name is None else None
        if parent and parent.name is not None:
            nested = [
                t
                for t in unwrap_types(parent.model.model_fields[parent.name].annotation)
                if isinstance(t, type) and issubclass(t, BaseModel)
            ]
            model = nested[0] if nested else None
        if model is None and len(loc) == 1:
            model = root
        choices = allowed_keys(model) if model else []
        closest = difflib.get_close_matches(key if isinstance(key, str) else "", choices, n=1, cutoff=0.6)
        hint = say("did_you_mean", value=closest[0]) if closest else say("schema.allowed_keys", keys=", ".join(choices))
        return Diagnosis(loc, say("schema.unknown_key", at=at, key=key), hint, on_key=True)

    if kind == "missing":
        description = _describe(spot)
        if description:
            hint = say("schema.add_key_described", key=key, description=f"{description[0].lower()}{description[1:]}")
        else:
            hint = say("schema.add_key", key=key)
        return Diagnosis(loc[:-1], say("schema.missing", at=at, key=key), hint)

    if kind == "enum":
        enum = _enum_of(spot)
        allowed = enum_choices(enum) if enum else error.get("ctx", {}).get("expected", "")
        what = key.replace("_", " ") if isinstance(key, str) else say("schema.value")
        return Diagnosis(
            loc, say("schema.not_valid", at=at, written=written, what=what), say("schema.allowed", allowed=allowed)
        )

    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        if key == "schema":
            return Diagnosis(
                loc,
                say("schema.unsupported_version", at=at, written=written),
                say("schema.unsupported_version.hint", expected=expected),
            )
        return Diagnosis(
            loc, say("schema.not_allowed", at=at, written=written, key=key), say("schema.allowed", allowed=expected)
        )

    if kind in ("date_parsing", "date_from_datetime_parsing", "date_type"):
        return Diagnosis(loc, say("schema.not_a_date", at=at, key=key, written=written), _date_hint(value))

    if kind == "date_from_datetime_inexact":
        return Diagnosis(loc, say("schema.time_of_day", at=at, key=key), say("schema.time_of_day.hint"))

    if kind in ("int_parsing", "int_type", "int_from_float"):
        return Diagnosis(loc, say("schema.not_whole", at=at, key=key, written=written), say("schema.not_whole.hint"))

    if kind in ("float_parsing", "float_type"):
        if re.match(r"^\s*-?\d+,\d+\s*$", str(value)):
            hint = say("schema.decimal_dot", number=str(value).strip().replace(",", "."))
        else:
            hint = say("schema.write_number")
        return Diagnosis(loc, say("schema.not_a_number", at=at, key=key, written=written), hint)

    if kind == "finite_number":
        return Diagnosis(loc, say("schema.not_finite", at=at, key=key, written=written), say("schema.write_number"))

    if kind in ("bool_parsing", "bool_type"):
        return Diagnosis(loc, say("schema.not_bool", at=at, key=key, written=written), say("schema.not_bool.hint"))

    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        low, high = _bounds(spot)
        if low is not None and high is not None:
            hint = say("schema.range", key=key, low=_number(low), high=_number(high))
        else:
            limits = [
                say("schema.bound." + k, value=_number(v)) for k, v in error.get("ctx", {}).items() if k in _BOUNDS
            ]
            bounds: Message | str = limits[0] if limits else ""
            for limit in limits[1:]:
                bounds = say("schema.and", first=bounds, second=limit)
            hint = say("schema.must_be", bounds=bounds)
        return Diagnosis(loc, say("schema.out_of_range", at=at, key=key, written=written), hint)

    if kind == "string_type":
        if isinstance(value, (int, float, bool)) or value is None or hasattr(value, "isoformat"):
            shown = source_text if source_text is not None else _show(value)
            kind_of = {"int": "number", "float": "number", "bool": "bool", "NoneType": "empty"}
            reads_as = say("schema.reads_as." + kind_of.get(type(value).__name__, "date"))
            return Diagnosis(
                loc,
                say("schema.must_be_text_reads", at=at, key=key, shown=shown, reads_as=reads_as),
                say("schema.quote_it", shown=shown),
            )
        return Diagnosis(loc, say("schema.must_be_text", at=at, key=key), say("schema.must_be_text.hint"))

    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        if pattern == r"\S":
            if loc and isinstance(loc[-1], int):
                hint = say("schema.empty.hint_list")
            else:
                hint = say("schema.empty.hint_required") if _required(spot) else say("schema.empty.hint_optional")
            return Diagnosis(loc, say("schema.empty", at=at, key=key), hint)
        return Diagnosis(loc, say("schema.bad_id", at=at, written=written), say("schema.bad_id.hint"))

    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length")
        return Diagnosis(loc, say("schema.too_long_text", at=at, key=key, limit=limit), say("schema.shorten"))

    if kind == "too_long":
        limit = error.get("ctx", {}).get("max_length")
        count = error.get("ctx", {}).get("actual_length")
        hint = say("schema.too_many.hint_indicators" if key == "indicators" else "schema.too_many.hint")
        return Diagnosis(loc, say("schema.too_many", at=at, count=count, key=key, limit=limit), hint)

    if kind in ("tuple_type", "list_type"):
        return Diagnosis(loc, say("schema.must_be_list", at=at, key=key), say("schema.must_be_list.hint", key=key))

    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if loc == ():
            return Diagnosis(loc, say("schema.not_a_plan"), say("schema.not_a_plan.hint"))
        what = key or say("schema.this_item")
        return Diagnosis(loc, say("schema.must_be_map", at=at, what=what), say("schema.must_be_map.hint"))

    said = str(error.get("msg", "invalid value"))
    for pydantic_prefix in ("Value error, ", "Assertion failed, "):
        said = said.removeprefix(pydantic_prefix)
    return Diagnosis(loc, say("schema.other", at=at, what=key or say("schema.value"), said=said), None)
