"""Where a warning points: the piece-by-piece locator must say what the whole tree says, for every
path of a text (values and keys, paths that go further than the text, lists indexed past their end),
on the example plans and on edited versions of them (comments, blank lines, dedents, CRLF, aliases,
tabs: what the cut refuses falls back to the whole tree, and must still be right)."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from planaction.yamlfile.locator import Locator, locate
from planaction.yamlfile.nodes import MAP, SEQ, Node, compose
from tests.test_chunks import EDITS, TEXTS, edit


def paths(node: Node, prefix: tuple = ()) -> Iterator[tuple]:
    """Every path to a node of the tree, and paths just past them (a missing key, an index past the end)."""
    yield prefix
    if node.kind == MAP:
        yield (*prefix, "absent")
        for key, value in node.value:
            yield from paths(value, (*prefix, key.value))
    elif node.kind == SEQ:
        yield (*prefix, len(node.value))
        yield (*prefix, -1)
        yield (*prefix, "name")
        for index, value in enumerate(node.value):
            yield from paths(value, (*prefix, index))


def differences(text: str) -> list[tuple]:
    _data, root = compose(text)
    locator = Locator(text)
    wrong = []
    for path in [*paths(root), ("absent",), ("absent", 0, "x")] if root is not None else []:
        for on_key in (False, True):
            expected = locate(root, path, on_key=on_key)
            if locator.locate(path, on_key=on_key) != expected:
                wrong.append((path, on_key, locator.locate(path, on_key=on_key), expected))
    return wrong


def test_every_example_plan_is_located_piece_by_piece_as_the_tree_says() -> None:
    for name, text in TEXTS.items():
        assert differences(text) == [], name


def test_pieces_are_used_where_they_can_be() -> None:
    """Not a fallback in disguise: a plan without anchors is located without composing it whole."""
    text = TEXTS["essms-qualite.yaml"]
    locator = Locator(text)
    assert locator.locate(("actions", 3, "due")) == locate(compose(text)[1], ("actions", 3, "due"))
    assert locator._root is None


def composes(text: str) -> bool:
    try:
        compose(text)
    except Exception:
        return False
    return True


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(sorted(TEXTS)),
    edits=st.lists(st.tuples(EDITS, st.integers(min_value=0, max_value=10_000)), min_size=1, max_size=5),
    crlf=st.booleans(),
)
def test_edited_plans_are_located_as_the_tree_says(name: str, edits: list[tuple[str, int]], crlf: bool) -> None:
    lines = TEXTS[name].splitlines(keepends=True)
    for kind, at in edits:
        lines = edit(lines, kind, at)
    text = "".join(lines)
    if crlf:
        text = text.replace("\n", "\r\n")
    if composes(text):
        assert differences(text) == []
