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

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Diagnosis:
    path: Path  # where to point, in the YAML data
    message: str
    hint: str | None
    on_key: bool = False  # point at the key itself rather than its value


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
    """A human prefix for a location: 'action A3', 'KPI K1 measurements[2]', 'plan'."""
    parts: list[str] = []
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
                parts.append(f"{model.noun} {item_id}")
            else:
                parts.append(f"{section}[{part + 1}]")
    return " ".join(parts) if parts else "plan"


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


#: What each pydantic bound means, as the end of "it must be ...".
_BOUNDS = {"ge": "{} or more", "gt": "more than {}", "le": "{} or less", "lt": "less than {}"}


def _subject(loc: Path) -> str | None:
    """What a location names: its key, or "this item" for an element of a list (the prefix,
    ``co_owners[2]``, says which)."""
    if not loc:
        return None
    return loc[-1] if isinstance(loc[-1], str) else "this item"


def _required(spot: FieldSpot | None) -> bool:
    return spot is not None and spot.name is not None and spot.model.model_fields[spot.name].is_required()


_FRENCH_DATE = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$")


def _date_hint(value: Any) -> str:
    match = _FRENCH_DATE.match(str(value))
    if match:
        day, month, year = match.groups()
        return f"write dates as YYYY-MM-DD: {year}-{int(month):02d}-{int(day):02d}"
    return "write dates as YYYY-MM-DD, e.g. 2025-05-01"


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
    prefix: str | None = None,
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
        prefix = where(data, loc)
    written = source_text if source_text is not None else _show(value)

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
        closest = difflib.get_close_matches(key or "", choices, n=1, cutoff=0.6)
        hint = f'did you mean "{closest[0]}"?' if closest else f"allowed keys: {', '.join(choices)}"
        return Diagnosis(loc, f'{prefix}: unknown key "{key}"', hint, on_key=True)

    if kind == "missing":
        description = _describe(spot)
        hint = f"add `{key}: ...`" + (f": {description[0].lower()}{description[1:]}" if description else "")
        return Diagnosis(loc[:-1], f'{prefix}: missing required key "{key}"', hint)

    if kind == "enum":
        enum = _enum_of(spot)
        allowed = enum_choices(enum) if enum else error.get("ctx", {}).get("expected", "")
        noun = (key or "value").replace("_", " ")
        return Diagnosis(loc, f'{prefix}: "{written}" is not a valid {noun}', f"allowed: {allowed}")

    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        if key == "schema":
            return Diagnosis(
                loc,
                f'{prefix}: unsupported schema version "{written}"',
                f"this planaction reads schema {expected}; upgrade planaction or fix the version",
            )
        return Diagnosis(loc, f'{prefix}: "{written}" is not allowed for {key}', f"allowed: {expected}")

    if kind in ("date_parsing", "date_from_datetime_parsing", "date_type"):
        return Diagnosis(loc, f'{prefix}: {key} "{written}" is not a date', _date_hint(value))

    if kind == "date_from_datetime_inexact":
        return Diagnosis(loc, f"{prefix}: {key} has a time of day", "give the date only, as YYYY-MM-DD")

    if kind in ("int_parsing", "int_type", "int_from_float"):
        return Diagnosis(loc, f'{prefix}: {key} "{written}" is not a whole number', "write digits only, e.g. 40")

    if kind in ("float_parsing", "float_type"):
        if re.match(r"^\s*-?\d+,\d+\s*$", str(value)):
            hint = f"use a dot for decimals: {str(value).strip().replace(',', '.')}"
        else:
            hint = "write a number, e.g. 4.2"
        return Diagnosis(loc, f'{prefix}: {key} "{written}" is not a number', hint)

    if kind == "finite_number":
        return Diagnosis(loc, f"{prefix}: {key} {written} is not a finite number", "write a number, e.g. 4.2")

    if kind in ("bool_parsing", "bool_type"):
        return Diagnosis(loc, f'{prefix}: {key} "{written}" is not true or false', "write true or false")

    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        low, high = _bounds(spot)
        if low is not None and high is not None:
            hint = f"{key} goes from {_number(low)} to {_number(high)}"
        else:
            limits = error.get("ctx", {})
            hint = "it must be " + " and ".join(
                _BOUNDS[k].format(_number(v)) for k, v in limits.items() if k in _BOUNDS
            )
        return Diagnosis(loc, f"{prefix}: {key} {written} is out of range", hint)

    if kind == "string_type":
        if isinstance(value, (int, float, bool)) or value is None or hasattr(value, "isoformat"):
            shown = source_text if source_text is not None else _show(value)
            kind_of = {
                "int": "a number",
                "float": "a number",
                "bool": "true/false",
                "NoneType": "an empty value",
            }
            return Diagnosis(
                loc,
                f"{prefix}: {key} must be text, and {shown} reads as {kind_of.get(type(value).__name__, 'a date')}",
                f'quote it to keep it as text: "{shown}"',
            )
        return Diagnosis(loc, f"{prefix}: {key} must be text", "write it as a plain or quoted string")

    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        if pattern == r"\S":
            if loc and isinstance(loc[-1], int):
                hint = "write some text, or remove it from the list"
            else:
                hint = "write some text" if _required(spot) else "write some text, or remove the key"
            return Diagnosis(loc, f"{prefix}: {key} is empty", hint)
        return Diagnosis(
            loc,
            f'{prefix}: "{written}" is not a valid id',
            'use letters, digits, "-", "_" or ".", starting with a letter or digit (e.g. A3)',
        )

    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length")
        return Diagnosis(loc, f"{prefix}: {key} is longer than {limit} characters", "shorten it")

    if kind == "too_long":
        limit = error.get("ctx", {}).get("max_length")
        count = error.get("ctx", {}).get("actual_length")
        hint = "keep the ones that best tell whether the action worked"
        if key == "indicators":
            hint = "an action has one or two indicators at most: keep the two that best tell whether it worked"
        return Diagnosis(loc, f"{prefix}: {count} {key}, {limit} at most", hint)

    if kind in ("tuple_type", "list_type"):
        return Diagnosis(
            loc,
            f"{prefix}: {key} must be a list",
            f"write `{key}: [first, second]` or one `- item` per line",
        )

    if kind in ("model_type", "model_attributes_type", "dict_type"):
        noun = key or "this item"
        if loc == ():
            return Diagnosis(
                loc,
                "the file is not a plan: its top level must be keys and values",
                "start from `planaction new` or a plan in plans/",
            )
        return Diagnosis(
            loc,
            f"{prefix}: {noun} must be a set of keys and values",
            "indent its keys under it, one `key: value` per line",
        )

    said = str(error.get("msg", "invalid value"))
    for pydantic_prefix in ("Value error, ", "Assertion failed, "):
        said = said.removeprefix(pydantic_prefix)
    return Diagnosis(loc, f"{prefix}: {key or 'value'}: {said}", None)
