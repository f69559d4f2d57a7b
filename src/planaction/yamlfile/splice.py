"""Splicing edits into a text: where lines, values and their comments start and end, and the
edits (replace these characters by that text) applied in one pass.

The text geometry every patch operation shares, apart from the operations themselves
(``patch.Patcher`` adds set, remove and insert): an edit never touches a byte outside its span,
removals that share blank lines merge, and anchors move with the values they name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from planaction.message import SaidError, say
from planaction.yamlfile.emit import Style
from planaction.yamlfile.nodes import MAP, SCALAR, SEQ, Node

Path = tuple[str | int, ...]

#: The indicators of a block scalar header: style, then chomping and indentation in either order.
_BLOCK_INDICATORS = re.compile(r"[|>](?:[+-][1-9]?|[1-9][+-]?)?")


class PatchError(SaidError):
    """A change the text cannot take piecemeal (the caller re-renders more coarsely); says why."""


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str
    order: int = 0


@dataclass(frozen=True)
class Patched:
    """A patched text and how it was made: what a check needs to re-read only what changed."""

    text: str  # the new text
    source: str  # the text the edits apply to: the old one, given a final newline if it had none
    edits: tuple[Edit, ...]  # in source order, not overlapping
    old_length: int  # the length of the old text (``source`` may have one more newline)


class Splicer:
    """Edits of one text, and the text once they are applied (``patch.Patcher`` makes the edits)."""

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
                raise PatchError(say("patch.overlap"))
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
                    say(
                        "patch.anchor_removed",
                        anchor=definition.anchor,
                        line=definition.line + 1,
                        used_at=uses[0].line + 1,
                    )
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
