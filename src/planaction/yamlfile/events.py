"""libyaml's events as the reader gets them: ruamel's event classes, each built in one call.

ruamel's C parser makes a Python event object per node, and each event's ``__init__`` calls its
parents' in turn (``ScalarEvent`` -> ``NodeEvent`` -> ``Event``): three Python calls per scalar,
about a sixth of reading a plan's events. The same classes get an ``__init__`` that sets the very
same attributes in one call, so that everything else (ruamel's own code included, and exact class
checks) sees no difference; a test builds events both ways and compares them. Should a ruamel
release change these classes, they are left as they are: reading is then slower, never different.

The readers test ``event.ctag`` (the tag as given, an attribute) rather than ``event.tag`` (a
property that converts it).
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    CommentCheck,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

__all__ = [
    "AliasEvent",
    "DocumentStartEvent",
    "MappingEndEvent",
    "MappingStartEvent",
    "ScalarEvent",
    "SequenceEndEvent",
    "SequenceStartEvent",
]

#: The arguments of the constructors replaced, as the ruamel releases we know write them.
_KNOWN = {
    Event: ("self", "start_mark", "end_mark", "comment"),
    NodeEvent: ("self", "anchor", "start_mark", "end_mark", "comment"),
    ScalarEvent: ("self", "anchor", "tag", "implicit", "value", "start_mark", "end_mark", "style", "comment"),
    CollectionStartEvent: (
        "self",
        "anchor",
        "tag",
        "implicit",
        "start_mark",
        "end_mark",
        "flow_style",
        "comment",
        "nr_items",
    ),
}
ORIGINAL_INITS = {cls: cls.__init__ for cls in _KNOWN}


def _scalar_init(
    self: Any,
    anchor: Any,
    tag: Any,
    implicit: Any,
    value: Any,
    start_mark: Any = None,
    end_mark: Any = None,
    style: Any = None,
    comment: Any = None,
) -> None:
    self.start_mark = start_mark
    self.end_mark = end_mark
    self.comment = None if comment is CommentCheck else comment
    self.anchor = anchor
    self.ctag = tag
    self.implicit = implicit
    self.value = value
    self.style = style


def _collection_start_init(
    self: Any,
    anchor: Any,
    tag: Any,
    implicit: Any,
    start_mark: Any = None,
    end_mark: Any = None,
    flow_style: Any = None,
    comment: Any = None,
    nr_items: int | None = None,
) -> None:
    self.start_mark = start_mark
    self.end_mark = end_mark
    self.comment = None if comment is CommentCheck else comment
    self.anchor = anchor
    self.ctag = tag
    self.implicit = implicit
    self.flow_style = flow_style
    self.nr_items = nr_items


def _as_known() -> bool:
    """Whether ruamel's event classes are the ones these constructors copy."""
    for cls, arguments in _KNOWN.items():
        code = getattr(cls.__dict__.get("__init__"), "__code__", None)
        if code is None or code.co_varnames[: code.co_argcount] != arguments:
            return False
    return "ctag" in ScalarEvent.__slots__ and "ctag" in CollectionStartEvent.__slots__


FLATTENED = _as_known()
if FLATTENED:
    ScalarEvent.__init__ = _scalar_init  # type: ignore[method-assign]
    CollectionStartEvent.__init__ = _collection_start_init  # type: ignore[method-assign]
