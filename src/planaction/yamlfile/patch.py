"""Apply changes to a plan's text by splicing at node spans.

Untouched bytes stay untouched by construction: a change to one field
rewrites that scalar only; a removed item takes its own lines (and the
comments indented under it) with it; a new item is written in the file's own
indentation after its predecessor. Everything else — comments, blank lines,
key order, quotes, line endings — is the user's and stays as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from planaction.message import say
from planaction.yamlfile import emit as yamlemit
from planaction.yamlfile.diff import INSERT, REMOVE, SET, Change
from planaction.yamlfile.emit import Style
from planaction.yamlfile.layout import detect_style, flow_rewrites, needs_coarse
from planaction.yamlfile.nodes import MAP, SCALAR, SEQ, Node, node_at
from planaction.yamlfile.splice import Edit, Patched, PatchError, Splicer

__all__ = [
    "Edit",
    "PatchError",
    "Patched",
    "Patcher",
    "apply_changes",
    "detect_style",
    "flow_rewrites",
    "needs_coarse",
    "patch",
]

Path = tuple[str | int, ...]


class Patcher(Splicer):
    """Turns changes into edits of one text (set, remove, insert), then applies them."""

    def apply(self, changes: Iterable[Change]) -> str:
        for change in changes:
            if change.op == SET:
                self.set(change.path, change.value)
            elif change.op == REMOVE:
                self.remove(change.path)
            elif change.op == INSERT:
                self.insert(change.path, change.key, change.value, change.after)
        return self.result()

    def set(self, path: Path, value: Any) -> None:
        node = node_at(self.root, path)
        if node is None:
            raise PatchError(say("patch.no_node", path=str(path)))
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
            raise PatchError(say("patch.root"))
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
            raise PatchError(say("patch.no_node", path=str(path)))
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
            raise PatchError(say("patch.no_node", path=str(path)))
        if container.flow:
            self.insert_flow(container, key, value)
        elif container.kind == MAP:
            self.insert_entry(container, str(key), value, after)
        elif container.kind == SEQ:
            self.insert_item(container, int(key or 0), value)
        else:
            raise PatchError(say("patch.into_scalar"))

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


def patch(text: str, root: Node, changes: list[Change], style: Style) -> Patched:
    """The text with the changes spliced in, and the edits that did it."""
    patcher = Patcher(text, root, style)
    new_text = patcher.apply(changes)
    return Patched(new_text, patcher.text, tuple(patcher.placed), len(text))


def apply_changes(text: str, root: Node, changes: list[Change], style: Style) -> str:
    """The text with the changes spliced in."""
    return patch(text, root, changes, style).text
