"""The regional proof of a save: re-reading only the windows of text that changed.

Why re-reading regions is enough. A plan is a block mapping; each of its
entries, and each item of a block list under it (an action, a log entry),
starts on a line of its own at its column and ends where the next one starts.
Every edit lies inside such pieces, called windows. Outside the windows the
new text is the old text, which read as the old plan. Each window's new text
is read again after a line that puts it back in its context (``actions:``
before action items), and must:

- begin with a line of content at the window's column (``- `` at the dash
  column for items, a key at the plan's column for entries), so that what
  comes before it ends exactly where it did;
- read completely on its own (no quote or bracket left open), and be
  followed by what followed it before: a line at a column no deeper than its
  own, which ends everything the window opened;
- hold no anchor that text outside could refer to, in its old text.

Then the new plan read from the file is the old plan with each window's old
part replaced by what the window reads as; the check compares that with the
intended plan, item by item. Any doubt (an alias, a flow-style file, a tag
directive, a window that does not read) sends the save to the whole re-read.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from planaction.core.model import Plan
from planaction.yamlfile.diff import to_data
from planaction.yamlfile.nodes import MAP, SCALAR, SEQ, Node, YamlProblem, compose
from planaction.yamlfile.patch import Edit, Patched

#: What a partial plan needs to be validated: the required keys (replaced by the window's own).
_STUB = {"schema": 1, "title": "x", "owner": "x"}
_KEY_OF_FIELD = {name: info.alias or name for name, info in Plan.model_fields.items()}
_FIELD_OF_KEY = {key: name for name, key in _KEY_OF_FIELD.items()}


class _Unproved(Exception):
    """The regional check cannot decide; the whole text is read again."""


@dataclass(frozen=True)
class _Window:
    """Pieces of the old text read again together, with the edits inside them.

    ``key`` None: entries ``first..last`` of the plan (none when ``last < first``: entries the
    edits add at a boundary); otherwise items ``first..last`` of the list under ``key``.
    """

    key: str | None
    first: int
    last: int  # inclusive
    start: int  # in the source
    end: int
    entry: int  # the entry the items are under; for entries, the one before the window
    edits: tuple[Edit, ...]


_ITEM_START = re.compile(r"( *)-(?:[ \t]|\r?\n|$)")
_ENTRY_START = re.compile(r"( *)[^ \t#\-\r\n]")
_EMPTY_LINES = re.compile(r"(?:\r?\n)*")


class _Regions:
    """The windows of one save and the proof that each reads as intended (``_Unproved`` otherwise)."""

    def __init__(self, patched: Patched, root: Node, base: Plan, plan: Plan) -> None:
        self.patched = patched
        self.source = patched.source
        self.base = base
        self.plan = plan
        if root is None or root.kind != MAP or root.flow or root.anchor or not root.value:
            raise _Unproved
        self.pairs = root.value
        self.column = self.pairs[0][0].col
        self.entry_starts = []
        for key, _value in self.pairs:
            start = self._line_start(key.start)
            if key.kind != SCALAR or key.col != self.column or self.source[start : key.start].strip(" "):
                raise _Unproved
            self.entry_starts.append(start)
        self._item_starts: dict[int, list[int | None]] = {}

    # -- the pieces of the old text ------------------------------------------------------------

    def _line_start(self, index: int) -> int:
        return self.source.rfind("\n", 0, index) + 1

    def entry_end(self, k: int) -> int:
        return self.entry_starts[k + 1] if k + 1 < len(self.entry_starts) else len(self.source)

    def items(self, k: int) -> list[Node] | None:
        """The items of entry ``k`` when each can be a piece: a block list below its key."""
        key, value = self.pairs[k]
        if value.kind != SEQ or value.flow or not value.value or value.line <= key.line or value.anchor:
            return None
        return value.value

    def item_start(self, k: int, i: int) -> int:
        """Where item ``i`` of entry ``k`` starts: the start of the line of its dash."""
        cache = self._item_starts.setdefault(k, [None] * len(self.pairs[k][1].value))
        found = cache[i]
        if found is None:
            item = self.pairs[k][1].value[i]
            dash = self.source.rfind("-", 0, item.start)
            found = self._line_start(dash)
            if (
                dash < 0
                or self.source[found:dash].strip(" ")
                or self.source[dash + 1 : item.start].strip()
                or dash - found != self.pairs[k][1].col
            ):
                raise _Unproved
            cache[i] = found
        return found

    def item_end(self, k: int, i: int) -> int:
        return self.item_start(k, i + 1) if i + 1 < len(self.pairs[k][1].value) else self.entry_end(k)

    def item_at(self, k: int, position: int) -> int | None:
        """The item of entry ``k`` whose piece holds ``position``; None in the entry's head."""
        items = self.items(k)
        if items is None or position < self.item_start(k, 0):
            return None
        return bisect.bisect_right(range(len(items)), position, key=lambda i: self.item_start(k, i)) - 1

    def entry_at(self, position: int) -> int:
        k = bisect.bisect_right(self.entry_starts, position) - 1
        if k < 0:
            raise _Unproved  # an edit before the first key (comments, directives)
        return k

    def last_scalar_keeps_lines(self, node: Node) -> bool:
        """Whether the text of ``node`` ends with a ``|+`` value, which takes blank lines after it."""
        while node.kind != SCALAR and not node.flow and node.value:
            node = node.value[-1][1] if node.kind == MAP else node.value[-1]
        if node.kind != SCALAR or node.style not in ("|", ">"):
            return False
        header = self.source[node.start : node.start + 3]
        return "+" in header[:3].split(" ")[0].split("#")[0]

    # -- windows -------------------------------------------------------------------------------

    def _adds_entries(self, edit: Edit) -> int | None:
        """For text written between two entries that starts a new entry: the entry before it."""
        if edit.start != edit.end:
            return None
        if edit.start == len(self.source):
            k = len(self.pairs) - 1
        elif edit.start in self.entry_starts[1:]:
            k = self.entry_starts.index(edit.start) - 1
        else:
            return None
        text = edit.text[_EMPTY_LINES.match(edit.text).end() :]
        match = _ENTRY_START.match(text)
        return k if match is not None and len(match.group(1)) == self.column else None

    def piece_of(self, edit: Edit) -> tuple[int, int, int | None, int | None]:
        """(first entry, last entry, first item, last item) an edit lies in; items None for whole entries."""
        start, end = edit.start, edit.end
        if start == end:  # an insertion joins the piece that ends where it is written
            k = self.entry_at(start)
            if start == self.entry_starts[k] and k > 0:
                k -= 1
                last = self.items(k)
                return (k, k, len(last) - 1, len(last) - 1) if last else (k, k, None, None)
            i = self.item_at(k, start)
            if i is not None and i > 0 and start == self.item_start(k, i):
                i -= 1
            return (k, k, i, i)
        k, last_k = self.entry_at(start), self.entry_at(end - 1)
        if last_k != k:
            return (k, last_k, None, None)
        first, last = self.item_at(k, start), self.item_at(k, end - 1)
        if first is None or last is None:
            return (k, k, None, None)
        return (k, k, first, last)

    def edits(self) -> list[Edit]:
        """The edits, and the old last line when the save gives it the final newline it lacked (a
        ``|`` value ending there would read one more line break: its piece must be read again)."""
        edits = list(self.patched.edits)
        old_length = self.patched.old_length
        if len(self.source) > old_length and any(e.start >= old_length or e.end > old_length for e in edits):
            last = old_length - 1
            edits.append(Edit(last, last + 1, self.source[last], -1))
        return edits

    def windows(self) -> list[_Window]:
        """The windows that hold the edits, in text order, each with its edits."""
        whole: list[list[Any]] = []  # [first entry, last entry, edits]
        added: dict[int, list[Edit]] = {}  # entry before -> edits adding entries after it
        items: dict[int, list[tuple[int, int, Edit]]] = {}
        for edit in self.edits():
            before = self._adds_entries(edit)
            if before is not None:
                added.setdefault(before, []).append(edit)
                continue
            k, last_k, first, last = self.piece_of(edit)
            if first is None or last is None:
                whole.append([k, last_k, [edit]])
            else:
                items.setdefault(k, []).append((first, last, edit))
        whole.sort(key=lambda w: w[0])
        merged: list[list[Any]] = []
        for group in whole:
            if merged and group[0] <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], group[1])
                merged[-1][2] += group[2]
            else:
                merged.append(group)
        windows = [
            _Window(None, first, last, self.entry_starts[first], self.entry_end(last), first - 1, tuple(edits))
            for first, last, edits in merged
        ]
        for k, edits in added.items():
            at = self.entry_end(k)
            windows.append(_Window(None, k + 1, k, at, at, k, tuple(edits)))
        for k, spans in items.items():
            taken = next((w for w in windows if w.key is None and w.first <= k <= w.last), None)
            if taken is not None:  # the entry is read whole anyway
                windows[windows.index(taken)] = _Window(
                    None, taken.first, taken.last, taken.start, taken.end, taken.entry,
                    taken.edits + tuple(edit for _f, _l, edit in spans),
                )  # fmt: skip
                continue
            spans.sort(key=lambda span: (span[0], span[1]))
            group_first, group_last, group = spans[0][0], spans[0][1], [spans[0][2]]
            for first, last, edit in spans[1:]:
                if first <= group_last:  # the same items: one window
                    group_last = max(group_last, last)
                    group.append(edit)
                    continue
                windows.append(self._items_window(k, group_first, group_last, group))
                group_first, group_last, group = first, last, [edit]
            windows.append(self._items_window(k, group_first, group_last, group))
        windows.sort(key=lambda w: (w.start, w.end))
        return windows

    def _items_window(self, k: int, first: int, last: int, edits: list[Edit]) -> _Window:
        key = self.pairs[k][0].value
        return _Window(key, first, last, self.item_start(k, first), self.item_end(k, last), k, tuple(edits))

    # -- the proof -----------------------------------------------------------------------------

    def prove(self) -> None:
        new = self.patched.text
        shift = 0  # how much longer the new text is before the current window
        entries: dict[str, Any] = {}  # what the windows of entries read as
        entry_keys: set[str] = set()  # the keys those windows held in the old text
        items: dict[str, list[tuple[int, int, tuple[Any, ...]]]] = {}
        previous_end = -1
        for window in self.windows():
            if window.start < previous_end:
                raise _Unproved  # overlapping windows: not a case of this proof
            previous_end = window.end
            growth = sum(len(e.text) - (e.end - e.start) for e in window.edits)
            if any(not (window.start <= e.start <= e.end <= window.end) for e in window.edits):
                raise _Unproved
            new_start = window.start + shift
            shift += growth
            new_end = min(window.end + shift, len(new))  # less when the save keeps a final newline missing
            text = new[new_start:new_end]
            if text and new_end < len(new) and not text.endswith("\n"):
                raise _Unproved  # the next piece's first line would be glued to this one
            text = self._after_empty_lines(window, text)
            self._refuse_anchors(window)
            if window.key is None:
                entry_keys |= {self.pairs[k][0].value for k in range(window.first, window.last + 1)}
                got = self._read_entries(text)
                if set(got) & set(entries):
                    raise _Unproved
                entries.update(got)
            else:
                got_items = self._read_items(window.key, self.pairs[window.entry][1].col, text)
                items.setdefault(window.key, []).append((window.first, window.last + 1, got_items))
        self._compare(entries, entry_keys, items)

    def _after_empty_lines(self, window: _Window, text: str) -> str:
        """A window's text may start with empty lines (what a removal leaves) unless the piece before it
        ends with a ``|+`` value, which would take them."""
        skipped = _EMPTY_LINES.match(text).end()
        if not skipped:
            return text
        if window.key is not None:
            before = self.pairs[window.entry][1].value[window.first - 1] if window.first > 0 else None
        else:
            before = self.pairs[window.entry][1] if window.entry >= 0 else None
        if before is not None and self.last_scalar_keeps_lines(before):
            raise _Unproved
        return text[skipped:]

    def _refuse_anchors(self, window: _Window) -> None:
        """An anchor in a window's old text could be used outside it, which this proof does not see."""
        if window.key is None:
            stack = [self.pairs[k][1] for k in range(window.first, window.last + 1)]
        else:
            stack = list(self.pairs[window.entry][1].value[window.first : window.last + 1])
        _refuse_anchors_in(stack)

    def _read(self, text: str) -> Any:
        """What a window reads as; it may define no anchor (an alias after it would then change)."""
        try:
            data, node = compose(text)
        except YamlProblem:
            raise _Unproved from None
        _refuse_anchors_in([node] if node is not None else [])
        return data

    def _read_entries(self, text: str) -> dict[str, Any]:
        if not text:
            return {}
        match = _ENTRY_START.match(text)
        if match is None or len(match.group(1)) != self.column:
            raise _Unproved
        data = self._read(text)
        if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
            raise _Unproved
        return data

    def _read_items(self, key: str, column: int, text: str) -> tuple[Any, ...]:
        if not text:
            return ()
        match = _ITEM_START.match(text)
        if match is None or len(match.group(1)) != column:
            raise _Unproved
        data = self._read(" " * self.column + key + ":\n" + text)
        if not isinstance(data, dict) or list(data) != [key] or not isinstance(data[key], list):
            raise _Unproved
        return tuple(self._validate({key: data[key]})[key])

    @staticmethod
    def _validate(data: dict[str, Any]) -> dict[str, Any]:
        """What a part of a plan reads as, field by field."""
        try:
            plan = Plan.model_validate({**_STUB, **data})
        except ValidationError:
            raise _Unproved from None
        return {key: getattr(plan, _FIELD_OF_KEY[key]) for key in data if key in _FIELD_OF_KEY}

    def _compare(
        self,
        entries: dict[str, Any],
        entry_keys: set[str],
        items: dict[str, list[tuple[int, int, tuple[Any, ...]]]],
    ) -> None:
        """The plan read from the new file, pieced together, against the plan intended."""
        outside = {key.value for key, _v in self.pairs} - entry_keys
        if outside & set(entries) or set(entries) - set(_FIELD_OF_KEY):
            raise _Unproved  # a key written twice or unknown: the whole re-read says where
        read = self._validate(entries) if entries else {}
        for name, key in _KEY_OF_FIELD.items():
            if key in entry_keys or key in entries:
                got = read.get(key)
                if (_image(got) if got is not None else None) != _field_image(self.plan, name):
                    raise _Unproved
            elif key in items:
                if not (_present(self.plan, name) and _present(self.base, name)):
                    raise _Unproved
                _compare_items(getattr(self.base, name), getattr(self.plan, name), items[key])
            elif _present(self.plan, name) != _present(self.base, name) or (
                _present(self.plan, name) and not _same(getattr(self.base, name), getattr(self.plan, name))
            ):
                raise _Unproved


def _refuse_anchors_in(stack: list[Node]) -> None:
    while stack:
        node = stack.pop()
        if node.anchor or node.alias:
            raise _Unproved
        if node.kind == MAP:
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
        elif node.kind == SEQ:
            stack.extend(node.value)


def _compare_items(old: tuple[Any, ...], new: tuple[Any, ...], windows: list[tuple[int, int, tuple]]) -> None:
    """``new`` must be ``old`` with each window's items replaced by what the window reads as."""
    position = 0  # in new
    done = 0  # in old
    for first, stop, got in sorted(windows, key=lambda w: w[0]):
        kept = first - done
        if kept < 0 or position + kept + len(got) > len(new):
            raise _Unproved
        for offset in range(kept):
            if not _same(old[done + offset], new[position + offset]):
                raise _Unproved
        position += kept
        for offset, item in enumerate(got):
            if not _same(item, new[position + offset]):
                raise _Unproved
        position += len(got)
        done = stop
    rest = len(old) - done
    if len(new) - position != rest:
        raise _Unproved
    for offset in range(rest):
        if not _same(old[done + offset], new[position + offset]):
            raise _Unproved


def _image(value: Any) -> Any:
    return to_data(value)


def _field_image(model: BaseModel, name: str) -> Any:
    """A field as ``to_data`` writes it, or None when it is absent."""
    return _image(getattr(model, name)) if _present(model, name) else None


def _present(model: BaseModel, name: str) -> bool:
    return name in model.model_fields_set and getattr(model, name) is not None


def _same(a: Any, b: Any) -> bool:
    """Equal as written; by identity first, as operations share what they do not change."""
    if a is b:
        return True
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(x is y or _same(x, y) for x, y in zip(a, b, strict=True))
    return to_data(a) == to_data(b)
