"""A plan file's layout as a patch needs it: its indentation and quoting habits, and which values
must be rewritten whole rather than patched piece by piece (aliases, flow collections that lose items).

Read from the nodes only, never from the plan; ``patch`` uses it to write new text the way the
file already looks.
"""

from __future__ import annotations

from collections.abc import Iterable

from planaction.yamlfile.diff import INSERT, REMOVE, Change
from planaction.yamlfile.emit import Style
from planaction.yamlfile.nodes import MAP, SCALAR, SEQ, Node, node_at

Path = tuple[str | int, ...]


def needs_coarse(root: Node, path: Path) -> bool:
    """Whether changes at ``path`` must replace the whole value there (an alias, or nothing to patch).

    Inside flow collections (``[a, b]``, ``{k: v}``, a JSON-style file) scalars are set, and
    items added or removed, in place: a one-field change stays a one-field diff.
    """
    node = node_at(root, path)
    return node is None or node.alias is not None


def flow_rewrites(root: Node, changes: Iterable[Change]) -> set[Path]:
    """Flow collections (``[a, b]``, ``{k: v}``) whose items come and go in ways that are written
    more surely as the whole collection on its line: items removed from a list, a mapping that
    loses keys and gains others (or loses several, or all), several items added to an empty one.
    Items only added, or one key removed, are patched in place, like every scalar set inside."""
    added: dict[Path, int] = {}
    removed: dict[Path, int] = {}
    for change in changes:
        if change.op == INSERT:
            added[change.path] = added.get(change.path, 0) + 1
        elif change.op == REMOVE:
            removed[change.path[:-1]] = removed.get(change.path[:-1], 0) + 1
    rewrites = set()
    for path in {*added, *removed}:
        node = node_at(root, path)
        if node is None or not node.flow:
            continue
        gone = removed.get(path, 0)
        losing = gone and (node.kind == SEQ or gone > 1 or path in added or gone >= len(node.value))
        filling_empty = not node.value and added.get(path, 0) > 1
        if losing or filling_empty:
            rewrites.add(path)
    return rewrites


def detect_style(root: Node | None, text: str) -> Style:
    """Read the file's indentation steps, quote and list habits from its nodes."""
    map_indent = seq_indent = item_offset = None
    quotes = {"'": 0, '"': 0}
    flow_lists = block_lists = 0
    stack = [root] if root is not None else []
    seen = 0
    # Walked in the file's order, the first items of each list: the votes (quotes, list style)
    # settle within a few hundred items, and a save pays for this walk.
    while stack and (seen < 3000 or None in (map_indent, seq_indent, item_offset)) and seen < 20000:
        node = stack.pop()
        seen += 1
        if node.kind == MAP and not node.flow:
            values = []
            for key, value in node.value:
                if value.kind == MAP and not value.flow and value.line > key.line and map_indent is None:
                    map_indent = value.col - key.col
                if value.kind == SEQ and not value.flow and value.line > key.line and seq_indent is None:
                    seq_indent = value.col - key.col
                if value.kind == SEQ and value.value and all(v.kind == SCALAR for v in value.value):
                    if value.flow:
                        flow_lists += 1
                    else:
                        block_lists += 1
                if value.kind == SCALAR and value.style in quotes:
                    quotes[value.style] += 1
                values.append(value)
            stack.extend(reversed(values))
        elif node.kind == SEQ and node.value:
            first = node.value[0]
            if first.kind == MAP and not first.flow and not node.flow and item_offset is None:
                item_offset = first.col - node.col
            stack.extend(reversed(node.value[:200]))
    newline = "\r\n" if "\r\n" in text[:10000] else "\n"
    json = root is not None and root.kind == MAP and root.flow and all(k.style == '"' for k, _v in root.value)
    return Style(
        map_indent=map_indent if map_indent and map_indent > 0 else 2,
        seq_indent=seq_indent if seq_indent is not None and seq_indent >= 0 else 2,
        item_offset=item_offset if item_offset and item_offset >= 2 else 2,
        quote="'" if quotes["'"] > quotes['"'] else '"',
        flow_scalar_lists=flow_lists > block_lists,
        newline=newline,
        json=json,
    )
