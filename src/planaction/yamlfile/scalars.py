"""What a plain YAML scalar means: libyaml gives text and a tag, and this gives the value.

YAML 1.2's resolution rules (ruamel's table, compiled once) and our own constructors for
integers, floats and dates, which refuse what Python would misread (an integer longer than
Python reads, a date that does not exist) by leaving it text for the schema to explain.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ruamel.yaml.resolver import VersionedResolver

_SHORT_TAGS = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "timestamp",
    "tag:yaml.org,2002:merge": "merge",
    "tag:yaml.org,2002:value": "str",
    "tag:yaml.org,2002:map": "map",
    "tag:yaml.org,2002:seq": "seq",
    "!": "str",
}

#: First character -> [(short tag, compiled pattern)] of YAML 1.2 implicit types,
#: taken from ruamel so that we read plain scalars exactly as ruamel does.
_RESOLVERS: dict[str, list[tuple[str, re.Pattern[str]]]] = {}


for _first, _entries in VersionedResolver(version=(1, 2)).versioned_resolver.items():
    _RESOLVERS[_first] = [
        (_SHORT_TAGS.get(tag, "str"), re.compile(regexp.pattern, regexp.flags)) for tag, regexp in _entries
    ]


def resolve_plain(value: str) -> str:
    """The YAML 1.2 type a plain (unquoted) scalar reads as: str, int, float, ..."""
    for tag, regexp in _RESOLVERS.get(value[0] if value else "", ()):
        if regexp.match(value):
            return tag
    return "str"


_DATE_RE = re.compile(r"^(\d{4})-(\d\d?)-(\d\d?)$")


def _construct_int(text: str) -> int:
    cleaned = text.replace("_", "")
    sign = -1 if cleaned.startswith("-") else 1
    digits = cleaned.lstrip("+-")
    if digits[:2] in ("0x", "0o", "0b"):
        return sign * int(digits, 0)
    if len(digits) > 1 and digits.startswith("0") and set(digits) <= set("01234567"):
        return sign * int(digits, 8)
    return sign * int(digits, 10)


def _construct_float(text: str) -> float:
    cleaned = text.replace("_", "").lower()
    if cleaned.endswith(".inf"):
        return float("-inf") if cleaned.startswith("-") else float("inf")
    if cleaned.endswith(".nan"):
        return float("nan")
    return float(cleaned)


def _construct_timestamp(text: str) -> dt.date | dt.datetime | str:
    match = _DATE_RE.match(text)
    try:
        if match:
            year, month, day = (int(part) for part in match.groups())
            return dt.date(year, month, day)
        normalised = re.sub(r"[ \t]+", " ", text.strip()).replace(" ", "T", 1).replace(" ", "")
        if normalised.endswith(("Z", "z")):
            normalised = normalised[:-1] + "+00:00"
        return dt.datetime.fromisoformat(normalised)
    except ValueError:
        return text  # e.g. 2025-02-30: keep the text, the schema says what is wrong


def construct_scalar(tag: str, text: str) -> Any:
    """The Python value of a scalar of a known short tag."""
    if tag == "str":
        return text
    if tag == "int":
        return _construct_int(text)
    if tag == "float":
        return _construct_float(text)
    if tag == "bool":
        return text.lower() == "true"
    if tag == "null":
        return None
    if tag == "timestamp":
        return _construct_timestamp(text)
    return text
