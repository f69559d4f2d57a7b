"""Read YAML text into plain data plus a tree of spans, fast and safely.

We drive libyaml's C parser (``ruamel.yaml.clib``) event by event and compose
the tree ourselves instead of calling ruamel's composer, because:

- ruamel's C composer resolves every scalar through a slow Python resolver and
  builds heavy node objects: on a 1,000-action plan it takes ~0.36 s where the
  event stream alone takes ~0.05 s;
- its composer recurses in C, and a few hundred kilobytes of ``- - - -`` or
  ``[[[[`` crash the interpreter; our explicit stack refuses deep nesting with a
  located message instead;
- aliases share nodes, so a tiny "billion laughs" file expands into gigabytes
  once validated; we count the expanded size as we go and refuse early.

Every node keeps its character span in the text, which is what errors point at
and what exact saves patch (see ``store`` and ``patch``).
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from typing import Any

from _ruamel_yaml import CParser
from ruamel.yaml.error import YAMLError

from planaction.message import say
from planaction.yamlfile.errors import YamlProblem, problem_from_yaml_error, refuse_unusual_line_breaks
from planaction.yamlfile.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from planaction.yamlfile.scalars import _PLAIN, _SHORT_TAGS, UnreadableScalar, construct_scalar, read_plain

MAP = "map"
SEQ = "seq"
SCALAR = "scalar"
_COLLECTION_TAGS = ("!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "!!map", "!!seq")

#: Real plans nest about six levels deep; anything past this is not a plan and
#: libyaml gets quadratic (and its C composer crashes) on deep flow nesting.
MAX_DEPTH = 64
#: Values a file may expand to once aliases are followed (an alias bomb guard).
MAX_EXPANDED_VALUES = 2_000_000


@dataclass(slots=True)
class Node:
    """One YAML node and where it sits in the text (0-based line and column)."""

    kind: str
    start: int
    end: int
    line: int
    col: int
    value: Any  # str for scalars, list[Node] for sequences, list[tuple[Node, Node]] for maps
    style: str | None = None  # scalar style: "", "'", '"', "|", ">"
    flow: bool = False
    tag: str = "str"
    anchor: str | None = None  # the &name this node defines
    size: int = 1
    alias: str | None = None  # set when this node is an alias (*name) of an anchored node

    def get(self, key: str) -> Node | None:
        """The value node of ``key`` in a mapping node."""
        for key_node, value_node in self.value:
            if key_node.value == key:
                return value_node
        return None

    def key_node(self, key: str) -> Node | None:
        for key_node, _value_node in self.value:
            if key_node.value == key:
                return key_node
        return None


def node_at(root: Node, path: tuple[str | int, ...]) -> Node | None:
    """The node at a data path (keys and list positions), or None."""
    node: Node | None = root
    for part in path:
        if node is None:
            return None
        if node.kind == MAP and isinstance(part, str):
            node = node.get(part)
        elif node.kind == SEQ and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            return None
    return node


def deepest_node_at(root: Node, path: tuple[str | int, ...]) -> tuple[Node, int]:
    """The deepest node along a path that exists, and how many parts it covers."""
    node = root
    depth = 0
    for part in path:
        child = node_at(node, (part,))
        if child is None:
            break
        node = child
        depth += 1
    return node, depth


class _Frame:
    __slots__ = ("data", "is_map", "key", "key_node", "node")

    def __init__(self, node: Node, data: Any, is_map: bool) -> None:
        self.node = node
        self.data = data
        self.is_map = is_map
        self.key: str | None = None
        self.key_node: Node | None = None


def compose(
    text: str,
    *,
    max_depth: int = MAX_DEPTH,
    max_expanded: int = MAX_EXPANDED_VALUES,
) -> tuple[Any, Node | None]:
    """Parse one YAML document into (plain data, root node); (None, None) if empty.

    Raises ``YamlProblem`` with a location for any syntax error, a second
    document, an unknown tag, a duplicate key, nesting deeper than ``max_depth``
    or aliases that expand past ``max_expanded`` values.
    """
    refuse_unusual_line_breaks(text)
    gc_was_enabled = gc.isenabled()
    gc.disable()  # the collector is most of the cost of building many small objects
    try:
        return _Composer(text, max_depth, max_expanded).run()
    except YAMLError as exc:
        raise problem_from_yaml_error(exc, text) from None
    finally:
        if gc_was_enabled:
            gc.enable()


class _Unusual(Exception):
    """The fast reader met something only the full composer handles (or reports)."""


def load_data(text: str, *, max_depth: int = MAX_DEPTH) -> Any:
    """The plain data of a document, without node spans: a third faster than ``compose``.

    Only the common case is handled here: anything unusual (an error, a tag,
    an alias, a duplicate key, deep nesting, a second document) is handed to
    ``compose``, which raises the located problem, so that there is one place
    for those rules. Callers that need spans (saving, locating problems) use
    ``compose``.
    """
    refuse_unusual_line_breaks(text)
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_data(text, max_depth)
    except (_Unusual, YAMLError):
        return compose(text, max_depth=max_depth)[0]
    finally:
        if gc_was_enabled:
            gc.enable()


def _load_data(text: str, max_depth: int) -> Any:
    parser = CParser(text)
    plain = _PLAIN
    stack: list[Any] = []  # containers being filled
    keys: list[Any] = []  # for each open mapping: the pending key (or a marker)
    no_key = keys  # a unique marker: no key is pending
    root: list[Any] = []
    documents = 0
    while parser.check_event():
        event = parser.get_event()
        cls = event.__class__
        if cls is ScalarEvent:
            if event.ctag is not None or event.anchor is not None:
                raise _Unusual
            text_value = event.value
            value: Any = text_value
            if event.implicit[0]:
                found = plain.get(text_value)
                if found is None:
                    try:
                        found = read_plain(text_value)
                    except UnreadableScalar:
                        raise _Unusual from None  # compose says where and why
                if found[0] == "merge":
                    raise _Unusual
                value = found[1]
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            if event.ctag is not None or event.anchor is not None or len(stack) >= max_depth:
                raise _Unusual
            container: Any = {} if cls is MappingStartEvent else []
            stack.append(container)
            keys.append(no_key)
            continue
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            value = stack.pop()
            keys.pop()
        elif cls is AliasEvent:
            raise _Unusual
        elif cls is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Unusual
            continue
        else:
            continue
        if not stack:
            root.append(value)
            continue
        parent = stack[-1]
        if parent.__class__ is list:
            parent.append(value)
        elif keys[-1] is no_key:
            if value.__class__ is not str or cls is not ScalarEvent or value in parent:
                raise _Unusual  # a non-text key or a duplicate: the full composer says where
            keys[-1] = value
        else:
            parent[keys[-1]] = value
            keys[-1] = no_key
    return root[0] if root else None


def _unsupported_tag(tag: str, mark: Any) -> YamlProblem:
    return YamlProblem(say("yaml.tag_unsupported", tag=tag), mark.line, mark.column, say("yaml.tag_unsupported.hint"))


def _unreadable_scalar(tag: str, text: str, mark: Any) -> YamlProblem:
    """A scalar its tag cannot read: ``!!int abc``, or an integer longer than Python reads (4,300 digits)."""
    shown = text if len(text) <= 40 else f"{text[:20]}…({len(text)} characters)"
    kind = (
        say("yaml.kind.int")
        if tag == "int"
        else say("yaml.kind.float")
        if tag == "float"
        else say("yaml.kind.tag", tag=tag)
    )
    return YamlProblem(
        say("yaml.unreadable_scalar", shown=repr(shown), kind=kind),
        mark.line,
        mark.column,
        say("yaml.unreadable_scalar.hint"),
    )


class _Composer:
    """Builds data and nodes from libyaml events with an explicit stack."""

    def __init__(self, text: str, max_depth: int, max_expanded: int) -> None:
        self.parser = CParser(text)
        self.max_depth = max_depth
        self.max_expanded = max_expanded
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Node, Any]] = {}
        self.root: tuple[Node, Any] | None = None

    def run(self) -> tuple[Any, Node | None]:
        parser = self.parser
        stack = self.stack
        attach = self.attach
        plain = _PLAIN
        documents = 0
        while parser.check_event():
            event = parser.get_event()
            cls = event.__class__
            if cls is ScalarEvent:
                mark = event.start_mark
                text = event.value
                if event.ctag is not None and event.ctag != "!":
                    tag = _SHORT_TAGS.get(event.tag.replace("!!", "tag:yaml.org,2002:", 1))
                    if tag is None or tag in (MAP, SEQ, "merge"):
                        raise _unsupported_tag(event.tag, mark)
                    try:
                        value = construct_scalar(tag, text)
                    except ValueError:
                        raise _unreadable_scalar(tag, text, mark) from None
                elif event.implicit[0]:
                    found = plain.get(text)
                    if found is None:
                        try:
                            found = read_plain(text)
                        except UnreadableScalar as exc:
                            raise _unreadable_scalar(exc.tag, text, mark) from None
                    tag, value = found
                else:
                    tag = "str"
                    value = text
                node = Node(
                    SCALAR,
                    mark.index,
                    event.end_mark.index,
                    mark.line,
                    mark.column,
                    text,
                    event.style or "",
                    False,
                    tag,
                    event.anchor,
                )
                if event.anchor:
                    self.anchors[event.anchor] = (node, value)
                if stack:
                    frame = stack[-1]
                    if frame.is_map:
                        if frame.key_node is not None:
                            # the common case, inlined: a scalar value under a key
                            frame.data[frame.key] = value
                            frame.node.value.append((frame.key_node, node))
                            frame.node.size += 1
                            frame.node.end = node.end
                            frame.key = frame.key_node = None
                            continue
                        if tag != "merge" and value.__class__ is str and value not in frame.data:
                            # the other common case: a new text key (``take_key`` says what is wrong otherwise)
                            parent = frame.node
                            parent.end = node.end
                            parent.size += 1
                            frame.key = value
                            frame.key_node = node
                            continue
                attach(node, value)
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                mark = event.start_mark
                if len(stack) >= self.max_depth:
                    raise YamlProblem(
                        say("yaml.too_deep", depth=self.max_depth), mark.line, mark.column, say("yaml.too_deep.hint")
                    )
                is_map = cls is MappingStartEvent
                if event.ctag is not None and event.tag not in _COLLECTION_TAGS:
                    raise _unsupported_tag(event.tag, mark)
                kind = MAP if is_map else SEQ
                node = Node(
                    kind,
                    mark.index,
                    mark.index,
                    mark.line,
                    mark.column,
                    [],
                    None,
                    bool(event.flow_style),
                    kind,
                    event.anchor,
                )
                stack.append(_Frame(node, {} if is_map else [], is_map))
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                frame = stack.pop()
                node = frame.node
                if node.flow:
                    node.end = event.end_mark.index
                if node.anchor:
                    self.anchors[node.anchor] = (node, frame.data)
                attach(node, frame.data)
            elif cls is AliasEvent:
                self.attach_alias(event)
            elif cls is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    raise YamlProblem(
                        say("yaml.second_document"), mark.line, mark.column, say("yaml.second_document.hint")
                    )
        if self.root is None:
            return None, None
        node, value = self.root
        return value, node

    def attach_alias(self, event: Any) -> None:
        mark = event.start_mark
        target = self.anchors.get(event.anchor)
        if target is None:
            raise YamlProblem(
                say("yaml.unknown_alias", anchor=event.anchor),
                mark.line,
                mark.column,
                say("yaml.unknown_alias.hint", anchor=event.anchor),
            )
        anchored, value = target
        alias = Node(
            anchored.kind,
            mark.index,
            event.end_mark.index,
            mark.line,
            mark.column,
            anchored.value,
            anchored.style,
            anchored.flow,
            anchored.tag,
            None,
            anchored.size,
            event.anchor,
        )
        self.attach(alias, value)

    def attach(self, node: Node, value: Any) -> None:
        """Put a finished node into its parent (or make it the root)."""
        stack = self.stack
        if not stack:
            self.root = (node, value)
            return
        frame = stack[-1]
        parent = frame.node
        parent.end = node.end
        parent.size += node.size
        if parent.size > self.max_expanded:
            raise YamlProblem(
                say("yaml.too_expanded", limit=self.max_expanded), node.line, node.col, say("yaml.too_expanded.hint")
            )
        if not frame.is_map:
            frame.data.append(value)
            parent.value.append(node)
            return
        if frame.key_node is None:
            self.take_key(frame, node)
            return
        frame.data[frame.key] = value
        parent.value.append((frame.key_node, node))
        frame.key = frame.key_node = None

    @staticmethod
    def take_key(frame: _Frame, node: Node) -> None:
        if node.kind != SCALAR or node.alias is not None:
            raise YamlProblem(say("yaml.key_not_text"), node.line, node.col, say("yaml.key_not_text.hint"))
        if node.tag == "merge":
            raise YamlProblem(say("yaml.merge_key"), node.line, node.col, say("yaml.merge_key.hint"))
        key = node.value
        if key in frame.data:
            first = next(k for k, _v in frame.node.value if k.value == key)
            raise YamlProblem(
                say("yaml.duplicate_key", key=key, line=first.line + 1),
                node.line,
                node.col,
                say("yaml.duplicate_key.hint"),
            )
        frame.key = key
        frame.key_node = node
