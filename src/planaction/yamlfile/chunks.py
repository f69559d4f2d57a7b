"""The data of many versions of one YAML document, parsing only what changed from one to the next.

``planaction history`` reads a plan at each of a hundred commits; two commits differ by a few
lines, yet a full parse costs the same each time (the YAML events dominate). A document is cut
into its top-level keys, and a key holding a block sequence into its items; each piece's text is
parsed once and remembered, so that a version costs the pieces it changed. The pieces are parsed
together, one call per top-level key, as the document would be.

Anything this cutting could misread (a directive or a second document, a tab, a top-level key
whose value spans pieces, an alias to an anchor in another piece, a piece that does not parse)
makes ``load`` return None: the caller parses the whole text, which says what is wrong where.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from planaction.yamlfile.nodes import load_data

_KEY = re.compile(r"[^\s#\-]")  # a line that starts a top-level key (not indented, not a comment)
_TOP_LEVEL = re.compile(r"(?m)^(?=[^\s#\-])")  # cuts a text before each top-level key (the rule)
_NEXT_TOP_LEVEL = re.compile(r"\n(?=[^\s#\-])")  # the same cut, found from its line break: 6x faster
_ITEM = re.compile(r"( *)- ")  # a block sequence item and its indentation
_EMPTY_VALUE = re.compile(r"[^\s#][^#]*:\s*(#.*)?$")  # "actions:" with its value below


def may_hold_anchor_or_alias(text: str) -> bool:
    """Whether ``text`` may hold an anchor or an alias (or a word like *this*: then no cutting): a ``&`` or
    ``*`` at the start or after a space, a bracket, a brace or a comma, before a non-space. Said by
    looking at each ``&`` and ``*`` (a plan has a few) rather than by a regular expression tried at each
    of its characters (12 ms on 450 KB; the test keeps the two equal)."""
    for char in "&*":
        at = text.find(char)
        while at >= 0:
            if (at == 0 or text[at - 1] in "[{," or text[at - 1].isspace()) and text[at + 1 : at + 2].strip():
                return True
            at = text.find(char, at + 1)
    return False


def _may_be_misread(text: str) -> bool:
    """Whether cutting ``text`` into pieces could misread it: a directive or a second document, a tab,
    an anchor or alias (which tie pieces together)."""
    if "\t" in text or text.startswith(("%", "---")) or "\n---" in text or "\n..." in text:
        return True
    return may_hold_anchor_or_alias(text)


class ChunkedLoader:
    """Loads versions of a document, remembering each piece's data by its text."""

    def __init__(self) -> None:
        self._pieces: dict[str, Any] = {}  # a top-level key's text -> its (key, value)
        self._items: dict[tuple[str, str], Any] = {}  # (key line, item text) -> the item's data

    def load(self, text: str) -> dict[str, Any] | None:
        if "\t" in text or text.startswith(("%", "---")) or "\n---" in text or "\n..." in text:
            return None
        data: dict[str, Any] = {}
        for block in top_level(text):
            if not block or not _KEY.match(block):
                continue  # the comments and blank lines before the first key
            key_value = self._block(block)
            if key_value is None or key_value[0] in data:
                return None
            data[key_value[0]] = key_value[1]
        return data

    def prime(self, text: str, data: Any) -> None:
        """Remember the pieces of ``text``, whose whole parse gave ``data`` (a reading that built its
        nodes too, as the merge driver's of ours): a version loaded after it parses only the pieces
        that differ. Nothing is remembered where the cut could misread: what ``load`` refuses, a
        count of pieces or items that is not the data's, an anchor or alias (it ties pieces)."""
        if not isinstance(data, dict) or _may_be_misread(text):
            return
        blocks = [block for block in top_level(text) if block and _KEY.match(block)]
        if len(blocks) != len(data):
            return
        pieces: dict[str, Any] = {}
        items: dict[tuple[str, str], Any] = {}
        for block, (key, value) in zip(blocks, data.items(), strict=True):
            head, found = head_and_items(block)
            if found:
                if not isinstance(value, list) or len(value) != len(found):
                    return
                items.update(((head, item), one) for item, one in zip(found, value, strict=True))
            pieces[block] = (key, value)
        self._pieces.update(pieces)
        self._items.update(items)

    def _block(self, whole: str) -> tuple[str, Any] | None:
        if whole in self._pieces:
            return self._pieces[whole]
        head, items = head_and_items(whole)
        found = self._sequence(head, items) if items else self._parse(whole)
        if found is not None:
            self._pieces[whole] = found
        return found

    def _sequence(self, head: str, items: list[str]) -> tuple[str, Any] | None:
        """A key holding a block sequence: only the items not seen before are parsed (in one call)."""
        new = [item for item in dict.fromkeys(items) if (head, item) not in self._items]
        if new:
            parsed = self._parse(head + "".join(new))
            if parsed is None or not isinstance(parsed[1], list) or len(parsed[1]) != len(new):
                return None  # an item was more than one (or none): cut wrongly, read the whole
            for item, value in zip(new, parsed[1], strict=True):
                self._items[(head, item)] = value
            key = parsed[0]
        else:
            parsed = self._parse(head.rstrip("\n") + "\n")  # "actions:": its key
            if parsed is None:
                return None
            key = parsed[0]
        return key, [self._items[(head, item)] for item in items]

    @staticmethod
    def _parse(text: str) -> tuple[str, Any] | None:
        try:
            data = load_data(text)
        except Exception:
            return None
        if not isinstance(data, dict) or len(data) != 1:
            return None
        return next(iter(data.items()))


class Block:
    """A top-level key's text as cut from a document: its first line's number (0-based), and for a key
    holding a block sequence, its items' texts and first lines."""

    __slots__ = ("item_lines", "items", "line", "text")

    def __init__(self, text: str, line: int, items: list[str] | None, item_lines: list[int] | None) -> None:
        self.text = text
        self.line = line
        self.items = items
        self.item_lines = item_lines

    @property
    def head(self) -> str:
        """The key's line ("actions:"), to which an item is appended to be read alone, as ``load`` does."""
        return self.text[: self.text.find("\n") + 1] if "\n" in self.text else self.text + "\n"


def cut(text: str) -> list[Block] | None:
    """The document's top-level pieces as ``ChunkedLoader`` reads them, with where each starts; None
    where the cut could misread (the same refusals as ``prime``: a directive, a second document, a
    tab, an anchor or alias, which tie pieces together)."""
    if _may_be_misread(text) or has_odd_break(text):
        return None  # (odd breaks: ``splitlines`` would count lines where libyaml does not)
    blocks: list[Block] = []
    line = 0
    for block in top_level(text):
        if block and _KEY.match(block):
            items = head_and_items(block)[1]
            item_lines = None
            if items:
                # the items are the end of the block, one after the other, after the key's line and any
                # comment or blank line before the first
                first = line + block.count("\n", 0, len(block) - sum(map(len, items)))
                item_lines = list(itertools.accumulate((item.count("\n") for item in items[:-1]), initial=first))
            blocks.append(Block(block, line, items or None, item_lines))
        line += block.count("\n")
    return blocks


def top_level(text: str) -> list[str]:
    """``text`` cut before each top-level key: ``_TOP_LEVEL.split(text)``, said by looking for the line
    breaks before them (the expression alone tries ``^`` at each of 450,000 characters: 9 ms)."""
    starts = [0, *(match.end() for match in _NEXT_TOP_LEVEL.finditer(text)), len(text)]
    if text and _KEY.match(text):
        starts.insert(0, 0)  # a key on the first line: the split's empty first piece
    return [text[a:b] for a, b in itertools.pairwise(starts)]


def head_and_items(block: str) -> tuple[str, list[str] | None]:
    """A top-level block's first line and, when its value is a block sequence below it, the items'
    texts (``_items``). The first line is found from its line break unless the block breaks lines
    otherwise than LF and CRLF, where ``str.splitlines`` is the rule."""
    if has_odd_break(block):
        lines = block.splitlines(keepends=True)
        return lines[0], _items(lines) if _EMPTY_VALUE.match(lines[0]) else None
    end = block.find("\n") + 1 or len(block)
    head = block[:end]
    return head, _items_below(head, block[end:]) if _EMPTY_VALUE.match(head) else None


#: Line breaks other than LF and CRLF: ``str.splitlines`` cuts there, a regular expression's ``^`` does not.
_ODD_BREAKS = re.compile("\r(?!\n)|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_ODD_BREAK_CHARS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def has_odd_break(text: str) -> bool:
    """Whether ``_ODD_BREAKS`` is in ``text``; looked for only where one of its characters is (the
    expression costs 5 ms on 450 KB, ``in`` a tenth of a millisecond per character)."""
    return any(char in text for char in _ODD_BREAK_CHARS) and _ODD_BREAKS.search(text) is not None


_FIRST_ITEM = re.compile(r"(?m)^( *)- ")


def _items(lines: list[str]) -> list[str] | None:
    """The items of a block sequence under ``lines[0]`` as texts, each with its indentation; None
    when the value below is not a block sequence of items at one indentation. Cut by regular
    expressions (a thousand items in a millisecond); ``_items_by_line`` says the same line by line,
    and is the rule where lines break otherwise than LF or CRLF."""
    body = "".join(lines[1:])
    if has_odd_break(body):
        return _items_by_line(lines)
    return _items_below(lines[0], body)


def _items_below(head: str, body: str) -> list[str] | None:
    """``_items`` of a key's line and the text below it, which breaks lines only by LF and CRLF."""
    first = _FIRST_ITEM.search(body)
    if first is None:
        return None
    before = body[: first.start()]
    if any(line.strip() and not line.strip().startswith("#") for line in before.splitlines()):
        return None  # something else than an item first
    indent = re.escape(first.group(1))
    rest = body[first.start() :]
    # a line that is neither an item, nor inside one (more indented), nor blank, nor a comment (each
    # pattern starts with a line break, which the engine finds fast, rather than at every position)
    if re.search(rf"\n(?!{indent}(?: |- )|[ \r]*(?:\n|$)|\s*#)", rest):
        # which says None, or what an unusual blank (NBSP...) means
        return _items_by_line((head + body).splitlines(keepends=True))
    starts = [0, *(m.end() for m in re.finditer(rf"\n(?={indent}- )", rest)), len(rest)]
    return [rest[a:b] for a, b in itertools.pairwise(starts)]


def _items_by_line(lines: list[str]) -> list[str] | None:
    """``_items``, line by line."""
    items: list[list[str]] = []
    indent: str | None = None
    for line in lines[1:]:
        stripped = line.strip()
        match = _ITEM.match(line)
        if match and (indent is None or match.group(1) == indent):
            indent = match.group(1)
            items.append([line])
        elif not items:
            if stripped and not stripped.startswith("#"):
                return None  # something else than an item first
        else:
            if stripped and not line.startswith(indent + " ") and not stripped.startswith("#"):
                return None  # a line less indented than the items: not one of them
            items[-1].append(line)
    return ["".join(item) for item in items] or None
