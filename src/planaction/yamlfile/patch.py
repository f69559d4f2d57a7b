"""Apply changes to a plan's text by splicing at node spans.

Untouched bytes stay untouched by construction: a change to one field
rewrites that scalar only; a removed item takes its own lines (and the
comments indented under it) with it; a new item is written in the file's own
indentation after its predecessor. Everything else — comments, blank lines,
key order, quotes, line endings — is the user's and stays as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from planaction.yamlfile import emit as yamlemit
from planaction.yamlfile.diff import INSERT, REMOVE, SET, Change
from planaction.yamlfile.emit import Style
from planaction.yamlfile.nodes import MAP, SCALAR, SEQ, Node, node_at

Path = tuple[str | int, ...]

#: The indicators of a block scalar header: style, then chomping and indentation in either order.
_BLOCK_INDICATORS = re.compile(r"[|>](?:[+-][1-9]?|[1-9][+-]?)?")


class PatchError(Exception):
    """A change the text cannot take piecemeal (the caller re-renders more coarsely)."""


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str
    order: int = 0


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


class Patcher:
    """Turns changes into edits of one text, then applies them."""

    def __init__(self, text: str, root: Node, style: Style) -> None:
        # work on text that ends with a newline; a missing one stays missing
        self.missing_newline = bool(text) and not text.endswith("\n")
        self.text = text + style.newline if self.missing_newline else text
        self.root = root
        self.style = style
        self.edits: list[Edit] = []
        self.placed: list[Edit] = []  # the edits as applied, once ``result`` ran
        self._order = 0

    # -- text geometry -------------------------------------------------------

    def line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def line_end(self, index: int) -> int:
        """Index just past the newline of the line holding ``index``."""
        end = self.text.find("\n", index)
        return len(self.text) if end < 0 else end + 1

    def block_header(self, node: Node) -> tuple[str, str]:
        """A block scalar's indicators (``|+2``) and what follows them on the header line (a comment)."""
        line_end = self.text.find("\n", node.start)
        header = self.text[node.start : len(self.text) if line_end < 0 else line_end].rstrip("\r")
        match = _BLOCK_INDICATORS.match(header)
        indicators = match.group(0) if match else header[:1]
        return indicators, header[len(indicators) :]

    def content_end(self, node: Node) -> int:
        """Where the node's own text ends, short of the newline of its last line.

        Blank lines after a block scalar are separators, except with keep
        chomping (``|+``, ``>+``): there they are part of the value, and
        whatever is written after the value goes after them.
        """
        if node.kind == SCALAR and node.style in ("|", ">"):
            end = node.end
            if "+" in self.block_header(node)[0]:
                if self.text[end - 1 : end] == "\n":
                    end -= 1
                    if self.text[end - 1 : end] == "\r":
                        end -= 1
                return end
            while end > node.start and self.text[end - 1] in " \t\r\n":
                end -= 1
            return end
        if node.kind != SCALAR and not node.flow and node.value:
            last = node.value[-1]
            return self.content_end(last[1] if node.kind == MAP else last)
        return node.end

    def extent_end(self, last_node: Node, column: int) -> int:
        """End of an entry: its last line, then comment lines indented deeper than ``column``."""
        end = self.line_end(self.content_end(last_node))
        text = self.text
        while end < len(text):
            next_end = self.line_end(end)
            line = text[end:next_end]
            stripped = line.lstrip(" ")
            indent = len(line) - len(stripped)
            if stripped.startswith("#") and indent > column:
                end = next_end
                continue
            break
        return end

    def blank_lines_above(self, line_start: int, floor: int = 0) -> int:
        """Move a line start up over the blank lines right above it (separators), not above ``floor``
        (where the previous sibling's text ends: a keep-chomped value owns its blank lines)."""
        while line_start > floor:
            previous = self.line_start(line_start - 1)
            if self.text[previous:line_start].strip(" \t\r\n"):
                break
            line_start = previous
        return line_start

    def blank_lines_below(self, end: int) -> int:
        while end < len(self.text):
            next_end = self.line_end(end)
            if self.text[end:next_end].strip(" \t\r\n"):
                break
            end = next_end
        return end

    def dash_before(self, item: Node) -> int:
        """Index of the "-" that introduces a block sequence item."""
        return self.text.rfind("-", 0, item.start)

    def column_of(self, index: int) -> int:
        return index - self.line_start(index)

    # -- edits ---------------------------------------------------------------

    def edit(self, start: int, end: int, text: str) -> None:
        if self.style.newline != "\n":
            text = text.replace("\n", self.style.newline)
        self._order += 1
        self.edits.append(Edit(start, end, text, self._order))

    def lines(self, lines: Iterable[str]) -> str:
        return "".join(line + "\n" for line in lines)

    def apply(self, changes: Iterable[Change]) -> str:
        for change in changes:
            if change.op == SET:
                self.set(change.path, change.value)
            elif change.op == REMOVE:
                self.remove(change.path)
            elif change.op == INSERT:
                self.insert(change.path, change.key, change.value, change.after)
        return self.result()

    def merged_edits(self) -> list[Edit]:
        """Edits in text order; removals that share blank lines merge, and an
        insertion that falls inside a removal moves to the removal's end."""
        edits = sorted(self.edits + self.anchor_moves(), key=lambda e: (e.start, e.end, e.order))
        removals = [e for e in edits if e.text == "" and e.end > e.start]
        placed: list[Edit] = []
        for edit in edits:
            if edit.start == edit.end:
                for removal in removals:
                    if removal.start < edit.start < removal.end:
                        edit = Edit(removal.end, removal.end, edit.text, edit.order)
            placed.append(edit)
        placed.sort(key=lambda e: (e.start, e.end, e.order))
        merged: list[Edit] = []
        for edit in placed:
            last = merged[-1] if merged else None
            if last is not None and edit.start < last.end and last.text == "" and edit.text == "":
                merged[-1] = Edit(last.start, max(last.end, edit.end), "", last.order)
                continue
            merged.append(edit)
        return merged

    @staticmethod
    def last_scalar(node: Node) -> Node:
        """The node whose text ends a block collection's text (itself if it is not one)."""
        while node.kind != SCALAR and not node.flow and node.value:
            node = node.value[-1][1] if node.kind == MAP else node.value[-1]
        return node

    def keeps_trailing_lines(self, node: Node) -> bool:
        """Whether blank lines written right after ``node`` would become part of its value (``|+``)."""
        last = self.last_scalar(node)
        return last.kind == SCALAR and last.style in ("|", ">") and "+" in self.block_header(last)[0]

    def strip_last_block_scalar(self) -> None:
        """Text written after the last line of a file that had no final newline gives that line one:
        a block scalar ending there (``|`` or ``|+``) would read one line break more. Its header
        becomes ``|-``, which reads the same text without it."""
        node = self.last_scalar(self.root)
        original_end = len(self.text) - len(self.style.newline)
        if node.kind != SCALAR or node.style not in ("|", ">") or node.end < original_end or node.value.endswith("\n"):
            return
        indicators, _comment = self.block_header(node)
        if "-" in indicators or any(e.start <= node.start < e.end or e.start == node.start for e in self.edits):
            return
        stripped = indicators.replace("+", "-") if "+" in indicators else indicators + "-"
        self.edit(node.start, node.start + len(indicators), stripped)

    def result(self) -> str:
        original_end = len(self.text) - len(self.style.newline)
        if self.missing_newline and any(e.start >= original_end for e in self.edits):
            self.strip_last_block_scalar()
        edits = self.merged_edits()
        self.placed = edits
        out: list[str] = []
        position = 0
        for edit in edits:
            if edit.start < position:
                raise PatchError("overlapping edits")
            out.append(self.text[position : edit.start])
            out.append(edit.text)
            position = edit.end
        out.append(self.text[position:])
        result = "".join(out)
        original_end = len(self.text) - len(self.style.newline)
        end_untouched = all(e.end <= original_end and e.start < original_end for e in edits)
        if self.missing_newline and end_untouched and result.endswith(self.style.newline):
            result = result[: -len(self.style.newline)]
        return result

    def anchor_moves(self) -> list[Edit]:
        """Keep aliases valid when the text defining their anchor is edited away.

        The definition (``&d 2025-03-01``) moves to the first alias (``*d``)
        that stays, so every value the file held is still there.
        """
        if "&" not in self.text or "*" not in self.text:
            return []
        definitions: list[Node] = []
        aliases: list[Node] = []
        stack = [self.root]
        while stack:
            node = stack.pop()
            if node.alias is not None:
                aliases.append(node)
                continue
            if node.anchor:
                definitions.append(node)
            if node.kind == MAP:
                for key, value in node.value:
                    stack.extend((value, key))
            elif node.kind == SEQ:
                stack.extend(node.value)
        if not definitions or not aliases:
            return []
        regions = [(e.start, e.end) for e in self.edits if e.end > e.start]

        def edited(node: Node) -> bool:
            return any(start <= node.start and node.end <= end for start, end in regions)

        definitions.sort(key=lambda n: n.start)
        moves = []
        for i, definition in enumerate(definitions):
            if not edited(definition):
                continue
            later = [d.start for d in definitions[i + 1 :] if d.anchor == definition.anchor]
            until = later[0] if later else len(self.text) + 1
            uses = sorted(
                (
                    a
                    for a in aliases
                    if a.alias == definition.anchor and definition.start < a.start < until and not edited(a)
                ),
                key=lambda a: a.start,
            )
            if not uses:
                continue
            if definition.kind != SCALAR and not definition.flow:
                raise PatchError(
                    f"this change removes the anchor &{definition.anchor} (line {definition.line + 1}),"
                    f" which *{definition.anchor} still uses at line {uses[0].line + 1}; write that value out in full first"
                )
            self._order += 1
            moves.append(
                Edit(
                    uses[0].start,
                    uses[0].end,
                    self.text[definition.start : definition.end],
                    self._order,
                )
            )
        return moves

    # -- set -----------------------------------------------------------------

    def set(self, path: Path, value: Any) -> None:
        node = node_at(self.root, path)
        if node is None:
            raise PatchError(f"no node at {path}")
        parent = node_at(self.root, path[:-1]) if path else None
        is_collection = isinstance(value, (dict, list))
        if parent is not None and parent.flow:
            # inside [a, b] or {k: v}: everything stays on one line
            rendered = (
                yamlemit.flow(value, self.style)
                if is_collection
                else yamlemit.scalar(value, self.style, prefer=node.style or "", flow=True)
            )
            self.edit(node.start, node.end, rendered)
            return
        if node.kind == SCALAR and node.alias is None and not is_collection:
            if isinstance(value, str) and "\n" in value:
                if node.style in ("|", ">"):
                    self.set_block_scalar(node, value, path)
                else:
                    self.replace_slot(path, node, value)
                return
            prefer = node.style if node.style in ("'", '"') else ""
            rendered = yamlemit.scalar(value, self.style, prefer=prefer)
            if node.start == node.end and self.text[node.start - 1 : node.start] not in (" ", "\t"):
                rendered = " " + rendered
            if node.style in ("|", ">"):
                rendered += self.block_header(node)[1]  # the header's comment, if any
            self.edit(node.start, self.content_end(node), rendered)
            return
        if node.flow and is_collection and node.alias is None:
            self.edit(node.start, node.end, yamlemit.flow(value, self.style))
            return
        self.replace_slot(path, node, value)

    def set_block_scalar(self, node: Node, value: str, path: Path) -> None:
        # keep the indentation the old block used
        first_line_end = self.line_end(node.start)
        body = self.text[first_line_end : self.content_end(node)]
        indent = len(body) - len(body.lstrip(" ")) if body.strip() else self.style.map_indent
        block = yamlemit.literal_block(value, indent)
        if block is None or self.comments_below_reach(self.content_end(node), indent):
            self.replace_slot(path, node, value)
            return
        header_comment = self.block_header(node)[1]
        self.edit(node.start, self.content_end(node), block[0] + header_comment + "\n" + "\n".join(block[1:]))

    def replace_slot(self, path: Path, node: Node, value: Any) -> None:
        """Replace a whole value after its ``key:`` or ``-`` with a new one."""
        parent = node_at(self.root, path[:-1])
        if parent is None:
            raise PatchError("cannot replace the root")
        if parent.kind == MAP:
            key_node = parent.key_node(str(path[-1]))
            assert key_node is not None
            slot_start = self.text.index(":", key_node.end) + 1
            owner_col = key_node.col
            child_col_map = owner_col + self.style.map_indent
            child_col_seq = owner_col + self.style.seq_indent
        else:
            slot_start = self.dash_before(node) + 1
            owner_col = parent.col
            child_col_map = child_col_seq = owner_col + self.style.item_offset
        end = self.content_end(node)
        head_comment = ""
        if node.kind == SCALAR and node.style in ("|", ">"):
            head_comment = self.block_header(node)[1]
        else:
            end, head_comment = self.trailing_comment(end)
        if value == [] and node.kind == SEQ and not node.flow and node.alias is None and parent.kind == MAP:
            # empty the list item by item, so that comments between items stay
            self.edit(slot_start, slot_start, " []")
            for index in range(len(node.value)):
                self.remove_item(node, index)
            return
        if not isinstance(value, (dict, list)):
            if isinstance(value, str) and "\n" in value:
                indent = owner_col + self.style.map_indent
                block = yamlemit.literal_block(value, indent)
                if block is not None and not self.comments_below_reach(end, indent):
                    self.write_slot(slot_start, end, " " + block[0] + "\n" + "\n".join(block[1:]), head_comment)
                    return
            self.write_slot(slot_start, end, " " + yamlemit.scalar(value, self.style), head_comment)
            return
        if not value:
            self.write_slot(slot_start, end, " " + ("{}" if isinstance(value, dict) else "[]"), head_comment)
            return
        if parent.kind == SEQ and isinstance(value, dict):
            lines = yamlemit.block_lines(value, child_col_map, self.style)
            text = " " + lines[0].lstrip(" ") + "".join("\n" + line for line in lines[1:])
            self.write_slot(slot_start, end, text, head_comment)
            return
        if (
            isinstance(value, list)
            and self.style.flow_scalar_lists
            and all(not isinstance(v, (dict, list)) and not (isinstance(v, str) and "\n" in v) for v in value)
        ):
            self.write_slot(slot_start, end, " " + yamlemit.flow(value, self.style), head_comment)
            return
        col = child_col_map if isinstance(value, dict) else child_col_seq
        lines = yamlemit.block_lines(value, col, self.style)
        self.write_slot(slot_start, end, "".join("\n" + line for line in lines), head_comment)

    def comments_below_reach(self, end: int, indent: int) -> bool:
        """Whether comment lines right below ``end`` sit at ``indent`` or deeper: a ``|`` block written
        there would read them as its own lines (a double-quoted value is written instead)."""
        position = self.line_end(end)
        while position < len(self.text):
            next_end = self.line_end(position)
            line = self.text[position:next_end].rstrip("\r\n")
            stripped = line.lstrip(" ")
            if stripped and not stripped.startswith("#"):
                return False
            if stripped and len(line) - len(stripped) >= indent:
                return True
            position = next_end
        return False

    def trailing_comment(self, end: int) -> tuple[int, str]:
        """The comment after a value on its last line: (where it ends, the comment with its spaces)."""
        line_end = self.text.find("\n", end)
        rest = self.text[end : len(self.text) if line_end < 0 else line_end].rstrip("\r")
        if rest.lstrip(" \t").startswith("#"):
            return end + len(rest), rest
        return end, ""

    def write_slot(self, start: int, end: int, text: str, comment: str) -> None:
        """Write a value over ``start:end``, its line's comment at the end of its first line.

        A value written over several lines would otherwise carry the comment of
        the old value's line to its own last line, where a block scalar reads
        it as text.
        """
        if comment:
            first, newline, rest = text.partition("\n")
            text = first + comment + newline + rest
        self.edit(start, end, text)

    # -- remove --------------------------------------------------------------

    def remove(self, path: Path) -> None:
        parent = node_at(self.root, path[:-1])
        node = node_at(self.root, path)
        if parent is None or node is None:
            raise PatchError(f"no node at {path}")
        if parent.flow:
            self.remove_flow(parent, path[-1])
            return
        if parent.kind == MAP:
            self.remove_entry(parent, str(path[-1]))
        else:
            self.remove_item(parent, int(path[-1]))

    def remove_flow(self, parent: Node, part: str | int) -> None:
        if parent.kind == SEQ:
            items = [(n.start, n.end) for n in parent.value]
            index = int(part)
        else:
            items = [(k.start, v.end if v.end > v.start else k.end) for k, v in parent.value]
            index = next(i for i, (k, _v) in enumerate(parent.value) if k.value == part)
        start, end = items[index]
        if len(items) == 1:
            self.edit(parent.start + 1, parent.end - 1, "")
        elif index + 1 < len(items):
            self.edit(start, items[index + 1][0], "")
        else:
            self.edit(items[index - 1][1], end, "")

    def remove_entry(self, mapping: Node, key: str) -> None:
        pairs = mapping.value
        index = next(i for i, (k, _v) in enumerate(pairs) if k.value == key)
        key_node, value_node = pairs[index]
        line_start = self.line_start(key_node.start)
        prefix = self.text[line_start : key_node.start]
        end = self.extent_end(value_node, key_node.col)
        if prefix.strip(" ") == "":
            if index > 0:
                floor = self.line_end(self.content_end(pairs[index - 1][1]))
                line_start = self.blank_lines_above(line_start, floor)
                if self.keeps_trailing_lines(pairs[index - 1][1]):
                    end = self.blank_lines_below(end)  # the |+ value above would take them
            self.edit(line_start, end, "")
            return
        # the key shares its line with a "- " dash: pull the next key up instead
        if index + 1 < len(pairs):
            self.edit(key_node.start, self.line_start(pairs[index + 1][0].start) + key_node.col, "")
            return
        self.edit(key_node.start, end, "{}\n")

    def remove_item(self, sequence: Node, index: int) -> None:
        """Remove an item's lines (an emptied list is written ``[]`` by ``set``)."""
        items = sequence.value
        item = items[index]
        dash = self.dash_before(item)
        line_start = self.line_start(dash)
        end = self.extent_end(item, self.column_of(dash))
        if index > 0:
            line_start = self.blank_lines_above(line_start, self.line_end(self.content_end(items[index - 1])))
        if index == 0 or self.keeps_trailing_lines(items[index - 1]):
            end = self.blank_lines_below(end)  # (a |+ value above would take them)
        self.edit(line_start, end, "")

    # -- insert --------------------------------------------------------------

    def insert(self, path: Path, key: str | int | None, value: Any, after: str | None) -> None:
        container = node_at(self.root, path)
        if container is None:
            raise PatchError(f"no node at {path}")
        if container.flow:
            self.insert_flow(container, key, value)
        elif container.kind == MAP:
            self.insert_entry(container, str(key), value, after)
        elif container.kind == SEQ:
            self.insert_item(container, int(key or 0), value)
        else:
            raise PatchError("cannot insert into a scalar")

    def insert_flow(self, container: Node, key: str | int | None, value: Any) -> None:
        if container.kind == SEQ:
            piece = yamlemit.flow(value, self.style)
            items = container.value
            index = int(key or 0)
        else:
            piece = f"{yamlemit.scalar(key, self.style, flow=True)}: {yamlemit.flow(value, self.style)}"
            items = [v for _k, v in container.value]
            index = len(items)
        if not items:
            self.edit(container.start + 1, container.start + 1, piece)
        elif index < len(items):
            start = items[index].start if container.kind == SEQ else container.value[index][0].start
            self.edit(start, start, piece + ", ")
        else:
            self.edit(items[-1].end, items[-1].end, ", " + piece)

    def _at_line_start(self, position: int, text: str) -> None:
        if position > 0 and self.text[position - 1] != "\n":
            text = "\n" + text
        self.edit(position, position, text)

    def insert_entry(self, mapping: Node, key: str, value: Any, after: str | None) -> None:
        pairs = mapping.value
        column = pairs[0][0].col if pairs else mapping.col
        anchor = next((p for p in pairs if p[0].value == after), None) if after else None
        if anchor is None:
            anchor = pairs[-1]
        position = self.extent_end(anchor[1], anchor[0].col)
        lines = yamlemit.entry_lines(key, value, column, self.style)
        self._at_line_start(position, self.lines(lines))

    def insert_item(self, sequence: Node, index: int, value: Any) -> None:
        items = sequence.value
        dash_col = sequence.col
        first = items[0]
        style = self.style
        if first.kind == MAP and not first.flow:
            offset = first.col - dash_col
            style = Style(**{**style.__dict__, "item_offset": max(offset, 2)})
        lines = yamlemit.item_lines(value, dash_col, style)
        separator = ""
        if len(items) >= 2 and not self.keeps_trailing_lines(items[min(index, len(items)) - 1]):
            gap = self.text[self.extent_end(items[-2], dash_col) : self.line_start(items[-1].start)]
            if "\n" in gap and gap.strip(" \r\n") == "":
                separator = "\n"
        if index == 0:
            dash = self.dash_before(first)
            position = self.line_start(dash)
            self.edit(position, position, self.lines(lines) + separator)
            return
        previous = items[min(index, len(items)) - 1]
        position = self.extent_end(previous, dash_col)
        self._at_line_start(position, separator + self.lines(lines))


@dataclass(frozen=True)
class Patched:
    """A patched text and how it was made: what a check needs to re-read only what changed."""

    text: str  # the new text
    source: str  # the text the edits apply to: the old one, given a final newline if it had none
    edits: tuple[Edit, ...]  # in source order, not overlapping
    old_length: int  # the length of the old text (``source`` may have one more newline)


def patch(text: str, root: Node, changes: list[Change], style: Style) -> Patched:
    """The text with the changes spliced in, and the edits that did it."""
    patcher = Patcher(text, root, style)
    new_text = patcher.apply(changes)
    return Patched(new_text, patcher.text, tuple(patcher.placed), len(text))


def apply_changes(text: str, root: Node, changes: list[Change], style: Style) -> str:
    """The text with the changes spliced in."""
    return patch(text, root, changes, style).text
