"""Proof, before every save, that the patched text reads back as exactly the plan intended.

A save splices new text into the old one (``patch``); a slip there (a comment
absorbed into a value, an item written into another section) would damage
the plan silently, so every save is checked before anything is written,
whatever the file's size. Re-reading a whole 1,000-action plan takes 80 ms
(libyaml alone), more than a save may cost; this check re-reads only the
regions that changed, which costs a millisecond, and falls back to a whole
re-read where it cannot prove its case.

Why re-reading regions is enough: see ``save_regions``.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from planaction.core.diagnose import where_said
from planaction.core.model import Plan
from planaction.message import Message, say
from planaction.store.save_regions import _Regions, _Unproved
from planaction.yamlfile.diff import to_data
from planaction.yamlfile.nodes import Node, YamlProblem, compose
from planaction.yamlfile.patch import Patched

REGIONS = "regions"
WHOLE = "whole"


class NotExact(Exception):
    """The patched text does not read back as the intended plan; says where, for a person."""

    def __init__(self, line: int, what: Message) -> None:
        super().__init__(f"line {line}: {what}")
        self.line = line  # 1-based, in the file as it is on disk
        self.what = what.text()
        self.what_said = what


def check(patched: Patched, root: Node, base: Plan, plan: Plan) -> str:
    """Raise ``NotExact`` unless ``patched.text`` reads as ``plan``; return how it was proved.

    ``root`` holds the nodes of the old text, which read as ``base``.
    """
    try:
        _Regions(patched, root, base, plan).prove()
        return REGIONS
    except _Unproved:
        pass
    whole(patched, plan)
    return WHOLE


def whole(patched: Patched, plan: Plan) -> None:
    """Read the whole new text again and compare it with ``plan``."""
    line = _first_edited_line(patched)
    try:
        data, _root = compose(patched.text)
        reread = Plan.model_validate(data)
    except YamlProblem:
        raise NotExact(line, say("savecheck.not_yaml")) from None
    except ValidationError:
        raise NotExact(line, say("savecheck.not_plan")) from None
    got, wanted = to_data(reread), to_data(plan)
    if got != wanted:
        path = _first_difference(got, wanted, ())
        raise NotExact(line, say("savecheck.differs", what=_describe(wanted, path)))


def _first_edited_line(patched: Patched) -> int:
    first = patched.edits[0].start if patched.edits else 0
    return patched.source.count("\n", 0, first) + 1


def _first_difference(got: Any, wanted: Any, path: tuple[str | int, ...]) -> tuple[str | int, ...]:
    if isinstance(got, dict) and isinstance(wanted, dict):
        for key in [*wanted, *(k for k in got if k not in wanted)]:
            if got.get(key) != wanted.get(key):
                return _first_difference(got.get(key), wanted.get(key), (*path, key))
    if isinstance(got, list) and isinstance(wanted, list) and len(got) == len(wanted):
        for index, (a, b) in enumerate(zip(got, wanted, strict=True)):
            if a != b:
                return _first_difference(a, b, (*path, index))
    return path


def _describe(data: Any, path: tuple[str | int, ...]) -> Message:
    """'action A3: comment', 'plan: synthesis', 'the plan'."""
    if not path:
        return say("savecheck.the_plan")
    key = next((str(p) for p in reversed(path) if isinstance(p, str)), "")
    place = where_said(data, path)
    return say("savecheck.place_key", place=place, key=key) if key and not place.text().endswith(key) else place
