"""``key=value`` from the command line (``planaction set`` / ``add``), read as a person types them.

``budget="1 234,5"``, ``progress="55 %"`` and ``due=15/01/2027`` in a French
plan mean what they say: numbers and dates are read by ``userinput`` in the
plan's language (ISO dates and plain numbers work in both), and what could
be read two ways (``budget=1.234`` in a French plan) is refused with the
reason and how to write it, never guessed. Lists are comma-separated
(``co_owners=Ana, Léo``) or written ``[a, b]``; an empty value removes the
field; other values (status, priority, text) go to the model as typed, which
reads labels such as ``En cours`` too.
"""

from __future__ import annotations

import datetime as dt
import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from planaction.core.diagnose import allowed_keys, unwrap_types
from planaction.core.ops import OpError
from planaction.words.cli import say
from planaction.words.userinput import UnreadableInput, read_date, read_number, read_percent, read_whole


def parse(model: type[BaseModel], items: Iterable[str], lang: str) -> dict[str, Any]:
    """``["status=done", "co_owners=Ana, Léo", "comment="]`` -> field values; ``OpError`` for what cannot be read."""
    result: dict[str, Any] = {}
    for item in items:
        if "=" not in item:
            raise OpError(say("not_key_value", lang, item=item), say("not_key_value_hint", lang))
        key, raw = item.split("=", 1)
        key = key.strip()
        name = field_name(model, key, lang)
        kinds = unwrap_types(model.model_fields[name].annotation)
        if any(isinstance(kind, type) and issubclass(kind, BaseModel) for kind in kinds):
            raise OpError(say("nested_key", lang, key=key), say("nested_key_hint", lang))
        if raw.strip() == "":
            result[key] = None
        elif _is_list(model, name):
            result[key] = _list(raw, key, lang)
        else:
            result[key] = _value(name, kinds, raw, key, lang)
    return result


def field_name(model: type[BaseModel], key: str, lang: str) -> str:
    """The model's field for ``key`` (its name or its YAML alias); ``OpError`` with the closest key otherwise."""
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return name
    choices = allowed_keys(model)
    close = difflib.get_close_matches(key, choices, n=1, cutoff=0.6)
    noun = getattr(model, "noun", "plan")
    hint = say("did_you_mean_key", lang, key=close[0]) if close else say("allowed_keys", lang, keys=", ".join(choices))
    a_noun = say("a_noun_vowel" if noun[:1] in "aeiou" else "a_noun", lang, noun=noun)
    raise OpError(say("unknown_key", lang, key=key, a_noun=a_noun), hint)


def _is_list(model: type[BaseModel], name: str) -> bool:
    annotation = model.model_fields[name].annotation
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return origin in (tuple, list)


def _list(raw: str, key: str, lang: str) -> tuple[str, ...]:
    if not raw.strip().startswith("["):
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    from planaction.yamlfile.nodes import YamlProblem, compose

    try:
        value, _node = compose(raw)
    except YamlProblem as exc:
        raise OpError(say("list_unreadable", lang, key=key, raw=raw, problem=exc.message), exc.hint) from None
    items = value if isinstance(value, list) else [value]
    return tuple(str(v) for v in items if v is not None)


def _value(name: str, kinds: list[Any], raw: str, key: str, lang: str) -> Any:
    """A number or a date read in the plan's language; anything else as typed, for the model to check."""
    try:
        if dt.date in kinds:
            return read_date(raw, lang)
        if bool in kinds:
            return raw
        if int in kinds:
            return read_percent(raw, lang) if name == "progress" else read_whole(raw, lang)
        if float in kinds:
            return read_number(raw, lang)
    except UnreadableInput as exc:
        raise OpError(say("key_problem", lang, key=key, problem=exc.message), exc.hint) from None
    return raw
