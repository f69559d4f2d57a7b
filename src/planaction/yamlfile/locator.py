"""Where a data path is in a YAML text (1-based line and column), for messages that point at it.

``locate`` answers from a document's tree of nodes. A reading that did not build the tree (``load_data``
is a third faster than ``compose``) needs it only to say where its warnings are, and a plan of a
thousand actions has a few warnings: ``Locator`` then composes only the piece that holds each path
(one top-level key, or one item of a top-level list, cut as ``chunks`` cuts them) and shifts its
lines, and composes the whole text only where the cut could misread. A property test checks that
both say the same for every path of many texts.
"""

from __future__ import annotations

from typing import Any

from planaction.yamlfile.chunks import Block, cut
from planaction.yamlfile.errors import YamlProblem
from planaction.yamlfile.nodes import MAP, Node, compose, deepest_node_at, load_data, node_at

Path = tuple[str | int, ...]


def locate(root: Node | None, path: Path, *, on_key: bool = False) -> tuple[int, int]:
    """1-based line and column of the value (or, ``on_key``, of the key) at ``path``; of the deepest
    node that exists along it when the path goes further than the text."""
    if root is None:
        return 1, 1
    node, depth = deepest_node_at(root, path)
    if on_key and depth == len(path) and path and isinstance(path[-1], str):
        parent = node_at(root, path[:-1])
        key_node = parent.key_node(path[-1]) if parent is not None else None
        if key_node is not None:
            return key_node.line + 1, key_node.col + 1
    if on_key and depth == len(path) - 1 and node.kind == MAP and isinstance(path[-1], str):
        key_node = node.key_node(path[-1])
        if key_node is not None:
            return key_node.line + 1, key_node.col + 1
    return node.line + 1, node.col + 1


class Locator:
    """Locations in one text: from its tree when there is one, else piece by piece (see the module)."""

    def __init__(self, text: str, root: Node | None = None) -> None:
        self.text = text
        self._root = root
        self._blocks: dict[str, Block] | None = None
        self._cut = root is None  # whether cutting is still worth trying
        self._pieces: dict[tuple[int, int], Node | None] = {}  # (block line, item or -1) -> its nodes

    @property
    def root(self) -> Node | None:
        """The whole text's nodes, composed when first needed."""
        if self._root is None:
            self._root = compose(self.text)[1]
            self._cut = False
        return self._root

    @property
    def composed(self) -> Node | None:
        """The whole text's nodes if they were read (given, or composed for a path the pieces could not say)."""
        return self._root

    def locate(self, path: Path, *, on_key: bool = False) -> tuple[int, int]:
        if self._cut and (not path or isinstance(path[0], str)):
            found = self._in_piece(path, on_key)
            if found is not None:
                return found
        return locate(self.root, path, on_key=on_key)

    def _in_piece(self, path: Path, on_key: bool) -> tuple[int, int] | None:
        blocks = self._by_key()
        if not blocks:
            return None
        block = blocks.get(path[0]) if path else None  # type: ignore[arg-type]
        if block is None:
            # the document, or a key it lacks: the document's mapping answers, which starts at its first key
            return min(b.line for b in blocks.values()) + 1, 1
        index = path[1] if len(path) > 1 and block.items is not None else None
        inside = (path[0], 0, *path[2:])
        if index is not None and not (isinstance(index, int) and 0 <= index < len(block.items or ())):
            # a part of the list that is not there: the list answers (not its key), at its first item
            index, inside, on_key = 0, path[:1], False
        if index is None:
            root = self._piece((block.line, -1), block.text, 1)
            if root is None:
                return None
            line, col = locate(root, path, on_key=on_key)
            return block.line + line, col
        assert block.items is not None and block.item_lines is not None and isinstance(index, int)
        root = self._piece((block.line, index), block.head + block.items[index], 1, items=1)
        if root is None:
            return None
        line, col = locate(root, inside, on_key=on_key)
        # line 1 is the key's line (the head), the item's own lines follow
        return (block.line + 1 if line == 1 else block.item_lines[index] + line - 1), col

    def _piece(self, key: tuple[int, int], text: str, keys: int, *, items: int | None = None) -> Node | None:
        if key not in self._pieces:
            self._pieces[key] = _composed(text, keys, items)
        return self._pieces[key]

    def _by_key(self) -> dict[str, Block] | None:
        if self._blocks is None:
            blocks = cut(self.text)
            by_key: dict[str, Block] = {}
            for block in blocks or ():
                key = _key_of(block)
                if key is None or key in by_key:
                    self._cut = False  # a key that does not read alone, or twice: the whole text says
                    return None
                by_key[key] = block
            self._blocks = by_key
            self._cut = blocks is not None
        return self._blocks if self._cut else None


def _key_of(block: Block) -> str | None:
    """A top-level block's key, read from its first line (its whole text if that line is not YAML alone)."""
    for text in (block.head, block.text):
        try:
            data: Any = load_data(text)
        except YamlProblem:
            continue
        if isinstance(data, dict) and len(data) == 1 and isinstance(key := next(iter(data)), str):
            return key
    return None


def _composed(text: str, keys: int, items: int | None) -> Node | None:
    """The nodes of a piece, if it reads as one key (holding ``items`` list items, when given)."""
    try:
        data, root = compose(text)
    except YamlProblem:
        return None
    if root is None or not isinstance(data, dict) or len(data) != keys:
        return None
    if items is not None:
        value = next(iter(data.values()))
        if not isinstance(value, list) or len(value) != items:
            return None
    return root
