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


class UnreadableScalar(ValueError):
    """A plain scalar that resolves to a type its constructor refuses (an integer too long for Python)."""

    def __init__(self, tag: str) -> None:
        super().__init__(tag)
        self.tag = tag


#: Short plain scalars already read: a plan repeats its keys and many values (statuses, owners, dates,
#: ids) thousands of times, and each reads as the same immutable value; a dictionary answers where the
#: resolvers' expressions were tried again (a tenth of a reading). Bounded, and only short texts.
_PLAIN: dict[str, tuple[str, Any]] = {}
_PLAIN_LIMIT = 100_000
_PLAIN_LONGEST = 40


def read_plain(text: str) -> tuple[str, Any]:
    """(short tag, value) of a plain (unquoted, untagged) scalar, as ``resolve_plain`` and
    ``construct_scalar`` say; ``UnreadableScalar`` where the constructor refuses the text."""
    found = _PLAIN.get(text)
    if found is not None:
        return found
    found = ("str", text)
    for short, regexp in _RESOLVERS.get(text[0] if text else "", ()):
        if regexp.match(text):
            try:
                found = (short, construct_scalar(short, text))
            except ValueError:
                raise UnreadableScalar(short) from None
            break
    if len(text) <= _PLAIN_LONGEST and len(_PLAIN) < _PLAIN_LIMIT:
        _PLAIN[text] = found
    return found
