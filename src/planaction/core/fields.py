"""Field types and the base model every section of a plan shares.

The constraints written here (an id's pattern, a percent's bounds, a figure
that is never infinite, an empty key that means its default) are what the
located error messages of ``diagnose`` explain.
"""

import re
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticUndefined

#: What an id may look like; its length is capped by ``ID_MAX_LENGTH``.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"
ID_MAX_LENGTH = 40
Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH),
    Field(description="A short stable identifier: letters, digits, '-', '_' or '.', e.g. A3, K1."),
]
Text = Annotated[str, StringConstraints(pattern=r"\S")]


def is_valid_id(text: str) -> bool:
    """Whether ``text`` may serve as an id, for callers that derive one (a plan's id from its file name)."""
    return len(text) <= ID_MAX_LENGTH and re.match(ID_PATTERN, text) is not None


def _one_or_many(value: Any) -> Any:
    """Read a single value where a list is expected: `skills: Comptabilité`."""
    return (value,) if isinstance(value, str) else value


class Multiline:
    """Marks a text written over several lines (a comment, a synthesis): the app gives it a text area.

    Pydantic ignores the mark; the JSON Schema is unchanged.
    """

    def __repr__(self) -> str:
        return "Multiline()"


#: A text that may run over several lines.
Prose = Annotated[str, Multiline()]

TextList = Annotated[tuple[Text, ...], BeforeValidator(_one_or_many)]
IdList = Annotated[tuple[Id, ...], BeforeValidator(_one_or_many)]
Score05 = Annotated[int, Field(ge=0, le=5)]
Percent = Annotated[int, Field(ge=0, le=100)]
Amount = Annotated[float, Field(ge=0)]


_DEFAULTS: dict[type, dict[str, Any]] = {}


def _non_null_defaults(model: type[BaseModel]) -> dict[str, Any]:
    """YAML key -> a function giving the default, for fields whose default is not None."""
    found = _DEFAULTS.get(model)
    if found is None:
        found = {}
        for name, info in model.model_fields.items():
            if info.default_factory is not None:
                found[info.alias or name] = info.default_factory
            elif info.default is not None and info.default is not PydanticUndefined:
                found[info.alias or name] = lambda value=info.default: value
        _DEFAULTS[model] = found
    return found


_NUMERIC: dict[type, tuple[str, ...]] = {}


def _is_numeric(annotation: Any) -> bool:
    """Whether a field holds a number (int or float, optional or constrained)."""
    if annotation in (int, float):
        return True
    return any(_is_numeric(arg) for arg in getattr(annotation, "__args__", ()) if arg is not type(None))


def _numeric_keys(model: type[BaseModel]) -> tuple[str, ...]:
    """YAML keys of the model's number fields."""
    found = _NUMERIC.get(model)
    if found is None:
        found = _NUMERIC[model] = tuple(
            info.alias or name for name, info in model.model_fields.items() if _is_numeric(info.annotation)
        )
    return found


class Model(BaseModel):
    """Shared configuration: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        validate_default=False,
        allow_inf_nan=False,  # .inf and .nan are valid YAML, but no figure of a plan is infinite
    )

    #: The name of the things this model lists, for messages ("action A3").
    noun: ClassVar[str] = "item"

    @model_validator(mode="before")
    @classmethod
    def _empty_means_default(cls, data: Any) -> Any:
        """`status:` left empty reads as the default (to do), not as an error; `progress: true` is not 1.

        Pydantic reads a boolean as the number 1 or 0 wherever a number is
        expected; in a plan that is a slip (a checkbox pasted into a figure),
        so a boolean there is handed on as its word, which the number field then
        refuses at its own line and column. One model-level check rather than a
        validator on every field: pydantic builds a wrapper per field validator,
        which doubled the schema's build time.
        """
        if not isinstance(data, dict):
            return data
        if None in data.values():
            defaults = _non_null_defaults(cls)
            if defaults:
                data = {k: (defaults[k]() if v is None and k in defaults else v) for k, v in data.items()}
        for key in _numeric_keys(cls):
            value = data.get(key)
            if value is True or value is False:
                data = {**data, key: "true" if value else "false"}
        return data


def text_field(description: str, **kwargs: Any) -> Any:
    return Field(default=None, description=description, **kwargs)


def list_field(description: str, **kwargs: Any) -> Any:
    return Field(default=(), description=description, **kwargs)
